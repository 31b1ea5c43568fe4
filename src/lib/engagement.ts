/**
 * The level of engagement of each country with Kabul on a given day, derived from dated events.
 * Nothing here is stored in the data: the map at any date is computed.
 *
 * Rules (documented for editors in data/README.md):
 * - a country's level on a day is the `level` of its latest event on or before that day;
 * - an event of a group (e.g. `western-countries`) applies to each member; a member's own event
 *   on the same day outranks the group's;
 * - where sources disagree, only the claim the disagreement says the map follows counts;
 * - tension and conflict are a separate track, ended by an event with `tension: "none"`.
 */
import { firstDayOf, type Day } from './dates.ts';
import type { Dataset, EngagementEvent, Motive, TensionState } from './schema.ts';

/** What a country's state is on a day, and the event that set it. */
export interface LevelOnDay {
  level: string;
  /** The partial date (as the source gives it) from which this level holds without a break. */
  since: string;
  event: EngagementEvent;
}

export interface TensionOnDay {
  tension: Exclude<TensionState, 'none'>;
  since: string;
  event: EngagementEvent;
}

interface Change<T> {
  day: Day;
  value: T;
  /** The partial date from which `value` has held without a break. */
  since: string;
  event: EngagementEvent;
  own: boolean;
}

/** Per country, its level and tension changes in date order. Build once per dataset. */
export interface EngagementIndex {
  levels: Map<string, Change<string>[]>;
  tensions: Map<string, Change<TensionState>[]>;
}

/**
 * Indexes a dataset's events by the countries they apply to.
 * @example levelOn(engagementIndex(dataset), 'RUS', '2025-07-03')?.level // 'recognition'
 */
export function engagementIndex(
  dataset: Pick<Dataset, 'events' | 'institutions' | 'disagreements'>,
): EngagementIndex {
  const overruled = new Set(
    dataset.disagreements.flatMap((d) => d.claims.filter((id) => id !== d.mapFollows)),
  );
  const groups = new Map(
    dataset.institutions.filter((i) => i.kind === 'group').map((g) => [g.id, g.members ?? []]),
  );
  const levels = new Map<string, Change<string>[]>();
  const tensions = new Map<string, Change<TensionState>[]>();

  for (const event of dataset.events) {
    if (overruled.has(event.id)) continue;
    const members = groups.get(event.actor);
    const countries = members ?? [event.actor];
    for (const country of countries) {
      const base = { day: countsFrom(event), since: event.date, event, own: !members };
      if (event.level !== undefined) push(levels, country, { ...base, value: event.level });
      if (event.tension !== undefined) push(tensions, country, { ...base, value: event.tension });
    }
  }
  for (const changes of [...levels.values(), ...tensions.values()]) settle(changes);
  return { levels, tensions };
}

/** The day an event counts from on the map: its `from`, or the first day its date can mean. */
export function countsFrom(event: EngagementEvent): Day {
  return event.from ?? firstDayOf(event.date);
}

/** The day a motive counts from on the map: its `from`, or the first day of its `since`. */
export function motiveCountsFrom(motive: Motive): Day {
  return motive.from ?? firstDayOf(motive.since);
}

function push<T>(map: Map<string, Change<T>[]>, key: string, change: Change<T>) {
  const list = map.get(key);
  if (list) list.push(change);
  else map.set(key, [change]);
}

/** Sorts by day (a country's own event after a group's on the same day) and carries `since` through runs. */
function settle<T>(changes: Change<T>[]) {
  changes.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : Number(a.own) - Number(b.own)));
  for (let i = 1; i < changes.length; i++) {
    const prev = changes[i - 1]!;
    const cur = changes[i]!;
    if (prev.value === cur.value) cur.since = prev.since;
  }
}

function latestOnOrBefore<T>(changes: Change<T>[] | undefined, day: Day): Change<T> | undefined {
  if (!changes) return undefined;
  let found: Change<T> | undefined;
  for (const change of changes) {
    if (change.day > day) break;
    found = change;
  }
  return found;
}

/** A country's level on a day, or `null` where the sources say nothing yet ("no data"). */
export function levelOn(index: EngagementIndex, country: string, day: Day): LevelOnDay | null {
  const change = latestOnOrBefore(index.levels.get(country), day);
  return change ? { level: change.value, since: change.since, event: change.event } : null;
}

/** A country's tension or conflict with Kabul on a day, or `null` where there is none. */
export function tensionOn(index: EngagementIndex, country: string, day: Day): TensionOnDay | null {
  const change = latestOnOrBefore(index.tensions.get(country), day);
  if (!change || change.value === 'none') return null;
  return { tension: change.value, since: change.since, event: change.event };
}

/** Every country's level on a day, for colouring the whole map at once. */
export function levelsOn(index: EngagementIndex, day: Day): Map<string, LevelOnDay> {
  const out = new Map<string, LevelOnDay>();
  for (const country of index.levels.keys()) {
    const state = levelOn(index, country, day);
    if (state) out.set(country, state);
  }
  return out;
}

/** Every country in tension or conflict with Kabul on a day. */
export function tensionsOn(index: EngagementIndex, day: Day): Map<string, TensionOnDay> {
  const out = new Map<string, TensionOnDay>();
  for (const country of index.tensions.keys()) {
    const state = tensionOn(index, country, day);
    if (state) out.set(country, state);
  }
  return out;
}

/** The first day of the dataset's latest event: the map's default date. */
export function latestEventDay(events: readonly EngagementEvent[]): Day | null {
  let latest: Day | null = null;
  for (const e of events) {
    const day = countsFrom(e);
    if (latest === null || day > latest) latest = day;
  }
  return latest;
}

/** Each actor's event days (the days they count from), in date order. Build once per dataset. */
export function eventDaysByActor(events: readonly EngagementEvent[]): Map<string, Day[]> {
  const out = new Map<string, Day[]>();
  for (const event of events) {
    const days = out.get(event.actor);
    if (days) days.push(countsFrom(event));
    else out.set(event.actor, [countsFrom(event)]);
  }
  for (const days of out.values()) days.sort();
  return out;
}

/**
 * How many of `days` (sorted) fall on or before `day`: an actor's events so far, by halving.
 * @example eventsBy(['2021-09-01', '2022-01-01', '2023-01-01'], '2022-06-30') // 2
 */
export function eventsBy(days: readonly Day[] | undefined, day: Day): number {
  if (!days) return 0;
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (days[mid]! <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Every day on which some country's level or tension changes, in date order. */
export function changeDays(index: EngagementIndex): Day[] {
  const days = new Set<Day>();
  for (const changes of [...index.levels.values(), ...index.tensions.values()])
    for (const c of changes) days.add(c.day);
  return [...days].sort();
}

/**
 * The last of `days` (sorted) on or before `day`, or `''` before the first: the map's levels and
 * tensions on `day` are those of that change day, so two days between the same changes share
 * them and a step between them changes nothing downstream.
 * @example lastChangeOn(['2021-08-15', '2022-03-01'], '2022-02-10') // '2021-08-15'
 */
export function lastChangeOn(days: readonly Day[], day: Day): Day {
  const n = eventsBy(days, day);
  return n > 0 ? days[n - 1]! : '';
}
