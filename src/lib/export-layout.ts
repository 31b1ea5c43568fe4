/**
 * Where the burnt-in furniture of an exported picture goes: title block, date stamp, legend,
 * source line and credit, with their text already wrapped, the panels behind them, and the room
 * they leave the map. The PNG renderer (canvas 2D) and the SVG renderer both draw from this one
 * layout, so the two files match.
 *
 * The picture, top to bottom: the title band (title, subtitle, and the date stamp at the top
 * right, or under the subtitle when the title needs the width), the map, and the source band
 * (source line left, credit right). The legend floats over the map in a corner: bottom left, or
 * bottom right, then top right when the countries the view is about (`avoid`) lie under the
 * bottom-left one. Type scales with the picture; everything keeps a safe margin of 3% of the
 * short side; nothing overlaps anything else.
 *
 * Text is measured by an injected `measure`, so this module stays pure: the browser passes a
 * canvas `measureText`, tests a fixed-width approximation.
 *
 * The bands do not depend on `avoid`, and the legend is not part of `mapInsets`, so a caller can
 * lay out once to frame the map into `mapInsets`, project the countries of interest with that
 * camera, and lay out again with them as `avoid`: the bands stay put and only the legend moves.
 */
import type { Rect } from './scene-view.ts';
import type { ThemeName } from './style.ts';
import type { Padding, Size } from './viewport.ts';

export type { Rect } from './scene-view.ts';

/** A face of the export's type: Noto Sans ('Atlas Sans Regular' 400, 'Atlas Sans Bold' 700). */
export interface FontSpec {
  size: number;
  weight: 400 | 700;
}

/** The width of `text` in CSS pixels when set in `font`. */
export type MeasureText = (text: string, font: FontSpec) => number;

/** The elements the dialog can switch on and off. */
export type ExportElement = 'title' | 'subtitle' | 'legend' | 'date' | 'source' | 'credit';

/** The legend's entries, as the map draws them. */
export interface ExportLegendInput {
  /** Engagement levels, closest first. */
  levels: { label: string; color: string }[];
  /** No data, the focus, tension lines: a fill swatch, a solid line or a dashed line. */
  extras: { label: string; color: string; kind: 'swatch' | 'line' | 'dashed' }[];
  /** Motive categories, drawn as arcs. */
  motives: { label: string; color: string }[];
  /** Optional bold headings over the levels and over the motives, e.g. "Engagement with Kabul". */
  headings?: { levels?: string; motives?: string };
}

export interface ExportLayoutInput {
  /** The picture in CSS pixels, before scale. */
  size: Size;
  theme: ThemeName;
  show: Record<ExportElement, boolean>;
  texts: { title: string; subtitle: string; dateLabel: string; source: string; credit: string };
  legend: ExportLegendInput;
  /**
   * Screen rectangles of what the view is about (the selected or highlighted countries' projected
   * frames), which the legend keeps clear of where it can.
   */
  avoid: readonly Rect[];
  measure: MeasureText;
}

/**
 * A block of text, wrapped. Draw line `i` at `(anchorX, baselines[i])`, left-aligned when `align`
 * is `left` and right-aligned when it is `right`, in `color` (canvas `textAlign` left/right; SVG
 * `text-anchor` start/end). The rectangle is the block's line boxes.
 */
export interface TextBlock extends Rect {
  lines: string[];
  baselines: number[];
  anchorX: number;
  align: 'left' | 'right';
  size: number;
  weight: 400 | 700;
  lineHeight: number;
  color: string;
}

/** One legend row: a heading, or a key mark with its label. */
export interface LegendItem {
  kind: 'heading' | 'swatch' | 'line' | 'dashed' | 'arc';
  label: string;
  /** The mark's colour; for a heading, the text's. */
  color: string;
  /**
   * Where the mark goes: a swatch fills it, a line or dashed line runs along its vertical middle
   * with its height as width, an arc bends from its bottom left to its bottom right; `null` for a heading.
   */
  mark: Rect | null;
  /** Where the label starts, its baseline, and its weight. */
  text: { x: number; baseline: number; weight: 400 | 700 };
}

export interface LegendLayout extends Rect {
  corner: 'bottom-left' | 'bottom-right' | 'top-right';
  /** Type size and line height of every row; labels are drawn in `textColor`. */
  size: number;
  lineHeight: number;
  textColor: string;
  items: LegendItem[];
}

