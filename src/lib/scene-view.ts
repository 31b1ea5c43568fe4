/**
 * What a scene looks like at a viewport size, as numbers: where the scene card sits, the camera
 * that keeps the scene's countries clear of it, and how transitions between scenes pace themselves.
 * Presentation mode and the export both go through `sceneMapState`, so a scene renders the same
 * on screen, off screen and from the command line.
 *
 * The layout of presentation mode, top to bottom: a progress bar (`PROGRESS_HEIGHT`), the map with
 * the scene card and the presentation's controls over it (a column on the left, or a band at the bottom on narrow or portrait
 * screens), and the source line (`SOURCE_LINE_HEIGHT`). The component places itself with
 * `sceneCardRect` rather than with its own CSS numbers, so the card is always where the camera
 * made room for it.
 */
import { addDays, daysBetween, type Day } from './dates.ts';
import type { MotiveCategory, Scene, Source } from './schema.ts';
import { ZOOM_RANGE, type Camera } from './url-state.ts';
import {
  fitBounds,
  project,
  unionBounds,
  unproject,
  type Bounds,
  type Padding,
  type Size,
} from './viewport.ts';

/** Height of the progress bar across the top of presentation mode, in CSS pixels. */
export const PROGRESS_HEIGHT = 40;

/** Height of the source line along the bottom of presentation mode, in CSS pixels. */
export const SOURCE_LINE_HEIGHT = 40;

/** Below this width the card is a band at the bottom (the same breakpoint as the atlas's phone layout). */
export const NARROW_WIDTH = 720;

/** Space between the card and the viewport's edges and bars: roomy on a wall, tight on a phone. */
export const CARD_MARGIN = { column: 24, band: 12 } as const;

/**
 * The card column's width: 36% of a 16:9 (or wider) viewport, a smaller share on a squarer one,
 * never narrower than a readable 320 px nor wider than 760 px. The card's type grows with the
 * stage, so the column must too: at 36% every scene's card and its sources fit whole at 1280×720
 * and 1920×1080 (tests/e2e/present-room.test.ts). A squarer screen gives the column more height
 * for its width, and a wider column would push the east of a fixed-zoom scene (China at zoom 2.3)
 * off a 1024×768 screen (tests/unit/scene-layout.test.ts).
 */
export const CARD_WIDTH = { share: 0.36, min: 320, max: 760, fullShareAspect: 16 / 9 } as const;

/**
 * The most of the viewport's height the band may take, with its controls: 40% on a portrait
 * tablet, 50% on a phone (the map keeps the rest). A band folds its sources behind a button, and a
 * phone's bar keeps to one row, so every scene's words fit it whole
 * (tests/e2e/present-room.test.ts). The column takes the whole height between the bars.
 */
export const CARD_HEIGHT_SHARE = { band: 0.4, phone: 0.5 } as const;

/**
 * A phone's band is never shorter than this (while it takes at most `max` of the height): on a
 * short phone (375×667) half the stage leaves the longer cards a scroll, and a card that scrolls
 * in a presentation is a card half read.
 */
export const PHONE_BAND_MIN = { px: 340, max: 0.6 } as const;

/** Clear space between the framed countries and the card, the bars and the viewport's edges. */
export const FRAME_MARGIN = 24;

/** How far a "fit these countries" scene zooms in at most, unless the scene says otherwise. */
export const DEFAULT_SCENE_MAX_ZOOM = 5.5;

/**
 * What a scene frames when none of its countries has a frame (a page bug, since the validator
 * checks that they exist): the region from the Atlantic to the Pacific, as the atlas opens on.
 */
export const REGION_BOUNDS: Bounds = [
  [-12, 2],
  [128, 62],
];

/** The shortest and longest transition between two scenes, in milliseconds. */
export const TRANSITION_MS = { min: 900, max: 2800 } as const;

/** A rectangle in CSS pixels from the viewport's top left. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where the card is, and which side of the viewport it covers. */
export interface SceneCardRect extends Rect {
  /** `left`: a column on a wide screen; `bottom`: a band on a narrow or portrait one. */
  side: 'left' | 'bottom';
}

/** A camera with rotation and tilt, as MapLibre takes it (degrees). */
export interface MapCamera extends Camera {
  bearing: number;
  pitch: number;
}

/** Everything a scene decides about the map, for one viewport size. */
export interface SceneMapState {
  camera: MapCamera;
  date: Day;
  /** Motive categories whose arcs show. */
  motives: MotiveCategory[];
  /** Countries and institutions to highlight. */
  highlight: string[];
}

/**
 * Which side the card takes: the bottom on a narrow screen (a phone) or a portrait one (a tablet
 * upright, a story-format export), where a column would leave the map a sliver; the left otherwise.
 * @example cardSide({ width: 1920, height: 1080 }) // 'left'
 * @example cardSide({ width: 390, height: 844 }) // 'bottom'
 */
export function cardSide(viewport: Size): 'left' | 'bottom' {
  return viewport.width < NARROW_WIDTH || viewport.height > viewport.width ? 'bottom' : 'left';
}

