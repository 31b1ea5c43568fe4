/**
 * The map as a standalone SVG document: the same picture MapLibre draws for a camera and a
 * viewport size, as real vectors a print designer can open in a vector editor. Countries,
 * boundaries, outlines and arcs are `<path>`s, labels and furniture are `<text>` naming the font,
 * and nothing is embedded or fetched: no `<image>`, no `<foreignObject>`, no outside reference.
 *
 * Projection. MapLibre draws Web Mercator on 512-pixel tiles, in straight lines between the
 * vertices it is given (it is a planar renderer). The geometry here is made for that: countries
 * are already cut at the antimeridian, and arcs are densified lon/lat lines. So every vertex goes
 * through the Mercator formulas of `viewport.ts` `project` (the camera's centre at the middle of
 * the picture), and d3-geo only draws and clips straight lines between them (`geoTransform`,
 * `geoClipRectangle`, `geoPath`). That is d3's `geoMercator().scale(512 · 2^zoom / 2π)` centred
 * on the camera, vertex for vertex, without its spherical clipping and great-circle resampling,
 * which would re-read the rings' winding and bend the arcs away from where the map puts them.
 * World copies are drawn as the map draws them (`renderWorldCopies: true`).
 *
 * Layer order and styling mirror the map components, whose numbers are repeated here (the
 * components hold them as MapLibre expressions): src/map/CountriesLayer.svelte (fill, then the
 * selected, highlight, tension and conflict outlines), src/map/BoundariesLayer.svelte (disputed
 * areas, borders, dashed disputed boundaries; drawn between the fill and the outlines),
 * src/map/ArcsLayer.svelte (casings, lines, arrowheads) and src/map/LabelsLayer.svelte (labels
 * on top, with MapLibre's line breaking and label collision, see `placeLabels`). The hover
 * outline is left out: an export has no pointer.
 */
import { geoClipRectangle, geoPath, geoTransform, type GeoStreamWrapper } from 'd3-geo';
import type {
  Feature,
  FeatureCollection,
  Geometry,
  LineString,
  MultiPolygon,
  Point,
  Polygon,
} from 'geojson';
import { arcArrowheads, type ArcProps, type ArrowheadProps } from './arcs.ts';
import type { BoundaryKind, CountryProps } from './countries.ts';
import type { Levels, MotiveCategory } from './schema.ts';
import { FOCUS_ID } from './vocabulary.ts';
import {
  CAPITAL_DOT,
  CAPITAL_NAME_OFFSET,
  labelAnchors,
  labelSizes,
  NAME_BLOCK,
  type FocusCapitalProps,
  type LabelAnchor,
  type ShapedName,
} from './labels.ts';
import {
  ARC_LINE,
  ARROWHEAD,
  BORDER_WIDTH,
  byZoom,
  DISPUTED_LINE,
  MUTED_OPACITY,
  NAME_TEXT,
  OUTLINE,
  tensionColor,
  UNCOVERED_RANK,
  UNHIGHLIGHTED_OPACITY,
  type MapTheme,
} from './style.ts';
import { MOTIVE_COLORS } from './palette.ts';
import { MAX_LATITUDE, project as viewportProject, TILE_SIZE, worldSize } from './viewport.ts';

/** A camera without rotation, as the map reports it: centre in degrees and MapLibre zoom. */
export interface SvgCamera {
  lon: number;
  lat: number;
  zoom: number;
}

/** The theme colours the picture needs (a subset of `MapTheme`, with its functions resolved). */
export interface SvgTheme {
  ocean: string;
  /** Land borders. */
  border: string;
  /** Dashed disputed boundaries. */
  disputedLine: string;
  label: string;
  /** Names of the countries the sources do not cover (`UNCOVERED_RANK`). */
  labelQuiet: string;
  labelHalo: string;
  /** Afghanistan's label, on its focus fill. */
  focusLabel: string;
  focusHalo: string;
  /** Outline of the selected and highlighted countries. */
  outline: string;
}

/** How a country is filled: a colour and its opacity (0–1). */
export interface CountryPaint {
  color: string;
  opacity: number;
}

/** Tension or conflict with Kabul, outlined dashed orange or solid red. */
export type TensionKind = 'tension' | 'conflict';

/**
 * A block of text of the furniture: one `<text>` with a line per entry of `lines`.
 * `y` is the alphabetic baseline of the first line (as canvas `textBaseline = 'alphabetic'`
 * draws it); each next line sits `lineHeight` pixels lower.
 */
export interface SvgTextBlock {
  x: number;
  y: number;
  lines: readonly string[];
  /** Font size in pixels. */
  size: number;
  /** CSS font weight, e.g. 400 or 700; 400 when left out. */
  weight?: number;
  lineHeight: number;
  /** Text colour; the theme's label colour when left out. */
  color?: string;
  /** Which end of each line `x` is; `start` when left out. */
  anchor?: 'start' | 'middle' | 'end';
}

/** A rectangle of the furniture: a legend swatch, or a plate behind text. */
export interface SvgRect {
  x: number;
  y: number;
  width: number;
  height: number;
  fill: string;
  /** 1 when left out. */
  opacity?: number;
  /** An edge, e.g. a swatch's outline or a dashed tension key. */
  stroke?: string;
  strokeWidth?: number;
  /** Dash and gap lengths in pixels. */
  dash?: readonly number[];
  /** Corner radius. */
  radius?: number;
}

/** A line of the furniture: a legend's sample of an arc or a boundary, or a rule. */
export interface SvgLine {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  color: string;
  width: number;
  /** Dash and gap lengths in pixels. */
  dash?: readonly number[];
  /** A wider line drawn under it in this colour, like the arcs' white casing. */
  casing?: string;
  /** Round ends, as the arcs have. */
  round?: boolean;
}

/**
 * What is burnt in around the map, already laid out in picture pixels (by the export layout).
 * A minimal structural type: any layout with these fields will do. Each part is optional, so a
 * switched-off part is simply left out. Drawn in this order: plates, legend, then the texts.
 */
export interface SvgFurniture {
  /** Plates drawn first, e.g. a translucent band behind the title or the legend. */
  plates?: readonly SvgRect[];
  title?: SvgTextBlock;
  subtitle?: SvgTextBlock;
  /** The date stamp. */
  date?: SvgTextBlock;
  legend?: {
    swatches: readonly SvgRect[];
    lines: readonly SvgLine[];
    /** The legend's heading and entry labels. */
    texts: readonly SvgTextBlock[];
  };
  /** The source line. */
  source?: SvgTextBlock;
  credit?: SvgTextBlock;
}

