/**
 * A country with eighty events (what newsrooms reach at 200 countries) would get a panel
 * seventeen thousand pixels long. Past `LONG_TIMELINE` events the panel summarises them (the
 * level's history in one line, the events per year and what they changed) and shows the latest
 * `EVENT_PAGE` first, grouped by year, with more on request. Shorter timelines (every shipped
 * country: Pakistan has 15) are listed in full, in date order, as they always were.
 *
 * Events are grouped by Gregorian year, the calendar the data are dated in, whatever calendar the
 * reader chose: a group's label is that year written by the edition's date writer, so a Solar
 * Hijri reader sees the range the year covers ('12 Jadi 1403 – 10 Jadi 1404') rather than a
 * bare 2025 that reads as a year of their own calendar. Regrouping by the reader's calendar would
 * split a year-precise event ('2025') across two groups; the range is honest about what it holds.
 */
import { formatDate } from './dates.ts';
import type { DateWriter, Dossier, DossierEvent, DossierSource } from './dossier.ts';

/** More events than this and the panel summarises and pages them. */
export const LONG_TIMELINE = 20;
/** Events per page of a long timeline. */
export const EVENT_PAGE = 10;

/** What a long timeline holds, in a few lines. */
export interface EventDigest {
  total: number;
  /** Events per Gregorian year, oldest first, with the year in words (`label`). */
  byYear: { year: string; label: string; count: number }[];
  /** The level's history, oldest first, each change once (a repeat of the same level is none). */
  levelPath: { label: string; dateLabel: string }[];
  /** How many events changed the level, started or ended tension, are disputed, are one-sided. */
  levelChanges: number;
  tensions: number;
  disputed: number;
  claims: number;
}

/**
 * The summary of a timeline (events in date order). The level's dates are the events' own
 * `dateLabel`s, written when the dossier was built.
 * @param writeDate Writes each year's `label`: `formatDate` ('2025') unless the edition's is given.
 */
export function eventDigest(
  events: readonly DossierEvent[],
  writeDate: DateWriter = formatDate,
): EventDigest {
  const years = new Map<string, number>();
  const levelPath: EventDigest['levelPath'] = [];
  let levelChanges = 0;
  for (const e of events) {
    const year = e.date.slice(0, 4);
    years.set(year, (years.get(year) ?? 0) + 1);
    if (e.level === null) continue;
    levelChanges++;
    if (levelPath[levelPath.length - 1]?.label !== e.level.label)
      levelPath.push({ label: e.level.label, dateLabel: e.dateLabel });
  }
  return {
    total: events.length,
    byYear: [...years]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([year, count]) => ({ year, label: writeDate(year), count })),
    levelPath,
    levelChanges,
    tensions: events.filter((e) => e.tension !== null).length,
    disputed: events.filter((e) => e.dispute !== null).length,
    claims: events.filter((e) => e.claimedBy !== null).length,
  };
}

/** A step of the level's history as the line shows it; `null` stands for the steps left out. */
export type LevelStep = EventDigest['levelPath'][number] | null;

/**
 * The level's history as the steps of one line: every change where there are few, else the
 * first, then `null` (an ellipsis), then the latest `keep`, so the line stays a line.
 * @example levelSteps(digest.levelPath) // Talks and contacts (Oct 2021) → … → Ambassador level (3 June 2025)
 */
export function levelSteps(path: EventDigest['levelPath'], keep = 3): LevelStep[] {
  if (path.length <= keep + 2) return [...path];
  return [path[0]!, null, ...path.slice(-keep)];
}

/** One Gregorian year of a page of events. */
export interface EventYear {
  /** `YYYY`, Gregorian. */
  year: string;
  /** The year in words, for its heading: `2025`, or the range it covers in another calendar. */
  label: string;
  events: DossierEvent[];
}

/**
 * The latest `shown` events, newest first, grouped by Gregorian year; and how many are left to show.
 * @param writeDate Writes each year's `label`: `formatDate` ('2025') unless the edition's is given.
 */
export function eventPage(
  events: readonly DossierEvent[],
  shown: number,
  writeDate: DateWriter = formatDate,
): { years: EventYear[]; hidden: number } {
  const latest = events.slice(Math.max(0, events.length - shown)).reverse();
  const years: EventYear[] = [];
  for (const e of latest) {
    const year = e.date.slice(0, 4);
    const last = years[years.length - 1];
    if (last?.year === year) last.events.push(e);
    else years.push({ year, label: writeDate(year), events: [e] });
  }
  return { years, hidden: events.length - latest.length };
}

/**
 * The numbered sources a panel lists when only some of its events show: every source but those
 * cited by hidden events alone (each shown event keeps its own sources, and a source cited by
 * motives, quotes, statements or disagreements stays). Numbers stay as the dossier gave them.
 */
export function listedSources(dossier: Dossier, hidden: readonly DossierEvent[]): DossierSource[] {
  if (hidden.length === 0) return dossier.sources;
  const hiddenIds = new Set(hidden.map((e) => e.id));
  const kept = new Set<string>();
  const keep = (citations: readonly { source: { id: string } }[]) => {
    for (const c of citations) kept.add(c.source.id);
  };
  for (const e of dossier.events) if (!hiddenIds.has(e.id)) keep(e.citations);
  for (const group of dossier.motives) for (const m of group.motives) keep(m.citations);
  for (const group of dossier.statements) for (const s of group.statements) keep(s.citations);
  for (const d of dossier.disagreements) for (const c of d.claims) keep(c.citations);
  for (const q of dossier.quotes) kept.add(q.source.id);
  const cited = new Set(hidden.flatMap((e) => e.citations.map((c) => c.source.id)));
  return dossier.sources.filter((s) => kept.has(s.id) || !cited.has(s.id));
}