/** The export's own colours besides the map's: text and the panels behind it. */
export interface ExportColors {
  text: string;
  muted: string;
  /** Panels behind the text: this colour at this opacity. */
  panel: string;
  panelOpacity: number;
}

export interface ExportLayout {
  size: Size;
  colors: ExportColors;
  title?: TextBlock;
  subtitle?: TextBlock;
  dateStamp?: TextBlock;
  legend?: LegendLayout;
  sourceLine?: TextBlock;
  credit?: TextBlock;
  /** Panels to draw before the text (`colors.panel` at `colors.panelOpacity`). */
  backgroundBoxes: Rect[];
  /** Space the title band and the source band take at each edge; 0 where there is none. */
  mapInsets: Padding;
  /** Elements switched on that did not fit the picture, for the dialog to say so. */
  dropped: ExportElement[];
}

/**
 * The export's text and panel colours, after the app's own (`--ink`, `--muted`) and the dark map's
 * ocean. The panels are opaque: a country or an arc showing through a title is read as part of it.
 */
export const EXPORT_COLORS: Readonly<Record<ThemeName, ExportColors>> = {
  light: { text: '#1f1f1f', muted: '#5b5b5b', panel: '#ffffff', panelOpacity: 1 },
  dark: { text: '#eceff2', muted: '#b7bec7', panel: '#0e1217', panelOpacity: 1 },
};

/** Noto Sans's cap height, as a share of the type size: lines centre their capitals in the line box. */
const CAP_HEIGHT = 0.714;

/** The least share of the picture's height the map keeps between the bands before text gives way. */
const MIN_MAP_SHARE = 0.4;

/** The most of the free map area a legend takes before it tries more columns or smaller type. */
const LEGEND_COMFORT = { height: 0.7, width: 0.6 } as const;

const clamp = (min: number, value: number, max: number) => Math.min(max, Math.max(min, value));
const round1 = (value: number) => Math.round(value * 10) / 10;

/** Sizes, margins and paddings for a picture, in CSS pixels. */
export interface ExportMetrics {
  /** Safe margin: nothing comes closer to the picture's edges. */
  margin: number;
  /** Space inside panels, between bands and the legend, and between side-by-side blocks. */
  pad: number;
  title: number;
  subtitle: number;
  date: number;
  legend: number;
  source: number;
}

/**
 * The title's size as a share of the picture's type unit (below): 44 px on a 1080 px square,
 * over the 4% of its height a feed needs to read it (issue 18).
 */
export const TITLE_SHARE = 0.041;

/**
 * The type sizes and spacing for a picture. Type follows `min(√(w·h), 1.25·short side)`: the
 * short side for squares and tall pictures, a little more for wide ones, whose width also
 * carries the text, so a 1920×1080 slide reads from the back of a room and a 1200×628 link
 * preview keeps a title of 32 px. Each size is clamped to stay legible at the small end and
 * sober at the large end.
 * @example exportMetrics({ width: 1920, height: 1080 })
 *   // { margin: 32, pad: 17, title: 55, subtitle: 28, date: 28, legend: 22, source: 18 }
 * @example exportMetrics({ width: 1200, height: 628 })
 *   // { margin: 19, pad: 10, title: 32, subtitle: 16, date: 16, legend: 13, source: 11 }
 */
export function exportMetrics(size: Size): ExportMetrics {
  const short = Math.min(size.width, size.height);
  const unit = Math.min(Math.sqrt(size.width * size.height), 1.25 * short);
  const title = Math.round(clamp(20, TITLE_SHARE * unit, 56));
  return {
    margin: Math.max(8, Math.round(0.03 * short)),
    pad: Math.max(6, Math.round(0.3 * title)),
    title,
    subtitle: Math.round(clamp(13, 0.5 * title, 28)),
    date: Math.round(clamp(13, 0.5 * title, 28)),
    legend: Math.round(clamp(12, 0.4 * title, 22)),
    source: Math.round(clamp(11, 0.34 * title, 18)),
  };
}

/**
 * `text` broken into lines no wider than `maxWidth`, at spaces, and inside a word only when the
 * word alone is too wide; at most `maxLines`, the last one ending in `…` if text was left over.
 * Each line holds at least one character, however narrow the width.
 * @example wrapText('Kabul Engagement Atlas', 70, { size: 10, weight: 400 }, (t) => t.length * 6, 3)
 *   // ['Kabul', 'Engagement', 'Atlas']
 */