/** Everything the picture is drawn from; no app state, only what the map itself is given. */
export interface SvgMapInput {
  /** The picture's size in CSS pixels (the SVG's user units). */
  width: number;
  height: number;
  camera: SvgCamera;
  theme: SvgTheme;
  /** Every country (`countryFeatures`), one `<path>` each where it shows. */
  countries: FeatureCollection<Polygon | MultiPolygon, CountryProps>;
  /**
   * Each country's fill, as the map computes it on the date (see `countryPaintOf`), by ISO code;
   * a country missing from a Map is filled `neutral`.
   */
  fill: ((id: string) => CountryPaint) | ReadonlyMap<string, CountryPaint>;
  /** Each country's tension or conflict with Kabul on the date, `null` for none. */
  tension: (id: string) => TensionKind | null;
  /** The outline colours, from the dataset's levels (`levels.tensions`). */
  tensionColors: Readonly<Record<TensionKind, string>>;
  /** Countries a scene is about: outlined; `null` for none (the map's `highlight`). */
  highlight: readonly string[] | null;
  /** The selected country: outlined, its arcs thicker and every other arc dimmed. */
  selected?: string | null;
  /** Outline of the selected and highlighted countries; the theme's `outline` when left out. */
  outlineColor?: string;
  /** Borders, disputed areas and disputed boundaries (`boundaryFeatures`). */
  boundaries: FeatureCollection<Geometry, { kind: BoundaryKind; name: string }>;
  /** The fill of disputed areas: the theme's no-data colour. */
  neutral: string;
  /** The arcs to draw (`arcFeatures`), already filtered to the visible ones (`visibleArcIds`). */
  arcs: readonly Feature<LineString, ArcProps>[];
  /** Each category's colour (`MOTIVE_COLORS`). */
  arcColors: Readonly<Record<MotiveCategory, string>>;
  /** The arcs' arrowheads (`arcArrowheads`); computed from `arcs` when left out. */
  arrowheads?: readonly Feature<Point, ArrowheadProps>[];
  /**
   * Country names, where to write them and in what order (`rankedLabels`); without a rank,
   * Afghanistan goes first and the rest in their order.
   */
  labels: FeatureCollection<Point, ShapedName & { rank?: number; from?: number }>;
  /** Kabul's marker and name (`focusCapital`, KabulMarker.svelte); none when left out. */
  capital?: FeatureCollection<Point, FocusCapitalProps>;
  /** The names moved off their point (`labelAnchorsFor`); all centred when left out. */
  labelAnchors?: ReadonlyMap<string, LabelAnchor>;
  /** How much larger than `LABEL_SIZE` the names are written (`labelScale`); 1 when left out. */
  labelScale?: number;
  /**
   * A picture's text boxes (its title, legend, date and source plates). Given, every name is
   * written whole inside the picture and clear of them, or not at all: a name cut by the edge or
   * by a plate reads as a mistake. Left out, names are placed as MapLibre places them on screen.
   */
  keepClear?: readonly { x: number; y: number; width: number; height: number }[];
  /** The font families of the labels, e.g. `{ regular: 'Noto Sans', bold: 'Noto Sans' }`. */
  labelFont: {
    regular: string;
    bold: string;
    /** The family for a script the first two lack (Arabic's, in the editions written in it). */
    script?: string;
  };
  /**
   * Given, every text is drawn as shapes (its glyphs as one path) rather than as `<text>` in the
   * label font: for a file that needs no font wherever it opens (see src/export/outline-text.ts).
   */
  outline?: TextOutliner;
  /** Title, legend, date stamp, source line and credit, laid out for the picture. */
  furniture?: SvgFurniture;
}

// The map's lines and marks come from style.ts, where the map's layers read them too.

/** A name's block: its line height, padding and first baseline (labels.ts `NAME_BLOCK`). */
const {
  lineHeight: LABEL_LINE_HEIGHT,
  padding: LABEL_PADDING,
  baseline: LABEL_BASELINE,
} = NAME_BLOCK;
/** MapLibre's collision grid reaches this far beyond the viewport (`viewportPadding`). */
const GRID_PADDING = 100;

/** Which way each of MapLibre's anchors moves a name's block off its point, in half the block. */
const ANCHOR_SHIFT: Record<LabelAnchor, readonly [number, number]> = {
  center: [0, 0],
  top: [0, 1],
  bottom: [0, -1],
  left: [1, 0],
  right: [-1, 0],
};

/**
 * Geometry reaching this far outside the picture is kept, so that the lines d3 draws along the
 * clip edge (a country's outline where it is cut) and the round ends of cut arcs fall outside the
 * picture, under the clip path, rather than on its edge.
 */
const CLIP_MARGIN = 16;

/**
 * Vertices closer than this to the last one kept, in pixels, are dropped: the map draws no finer
 * detail either (MapLibre's GeoJSON tiles are simplified to 3 units of 4096 on a 512-pixel tile,
 * geojson-vt's default `tolerance`), and at low zooms they would only add bytes. Coordinates are
 * written to 0.1 px.
 */
const MIN_STEP = 0.375;

// —— Text ——

/**
 * Noto Sans advance widths of the printable ASCII characters (space to `~`), in thousandths of an
 * em, read from the hmtx tables of @fontsource/noto-sans 5 `latin-400-normal.woff` and
 * `latin-700-normal.woff` (1000 units per em). MapLibre lays labels out with these advances
 * (it measures each glyph on its own, with no kerning), so the same line breaks and label boxes
 * come out here.
 */
const ADVANCES = {
  regular:
    '260,269,408,646,572,831,732,225,300,300,551,572,268,322,268,372,572,572,572,572,572,572,572,572,572,572,268,268,572,572,572,434,899,639,650,632,730,556,519,728,741,339,273,619,524,907,760,781,605,781,622,549,556,731,600,930,586,566,572,329,372,329,572,444,281,561,615,480,615,564,344,615,618,258,258,534,258,935,618,605,615,615,413,479,361,618,508,786,529,510,470,380,551,380,572',
  bold: '260,282,479,646,572,902,750,266,339,339,542,572,285,320,281,415,572,572,572,572,572,572,572,572,572,572,281,285,572,572,572,477,898,692,665,642,732,560,549,724,765,389,331,664,559,943,813,791,621,791,656,551,577,756,650,967,670,626,579,331,415,331,572,411,365,599,632,516,632,597,387,632,650,299,298,620,298,975,650,625,632,632,447,502,434,650,571,856,578,571,493,394,551,394,572',
};
const ADVANCE_TABLE = {
  regular: ADVANCES.regular.split(',').map(Number),
  bold: ADVANCES.bold.split(',').map(Number),
};
/** Outside ASCII: the accented letter's base letter (é as e), else a digit's width. */
const DEFAULT_ADVANCE = 572;

/** A character's advance in ems. */
function advance(char: string, bold: boolean): number {
  const table = bold ? ADVANCE_TABLE.bold : ADVANCE_TABLE.regular;
  let code = char.codePointAt(0)!;
  if (code < 32 || code > 126) code = char.normalize('NFD').codePointAt(0)!;
  const units = code >= 32 && code <= 126 ? table[code - 32]! : DEFAULT_ADVANCE;
  return units / 1000;
}

/**
 * A line's width in pixels from the advances above: how the picture engine measures its text
 * where there is no canvas (Node). Without kerning, a line measures a little wider than it is set,
 * so the text stays inside the box laid out for it.
 * @example advanceMeasure('Kabul', { size: 20, weight: 700 }) // ≈ 58
 */
