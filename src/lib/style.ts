/**
 * Colour scales as MapLibre paint expressions, built from the dataset's levels. Plain data: the
 * map components pass these to MapLibre, and the export will draw with the same colours.
 * Colour changes with the date go through feature state, so a date change never rebuilds a source.
 */
import { hexOfLab, labOfHex } from './colour.ts';
import type { Levels } from './schema.ts';
import { FOCUS_ID } from './vocabulary.ts';

/** A MapLibre expression, as JSON. */
export type Expression = [string, ...unknown[]];

/** A zoom curve: `[zoom, value]` stops, as in `['interpolate', ['linear'], ['zoom'], …]`. */
export type ZoomStops = readonly (readonly [number, number])[];

/**
 * A zoom curve's value at `zoom`, as MapLibre evaluates its linear `interpolate`: held flat
 * before the first stop and after the last.
 * @example byZoom(2.5, [[1, 10], [4, 13]]) // 11.5
 */
export function byZoom(zoom: number, stops: ZoomStops): number {
  const first = stops[0]!;
  const last = stops[stops.length - 1]!;
  if (zoom <= first[0]) return first[1];
  if (zoom >= last[0]) return last[1];
  for (let i = 1; i < stops.length; i++) {
    const [z1, v1] = stops[i]!;
    const [z0, v0] = stops[i - 1]!;
    if (zoom <= z1) return v0 + ((v1 - v0) * (zoom - z0)) / (z1 - z0);
  }
  return last[1];
}

/** A zoom curve as a MapLibre expression: `['interpolate', ['linear'], ['zoom'], z, v, …]`. */
export function zoomCurve(stops: ZoomStops): Expression {
  return ['interpolate', ['linear'], ['zoom'], ...stops.flat()];
}

// —— The map's lines and marks: one definition, read by the map's layers (as expressions) and by
// the picture engine (as values at the picture's zoom), so the two cannot drift apart. Widths are
// CSS pixels; dashes are in line widths, as MapLibre counts them. ——

/** Land borders: 0.5 px over the world, 1.4 px at the region's close-up. */
export const BORDER_WIDTH: ZoomStops = [
  [1, 0.5],
  [5, 1.4],
];
/** Disputed boundaries: thin and dashed, claimed by neither side's style. */
export const DISPUTED_LINE = { width: 1, dash: [2, 1.5] } as const;

/** A country's outline by why it is outlined (see outlines.ts); tension dashed, conflict solid. */
export const OUTLINE = {
  hovered: { width: 1.5 },
  selected: { width: 2.5 },
  highlight: { width: 2 },
  tension: { width: 2, dash: [3, 1.5] },
  conflict: { width: 2.5 },
} as const satisfies Record<string, { width: number; dash?: readonly number[] }>;

/**
 * The motive arcs: 2 to 3 px from the region (zoom 3) to a close-up of Kabul's neighbours (zoom
 * 6), the selected country's thicker, each over a white casing 2 px wider; the arcs of the other
 * countries dimmed while one is selected.
 */
export const ARC_LINE = {
  width: {
    normal: [
      [3, 2],
      [6, 3],
    ],
    selected: [
      [3, 2.75],
      [6, 4],
    ],
  },
  casingExtra: 2,
  dimmed: { casing: 0.35, line: 0.3, arrow: 0.3 },
} as const satisfies {
  width: Record<'normal' | 'selected', ZoomStops>;
  casingExtra: number;
  dimmed: Record<'casing' | 'line' | 'arrow', number>;
};

/**
 * The arcs' arrowhead: a notched head 9 px long and 8 px wide in a 13 px box, pointing east from
 * the box's centre (tip, upper barb, notch, lower barb), in the arc's colour over a 2 px white
 * edge; drawn 0.85 times its size at zoom 3 to 1.15 times at zoom 6.
 */
export const ARROWHEAD = {
  box: 13,
  shape: [
    [4.5, 0],
    [-4.5, -4],
    [-2, 0],
    [-4.5, 4],
  ],
  edge: 2,
  size: [
    [3, 0.85],
    [6, 1.15],
  ],
} as const satisfies {
  box: number;
  shape: readonly (readonly [number, number])[];
  edge: number;
  size: ZoomStops;
};