export function wrapText(
  text: string,
  maxWidth: number,
  font: FontSpec,
  measure: MeasureText,
  maxLines: number,
): string[] {
  const fits = (line: string) => measure(line, font) <= maxWidth;
  const words = text.trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const joined = line ? `${line} ${word}` : word;
    if (fits(joined)) {
      line = joined;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    // A word wider than the line: break it where it must.
    while (!fits(line) && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && !fits(line.slice(0, cut))) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, Math.max(0, maxLines));
  if (kept.length === 0) return kept;
  let last = `${kept[kept.length - 1]}…`;
  while (!fits(last) && last.length > 1) last = `${last.slice(0, -2).trimEnd()}…`;
  kept[kept.length - 1] = last;
  return kept;
}

/** A face with its line height and colour. */
interface TextStyle {
  font: FontSpec;
  lineHeight: number;
  color: string;
}

/**
 * `text` wrapped in a style, as a block whose first line box starts at `y` and whose lines start
 * at `x` (`left`) or end at it (`right`).
 */
function textBlock(
  text: string,
  at: { x: number; y: number; align: 'left' | 'right'; maxWidth: number; maxLines: number },
  style: TextStyle,
  measure: MeasureText,
): TextBlock {
  const { font, lineHeight, color } = style;
  const lines = wrapText(text, at.maxWidth, font, measure, at.maxLines);
  const width = Math.ceil(Math.max(0, ...lines.map((l) => measure(l, font))));
  return {
    x: at.align === 'left' ? at.x : at.x - width,
    y: at.y,
    width,
    height: lines.length * lineHeight,
    lines,
    baselines: lines.map((_, i) =>
      round1(at.y + i * lineHeight + baselineOffset(font.size, lineHeight)),
    ),
    anchorX: at.x,
    align: at.align,
    size: font.size,
    weight: font.weight,
    lineHeight,
    color,
  };
}

/** From the top of a line box to its baseline: capitals centred in the box. */
function baselineOffset(size: number, lineHeight: number): number {
  return (lineHeight + CAP_HEIGHT * size) / 2;
}

/**
 * How much each step lets go of, tried in order until the map keeps `MIN_MAP_SHARE`. The source
 * line is shortened only once the subtitle has gone: a picture without its sources is the one
 * thing this atlas must not make.
 */
interface FitStep {
  titleLines: number;
  subtitleLines: number;
  sourceLines: number;
  date: boolean;
}

const FIT_STEPS: readonly FitStep[] = [
  { titleLines: 3, subtitleLines: 3, sourceLines: 4, date: true },
  { titleLines: 2, subtitleLines: 2, sourceLines: 4, date: true },
  { titleLines: 2, subtitleLines: 1, sourceLines: 4, date: true },
  { titleLines: 1, subtitleLines: 0, sourceLines: 4, date: true },
  { titleLines: 1, subtitleLines: 0, sourceLines: 2, date: true },
  { titleLines: 1, subtitleLines: 0, sourceLines: 1, date: true },
  { titleLines: 1, subtitleLines: 0, sourceLines: 1, date: false },
];

/** The title band and source band for one fit step. */
interface Bands {
  title?: TextBlock;
  subtitle?: TextBlock;
  dateStamp?: TextBlock;
  sourceLine?: TextBlock;
  credit?: TextBlock;
  boxes: Rect[];
  /** The bottom of the title band, or `null` without one. */
  top: number | null;
  /** The top of the source band, or `null` without one. */
  bottom: number | null;
}

/** The texts that are switched on and not blank. */
function wantedTexts(input: ExportLayoutInput) {
  const text = (on: boolean, value: string) => (on ? value.trim() : '');
  return {
    title: text(input.show.title, input.texts.title),
    subtitle: text(input.show.subtitle, input.texts.subtitle),
    date: text(input.show.date, input.texts.dateLabel),
    source: text(input.show.source, input.texts.source),
    credit: text(input.show.credit, input.texts.credit),
  };
}

/** The faces of the title band and the source band. */
function textStyles(metrics: ExportMetrics, colors: ExportColors) {
  const style = (size: number, weight: 400 | 700, leading: number, color: string): TextStyle => ({
    font: { size, weight },
    lineHeight: Math.round(leading * size),
    color,
  });
  return {
    title: style(metrics.title, 700, 1.15, colors.text),
    subtitle: style(metrics.subtitle, 400, 1.3, colors.muted),
    date: style(metrics.date, 700, 1.3, colors.text),
    source: style(metrics.source, 400, 1.35, colors.muted),
    credit: style(metrics.source, 700, 1.35, colors.text),
  };
}