export function advanceMeasure(text: string, font: { size: number; weight: 400 | 700 }): number {
  let ems = 0;
  for (const char of text) ems += advance(char, font.weight === 700);
  return ems * font.size;
}

// maplibre-gl 5.24 `breakable`, `breakableBefore`: where a label may wrap.
const BREAKABLE = new Set([
  0x20, 0x26, 0x29, 0x2b, 0x2d, 0x2f, 0xad, 0xb7, 0x200b, 0x2010, 0x2013, 0x2027,
]);
const BREAKABLE_BEFORE = new Set([0x28]);

interface LineBreak {
  index: number;
  x: number;
  prior: LineBreak | null;
  badness: number;
}

/**
 * A label's lines as MapLibre breaks them (maplibre-gl 5.24 `determineLineBreaks`, Latin text):
 * into as many lines as the text's width needs at `maxWidth` ems, at the break points that make
 * the lines most even. Widths are in ems.
 * @example labelLines('United Arab Emirates', false) // ['United Arab', 'Emirates']
 */
export function labelLines(
  text: string,
  bold: boolean,
  maxWidth = NAME_TEXT.maxWidthEms,
): { lines: string[]; width: number } {
  // In MapLibre's units (24 per em), so its penalties weigh the same against raggedness.
  const EM = 24;
  const chars = [...text];
  const advances = chars.map((c) => advance(c, bold) * EM);
  const total = advances.reduce((a, b) => a + b, 0);
  const target = total / Math.max(1, Math.ceil(total / (maxWidth * EM)));
  const badness = (width: number, penalty: number, last: boolean) => {
    const ragged = (width - target) ** 2;
    if (last) return width < target ? ragged / 2 : ragged * 2;
    return ragged + Math.abs(penalty) * penalty;
  };
  const evaluate = (
    index: number,
    x: number,
    breaks: LineBreak[],
    penalty: number,
    last: boolean,
  ) => {
    let prior: LineBreak | null = null;
    let best = badness(x, penalty, last);
    for (const b of breaks) {
      const value = badness(x - b.x, penalty, last) + b.badness;
      if (value <= best) {
        prior = b;
        best = value;
      }
    }
    return { index, x, prior, badness: best };
  };
  const breaks: LineBreak[] = [];
  let x = 0;
  chars.forEach((char, i) => {
    const code = char.codePointAt(0)!;
    if (!/\s/u.test(char)) x += advances[i]!;
    const next = chars[i + 1];
    if (next === undefined) return;
    const nextCode = next.codePointAt(0)!;
    if (BREAKABLE.has(code) || (i + 2 < chars.length && BREAKABLE_BEFORE.has(nextCode))) {
      const penalty = (code === 0x28 ? 50 : 0) + (nextCode === 0x29 ? 50 : 0);
      breaks.push(evaluate(i + 1, x, breaks, penalty, false));
    }
  });
  const indices: number[] = [];
  for (let b: LineBreak | null = evaluate(chars.length, x, breaks, 0, true); b; b = b.prior) {
    indices.unshift(b.index);
  }
  const lines: string[] = [];
  let start = 0;
  for (const end of indices) {
    const line = chars.slice(start, end).join('').trim();
    if (line) lines.push(line);
    start = end;
  }
  const width = Math.max(0, ...lines.map((l) => [...l].reduce((w, c) => w + advance(c, bold), 0)));
  return { lines, width };
}

/**
 * XML text: `&`, `<`, `>` and both quotes as entities, and the characters XML 1.0 forbids (C0
 * controls other than tab, line feed and carriage return, lone surrogates, U+FFFE, U+FFFF)
 * dropped, so any name or title makes a well-formed document.
 * @example escapeXml('<script>&"') // '&lt;script&gt;&amp;&quot;'
 */
export function escapeXml(text: string): string {
  let out = '';
  // By code point: a lone surrogate comes out on its own, and is not a character XML allows.
  for (const char of text) {
    const c = char.codePointAt(0)!;
    const allowed =
      c === 0x9 ||
      c === 0xa ||
      c === 0xd ||
      (c >= 0x20 && c <= 0xd7ff) ||
      (c >= 0xe000 && c <= 0xfffd) ||
      c >= 0x10000;
    if (allowed) out += ENTITIES[char] ?? char;
  }
  return out;
}
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** A number for an attribute: at most two decimals, no `-0`. */
function num(value: number): string {
  return String(Math.round(value * 100) / 100 + 0);
}

/**
 * A colour as SVG 1.1 paint: `rgba()` and `#rrggbbaa` split into an opaque colour and an
 * opacity, which vector editors read (they often ignore alpha inside the colour).
 * @example svgPaint('rgba(255,255,255,0.85)') // { color: 'rgb(255,255,255)', opacity: 0.85 }
 */
export function svgPaint(color: string): { color: string; opacity: number } {
  const rgba = /^rgba\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*\)$/i.exec(color);
  if (rgba) return { color: `rgb(${rgba[1]},${rgba[2]},${rgba[3]})`, opacity: Number(rgba[4]) };
  const hex = /^#([0-9a-f]{6})([0-9a-f]{2})$/i.exec(color);
  if (hex) return { color: `#${hex[1]}`, opacity: parseInt(hex[2]!, 16) / 255 };
  return { color, opacity: 1 };
}

/** `fill="…"` or `stroke="…"`, with `…-opacity` where the colour or `opacity` asks for it. */
function paintAttrs(kind: 'fill' | 'stroke', color: string, opacity = 1): string {
  const paint = svgPaint(color);
  const alpha = paint.opacity * opacity;
  const out = `${kind}="${escapeXml(paint.color)}"`;
  return alpha < 1 ? `${out} ${kind}-opacity="${num(Math.max(0, alpha))}"` : out;
}

// —— Projection ——

/**
 * The picture's projection: a place in degrees to picture pixels, Web Mercator exactly as MapLibre
 * draws it (`viewport.ts` `project`) with the camera's centre at the middle of the picture.
 * `shift` moves the place by whole worlds of longitude (world copies).
 * @example screenProjection({ lon: 69.17, lat: 34.53, zoom: 4 }, { width: 800, height: 600 })([69.17, 34.53]) // [400, 300]
 */
export function screenProjection(
  camera: SvgCamera,
  size: { width: number; height: number },
): (lonLat: readonly [number, number] | readonly number[], shift?: number) => [number, number] {
  const world = worldSize(camera.zoom);
  const k = world / 360;
  const r = world / (2 * Math.PI);
  const mercatorY = (lat: number) => {
    const clamped = Math.min(MAX_LATITUDE, Math.max(-MAX_LATITUDE, lat));
    return world / 2 - r * Math.log(Math.tan(Math.PI / 4 + (clamped * Math.PI) / 360));
  };
  const dx = size.width / 2 - (camera.lon + 180) * k;
  const dy = size.height / 2 - mercatorY(camera.lat);
  return (lonLat, shift = 0) => [(lonLat[0]! + shift + 180) * k + dx, mercatorY(lonLat[1]!) + dy];
}