/**
 * The room the scene card and the presentation's controls share (the card at its top, sized to
 * its text; the controls at its foot, so they never cover the card and the scene counter never
 * lies on the map): the camera keeps the scene's countries out of this whole rectangle, however
 * short the card's text is.
 * Whole pixels, so CSS and the maths agree exactly.
 * @example sceneCardRect({ width: 1280, height: 720 })
 *   // { side: 'left', x: 24, y: 64, width: 461, height: 592 }
 * @example sceneCardRect({ width: 390, height: 844 })
 *   // { side: 'bottom', x: 12, y: 370, width: 366, height: 422 }
 */
export function sceneCardRect(viewport: Size): SceneCardRect {
  const { width, height } = viewport;
  if (cardSide(viewport) === 'left') {
    const margin = CARD_MARGIN.column;
    const y = PROGRESS_HEIGHT + margin;
    return {
      side: 'left',
      x: margin,
      y,
      width: Math.round(
        Math.min(
          CARD_WIDTH.max,
          Math.max(
            CARD_WIDTH.min,
            CARD_WIDTH.share * width * Math.min(1, width / height / CARD_WIDTH.fullShareAspect),
          ),
        ),
      ),
      // The whole height between the bars: the camera keeps the column clear all the way down
      // anyway, and the card and its controls need every line of it on a 1280×720 projector.
      height: Math.max(0, Math.round(height - y - SOURCE_LINE_HEIGHT - margin)),
    };
  }
  const margin = CARD_MARGIN.band;
  const phone = width < NARROW_WIDTH;
  const share = phone ? CARD_HEIGHT_SHARE.phone : CARD_HEIGHT_SHARE.band;
  const wanted = phone
    ? Math.max(share * height, Math.min(PHONE_BAND_MIN.px, PHONE_BAND_MIN.max * height))
    : share * height;
  // Never up into the progress bar, on a tiny export.
  const cardHeight = Math.max(
    0,
    Math.round(Math.min(wanted, height - PROGRESS_HEIGHT - SOURCE_LINE_HEIGHT - 2 * margin)),
  );
  return {
    side: 'bottom',
    x: margin,
    y: height - SOURCE_LINE_HEIGHT - margin - cardHeight,
    width: Math.max(0, width - 2 * margin),
    height: cardHeight,
  };
}

/**
 * The space a scene's camera keeps clear at each edge: the progress bar, the source line, the
 * card, each with `FRAME_MARGIN` to spare.
 * @example scenePadding({ width: 1280, height: 720 }) // { top: 64, right: 24, bottom: 64, left: 509 }
 */
export function scenePadding(viewport: Size): Padding {
  const card = sceneCardRect(viewport);
  const top = PROGRESS_HEIGHT + FRAME_MARGIN;
  if (card.side === 'left') {
    return {
      top,
      right: FRAME_MARGIN,
      bottom: SOURCE_LINE_HEIGHT + FRAME_MARGIN,
      left: card.x + card.width + FRAME_MARGIN,
    };
  }
  return {
    top,
    right: FRAME_MARGIN,
    bottom: viewport.height - card.y + FRAME_MARGIN,
    left: FRAME_MARGIN,
  };
}

/** Six decimals: well under a pixel at any zoom the map allows, and free of float noise. */
function round6(value: number): number {
  // `|| 0` turns -0 into 0, so equal cameras compare and print equal.
  return Math.round(value * 1e6) / 1e6 || 0;
}

/**
 * The centre that puts `center` in the middle of the padded area rather than of the viewport:
 * shifted by half the difference of opposite paddings, turned by the bearing as MapLibre turns its
 * padding. Exact without pitch; with pitch the shift is the flat-map approximation.
 */
function offCentre(center: [number, number], zoom: number, bearing: number, padding: Padding) {
  const dx = (padding.left - padding.right) / 2;
  const dy = (padding.top - padding.bottom) / 2;
  const a = (bearing * Math.PI) / 180;
  const [x, y] = project(center, zoom);
  return unproject(
    [x - (Math.cos(a) * dx - Math.sin(a) * dy), y - (Math.sin(a) * dx + Math.cos(a) * dy)],
    zoom,
  );
}

/**
 * THE map state of a scene at a viewport size: the same scene and size always give the same
 * numbers (rounded to 6 decimals). A `fit` camera frames the union of its countries' frames clear
 * of the card, the progress bar and the source line, zoomed in at most to the scene's `maxZoom`
 * (default `DEFAULT_SCENE_MAX_ZOOM`); a `center` camera keeps its zoom, bearing and pitch and
 * shifts so its centre shows in the middle of the map the card leaves uncovered. Countries
 * without a frame are left out (see `REGION_BOUNDS`).
 *
 * @param frames each country's bounds, e.g. `frameOf(feature.geometry)` by ISO code.
 * @param padding what the map keeps clear: the presentation's card, bars and source line by
 *   default; the story, whose text stands beside or scrolls over the map, gives its own.
 * @example
 * // A scene with camera { fit: ['CHN', 'AFG'] }, on a 1920×1080 screen:
 * sceneMapState(scene, { width: 1920, height: 1080 }, frames)
 * // { camera: { lon: 74.671116, lat: 38.808865, zoom: 3.453329, bearing: 0, pitch: 0 },
 * //   date: '2023-12-01', motives: ['economic'], highlight: ['CHN'] }
 * // (the centre lies east of the countries' middle, so they show right of the card)
 */