function layBands(input: ExportLayoutInput, metrics: ExportMetrics, step: FitStep): Bands {
  const { width: w, height: h } = input.size;
  const { margin: m, pad } = metrics;
  const { measure } = input;
  const styles = textStyles(metrics, EXPORT_COLORS[input.theme]);
  const wanted = wantedTexts(input);
  const innerW = w - 2 * m;
  const textW = Math.max(1, innerW - 2 * pad);
  const bands: Bands = { boxes: [], top: null, bottom: null };

  // Title band. The date takes the top right when it leaves the title at least half the width.
  const subtitle = step.subtitleLines > 0 ? wanted.subtitle : '';
  const date = step.date ? wanted.date : '';
  const hasBlock = wanted.title !== '' || subtitle !== '';
  const dateBoxW = date ? Math.ceil(measure(date, styles.date.font)) + 2 * pad : 0;
  const dateRight = date !== '' && (!hasBlock || textW - dateBoxW - pad >= 0.5 * textW);
  const blockW = dateRight ? Math.max(1, textW - dateBoxW - pad) : textW;

  if (dateRight) {
    const at = {
      x: w - m - pad,
      y: m + pad,
      align: 'right',
      maxWidth: textW,
      maxLines: 2,
    } as const;
    const block = textBlock(date, at, styles.date, measure);
    bands.dateStamp = block;
    bands.boxes.push({
      x: block.x - pad,
      y: m,
      width: block.width + 2 * pad,
      height: block.height + 2 * pad,
    });
  }
  if (hasBlock || (date && !dateRight)) {
    // Title, subtitle and perhaps the date, stacked in one panel at the top left.
    const gap = Math.round(0.35 * metrics.subtitle);
    const blocks: TextBlock[] = [];
    let y = m + pad;
    const stack = (text: string, style: TextStyle, measureEms: number, maxLines: number) => {
      if (blocks.length > 0) y += gap;
      // Lines no longer than `measureEms` ems, which reads well, however wide the picture.
      const maxWidth = Math.min(blockW, measureEms * style.font.size);
      const block = textBlock(
        text,
        { x: m + pad, y, align: 'left', maxWidth, maxLines },
        style,
        measure,
      );
      blocks.push(block);
      y += block.height;
      return block;
    };
    if (wanted.title) bands.title = stack(wanted.title, styles.title, 22, step.titleLines);
    if (subtitle) bands.subtitle = stack(subtitle, styles.subtitle, 45, step.subtitleLines);
    if (date && !dateRight) bands.dateStamp = stack(date, styles.date, Infinity, 2);
    bands.boxes.unshift({
      x: m,
      y: m,
      width: Math.max(...blocks.map((b) => b.width)) + 2 * pad,
      height: y + pad - m,
    });
  }
  if (bands.boxes.length > 0) bands.top = Math.max(...bands.boxes.map((b) => b.y + b.height));

  // Source band: source left, credit right on its last line, or under it when they cannot share a line.
  if (wanted.source || wanted.credit) {
    const lh = styles.source.lineHeight;
    const padY = Math.max(4, Math.round(0.45 * metrics.source));
    const creditW = wanted.credit
      ? Math.min(textW, Math.ceil(measure(wanted.credit, styles.credit.font)))
      : 0;
    const besideW = textW - creditW - pad;
    const beside = !wanted.source || !wanted.credit || besideW >= 0.5 * textW;
    // Lay the lines out from the band's top, then move the band down onto the bottom margin.
    const sourceAt = { x: m + pad, y: padY, align: 'left', maxLines: step.sourceLines } as const;
    const source = wanted.source
      ? textBlock(
          wanted.source,
          { ...sourceAt, maxWidth: creditW && beside ? besideW : textW },
          styles.source,
          measure,
        )
      : undefined;
    const sourceRows = source?.lines.length ?? 0;
    const creditRow = beside ? Math.max(0, sourceRows - 1) : sourceRows;
    const credit = wanted.credit
      ? textBlock(
          wanted.credit,
          {
            x: w - m - pad,
            y: padY + creditRow * lh,
            align: 'right',
            maxWidth: textW,
            maxLines: 1,
          },
          styles.credit,
          measure,
        )
      : undefined;
    const rows = Math.max(sourceRows, credit ? creditRow + 1 : 0);
    const bandH = rows * lh + 2 * padY;
    const bandY = h - m - bandH;
    const moved = (block: TextBlock): TextBlock => ({
      ...block,
      y: block.y + bandY,
      baselines: block.baselines.map((b) => round1(b + bandY)),
    });
    if (source) bands.sourceLine = moved(source);
    if (credit) bands.credit = moved(credit);
    bands.boxes.push({ x: m, y: bandY, width: innerW, height: bandH });
    bands.bottom = bandY;
  }
  return bands;
}