/** The whole worlds of longitude whose copies reach into the picture, e.g. [-360, 0, 360]. */
function worldShifts(camera: SvgCamera, width: number): number[] {
  const half = (width / 2 + CLIP_MARGIN) / (worldSize(camera.zoom) / 360);
  const west = camera.lon - half;
  const east = camera.lon + half;
  // Geometry spans -180..180, arcs a little beyond (they are unwrapped): one spare world each way.
  const first = Math.floor((west - 180) / 360);
  const last = Math.ceil((east + 180) / 360);
  const shifts: number[] = [];
  for (let i = first; i <= last; i++) shifts.push(i * 360);
  return shifts;
}

/** Path data for GeoJSON through the planar projection, clipped to the picture and its margin. */
function pathMaker(input: SvgMapInput) {
  const project = screenProjection(input.camera, input);
  const shifts = worldShifts(input.camera, input.width);
  let shift = 0;
  // Vertices within MIN_STEP of the last one kept are skipped; a line's last vertex is always
  // kept, so rings stay closed.
  let lastX = NaN;
  let lastY = NaN;
  let skipped: [number, number] | null = null;
  const planar = geoTransform({
    point(lon: number, lat: number) {
      const [x, y] = project([lon, lat], shift);
      if (Math.abs(x - lastX) < MIN_STEP && Math.abs(y - lastY) < MIN_STEP) {
        skipped = [x, y];
        return;
      }
      skipped = null;
      lastX = x;
      lastY = y;
      this.stream.point(x, y);
    },
    lineStart() {
      lastX = lastY = NaN;
      skipped = null;
      this.stream.lineStart();
    },
    lineEnd() {
      if (skipped) this.stream.point(...skipped);
      lastX = lastY = NaN;
      skipped = null;
      this.stream.lineEnd();
    },
  });
  const clip = geoClipRectangle(
    -CLIP_MARGIN,
    -CLIP_MARGIN,
    input.width + CLIP_MARGIN,
    input.height + CLIP_MARGIN,
  );
  const clipped: GeoStreamWrapper = { stream: (s) => planar.stream(clip(s)) };
  const path = geoPath(clipped).digits(1);
  // The picture's span in longitude, for skipping world copies that cannot show.
  const halfSpan = (input.width / 2 + CLIP_MARGIN) / (worldSize(input.camera.zoom) / 360);
  const west = input.camera.lon - halfSpan;
  const east = input.camera.lon + halfSpan;
  return (geometry: Geometry | null): string => {
    if (!geometry) return '';
    const [min, max] = lonExtent(geometry);
    let d = '';
    for (const s of shifts) {
      if (max + s < west || min + s > east) continue;
      shift = s;
      d += path(geometry) ?? '';
    }
    return d;
  };
}

/** The least and greatest longitude of a geometry's vertices. */
function lonExtent(geometry: Geometry): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  const visit = (coords: unknown): void => {
    if (typeof (coords as number[])[0] === 'number') {
      const lon = (coords as number[])[0]!;
      if (lon < min) min = lon;
      if (lon > max) max = lon;
      return;
    }
    for (const c of coords as unknown[]) visit(c);
  };
  if (geometry.type === 'GeometryCollection') {
    for (const g of geometry.geometries) {
      const [a, b] = lonExtent(g);
      min = Math.min(min, a);
      max = Math.max(max, b);
    }
  } else {
    visit(geometry.coordinates);
  }
  return [min, max];
}

// —— Labels ——

/** A label as drawn: its lines' baselines, its box for collisions, its paint. */
export interface PlacedLabel {
  id: string;
  x: number;
  baselines: number[];
  lines: string[];
  size: number;
  bold: boolean;
  /** A country the sources do not cover, written in the quiet colour. */
  quiet: boolean;
  /** Which side of the name touches its point (`LABEL_ANCHORS`): `center` where it fits there. */
  anchor: LabelAnchor;
}

/**
 * The labels MapLibre shows (maplibre-gl 5.24 placement, no pitch or bearing): each name broken
 * into lines and set on its point by its anchor (`text-anchor`, centred unless `anchors` says
 * otherwise), then placed in MapLibre's order unless its collision box overlaps one already
 * placed (`text-allow-overlap: false`). The order: by rank (`symbol-sort-key`, see
 * src/lib/labels.ts), then tile by tile at the source's tile zoom (`floor(zoom)`: world copy from
 * west to east, then tile column, then row, as `Style._updatePlacement` sorts them), then in the
 * order given. The collision box is the text block at the size the tile was laid out for
 * (`text-size` at tile zoom + 1, not the drawn size), plus `text-padding`. Boxes reaching into the
 * collision grid (the picture and `GRID_PADDING` around it) take part; only those that reach into
 * the picture are drawn.
 */
export function placeLabels(input: LabelPlacementInput): PlacedLabel[] {
  const fixed = input.labelAnchors;
  return placeNames(input, (label) => [fixed?.get(label.properties.id) ?? 'center']);
}

/**
 * Where the names of a still picture (a scene, its export) go: each name the story needs is tried
 * at each of `labelAnchors(rank)` in turn, in placement order, and keeps the first spot that is
 * free. Only the names moved off their point are listed. Given back as `labelAnchors`, MapLibre
 * and `placeLabels` place every name where this found room for it, so the map, the PNG and the SVG
 * agree, and the same state always gives the same picture (MapLibre's own `text-variable-anchor`
 * keeps whatever anchor a name had in earlier frames, so a picture would depend on how the camera
 * got there).
 */
export function labelAnchorsFor(input: LabelPlacementInput): Map<string, LabelAnchor> {
  const moved = new Map<string, LabelAnchor>();
  for (const label of placeNames(input, (l) => labelAnchors(l.properties.rank ?? 0))) {
    if (label.anchor !== 'center') moved.set(label.id, label.anchor);
  }
  return moved;
}

export type LabelPlacementInput = Pick<
  SvgMapInput,
  'camera' | 'width' | 'height' | 'labels' | 'capital' | 'labelScale' | 'labelAnchors' | 'keepClear'
>;

type LabelFeature = SvgMapInput['labels']['features'][number];

