/**
 * The table view's rows: every country in the dataset (Afghanistan as the focus), then the
 * institutions and groups, each with its level, tension and motives on a day; and their sorting.
 * The table is the keyboard and screen-reader way into what the map shows, so it holds the same
 * facts, computed the same way (`levelOn`, `tensionOn`, `motiveCountsFrom`).
 */
import { firstDayOf, formatDate, type Day } from './dates.ts';
import {
  countsFrom,
  levelOn,
  motiveCountsFrom,
  tensionOn,
  type EngagementIndex,
  type LevelOnDay,
} from './engagement.ts';
import type { ActorKind, LevelRef } from './dossier.ts';
import type { Dataset, MotiveCategory } from './schema.ts';
import { FOCUS_ID, MOTIVE_CATEGORIES } from './vocabulary.ts';

/** One actor's row in the table view. */
export interface TableRow {
  id: string;
  name: string;
  kind: ActorKind;
  /** The level on the day; `null` for no data yet, the focus, institutions and groups. */
  level: LevelRef | null;
  /** The partial date from which the level has held, as the source gives it; `null` with no level. */
  since: string | null;
  /** `since` in words, by the `writeDate` given to `tableRows`, e.g. `3 July 2025`. */
  sinceLabel: string | null;
  /**
   * The first day the map counts the level from, which the table sorts by: a coarse date's
   * `from` day where it has one (Qatar's `2025` counts from 30 May 2025), else its first day.
   */
  sinceDay: Day | null;
  /** Tension or armed conflict with Kabul on the day. */
  tension: { id: 'tension' | 'conflict'; label: string } | null;
  /** The motive categories the sources support on the day, in the order of `MOTIVE_CATEGORIES`. */
  motives: MotiveCategory[];
}

export type SortKey = 'name' | 'level' | 'since' | 'motives' | 'tension';
export type SortDirection = 'ascending' | 'descending';

/**
 * Every country of the dataset (Afghanistan with kind `focus`), then every institution and group,
 * each as it stands on `day`, in dataset order.
 * @param writeDate Writes a data date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) in words for
 *   `sinceLabel`: the page passes the edition's `dateWords` (i18n/catalog.svelte.ts); English
 *   Gregorian (`formatDate`) when not given.
 * @example tableRows(dataset, index, '2025-07-10').find((r) => r.id === 'RUS')?.level?.id // 'recognition'
 * @example tableRows(dataset, index, '2025-07-10').find((r) => r.id === 'RUS')?.sinceLabel // '3 July 2025'
 */
export function tableRows(
  dataset: Dataset,
  index: EngagementIndex,
  day: Day,
  writeDate: (date: string) => string = formatDate,
): TableRow[] {
  const levels = new Map(dataset.levels.levels.map((l) => [l.id, l]));
  const tensionLabels = new Map(dataset.levels.tensions.map((t) => [t.id, t.label]));
  const motives = new Map<string, Set<MotiveCategory>>();
  for (const m of dataset.motives) {
    if (motiveCountsFrom(m) > day) continue;
    const set = motives.get(m.actor) ?? new Set<MotiveCategory>();
    set.add(m.category);
    motives.set(m.actor, set);
  }

  const row = (id: string, name: string, kind: ActorKind): TableRow => {
    const state = levelOn(index, id, day);
    const level = state ? levels.get(state.level) : undefined;
    const tension = tensionOn(index, id, day);
    const categories = motives.get(id);
    return {
      id,
      name,
      kind,
      level: level ? { id: level.id, label: level.label, rank: level.rank } : null,
      since: level ? state!.since : null,
      sinceLabel: level ? writeDate(state!.since) : null,
      sinceDay: level ? sinceDayOf(state!) : null,
      tension: tension
        ? { id: tension.tension, label: tensionLabels.get(tension.tension) ?? tension.tension }
        : null,
      motives: MOTIVE_CATEGORIES.filter((c) => categories?.has(c)),
    };
  };

  return [
    ...dataset.countries.map((c) => row(c.id, c.name, c.id === FOCUS_ID ? 'focus' : 'country')),
    ...dataset.institutions.map((i) => row(i.id, i.name, i.kind)),
  ];
}

/** Where the run began with the event itself, its own counting day; else the run's first day. */
function sinceDayOf(state: LevelOnDay): Day {
  return state.since === state.event.date ? countsFrom(state.event) : firstDayOf(state.since);
}

const TENSION_RANK = { tension: 1, conflict: 2 } as const;

/** The value a row sorts by; `null` sorts last in either direction. */
function sortValue(row: TableRow, key: SortKey): number | string | null {
  switch (key) {
    case 'name':
      return row.name;
    case 'level':
      return row.level?.rank ?? null;
    case 'since':
      return row.sinceDay;
    case 'motives':
      return row.motives.length;
    case 'tension':
      return row.tension ? TENSION_RANK[row.tension.id] : 0;
  }
}

const byName = (a: TableRow, b: TableRow) =>
  a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) ||
  (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The rows sorted by a column, as a new array. Rows with nothing in the column (no data yet, no
 * level since) come last whichever the direction, so the blanks never lead the table; ties are
 * broken by name, A to Z, so the order is the same every time.
 * @example sortRows(rows, 'level', 'descending') // formal recognition first, "no data" last
 */
export function sortRows(
  rows: readonly TableRow[],
  key: SortKey,
  direction: SortDirection,
): TableRow[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    if (key === 'name') return sign * byName(a, b);
    const va = sortValue(a, key);
    const vb = sortValue(b, key);
    if (va === null || vb === null) {
      if (va !== vb) return va === null ? 1 : -1;
      return byName(a, b);
    }
    const order = va < vb ? -1 : va > vb ? 1 : 0;
    return sign * order || byName(a, b);
  });
}
