/**
 * What the comparison pages draw, computed at bench build time from the shipped dataset with the
 * app's own pure modules, so the pages stay bare (MapLibre, and deck.gl for the second, with no
 * app code) yet show the same colours and arcs as the app on the same dates.
 *
 * The dates are the app's: its default date (the latest event's day), then one month back per
 * step, which is what Page Down on the timeline's slider does. The bench steps through them in
 * the same order on all three pages.
 */
import type { Day } from '../src/lib/dates.ts';
import { engagementIndex, latestEventDay, levelsOn } from '../src/lib/engagement.ts';
import { arcFeatures, visibleArcIds, type LonLat } from '../src/lib/arcs.ts';
import { MOTIVE_COLORS } from '../src/lib/palette.ts';
import {
  FOCUS_ID,
  MOTIVE_CATEGORIES,
  type Dataset,
  type MotiveCategory,
} from '../src/lib/schema.ts';
import { MAP_THEMES, levelColors, type Expression } from '../src/lib/style.ts';
import { timelineKeyDay } from '../src/lib/timeline.ts';

/** An arc as deck.gl's ArcLayer takes it: from a partner's capital to Kabul, in its category's colour. */
export interface PageArc {
  actor: string;
  category: MotiveCategory;
  from: LonLat;
  to: LonLat;
  /** [r, g, b], 0–255. */
  color: [number, number, number];
}

/** The file the comparison pages fetch (`bench-data.json`). */
export interface PageData {
  /** The days the bench shows, in order: the app's default date first. */
  dates: Day[];
  /** Per date, the countries' fill as a MapLibre `match` on the `id` property. */
  fills: Expression[];
  arcs: PageArc[];
  /** Per date, the indices in `arcs` of the arcs shown with every motive on. */
  shown: number[][];
  /** The light theme's colours, as the app draws its exploration view. */
  colors: { ocean: string; border: string; noData: string; disputedLine: string; outline: string };
}

/**
 * The app's default date and the `count - 1` dates Page Down reaches from it, one month each.
 * @example benchDates(dataset, 3) // ['2026-06-23', '2026-05-23', '2026-04-23']
 */
export function benchDates(dataset: Pick<Dataset, 'meta' | 'events'>, count: number): Day[] {
  const start = dataset.meta.start;
  const end = latestEventDay(dataset.events) ?? start;
  const days = [end];
  while (days.length < count) {
    const next = timelineKeyDay('PageDown', days[days.length - 1]!, start, end)!;
    days.push(next);
  }
  return days;
}

/**
 * The fill of every country on a day, as a bare page would write it: one `match` on the id,
 * Afghanistan in the focus colour, each country with a level in its level's colour, the rest in
 * the no-data colour. The same colours the app's feature-state expression gives.
 */
export function fillOn(dataset: Dataset, index: ReturnType<typeof engagementIndex>, day: Day) {
  const theme = MAP_THEMES.light;
  const colours = levelColors(dataset.levels);
  const pairs: string[] = [FOCUS_ID, theme.focus(dataset.levels)];
  for (const [country, state] of [...levelsOn(index, day)].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const colour = colours.get(state.level);
    if (country === FOCUS_ID || !colour) continue;
    pairs.push(country, colour);
  }
  return ['match', ['get', 'id'], ...pairs, theme.noData(dataset.levels)] as Expression;
}

/** `#rrggbb` as [r, g, b]. */
function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Everything the comparison pages need, for `count` dates. */
export function pageData(dataset: Dataset, count: number): PageData {
  const index = engagementIndex(dataset);
  const dates = benchDates(dataset, count);
  const features = arcFeatures(dataset).features;
  const arcs: PageArc[] = features.map((f) => {
    const line = f.geometry.coordinates as LonLat[];
    return {
      actor: f.properties.actor,
      category: f.properties.category,
      from: line[0]!,
      to: line[line.length - 1]!,
      color: rgb(MOTIVE_COLORS[f.properties.category]),
    };
  });
  const props = features.map((f) => f.properties);
  const all = new Set(MOTIVE_CATEGORIES);
  const theme = MAP_THEMES.light;
  return {
    dates,
    fills: dates.map((day) => fillOn(dataset, index, day)),
    arcs,
    shown: dates.map((day) => {
      const ids = visibleArcIds(props, day, all);
      return props.flatMap((p, i) => (ids.has(p.id) ? [i] : []));
    }),
    colors: {
      ocean: theme.ocean,
      border: theme.border,
      noData: theme.noData(dataset.levels),
      disputedLine: theme.disputedLine,
      outline: theme.outline,
    },
  };
}