function placeNames(
  input: LabelPlacementInput,
  anchorsOf: (label: LabelFeature) => readonly LabelAnchor[],
): PlacedLabel[] {
  const { camera, width, height } = input;
  const clear = input.keepClear;
  const project = screenProjection(camera, input);
  const sizes = labelSizes(input.labelScale);
  const size = byZoom(camera.zoom, sizes);
  const tileZoom = Math.max(0, Math.floor(camera.zoom));
  const layoutSize = byZoom(tileZoom + 1, sizes);
  // Kabul's name is always written, on a layer above, so it is placed first.
  const boxes: [number, number, number, number][] = capitalNames(input, layoutSize).map(
    (name) => name.box,
  );
  const tiles = 2 ** tileZoom;
  const candidates = input.labels.features.flatMap((label, order) => {
    const [lon, lat] = label.geometry.coordinates as [number, number];
    const [tx, ty] = viewportProject([lon, lat], tileZoom).map((v) =>
      Math.min(tiles - 1, Math.max(0, Math.floor(v / TILE_SIZE))),
    );
    const key = label.properties.rank ?? (label.properties.id === FOCUS_ID ? 0 : 1);
    return worldShifts(camera, width).map((shift) => ({ label, shift, key, tx, ty, order }));
  });
  candidates.sort(
    (a, b) =>
      a.key - b.key || a.shift - b.shift || a.tx! - b.tx! || a.ty! - b.ty! || a.order - b.order,
  );
  const placed: PlacedLabel[] = [];
  for (const { label, shift } of candidates) {
    // The layer's filter: MapLibre evaluates its zoom at the tile's.
    if ((label.properties.from ?? 0) > tileZoom) continue;
    const bold = label.properties.id === FOCUS_ID;
    // A name the browser shapes comes with its lines (`shapeNames`); MapLibre breaks the rest.
    const { lines: shaped, ems: shapedWidth } = label.properties;
    const { lines, width: ems } =
      shaped && shapedWidth !== undefined
        ? { lines: shaped, width: shapedWidth }
        : labelLines(label.properties.name, bold);
    if (lines.length === 0) continue;
    const [px, py] = project(label.geometry.coordinates, shift);
    // Half the block of lines, in ems; an anchor moves the block by that much off its point.
    const half = [ems / 2, (lines.length * LABEL_LINE_HEIGHT) / 2] as const;
    const spot = anchorsOf(label)
      .map((anchor) => {
        const [ax, ay] = ANCHOR_SHIFT[anchor];
        const cx = px + ax * half[0] * layoutSize;
        const cy = py + ay * half[1] * layoutSize;
        const [hw, hh] = [
          half[0] * layoutSize + LABEL_PADDING,
          half[1] * layoutSize + LABEL_PADDING,
        ];
        const box: [number, number, number, number] = [cx - hw, cy - hh, cx + hw, cy + hh];
        return { anchor, box, x: px + ax * half[0] * size, y: py + ay * half[1] * size };
      })
      .find(
        ({ box }) =>
          box[2] >= -GRID_PADDING &&
          box[0] < width + GRID_PADDING &&
          box[3] >= -GRID_PADDING &&
          box[1] < height + GRID_PADDING &&
          !boxes.some((b) => b[0] < box[2] && box[0] < b[2] && b[1] < box[3] && box[1] < b[3]) &&
          (!clear || clearOf(box, clear, width, height)),
      );
    if (!spot) continue;
    const { box, x, y, anchor } = spot;
    boxes.push(box);
    if (box[2] < 0 || box[0] > width || box[3] < 0 || box[1] > height) continue;
    // The block of lines is centred on its spot; line i's baseline, in ems below it.
    const first = LABEL_BASELINE - (LABEL_LINE_HEIGHT * (lines.length - 1)) / 2;
    placed.push({
      id: label.properties.id,
      x,
      baselines: lines.map((_, i) => y + (first + i * LABEL_LINE_HEIGHT) * size),
      lines,
      size,
      bold,
      quiet: (label.properties.rank ?? 0) >= UNCOVERED_RANK,
      anchor,
    });
  }
  return placed;
}

/** Whether a name's box lies whole inside the picture and off every one of its text boxes. */
function clearOf(
  [x0, y0, x1, y1]: [number, number, number, number],
  rects: NonNullable<SvgMapInput['keepClear']>,
  width: number,
  height: number,
): boolean {
  if (x0 < 0 || y0 < 0 || x1 > width || y1 > height) return false;
  return !rects.some((r) => r.x < x1 && x0 < r.x + r.width && r.y < y1 && y0 < r.y + r.height);
}

// —— The document ——

/** The fill of each country as the map computes it: `countryFillColor` and `countryFillOpacity`. */
export interface CountryPaintOptions {
  levels: Pick<Levels, 'levels'>;
  /** Each country's level on the date (`levelsOn`, the state's `levels`). */
  levelOf: ReadonlyMap<string, { level: string }>;
  /** The theme's no-data and focus colours (`theme.noData(levels)`, `theme.focus(levels)`). */
  noDataColor: string;
  focusColor: string;
  /** Countries the legend filter fades out (the state's `muted`). */
  muted?: ReadonlySet<string>;
  /** Countries a scene is about; the others are set back. */
  highlight?: readonly string[] | null;
}

/**
 * The `fill` of `renderSvg` from the same inputs the map's fill layer gets: Afghanistan in the
 * focus colour, a country with a level in its level's colour, the rest no-data; faded to
 * `MUTED_OPACITY` where muted, and times `UNHIGHLIGHTED_OPACITY` outside a scene's highlight
 * (Afghanistan always counts as highlighted).
 * @example countryPaintOf({ levels, levelOf, noDataColor: '#dfdbd4', focusColor: '#2b2b2b' })('AFG')
 * // { color: '#2b2b2b', opacity: 1 }
 */
export function countryPaintOf(options: CountryPaintOptions): (id: string) => CountryPaint {
  const colors = new Map(options.levels.levels.map((l) => [l.id, l.color]));
  const highlight = options.highlight ? new Set([...options.highlight, FOCUS_ID]) : null;
  return (id) => {
    const level = options.levelOf.get(id)?.level;
    const color =
      id === FOCUS_ID
        ? options.focusColor
        : ((level !== undefined ? colors.get(level) : undefined) ?? options.noDataColor);
    let opacity = options.muted?.has(id) ? MUTED_OPACITY : 1;
    if (highlight && !highlight.has(id)) opacity *= UNHIGHLIGHTED_OPACITY;
    return { color, opacity };
  };
}

/** The state on a date, as the fills and outlines of the picture read it. */
export interface PaintedState {
  /** Each country's level on the date (`levelsOn`). */
  levelOf: ReadonlyMap<string, { level: string }>;
  /** Each country's tension or conflict on the date (`tensionsOn`). */
  tensionOf: ReadonlyMap<string, { tension: TensionKind | null }>;
  muted: ReadonlySet<string>;
  highlight: readonly string[] | null;
}

/**
 * The colours of `renderSvg` for a theme and a state, as the map's layers get them: the theme,
 * each country's fill, the tension outlines and the disputed areas' neutral fill. The export and
 * the first map on screen (src/map/picture-worker.ts) both paint with it.
 */
export function themedPaint(
  theme: MapTheme,
  datasetLevels: Levels,
  state: PaintedState,
): Pick<SvgMapInput, 'theme' | 'fill' | 'tension' | 'tensionColors' | 'neutral' | 'arcColors'> {
  const levels = theme.levels(datasetLevels);
  return {
    theme,
    fill: countryPaintOf({
      levels,
      levelOf: state.levelOf,
      noDataColor: theme.noData(levels),
      focusColor: theme.focus(levels),
      muted: state.muted,
      highlight: state.highlight,
    }),
    tension: (id) => state.tensionOf.get(id)?.tension ?? null,
    tensionColors: {
      tension: tensionColor(levels, 'tension'),
      conflict: tensionColor(levels, 'conflict'),
    },
    neutral: theme.noData(levels),
    arcColors: MOTIVE_COLORS,
  };
}

