/**
 * Which country names the map writes first. Labels compete for room, and MapLibre places them in
 * the order of `symbol-sort-key`: Afghanistan first, then every country with a level on the date,
 * strongest level first (Russia's recognition before Qatar's talks), then the countries the sources
 * do not cover. So a name the story needs is never crowded out by one it does not.
 */
import type { FeatureCollection, Point } from 'geojson';
import type { CountryProps } from './countries.ts';
import type { Dataset, Levels } from './schema.ts';
import { FOCUS_ID } from './vocabulary.ts';
import { byZoom, LABEL_SIZE, levelsByRank, NAME_TEXT, UNCOVERED_RANK } from './style.ts';
import { project, type Bounds } from './viewport.ts';

export { UNCOVERED_RANK };

/** A label and its place in the queue: lower goes first (MapLibre's `symbol-sort-key`). */
export interface LabelProps extends ShapedName {
  rank: number;
  /** The first whole zoom at which the name is written (`nameFrom`): 0 for a name the story needs. */
  from: number;
}

/**
 * A name and, where the browser shapes it (the editions in Arabic script, `shapeNames`), its lines
 * as measured in the browser's own text: MapLibre's canvas text cannot join Pashto, so the map
 * draws those names as images and the picture engine sets them as these lines.
 */
export interface ShapedName extends CountryProps {
  lines?: string[];
  /** The widest line, in ems. */
  ems?: number;
}

/**
 * A name's block of lines as MapLibre sets it (maplibre-gl 5.24), which the picture engine and the
 * map's name images (the browser-shaped editions) follow too: `text-line-height` 1.2 ems,
 * `text-padding` 2 px, and the first baseline `baseline` ems below the anchor for one line (its
 * glyphs sit 17/24 em above the line's origin, `SHAPING_DEFAULT_OFFSET`, and locally drawn glyphs
 * 27.5/24 em below it, the `topAdjustment` of its TinySDF glyphs).
 */
export const NAME_BLOCK = { lineHeight: 1.2, padding: 2, baseline: (27.5 - 17) / 24 } as const;

/** How wide a line of a name is, in ems, set in the regular face or the bold one. */
export type NameMeasure = (line: string, bold: boolean) => number;

/**
 * A name broken into lines no wider than `maxWidth` ems where it can be: at spaces only, into as
 * few lines as fit, the most even of them (the narrowest widest line). For text the browser
 * shapes, where MapLibre's own breaking (`labelLines` in svg-export.ts) does not apply.
 * @example wrapName('جمهوری دموکراتیک کنگو', (l) => l.length * 0.5) // lines ['جمهوری دموکراتیک', 'کنگو']…
 */
export function wrapName(
  text: string,
  measure: (line: string) => number,
  maxWidth = NAME_TEXT.maxWidthEms,
): { lines: string[]; width: number } {
  const words = text
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '');
  if (words.length === 0) return { lines: [], width: 0 };
  const whole = words.join(' ');
  const one = { lines: [whole], width: measure(whole) };
  // Names are a few words: every way to break them is tried (at most 2^9), longer ones are not.
  if (one.width <= maxWidth || words.length === 1 || words.length > 10) return one;
  let best = one;
  for (let cuts = 1; cuts < 2 ** (words.length - 1); cuts++) {
    const lines: string[] = [];
    let line = words[0]!;
    for (let i = 1; i < words.length; i++) {
      if (cuts & (1 << (i - 1))) {
        lines.push(line);
        line = words[i]!;
      } else line += ` ${words[i]!}`;
    }
    lines.push(line);
    const width = Math.max(...lines.map(measure));
    const fits = width <= maxWidth;
    const bestFits = best.width <= maxWidth;
    const better =
      fits && !bestFits
        ? true
        : fits === bestFits &&
          (fits
            ? lines.length < best.lines.length ||
              (lines.length === best.lines.length && width < best.width)
            : width < best.width);
    if (better) best = { lines, width };
  }
  return best;
}

/**
 * Points with a name's text as the map's name images are keyed by (`shaped`: its lines, joined
 * by `separator`), for a layer whose names are images.
 */
export function withShapedText<P extends { name: string; lines?: string[] }>(
  data: FeatureCollection<Point, P>,
  linesOf: (properties: P) => string[],
  separator: string,
): FeatureCollection<Point, P & { shaped: string }> {
  return {
    ...data,
    features: data.features.map((f) => ({
      ...f,
      properties: { ...f.properties, shaped: linesOf(f.properties).join(separator) },
    })),
  };
}

/**
 * The names with their lines as `measure` sets them (see `ShapedName`): Afghanistan's in bold, as
 * the map writes it.
 */
export function shapeNames<P extends CountryProps>(
  names: FeatureCollection<Point, P>,
  measure: NameMeasure,
): FeatureCollection<Point, P & ShapedName> {
  return {
    ...names,
    features: names.features.map((f) => {
      const bold = f.properties.id === FOCUS_ID;
      const { lines, width } = wrapName(f.properties.name, (line) => measure(line, bold));
      return { ...f, properties: { ...f.properties, lines, ems: width } };
    }),
  };
}