/** Country names in pixels by zoom (10 px at zoom 1), before a picture's or a room's scale. */
export const LABEL_SIZE: ZoomStops = [
  [1, 10],
  [4, 13],
  [6, 15],
];

/** Country names: a 1.2 px halo, lines of at most 7 ems. */
export const NAME_TEXT = { halo: 1.2, maxWidthEms: 7 } as const;

/** The colour of each level, plus no-data and the focus, for legends and exports. */
export function levelColors(levels: Levels): Map<string, string> {
  return new Map(levels.levels.map((l) => [l.id, l.color]));
}

/**
 * The fill colour of a country: the focus colour for Afghanistan, else the colour of the level in
 * its `level` feature state, else no-data.
 */
export function countryFillColor(
  levels: Levels,
  noDataColor = levels.noData.color,
  focusColor = levels.focus.color,
): Expression {
  const pairs = levels.levels.flatMap((l) => [l.id, l.color]);
  return [
    'case',
    ['==', ['get', 'id'], FOCUS_ID],
    focusColor,
    ['match', ['coalesce', ['feature-state', 'level'], ''], ...pairs, noDataColor],
  ];
}

/** A label's rank (src/lib/labels.ts) for a country with no level on the date: after every level. */
export const UNCOVERED_RANK = 100;

/** How faded a country the legend filter hides is drawn: still there, clearly set back. */
export const MUTED_OPACITY = 0.2;

/** How far a scene sets back the countries it is not about. */
export const UNHIGHLIGHTED_OPACITY = 0.35;

/**
 * Full opacity, or faded where the `muted` feature state is set (the legend filter) or where a
 * scene highlights other countries. The highlight goes through a paint expression, not feature
 * state, so that MapLibre eases it between scenes.
 */
export function countryFillOpacity(highlight: readonly string[] | null = null): Expression {
  const base: Expression = [
    'case',
    ['boolean', ['feature-state', 'muted'], false],
    MUTED_OPACITY,
    1,
  ];
  if (highlight === null) return base;
  return [
    'case',
    ['in', ['get', 'id'], ['literal', [...highlight, FOCUS_ID]]],
    base,
    ['*', base, UNHIGHLIGHTED_OPACITY],
  ];
}

/** The map's colours besides the data's: light for reading, dark for a room with a projector. */
export type ThemeName = 'light' | 'dark';

export interface MapTheme {
  ocean: string;
  border: string;
  /** The dataset's levels in this theme's colours: levels, no data and the focus. */
  levels: (levels: Levels) => Levels;
  /** Countries the sources say nothing about; the dark theme needs its own grey. */
  noData: (levels: Levels) => string;
  label: string;
  /** Names of the countries the sources do not cover: quieter, so the story's names lead. */
  labelQuiet: string;
  labelHalo: string;
  /** Afghanistan: dark on the light map, light on the dark one, so it stands out on both. */
  focus: (levels: Levels) => string;
  focusLabel: string;
  focusHalo: string;
  /** Outline of the selected or highlighted countries. */
  outline: string;
  disputedLine: string;
}

// See onDarkMap.
const LIGHT_SPAN = 52;
const DARK_TOP = 94;
const DARK_BOTTOM = 50;

/**
 * A level's colour for the dark map: the dataset's colour (chosen for the light map, where the
 * closest level is darkest) with its hue and chroma kept and its CIELAB lightness turned over, so
 * the closest level is the brightest on the dark sea. Lightness 0–52, the range that keeps 3:1
 * against the light land, goes to 94–50, the range that keeps 3:1 against the dark land
 * (tests/unit/contrast.test.ts holds every level to both). Monotone, so the order stays.
 * @example onDarkMap('#03344a') // '#9ec3df'
 */
export function onDarkMap(color: string): string {
  const [l, a, b] = labOfHex(color);
  return hexOfLab([DARK_TOP - (l / LIGHT_SPAN) * (DARK_TOP - DARK_BOTTOM), a, b]);
}