/**
 * A line of text as its glyphs' outlines: one path's `d`, set at `size` pixels in `weight` from
 * (x, baseline), aligned there as `anchor` says, as a browser sets the same `<text>`.
 */
export type TextOutliner = (
  line: string,
  at: {
    x: number;
    baseline: number;
    size: number;
    weight: number;
    anchor: 'start' | 'middle' | 'end';
  },
) => string;

/**
 * Text drawn as outlines: one path, its halo a stroke painted under the fill (`paint-order`), as
 * the same text's `<text>` has it.
 */
function outlinedText(
  d: string,
  fill: string,
  halo?: { color: string; width: number },
  attrs = '',
): string {
  if (d === '') return '';
  const stroke = halo
    ? ` ${paintAttrs('stroke', halo.color)} stroke-width="${num(halo.width)}" stroke-linejoin="round" paint-order="stroke"`
    : '';
  return `<path${attrs} d="${d}" ${paintAttrs('fill', fill)}${stroke}/>`;
}

/** `stroke-dasharray` for MapLibre dashes, which are in line widths. */
function dashAttr(dash: readonly number[] | undefined, unit = 1): string {
  return dash && dash.length > 0
    ? ` stroke-dasharray="${dash.map((d) => num(d * unit)).join(' ')}"`
    : '';
}

/** A font family list for CSS and SVG: the family, then the generic fallback. */
function fontFamily(family: string, ...fallbacks: (string | undefined)[]): string {
  const quoted = (f: string) => (/^[\w -]+$/.test(f) ? f : `'${f.replace(/'/g, '')}'`);
  const names = [family, ...fallbacks].filter((f): f is string => f !== undefined).map(quoted);
  return escapeXml(`${names.join(', ')}, sans-serif`);
}

function textBlock(
  block: SvgTextBlock,
  family: string,
  fallbackColor: string,
  id: string,
  outline?: TextOutliner,
): string {
  if (outline) {
    const d = block.lines
      .map((line, i) =>
        outline(line, {
          x: block.x,
          baseline: block.y + i * block.lineHeight,
          size: block.size,
          weight: block.weight ?? 400,
          anchor: block.anchor ?? 'start',
        }),
      )
      .join('');
    return `<g id="${id}">${outlinedText(d, block.color ?? fallbackColor)}</g>`;
  }
  const anchor = block.anchor && block.anchor !== 'start' ? ` text-anchor="${block.anchor}"` : '';
  const weight = block.weight && block.weight !== 400 ? ` font-weight="${block.weight}"` : '';
  const lines = block.lines
    .map(
      (line, i) =>
        `<tspan x="${num(block.x)}" y="${num(block.y + i * block.lineHeight)}">${escapeXml(line)}</tspan>`,
    )
    .join('');
  return `<text id="${id}" font-family="${family}" font-size="${num(block.size)}"${weight}${anchor} ${paintAttrs('fill', block.color ?? fallbackColor)}>${lines}</text>`;
}

function rect(r: SvgRect): string {
  const stroke = r.stroke
    ? ` ${paintAttrs('stroke', r.stroke)} stroke-width="${num(r.strokeWidth ?? 1)}"${dashAttr(r.dash)}`
    : '';
  const radius = r.radius ? ` rx="${num(r.radius)}"` : '';
  return `<rect x="${num(r.x)}" y="${num(r.y)}" width="${num(r.width)}" height="${num(r.height)}"${radius} ${paintAttrs('fill', r.fill, r.opacity ?? 1)}${stroke}/>`;
}

function line(l: SvgLine): string {
  const ends = `x1="${num(l.x1)}" y1="${num(l.y1)}" x2="${num(l.x2)}" y2="${num(l.y2)}"`;
  const cap = l.round || l.casing ? ' stroke-linecap="round"' : '';
  const casing = l.casing
    ? `<line ${ends} ${paintAttrs('stroke', l.casing)} stroke-width="${num(l.width + ARC_LINE.casingExtra)}"${cap}/>`
    : '';
  return `${casing}<line ${ends} ${paintAttrs('stroke', l.color)} stroke-width="${num(l.width)}"${cap}${dashAttr(l.dash)}/>`;
}

function furnitureSvg(
  furniture: SvgFurniture,
  family: string,
  color: string,
  outline?: TextOutliner,
): string {
  const out: string[] = [];
  for (const plate of furniture.plates ?? []) out.push(rect(plate));
  if (furniture.legend) {
    const { swatches, lines, texts } = furniture.legend;
    out.push(
      `<g id="legend">${swatches.map(rect).join('')}${lines.map(line).join('')}${texts
        .map((t, i) => textBlock(t, family, color, `legend-text-${i + 1}`, outline))
        .join('')}</g>`,
    );
  }
  const parts = ['title', 'subtitle', 'date', 'source', 'credit'] as const;
  for (const part of parts) {
    const block = furniture[part];
    if (block) out.push(textBlock(block, family, color, part, outline));
  }
  return out.length > 0 ? `<g id="furniture">${out.join('')}</g>` : '';
}

/** What every layer draws with: the input, its path maker and its projection. */
interface Layer {
  input: SvgMapInput;
  d: (geometry: Geometry | null) => string;
  project: ReturnType<typeof screenProjection>;
}

/** Countries: one path each where it shows, keyed by id for the outlines that follow them. */
function countriesLayer({ input, d }: Layer): { svg: string; paths: Map<string, string> } {
  const fillOf =
    typeof input.fill === 'function'
      ? input.fill
      : (id: string) =>
          (input.fill as ReadonlyMap<string, CountryPaint>).get(id) ?? {
            color: input.neutral,
            opacity: 1,
          };
  const paths = new Map<string, string>();
  const out: string[] = [];
  for (const f of input.countries.features) {
    const id = f.properties.id;
    const data = d(f.geometry);
    if (!data) continue;
    paths.set(id, data);
    const paint = fillOf(id);
    out.push(
      `<path id="country-${escapeXml(id)}" data-id="${escapeXml(id)}" d="${data}" fill-rule="evenodd" ${paintAttrs('fill', paint.color, paint.opacity)}/>`,
    );
  }
  return { svg: `<g id="countries">\n${out.join('\n')}\n</g>`, paths };
}

/** Boundaries: disputed areas in the neutral fill, borders as one mesh, disputed lines dashed. */
function boundariesLayer({ input, d }: Layer): string {
  const byKind = (kind: BoundaryKind) =>
    input.boundaries.features.filter((f) => f.properties.kind === kind);
  const mesh = (kind: BoundaryKind) =>
    byKind(kind)
      .map((f) => d(f.geometry))
      .join('');
  const out: string[] = [];
  for (const f of byKind('disputed-area')) {
    const data = d(f.geometry);
    if (!data) continue;
    out.push(
      `<path class="disputed-area" data-name="${escapeXml(f.properties.name)}" d="${data}" fill-rule="evenodd" ${paintAttrs('fill', input.neutral)}/>`,
    );
  }
  const borders = mesh('border');
  if (borders) {
    const width = byZoom(input.camera.zoom, BORDER_WIDTH);
    out.push(
      `<path id="borders" d="${borders}" fill="none" ${paintAttrs('stroke', input.theme.border)} stroke-width="${num(width)}" stroke-linejoin="round"/>`,
    );
  }
  const disputed = mesh('disputed-boundary');
  if (disputed) {
    out.push(
      `<path id="disputed-boundaries" d="${disputed}" fill="none" ${paintAttrs('stroke', input.theme.disputedLine)} stroke-width="${num(DISPUTED_LINE.width)}"${dashAttr(DISPUTED_LINE.dash, DISPUTED_LINE.width)}/>`,
    );
  }
  return `<g id="boundaries">\n${out.join('\n')}\n</g>`;
}