/** One legend row before it is placed. */
interface Row {
  kind: LegendItem['kind'];
  label: string;
  color: string;
}

/** The legend's rows in groups (levels, extras, motives), empty groups left out. */
function legendGroups(legend: ExportLegendInput, textColor: string): Row[][] {
  const heading = (label: string | undefined): Row[] =>
    label?.trim() ? [{ kind: 'heading', label: label.trim(), color: textColor }] : [];
  const levels: Row[] = legend.levels.map((l) => ({ kind: 'swatch', ...l }));
  const motives: Row[] = legend.motives.map((l) => ({ kind: 'arc', ...l }));
  return [
    levels.length ? [...heading(legend.headings?.levels), ...levels] : [],
    legend.extras.map((e) => ({ kind: e.kind, label: e.label, color: e.color })),
    motives.length ? [...heading(legend.headings?.motives), ...motives] : [],
  ].filter((g) => g.length > 0);
}

/** Every way to split groups, in order, into `k` non-empty columns. */
function splits<T>(groups: T[], k: number): T[][][] {
  if (k === 1) return [[groups]];
  const out: T[][][] = [];
  for (let i = 1; i <= groups.length - k + 1; i++) {
    for (const rest of splits(groups.slice(i), k - 1)) out.push([groups.slice(0, i), ...rest]);
  }
  return out;
}

/** A legend laid out at the origin: its size and its items relative to its top left. */
interface LegendShape {
  width: number;
  height: number;
  size: number;
  lineHeight: number;
  items: LegendItem[];
}

function legendShape(columns: Row[][][], size: number, measure: MeasureText): LegendShape {
  const lh = Math.round(1.45 * size);
  const p = Math.max(6, Math.round(0.8 * size));
  const markW = Math.round(1.5 * size);
  const markH = Math.round(0.9 * size);
  const lineH = Math.max(2, Math.round(0.2 * size));
  const markGap = Math.round(0.5 * size);
  const groupGap = Math.round(0.5 * size);
  const colGap = Math.round(1.5 * size);
  const items: LegendItem[] = [];
  let x = p;
  let height = 0;
  for (const groups of columns) {
    let y = p;
    let colW = 0;
    groups.forEach((rows, g) => {
      if (g > 0) y += groupGap;
      for (const row of rows) {
        const weight = row.kind === 'heading' ? 700 : 400;
        const labelW = measure(row.label, { size, weight });
        const baseline = round1(y + baselineOffset(size, lh));
        if (row.kind === 'heading') {
          items.push({ ...row, mark: null, text: { x, baseline, weight } });
          colW = Math.max(colW, labelW);
        } else {
          const h = row.kind === 'swatch' || row.kind === 'arc' ? markH : lineH;
          const mark = { x, y: y + Math.round((lh - h) / 2), width: markW, height: h };
          items.push({ ...row, mark, text: { x: x + markW + markGap, baseline, weight } });
          colW = Math.max(colW, markW + markGap + labelW);
        }
        y += lh;
      }
    });
    height = Math.max(height, y + p);
    x += Math.ceil(colW) + colGap;
  }
  return { width: x - colGap + p, height, size, lineHeight: lh, items };
}

/**
 * The legend's shape for the room it has: one column if it sits comfortably, else more columns,
 * else smaller type; any shape that fits at all before none.
 */
function chooseLegendShape(
  groups: Row[][],
  baseSize: number,
  room: Size,
  measure: MeasureText,
): LegendShape | null {
  const shapes: LegendShape[] = [];
  for (const scale of [1, 0.85, 0.7]) {
    const size = Math.max(10, Math.round(baseSize * scale));
    for (let k = 1; k <= groups.length; k++) {
      const best = splits(groups, k)
        .map((columns) => legendShape(columns, size, measure))
        .sort((a, b) => a.height - b.height)[0];
      if (best) shapes.push(best);
    }
  }
  const comfortable = (s: LegendShape) =>
    s.height <= LEGEND_COMFORT.height * room.height && s.width <= LEGEND_COMFORT.width * room.width;
  const fits = (s: LegendShape) => s.height <= room.height && s.width <= room.width;
  return shapes.find(comfortable) ?? shapes.find(fits) ?? null;
}