/**
 * How wide a country the sources do not cover must look, in pixels, before its name is written:
 * a speck of land (Guernsey, Malta, the Faroe Islands at zoom 2) named in grey is clutter, and
 * the reader who wants one finds it by search or by zooming in.
 */
export const NAME_MIN_SPAN = 16;

/**
 * The first whole zoom at which a country's largest polygon spans `NAME_MIN_SPAN` pixels across
 * or down (its frame, `frameOf`); 24, MapLibre's closest zoom, for a frame of one point.
 * @example nameFrom([[-2.7, 49.4], [-2.5, 49.5]]) // 7: Guernsey
 */
export function nameFrom(frame: Bounds): number {
  const [x0, y1] = project(frame[0], 0);
  const [x1, y0] = project(frame[1], 0);
  const span = Math.max(x1 - x0, y1 - y0);
  // A frame of one point (an atoll drawn as a dot): named only at MapLibre's closest zoom.
  return span > 0 ? Math.max(0, Math.ceil(Math.log2(NAME_MIN_SPAN / span))) : 24;
}

/**
 * Shorter names for the map only, as newsrooms write them where the full name would take two lines
 * in a crowded corner (the panel, the table and the search keep the full name).
 */
export const MAP_NAMES: Readonly<Record<string, string>> = { 'United Arab Emirates': 'UAE' };

/**
 * Each country's label rank on a day: 0 for Afghanistan, 1 + the level's place from the strongest
 * for a country with a level, `UNCOVERED_RANK` for the rest.
 * @example labelRank(levels, levelsOn(index, '2025-07-10'))('RUS') // 1 (formal recognition)
 */
export function labelRank(
  levels: Pick<Levels, 'levels'>,
  levelOf: ReadonlyMap<string, { level: string }>,
): (id: string) => number {
  const order = new Map(levelsByRank(levels).map((l, i) => [l.id, i + 1]));
  return (id) => {
    if (id === FOCUS_ID) return 0;
    const level = levelOf.get(id)?.level;
    return (level !== undefined ? order.get(level) : undefined) ?? UNCOVERED_RANK;
  };
}

/**
 * The label points with their ranks on a day, their names as the map writes them and the zoom
 * each is written from (from its country's frame, where `frames` has one), in the points' order.
 * @example rankedLabels(labelPoints(topology, names), rankOf).features[0].properties
 * // { id: 'AFG', name: 'Afghanistan', rank: 0, from: 0 }
 */
export function rankedLabels(
  points: FeatureCollection<Point, CountryProps>,
  rankOf: (id: string) => number,
  frames: ReadonlyMap<string, Bounds> = new Map(),
): FeatureCollection<Point, LabelProps> {
  return {
    type: 'FeatureCollection',
    features: points.features.map((f) => {
      const rank = rankOf(f.properties.id);
      const frame = frames.get(f.properties.id);
      return {
        ...f,
        properties: {
          id: f.properties.id,
          // By the English name: another edition's name is left as it is.
          name: MAP_NAMES[f.properties.name] ?? f.properties.name,
          rank,
          from: rank < UNCOVERED_RANK || !frame ? 0 : nameFrom(frame),
        },
      };
    }),
  };
}

/**
 * A short key of the ranks, so the map gets new label data only on the days a rank changes (a
 * level starts or ends), not on every day of a play.
 */
export function rankKey(
  points: FeatureCollection<Point, CountryProps>,
  rankOf: (id: string) => number,
): string {
  return points.features.map((f) => rankOf(f.properties.id)).join(',');
}

/** Label sizes by zoom: defined with the map's other styling (style.ts). */
export { LABEL_SIZE };

/**
 * A presentation's stage height at which labels are drawn at `LABEL_SIZE`; a taller stage scales
 * them up with it (up to twice), so a room reads them: 18 px and up on a 1920 × 1080 screen.
 */
export const ROOM_STAGE_HEIGHT = 640;

/**
 * How much larger than `LABEL_SIZE` the labels are drawn: 1 while exploring (a reader is close to
 * the screen), and with the stage's height in a presentation or a picture of a scene.
 * @example labelScale({ width: 1920, height: 1080 }, true) // 1.6875
 */
export function labelScale(stage: { height: number }, room: boolean): number {
  if (!room || !Number.isFinite(stage.height)) return 1;
  return Math.min(2, Math.max(1, stage.height / ROOM_STAGE_HEIGHT));
}

/** Where a name sits relative to its point: MapLibre's `text-anchor` values (the side that touches it). */
export type LabelAnchor = 'center' | 'top' | 'bottom' | 'left' | 'right';