/** Outlines, in the map's layer order: selected, highlighted, in tension, in conflict. */
function outlinesLayer({ input }: Layer, paths: ReadonlyMap<string, string>): string {
  const color = input.outlineColor ?? input.theme.outline;
  const out: string[] = [];
  const outline = (
    id: string,
    kind: string,
    stroke: string,
    width: number,
    dash?: readonly number[],
  ) => {
    const data = paths.get(id);
    if (!data) return;
    out.push(
      `<path class="${kind}" data-id="${escapeXml(id)}" d="${data}" fill="none" ${paintAttrs('stroke', stroke)} stroke-width="${num(width)}" stroke-linejoin="round"${dashAttr(dash, width)}/>`,
    );
  };
  if (input.selected) outline(input.selected, 'selected', color, OUTLINE.selected.width);
  for (const id of input.highlight ?? []) outline(id, 'highlight', color, OUTLINE.highlight.width);
  const ids = input.countries.features.map((f) => f.properties.id);
  const tension = new Map(ids.map((id) => [id, input.tension(id)]));
  const { tension: orange, conflict: red } = input.tensionColors;
  for (const id of ids) {
    if (tension.get(id) === 'tension')
      outline(id, 'tension', orange, OUTLINE.tension.width, OUTLINE.tension.dash);
  }
  for (const id of ids) {
    if (tension.get(id) === 'conflict') outline(id, 'conflict', red, OUTLINE.conflict.width);
  }
  return out.length > 0 ? `<g id="outlines">\n${out.join('\n')}\n</g>` : '';
}

type Emphasis = 'normal' | 'selected' | 'dimmed';

/**
 * Arcs as the map's three layers: every white casing, then every coloured line, then every
 * arrowhead. With a country selected, its arcs are thicker and the others dimmed.
 */
function arcsLayer({ input, d, project }: Layer): string {
  const { zoom } = input.camera;
  const selected = input.selected ?? null;
  const emphasis = (actor: string): Emphasis =>
    selected === null ? 'normal' : actor === selected ? 'selected' : 'dimmed';
  const drawn = new Map<string, Emphasis>();
  const casings: string[] = [];
  const lines: string[] = [];
  for (const arc of input.arcs) {
    const data = d(arc.geometry);
    if (!data) continue;
    const { id, actor, category } = arc.properties;
    const how = emphasis(actor);
    drawn.set(id, how);
    const width = byZoom(
      zoom,
      how === 'selected' ? ARC_LINE.width.selected : ARC_LINE.width.normal,
    );
    const round = 'fill="none" stroke-linecap="round" stroke-linejoin="round"';
    const dimmed = how === 'dimmed';
    casings.push(
      `<path data-id="${escapeXml(id)}" d="${data}" ${round} ${paintAttrs('stroke', '#ffffff', dimmed ? ARC_LINE.dimmed.casing : 1)} stroke-width="${num(width + ARC_LINE.casingExtra)}"/>`,
    );
    lines.push(
      `<path id="arc-${escapeXml(id)}" data-id="${escapeXml(id)}" data-category="${escapeXml(category)}" d="${data}" ${round} ${paintAttrs('stroke', input.arcColors[category], dimmed ? ARC_LINE.dimmed.line : 1)} stroke-width="${num(width)}"/>`,
    );
  }
  if (drawn.size === 0) return '';
  const heads =
    input.arrowheads ??
    arcArrowheads({ type: 'FeatureCollection', features: [...input.arcs] }).features;
  const scale = byZoom(zoom, ARROWHEAD.size);
  const arrows: string[] = [];
  // As the map's filter: at the tile's whole zoom.
  const tileZoom = Math.max(0, Math.floor(zoom));
  for (const head of heads) {
    const how = drawn.get(head.properties.id);
    if (!how || head.properties.arrowFrom > tileZoom) continue;
    const angle = (head.properties.rotate * Math.PI) / 180;
    const cos = Math.cos(angle) * scale;
    const sin = Math.sin(angle) * scale;
    for (const shift of worldShifts(input.camera, input.width)) {
      const [x, y] = project(head.geometry.coordinates, shift);
      if (!nearPicture(x, y, input)) continue;
      const corners = ARROWHEAD.shape.map(
        ([px, py]) => `${num(x + px * cos - py * sin)},${num(y + px * sin + py * cos)}`,
      );
      const shape = `d="M${corners.join('L')}Z" data-id="${escapeXml(head.properties.id)}"`;
      // The white edge as its own path under the fill, so every editor draws it under (not
      // all read `paint-order`); dimmed as one image, as the map's icon is.
      const arrow =
        `<path class="arrowhead-edge" ${shape} fill="none" stroke="#ffffff" stroke-width="${num(ARROWHEAD.edge * scale)}" stroke-linejoin="round"/>` +
        `<path class="arrowhead" ${shape} ${paintAttrs('fill', input.arcColors[head.properties.category])}/>`;
      arrows.push(how === 'dimmed' ? `<g opacity="${ARC_LINE.dimmed.arrow}">${arrow}</g>` : arrow);
    }
  }
  return [
    '<g id="arcs">',
    `<g id="arc-casings">\n${casings.join('\n')}\n</g>`,
    `<g id="arc-lines">\n${lines.join('\n')}\n</g>`,
    `<g id="arrowheads">\n${arrows.join('\n')}\n</g>`,
    '</g>',
  ].join('\n');
}

/** Whether a point is in the picture or its clip margin. */
function nearPicture(x: number, y: number, { width, height }: SvgMapInput): boolean {
  return (
    x >= -CLIP_MARGIN && x <= width + CLIP_MARGIN && y >= -CLIP_MARGIN && y <= height + CLIP_MARGIN
  );
}

/** A capital's name as drawn: its start, baseline and size, and its collision box. */
interface CapitalName {
  x: number;
  baseline: number;
  size: number;
  text: string;
  dot: { x: number; y: number; radius: number };
  box: [number, number, number, number];
}

/**
 * Kabul's dot and name (KabulMarker.svelte): the name starts `CAPITAL_NAME_OFFSET` ems right of
 * the dot, one bold line centred on it; its box, at the layout size like the labels', keeps the
 * country names off it. One per world copy in the picture.
 */