/** The dark map's land where the sources say nothing: dark enough that every level keeps 3:1. */
const DARK_NO_DATA = '#2a2f36';
const DARK_FOCUS = '#e4dfd3';

export const MAP_THEMES: Readonly<Record<ThemeName, MapTheme>> = {
  light: {
    ocean: '#f3f6f8',
    border: '#ffffff',
    levels: (levels) => levels,
    noData: (levels) => levels.noData.color,
    label: '#2f2f2f',
    labelQuiet: '#6e6a64',
    labelHalo: 'rgba(255,255,255,0.85)',
    focus: (levels) => levels.focus.color,
    focusLabel: '#ffffff',
    focusHalo: '#2b2b2b',
    outline: '#111111',
    disputedLine: '#6f6a63',
  },
  dark: {
    ocean: '#0e1217',
    border: '#0e1217',
    levels: (levels) => ({
      ...levels,
      levels: levels.levels.map((l) => ({ ...l, color: onDarkMap(l.color) })),
      noData: { ...levels.noData, color: DARK_NO_DATA },
      focus: { ...levels.focus, color: DARK_FOCUS },
    }),
    noData: () => DARK_NO_DATA,
    label: '#eceff2',
    labelQuiet: '#a3a9b1',
    labelHalo: 'rgba(14,18,23,0.9)',
    focus: () => DARK_FOCUS,
    focusLabel: '#14181d',
    focusHalo: '#e4dfd3',
    outline: '#f4d35e',
    disputedLine: '#9aa0a8',
  },
};

/**
 * The labels' `text-color`: Afghanistan's on its focus fill, the quiet colour for the countries
 * the sources do not cover (`UNCOVERED_RANK`, see src/lib/labels.ts), else the label colour.
 */
export function labelTextColor(label: string, quiet: string, focus: string): unknown[] {
  return [
    'case',
    ['==', ['get', 'id'], FOCUS_ID],
    focus,
    ['>=', ['get', 'rank'], UNCOVERED_RANK],
    quiet,
    label,
  ];
}

/** The levels from the closest to the most distant, as the legend lists them. */
export function levelsByRank(levels: Pick<Levels, 'levels'>): Levels['levels'] {
  return [...levels.levels].sort((a, b) => b.rank - a.rank);
}

/**
 * The paint of every themed layer for a theme, as `[layer, property, value]`: what the map
 * components set through their props, listed in one place for the export, which redraws the map
 * in the theme the reader picks.
 */
export function themePaint(name: ThemeName, levels: Levels): [string, string, unknown][] {
  const theme = MAP_THEMES[name];
  const noData = theme.noData(levels);
  return [
    ['ocean', 'background-color', theme.ocean],
    [
      'country-fill',
      'fill-color',
      countryFillColor(theme.levels(levels), noData, theme.focus(levels)),
    ],
    ['disputed-area', 'fill-color', noData],
    ['border', 'line-color', theme.border],
    ['disputed-boundary', 'line-color', theme.disputedLine],
    ['country-selected', 'line-color', theme.outline],
    ['country-highlight', 'line-color', theme.outline],
    [
      'country-label',
      'text-color',
      labelTextColor(theme.label, theme.labelQuiet, theme.focusLabel),
    ],
    ['capital-dot', 'circle-color', theme.focusLabel],
    ['capital-dot', 'circle-stroke-color', theme.focusHalo],
    ['capital-name', 'text-color', theme.focusLabel],
    ['capital-name', 'text-halo-color', theme.focusHalo],
    [
      'country-label',
      'text-halo-color',
      ['case', ['==', ['get', 'id'], FOCUS_ID], theme.focusHalo, theme.labelHalo],
    ],
  ];
}

/** What tension and conflict are drawn in where the dataset gives them no colour of its own. */
const TENSION_FALLBACK = { tension: '#e08a2c', conflict: '#c0392b' } as const;

/** The dataset's colour for tension or conflict: the outlines and the timeline's marks. */
export function tensionColor(levels: Levels, state: 'tension' | 'conflict'): string {
  return levels.tensions.find((t) => t.id === state)?.color ?? TENSION_FALLBACK[state];
}