/**
 * In a still picture (a scene, on screen or exported), where a name the story needs is tried, in
 * order: on its point, then just below it, above it, east and west of it. A name that would
 * collide where it belongs moves aside before it is dropped, so a crowded region (the Gulf,
 * Pakistan and Iran beside Afghanistan's name, large names in a room) keeps its names. A country
 * the sources do not cover is named on its point or not at all: moved aside, its name would only
 * add clutter where the map is already full. While exploring every name stays on its point: the
 * camera moves, and the default view has room for every name the story needs.
 */
export const LABEL_ANCHORS: readonly LabelAnchor[] = ['center', 'top', 'bottom', 'left', 'right'];

/** The anchors a label of this rank may take (`LABEL_ANCHORS`, or its point alone). */
export function labelAnchors(rank: number): readonly LabelAnchor[] {
  return rank < UNCOVERED_RANK ? LABEL_ANCHORS : ['center'];
}

/**
 * MapLibre's `text-anchor` for names moved off their point (`labelAnchorsFor`), the rest centred.
 * @example labelAnchorExpression(new Map([['PAK', 'top']])) // ['match', ['get', 'id'], 'PAK', 'top', 'center']
 */
export function labelAnchorExpression(anchors: ReadonlyMap<string, LabelAnchor>): unknown {
  if (anchors.size === 0) return 'center';
  return ['match', ['get', 'id'], ...[...anchors].flat(), 'center'];
}

/**
 * In an exported picture, a country's name is written at least this share of the picture's short
 * side (24 px on a 1080 px square, 2.2% asked by issue 18), however far out the camera is: a
 * picture is read at its own size, on a phone's feed or a slide, not beside the map's controls.
 */
export const PICTURE_LABEL_SHARE = 0.0225;

/**
 * How much larger than `LABEL_SIZE` a picture of `size`, with its camera at `zoom`, writes the
 * names: enough for `PICTURE_LABEL_SHARE` of its short side, and never less than a presentation
 * of that size (`labelScale`).
 * @example pictureLabelScale({ width: 1080, height: 1080 }, 2) // 24.3 px ÷ 11 px ≈ 2.21
 */
export function pictureLabelScale(size: { width: number; height: number }, zoom: number): number {
  const short = Math.min(size.width, size.height);
  const wanted = (PICTURE_LABEL_SHARE * short) / byZoom(zoom, LABEL_SIZE);
  return Math.max(labelScale(size, true), wanted);
}

/** `LABEL_SIZE` times a scale. */
export function labelSizes(scale = 1): [number, number][] {
  return LABEL_SIZE.map(([zoom, size]) => [zoom, size * scale]);
}

/** MapLibre's `text-size` for `labelSizes(scale)` (a zoom curve must be the top expression). */
export const labelSizeExpression = (scale = 1) => [
  'interpolate',
  ['linear'],
  ['zoom'],
  ...labelSizes(scale).flat(),
];

/** The layout overrides that draw the labels at a scale and anchors, for the export's off-screen map. */
export function labelLayout(
  scale: number,
  anchors: ReadonlyMap<string, LabelAnchor> = new Map(),
): [string, string, unknown][] {
  return [
    ['country-label', 'text-size', labelSizeExpression(scale)],
    ['country-label', 'text-anchor', labelAnchorExpression(anchors)],
    ['capital-name', 'text-size', labelSizeExpression(scale)],
  ];
}

/** Kabul's marker: where every arc ends, named (its one line, where the browser shapes it). */
export interface FocusCapitalProps {
  name: string;
  lines?: string[];
  ems?: number;
}

/**
 * Afghanistan's capital as a point, for the marker and its name; empty when the dataset has no
 * Afghanistan.
 * @example focusCapital(dataset).features[0] // Point at [69.17, 34.53], { name: 'Kabul' }
 */
export function focusCapital(
  dataset: Pick<Dataset, 'countries'>,
): FeatureCollection<Point, FocusCapitalProps> {
  const focus = dataset.countries.find((c) => c.id === FOCUS_ID);
  return {
    type: 'FeatureCollection',
    features: focus
      ? [
          {
            type: 'Feature',
            geometry: { type: 'Point', coordinates: [focus.capital.lon, focus.capital.lat] },
            properties: { name: focus.capital.name },
          },
        ]
      : [],
  };
}

/**
 * Kabul's marker with its name's one line as `measure` sets it (see `ShapedName`): the map writes
 * the capital's name on one line, bold.
 */
export function shapeCapital(
  capital: FeatureCollection<Point, FocusCapitalProps>,
  measure: NameMeasure,
): FeatureCollection<Point, FocusCapitalProps> {
  return {
    ...capital,
    features: capital.features.map((f) => ({
      ...f,
      properties: {
        ...f.properties,
        lines: [f.properties.name],
        ems: measure(f.properties.name, true),
      },
    })),
  };
}

/** The marker's dot: its radius in pixels from zoom 2 to 6, and its ring. */
export const CAPITAL_DOT = {
  radius: [
    [2, 3.5],
    [6, 5],
  ],
  ring: 1.5,
} as const;

/** The capital's name sits right of the dot, this many ems from the point to the text's start. */
export const CAPITAL_NAME_OFFSET = 0.7;