function capitalNames(
  input: Pick<SvgMapInput, 'camera' | 'width' | 'height' | 'capital' | 'labelScale'>,
  layoutSize: number,
): CapitalName[] {
  const { camera, width } = input;
  const project = screenProjection(camera, input);
  const size = byZoom(camera.zoom, labelSizes(input.labelScale));
  const radius = byZoom(camera.zoom, CAPITAL_DOT.radius);
  return (input.capital?.features ?? []).flatMap((capital) => {
    const { name, lines: shaped, ems: shapedWidth } = capital.properties;
    const { lines, width: ems } =
      shaped && shapedWidth !== undefined
        ? { lines: shaped, width: shapedWidth }
        : labelLines(name, true);
    const text = lines.join(' ');
    return worldShifts(camera, width).map((shift) => {
      const [x, y] = project(capital.geometry.coordinates, shift);
      const start = x + CAPITAL_NAME_OFFSET * layoutSize;
      const half = (LABEL_LINE_HEIGHT * layoutSize) / 2;
      return {
        x: x + CAPITAL_NAME_OFFSET * size,
        baseline: y + LABEL_BASELINE * size,
        size,
        text,
        dot: { x, y, radius },
        box: [
          start - LABEL_PADDING,
          y - half - LABEL_PADDING,
          start + ems * layoutSize + LABEL_PADDING,
          y + half + LABEL_PADDING,
        ] as [number, number, number, number],
      };
    });
  });
}

/** Kabul's ringed dot and its name, on top of everything else on the map. */
function capitalLayer({ input }: Layer): string {
  const { theme, labelFont, camera, width, height } = input;
  const layoutSize = byZoom(Math.max(0, Math.floor(camera.zoom)) + 1, labelSizes(input.labelScale));
  const family = fontFamily(labelFont.bold, labelFont.script);
  const out = capitalNames(input, layoutSize)
    .filter(
      ({ box, dot }) =>
        dot.x + dot.radius >= 0 && dot.x - dot.radius <= width && box[1] <= height && box[3] >= 0,
    )
    .map(
      ({ x, baseline, size, text, dot }) =>
        `<circle cx="${num(dot.x)}" cy="${num(dot.y)}" r="${num(dot.radius)}" ${paintAttrs('fill', theme.focusLabel)} ${paintAttrs('stroke', theme.focusHalo)} stroke-width="${num(CAPITAL_DOT.ring)}"/>\n` +
        (input.outline
          ? outlinedText(
              input.outline(text, { x, baseline, size, weight: 700, anchor: 'start' }),
              theme.focusLabel,
              { color: theme.focusHalo, width: 2 * NAME_TEXT.halo },
            )
          : `<text x="${num(x)}" y="${num(baseline)}" font-family="${family}" font-size="${num(size)}" font-weight="700" text-anchor="start" ${paintAttrs('fill', theme.focusLabel)} ${paintAttrs('stroke', theme.focusHalo)} stroke-width="${num(2 * NAME_TEXT.halo)}" stroke-linejoin="round" paint-order="stroke">${escapeXml(text)}</text>`),
    );
  if (out.length === 0) return '';
  return `<g id="capital">\n${out.join('\n')}\n</g>`;
}

/** Labels on top of the map, their halo a stroke painted under the fill (`paint-order`). */
function labelsLayer({ input }: Layer): string {
  const { theme, labelFont } = input;
  const out = placeLabels(input).map((label) => {
    const focus = label.id === FOCUS_ID;
    const fill = focus ? theme.focusLabel : label.quiet ? theme.labelQuiet : theme.label;
    const halo = { color: focus ? theme.focusHalo : theme.labelHalo, width: 2 * NAME_TEXT.halo };
    if (input.outline) {
      const outline = input.outline;
      const d = label.lines
        .map((line, i) =>
          outline(line, {
            x: label.x,
            baseline: label.baselines[i]!,
            size: label.size,
            weight: label.bold ? 700 : 400,
            anchor: 'middle',
          }),
        )
        .join('');
      return outlinedText(d, fill, halo, ` data-id="${escapeXml(label.id)}"`);
    }
    const family = fontFamily(label.bold ? labelFont.bold : labelFont.regular, labelFont.script);
    const tspans = label.lines
      .map(
        (line, i) =>
          `<tspan x="${num(label.x)}" y="${num(label.baselines[i]!)}">${escapeXml(line)}</tspan>`,
      )
      .join('');
    return `<text data-id="${escapeXml(label.id)}" font-family="${family}" font-size="${num(label.size)}"${label.bold ? ' font-weight="700"' : ''} ${paintAttrs('fill', focus ? theme.focusLabel : label.quiet ? theme.labelQuiet : theme.label)} ${paintAttrs('stroke', focus ? theme.focusHalo : theme.labelHalo)} stroke-width="${num(2 * NAME_TEXT.halo)}">${tspans}</text>`;
  });
  if (out.length === 0) return '';
  return `<g id="labels" text-anchor="middle" stroke-linejoin="round" paint-order="stroke">\n${out.join('\n')}\n</g>`;
}

/**
 * The map at a camera as a standalone SVG document (see the module's comment), with the
 * furniture burnt in on top. The same input always gives the same bytes.
 * @throws RangeError when the size is not a positive, finite number of pixels.
 * @example
 * renderSvg({ width: 1920, height: 1080, camera: { lon: 75, lat: 38, zoom: 3.5 }, theme, countries,
 *   fill: countryPaintOf({ levels, levelOf, noDataColor, focusColor }), tension, tensionColors,
 *   highlight: null, boundaries, neutral, arcs, arcColors: MOTIVE_COLORS, labels,
 *   labelFont: { regular: 'Noto Sans', bold: 'Noto Sans' }, furniture })
 * // '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="1920" …'
 */
export function renderSvg(input: SvgMapInput): string {
  const { width, height, theme, furniture } = input;
  for (const [name, value] of [
    ['width', width],
    ['height', height],
  ] as const) {
    if (!Number.isFinite(value) || value <= 0) {
      throw new RangeError(`renderSvg: ${name} must be a positive number of pixels, not ${value}`);
    }
  }
  const layer: Layer = {
    input,
    d: pathMaker(input),
    project: screenProjection(input.camera, input),
  };
  const countries = countriesLayer(layer);
  const [w, h] = [num(width), num(height)];
  const title = furniture?.title?.lines.join(' ');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">`,
    title ? `<title>${escapeXml(title)}</title>` : '',
    `<defs><clipPath id="map-clip"><rect width="${w}" height="${h}"/></clipPath></defs>`,
    `<rect id="ocean" width="${w}" height="${h}" ${paintAttrs('fill', theme.ocean)}/>`,
    '<g id="map" clip-path="url(#map-clip)">',
    countries.svg,
    boundariesLayer(layer),
    outlinesLayer(layer, countries.paths),
    arcsLayer(layer),
    labelsLayer(layer),
    capitalLayer(layer),
    '</g>',
    furniture
      ? furnitureSvg(
          furniture,
          fontFamily(input.labelFont.regular, input.labelFont.script),
          theme.label,
          input.outline,
        )
      : '',
    '</svg>',
  ]
    .filter((part) => part !== '')
    .join('\n')
    .concat('\n');
}