/** The area two rectangles share. */
function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * THE layout of an export's furniture at a size. Deterministic: the same input always gives the
 * same numbers. Where the picture is too small for everything, the title, subtitle and source
 * line wrap to fewer lines, then the subtitle and then the date give way, so that the map keeps at
 * least 40% of the height; the legend gives way when it cannot fit between the bands. `dropped`
 * names what gave way.
 * @example
 * // The atlas's own texts, measured at 0.55 em a character (0.6 em in bold):
 * exportLayout({ size: { width: 1920, height: 1080 }, theme: 'light', show: allOn, texts, legend, avoid: [], measure })
 * // { title: { x: 46, y: 46, lines: ['Kabul Engagement Atlas'], size: 46, weight: 700, … },
 * //   legend: { corner: 'bottom-left', … }, mapInsets: { top: 181, right: 0, bottom: 68, left: 0 }, … }
 */
export function exportLayout(input: ExportLayoutInput): ExportLayout {
  const { size, measure } = input;
  const metrics = exportMetrics(size);
  const { margin: m, pad } = metrics;
  const colors = EXPORT_COLORS[input.theme];

  const steps = FIT_STEPS.map((step) => layBands(input, metrics, step));
  const mapHeight = (b: Bands) => (b.bottom ?? size.height) - (b.top ?? 0);
  const bands =
    steps.find((b) => mapHeight(b) >= MIN_MAP_SHARE * size.height) ??
    steps.find((b) => (b.bottom ?? size.height) - pad >= (b.top ?? 0) + pad) ??
    ({ boxes: [], top: null, bottom: null } satisfies Bands);

  const layout: ExportLayout = {
    size: { width: size.width, height: size.height },
    colors,
    backgroundBoxes: [...bands.boxes],
    mapInsets: {
      top: bands.top ?? 0,
      right: 0,
      bottom: bands.bottom === null ? 0 : size.height - bands.bottom,
      left: 0,
    },
    dropped: [],
  };
  for (const key of ['title', 'subtitle', 'dateStamp', 'sourceLine', 'credit'] as const) {
    if (bands[key]) layout[key] = bands[key];
  }

  if (input.show.legend) {
    const groups = legendGroups(input.legend, colors.text);
    const top = bands.top === null ? m : bands.top + pad;
    const bottom = bands.bottom === null ? size.height - m : bands.bottom - pad;
    const room = { width: size.width - 2 * m, height: bottom - top };
    const shape =
      groups.length && room.height > 0
        ? chooseLegendShape(groups, metrics.legend, room, measure)
        : null;
    if (shape) {
      const left = m;
      const right = size.width - m - shape.width;
      const corners = [
        { corner: 'bottom-left', x: left, y: bottom - shape.height },
        { corner: 'bottom-right', x: right, y: bottom - shape.height },
        { corner: 'top-right', x: right, y: top },
      ] as const;
      const cost = (c: (typeof corners)[number]) =>
        input.avoid.reduce(
          (sum, r) => sum + overlapArea({ ...c, width: shape.width, height: shape.height }, r),
          0,
        );
      // The first clear corner, else the one that covers least of what the view is about.
      const best = corners.reduce((a, b) => (cost(b) < cost(a) ? b : a));
      const { x, y } = best;
      layout.legend = {
        corner: best.corner,
        x,
        y,
        width: shape.width,
        height: shape.height,
        size: shape.size,
        lineHeight: shape.lineHeight,
        textColor: colors.text,
        items: shape.items.map((item) => ({
          ...item,
          mark: item.mark && { ...item.mark, x: item.mark.x + x, y: item.mark.y + y },
          text: { ...item.text, x: item.text.x + x, baseline: round1(item.text.baseline + y) },
        })),
      };
      layout.backgroundBoxes.push({ x, y, width: shape.width, height: shape.height });
    } else if (groups.length) {
      layout.dropped.push('legend');
    }
  }

  const wanted = wantedTexts(input);
  if (wanted.subtitle && !layout.subtitle) layout.dropped.unshift('subtitle');
  if (wanted.date && !layout.dateStamp) layout.dropped.push('date');
  for (const [key, block] of [
    ['title', layout.title],
    ['source', layout.sourceLine],
    ['credit', layout.credit],
  ] as const) {
    if (wanted[key] && !block) layout.dropped.push(key);
  }
  return layout;
}
