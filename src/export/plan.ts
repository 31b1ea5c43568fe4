/**
 * What a picture shows and where: its camera, its texts and legend, and the rectangles its legend
 * keeps clear of. Shared by the PNG and the SVG export so the two match.
 */
import type { FeatureCollection, Point } from 'geojson';
import type { EditorialTexts } from './editorial.ts';
import type { ExportElement, ExportLayoutInput, Rect } from '../lib/export-layout.ts';
import { MOTIVE_COLORS } from '../lib/palette.ts';
import { ENGLISH_PICTURE_WORDS, type PictureWords } from './picture-words.ts';
import { sceneMapState } from '../lib/scene-view.ts';
import type { Dataset, MotiveCategory, Scene } from '../lib/schema.ts';
import { MOTIVE_CATEGORIES } from '../lib/vocabulary.ts';
import {
  pictureLabelScale,
  type FocusCapitalProps,
  type LabelAnchor,
  type LabelProps,
} from '../lib/labels.ts';
import { levelsByRank, MAP_THEMES, type ThemeName } from '../lib/style.ts';
import { labelAnchorsFor } from '../lib/svg-export.ts';
import type { Camera } from '../lib/url-state.ts';
import { project, type Bounds, type Size } from '../lib/viewport.ts';

export interface PictureState {
  dataset: Dataset;
  date: string;
  /** The view on screen, and its size in CSS pixels. */
  camera: Camera;
  view: Size;
  motives: ReadonlySet<MotiveCategory>;
  /** The selected country (explore) or the scene's highlight (present): what the picture is about. */
  focus: readonly string[];
  /** The scene, in presentation mode. */
  scene: { scene: Scene; number: number } | null;
  frames: ReadonlyMap<string, Bounds>;
  /**
   * The names the map writes now, read when the picture is made (a deck moves from scene to scene
   * between its pictures).
   */
  names: () => PictureNames;
  /** The words burnt in around the map, in the picture's edition; English when left out. */
  words?: PictureWords;
}

export interface PictureNames {
  /** Every label with its rank on the date (`rankedLabels`). */
  labels: FeatureCollection<Point, LabelProps>;
  /** Kabul's marker (`focusCapital`). */
  capital: FeatureCollection<Point, FocusCapitalProps>;
}

export interface PictureOptions {
  format: 'png' | 'svg';
  /** An editor's words over the state's own (`editorialDefaults`); a field left out keeps its default. */
  texts?: Partial<EditorialTexts>;
  size: Size;
  scale: number;
  theme: ThemeName;
  show: Record<ExportElement, boolean>;
  /** An SVG's text as outlines (every glyph a path), for a file that needs no font. */
  outlineText?: boolean;
}

/**
 * The camera of a picture: a scene's own framing for that size, or the view on screen scaled so
 * that what the reader sees stays in the picture.
 * @example pictureCamera(state, { width: 1920, height: 1080 }) // { lon, lat, zoom }
 */
export function pictureCamera(
  state: PictureState,
  size: Size,
): Camera & { bearing: number; pitch: number } {
  if (state.scene) return sceneMapState(state.scene.scene, size, state.frames).camera;
  const fit = Math.min(size.width / state.view.width, size.height / state.view.height);
  return { ...state.camera, zoom: state.camera.zoom + Math.log2(fit), bearing: 0, pitch: 0 };
}

/**
 * The names a picture moves off their point, found for the picture's own size and scale as the
 * presentation finds them for its stage (`labelAnchorsFor`). A picture writes its names larger
 * than the map on screen (`pictureLabelScale`), so a name the story needs (Pakistan's, beside
 * Afghanistan's) moves aside rather than drop out, in a scene or not; and, given the picture's
 * text boxes (`keepClear`), off them and inside the picture.
 */
export function pictureLabelAnchors(
  state: PictureState,
  size: Size,
  camera: Camera,
  keepClear?: readonly Rect[],
): Map<string, LabelAnchor> {
  return labelAnchorsFor({
    camera,
    ...size,
    ...state.names(),
    labelScale: pictureLabelScale(size, camera.zoom),
    ...(keepClear ? { keepClear } : {}),
  });
}

/** The frames of the countries a picture is about, as rectangles in its pixels. */
export function focusRects(state: PictureState, size: Size, camera: Camera): Rect[] {
  const [cx, cy] = project([camera.lon, camera.lat], camera.zoom);
  return state.focus.flatMap((id) => {
    const frame = state.frames.get(id);
    if (!frame) return [];
    const [x0, y1] = project(frame[0], camera.zoom);
    const [x1, y0] = project(frame[1], camera.zoom);
    return [
      {
        x: x0 - cx + size.width / 2,
        y: y0 - cy + size.height / 2,
        width: x1 - x0,
        height: y1 - y0,
      },
    ];
  });
}

/** The picture's texts and legend, for `exportLayout`. */
export function pictureLayoutInput(
  state: PictureState,
  options: PictureOptions,
  avoid: Rect[],
  measure: ExportLayoutInput['measure'],
  words: EditorialTexts,
): ExportLayoutInput {
  const { dataset } = state;
  const theme = MAP_THEMES[options.theme];
  const levels = theme.levels(dataset.levels);
  // A note goes first on the source line's band, as a newsroom's chart notes do.
  const note = words.note.trim().replace(/^note:\s*/i, '');
  const edition = state.words ?? ENGLISH_PICTURE_WORDS;
  return {
    size: options.size,
    theme: options.theme,
    show: options.show,
    texts: {
      title: words.title,
      subtitle: words.subtitle,
      dateLabel: edition.mapAsOf(edition.date(state.date)),
      source: note ? edition.note(note, words.source) : words.source,
      credit: words.credit,
    },
    legend: {
      levels: levelsByRank(levels).map((l) => ({ label: l.label, color: l.color })),
      extras: [
        { label: levels.noData.label, color: theme.noData(levels), kind: 'swatch' },
        { label: levels.focus.label, color: theme.focus(levels), kind: 'swatch' },
        ...levels.tensions.map((t) => ({
          label: t.label,
          color: t.color,
          kind: t.id === 'tension' ? ('dashed' as const) : ('line' as const),
        })),
      ],
      motives: MOTIVE_CATEGORIES.filter((c) => state.motives.has(c)).map((c) => ({
        label: edition.motive(c),
        color: MOTIVE_COLORS[c],
      })),
      headings: { levels: edition.levelsHeading(), motives: edition.motivesHeading() },
    },
    avoid,
    measure,
  };
}