export function sceneMapState(
  scene: Scene,
  viewport: Size,
  frames: ReadonlyMap<string, Bounds>,
  padding: Padding = scenePadding(viewport),
): SceneMapState {
  const view = scene.camera;
  let camera: MapCamera;
  if ('fit' in view) {
    // Not flatMap: a frame is itself an array, and would be flattened into its corners.
    const known = view.fit.map((id) => frames.get(id)).filter((f) => f !== undefined);
    const bounds = unionBounds(known) ?? REGION_BOUNDS;
    const { lon, lat, zoom } = fitBounds(bounds, viewport, padding, {
      minZoom: ZOOM_RANGE[0],
      maxZoom: Math.min(ZOOM_RANGE[1], view.maxZoom ?? DEFAULT_SCENE_MAX_ZOOM),
    });
    camera = { lon, lat, zoom, bearing: 0, pitch: 0 };
  } else {
    const [lon, lat] = offCentre(view.center, view.zoom, view.bearing, padding);
    camera = { lon, lat, zoom: view.zoom, bearing: view.bearing, pitch: view.pitch };
  }
  return {
    camera: {
      lon: round6(camera.lon),
      lat: round6(camera.lat),
      zoom: round6(camera.zoom),
      bearing: round6(camera.bearing),
      pitch: round6(camera.pitch),
    },
    date: scene.date,
    motives: [...scene.motives],
    highlight: [...scene.highlight],
  };
}

/**
 * How long a flight between two cameras takes, in whole milliseconds; 0 with reduced motion (a jump).
 *
 * The effort of a move is the distance the map slides, in screens of 1000 px measured at the
 * farther-out of the two zooms (what the eye follows), plus half a unit per zoom level changed.
 * The duration rises from `TRANSITION_MS.min` to `TRANSITION_MS.max` as `1 − e^(−(effort / 1.3)²)`,
 * an S-curve: a nudge to a neighbour stays near 900 ms (which still gives the date and colours
 * time to ease, even when the camera stays), a flight across the region (Turkey to China) takes
 * about 2.6 s, and nothing takes longer than 2.8 s, however far.
 * @example transitionDuration(kabul, kabul, false) // 900
 * @example transitionDuration({ lon: 70, lat: 30, zoom: 5 }, { lon: 66, lat: 34, zoom: 5.5 }, false) // ≈ 1190
 * @example transitionDuration({ lon: 35, lat: 39, zoom: 5 }, { lon: 105, lat: 35, zoom: 3.5 }, false) // ≈ 2560
 * @example transitionDuration(anything, other, true) // 0
 */
export function transitionDuration(from: Camera, to: Camera, reducedMotion: boolean): number {
  if (reducedMotion) return 0;
  const zoom = Math.min(from.zoom, to.zoom);
  const [x0, y0] = project([from.lon, from.lat], zoom);
  const [x1, y1] = project([to.lon, to.lat], zoom);
  const screens = Math.hypot(x1 - x0, y1 - y0) / 1000;
  const effort = screens + 0.5 * Math.abs(to.zoom - from.zoom);
  const { min, max } = TRANSITION_MS;
  return Math.round(min + (max - min) * (1 - Math.exp(-((effort / 1.3) ** 2))));
}

/**
 * Ease-in-out (cubic): slow start, quick middle, slow end, for the camera, the date and the
 * highlight alike, so they arrive together. `t` outside 0..1 is clamped.
 * @example easeInOut(0.5) // 0.5
 */
export function easeInOut(t: number): number {
  const s = Math.min(1, Math.max(0, t));
  return s < 0.5 ? 4 * s ** 3 : 1 - (-2 * s + 2) ** 3 / 2;
}

/**
 * The day shown at a point `t` (0..1) of a transition from one scene's date to the next's, eased
 * with `easeInOut`, so the colours change with the camera rather than ahead of it. Works backwards
 * too.
 * @example easedDay('2023-01-01', '2023-01-31', 0.5) // '2023-01-16'
 * @example easedDay('2023-01-01', '2023-01-31', 1) // '2023-01-31'
 */
export function easedDay(from: Day, to: Day, t: number): Day {
  return addDays(from, Math.round(easeInOut(t) * daysBetween(from, to)));
}

/** The sources a scene cites, each once, in the order it first cites them. */
export function sceneSources(scene: Scene | null, sources: readonly Source[]): Source[] {
  const ids = [...new Set(scene?.cites.map((c) => c.source))];
  return ids.flatMap((id) => sources.filter((s) => s.id === id));
}
