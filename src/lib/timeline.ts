/**
 * The timeline under the map, as data: where a day sits along the track, the events as ticks, the
 * year marks, the keys that move the date, the play clock, and the article's own date. The page
 * owns the clock and the date; everything here is a pure function of days and milliseconds.
 *
 * Days are `YYYY-MM-DD` strings (see dates.ts) and always whole: a position between two days
 * rounds to the nearer one.
 */
import { addDays, daysBetween, formatDate, precisionOf, type Day } from './dates.ts';
import { countsFrom, motiveCountsFrom } from './engagement.ts';
import type { Dataset, Disagreement, EngagementEvent, Level, TensionState } from './schema.ts';

/** The time a play takes from the first day to the last: long enough to read, short enough to watch. */
export const PLAY_SPAN_MS = 8000;

/** The events of one day, as one mark on the timeline. */
export interface TimelineTick {
  /** The day the events count from on the map. */
  day: Day;
  /** Where the day sits along the track, 0 at `start` and 1 at `end`. */
  position: number;
  /** The actor of the day's first event (see `actors` for all of them). */
  actor: string;
  /** Every actor with an event that day, in data order, each once. */
  actors: string[];
  /** One line per event: its date as the sources give it, and what happened. */
  summary: string;
  /** The level the day brings: the closest to Kabul among its events' levels. */
  level?: string;
  /** The tension the day brings: conflict before tension before its end (`none`). */
  tension?: TensionState;
  /** The day's events, in data order. */
  events: EngagementEvent[];
}

/** What `timelineTicks` needs beyond the events, all optional. */
export interface TickOptions {
  /** The dataset's levels, to pick the closest to Kabul when one day brings several. */
  levels?: readonly Pick<Level, 'id' | 'rank'>[];
  /**
   * The dataset's disagreements: a claim the map does not follow keeps its tick but brings no
   * level or tension, so a tick's colour never shows what the map does not.
   */
  disagreements?: readonly Pick<Disagreement, 'claims' | 'mapFollows'>[];
  /** The words of the ticks' summaries; English by default. */
  words?: MarkWords;
}

/**
 * The words of the marks' names and tips, in an edition: English by default; the timeline
 * passes its edition's messages (src/i18n/shell.ts) and dates in the reader's calendar.
 */
export interface MarkWords {
  date: (date: string) => string;
  events: (count: number) => string;
  oneDay: (date: string, events: string) => string;
  span: (from: string, to: string, events: string, days: number) => string;
  more: (count: number) => string;
  eventLine: (date: string, summary: string) => string;
}

export const ENGLISH_MARK_WORDS: MarkWords = {
  date: formatDate,
  events: (count) => `${count} ${count === 1 ? 'event' : 'events'}`,
  oneDay: (date, events) => `${date}, ${events}`,
  span: (from, to, events, days) => `${from} to ${to}: ${events} on ${days} days`,
  more: (count) => `…and ${count} more: step through them with the arrow keys`,
  eventLine: (date, summary) => `${date}: ${summary}`,
};

const TENSION_WEIGHT: Record<TensionState, number> = { none: 0, tension: 1, conflict: 2 };

/**
 * The events between `start` and `end` (inclusive) as ticks, one per day, in date order.
 * @example
 * timelineTicks(dataset.events, '2021-08-15', '2026-06-23', {
 *   levels: dataset.levels.levels,
 *   disagreements: dataset.disagreements,
 * })[0]
 * // { day: '2021-08-15', position: 0, actor: 'AFG', actors: ['AFG', 'western-countries'], … }
 */
export function timelineTicks(
  events: readonly EngagementEvent[],
  start: Day,
  end: Day,
  options: TickOptions = {},
): TimelineTick[] {
  const rank = new Map((options.levels ?? []).map((l) => [l.id, l.rank]));
  const words = options.words ?? ENGLISH_MARK_WORDS;
  const overruled = new Set(
    (options.disagreements ?? []).flatMap((d) => d.claims.filter((id) => id !== d.mapFollows)),
  );
  const byDay = new Map<Day, EngagementEvent[]>();
  for (const event of events) {
    const day = countsFrom(event);
    if (day < start || day > end) continue;
    const list = byDay.get(day);
    if (list) list.push(event);
    else byDay.set(day, [event]);
  }

  return [...byDay.keys()].sort().map((day) => {
    const dayEvents = byDay.get(day)!;
    const counted = dayEvents.filter((e) => !overruled.has(e.id));
    // Written when first read (a tip, a mark's label): at 5,000 events, writing every day's
    // summary up front cost the first render 10 ms for text that is mostly never shown.
    let summary: string | undefined;
    const tick: TimelineTick = {
      day,
      position: positionOf(day, start, end),
      actor: dayEvents[0]!.actor,
      actors: [...new Set(dayEvents.map((e) => e.actor))],
      get summary() {
        return (summary ??= dayEvents
          .map((e) => words.eventLine(words.date(e.date), e.summary))
          .join('\n'));
      },
      events: dayEvents,
    };
    // Unknown levels rank below known ones; among equals the first in data order wins.
    let level: string | undefined;
    for (const e of counted) {
      if (e.level === undefined) continue;
      if (level === undefined || (rank.get(e.level) ?? -Infinity) > (rank.get(level) ?? -Infinity))
        level = e.level;
    }
    let tension: TensionState | undefined;
    for (const e of counted) {
      if (e.tension === undefined) continue;
      if (tension === undefined || TENSION_WEIGHT[e.tension] > TENSION_WEIGHT[tension])
        tension = e.tension;
    }
    if (level !== undefined) tick.level = level;
    if (tension !== undefined) tick.tension = tension;
    return tick;
  });
}

/**
 * Where a day sits along the timeline: 0 at `start`, 1 at `end`, clamped to that range.
 * @example positionOf('2021-08-25', '2021-08-15', '2021-09-04') // 0.5
 */
export function positionOf(day: Day, start: Day, end: Day): number {
  const span = daysBetween(start, end);
  if (span <= 0) return 0;
  return Math.min(1, Math.max(0, daysBetween(start, day) / span));
}

/**
 * The day at a position along the timeline (0 = `start`, 1 = `end`), rounded to the nearer
 * whole day and clamped to the range.
 * @example dayAt(0.5, '2021-08-15', '2021-09-04') // '2021-08-25'
 */
export function dayAt(position: number, start: Day, end: Day): Day {
  const span = Math.max(0, daysBetween(start, end));
  const clamped = Number.isFinite(position) ? Math.min(1, Math.max(0, position)) : 0;
  return addDays(start, Math.round(clamped * span));
}

/** A day kept within `start`…`end`. */
export function clampDay(day: Day, start: Day, end: Day): Day {
  return day < start ? start : day > end ? end : day;
}

/**
 * The same day of the month `n` months later (earlier if `n` is negative), or the month's last
 * day where it is shorter.
 * @example addMonths('2024-01-31', 1) // '2024-02-29'
 */
export function addMonths(day: Day, n: number): Day {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + n;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (v: number, w: number) => String(v).padStart(w, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(Math.min(d, last), 2)}`;
}

/**
 * The day a key moves the timeline to, as the WAI-ARIA slider pattern has it: arrows a day,
 * Page Up/Page Down a month, Home/End the ends. `null` for any other key.
 * @example timelineKeyDay('PageUp', '2024-01-31', '2021-08-15', '2026-06-23') // '2024-02-29'
 */
export function timelineKeyDay(key: string, day: Day, start: Day, end: Day): Day | null {
  switch (key) {
    case 'ArrowRight':
    case 'ArrowUp':
      return clampDay(addDays(day, 1), start, end);
    case 'ArrowLeft':
    case 'ArrowDown':
      return clampDay(addDays(day, -1), start, end);
    case 'PageUp':
      return clampDay(addMonths(day, 1), start, end);
    case 'PageDown':
      return clampDay(addMonths(day, -1), start, end);
    case 'Home':
      return start;
    case 'End':
      return end;
    default:
      return null;
  }
}

/** A labelled year on the timeline. */
export interface YearMark {
  year: number;
  /** Where 1 January of the year sits along the track (0..1). */
  position: number;
}

/**
 * The years whose 1 January falls within `start`…`end`, for the labels under the track.
 * @example yearMarks('2021-08-15', '2023-03-01') // [{ year: 2022, position: … }, { year: 2023, … }]
 */
export function yearMarks(start: Day, end: Day): YearMark[] {
  const marks: YearMark[] = [];
  for (let year = Number(start.slice(0, 4)); year <= Number(end.slice(0, 4)); year++) {
    const day = `${String(year).padStart(4, '0')}-01-01`;
    if (day >= start && day <= end) marks.push({ year, position: positionOf(day, start, end) });
  }
  return marks;
}

/**
 * Where a play is `elapsedMs` after it started from `from`, at a speed that covers the whole
 * `start`…`end` span in `spanMs`. Pass the day the play started from and the time since, not the
 * previous frame's day, so rounding to whole days never accumulates. Clamped to `end`: reaching
 * `end` is the signal that the play is done.
 * @example playStep('2021-08-15', '2021-08-15', '2021-09-04', 4000, 8000) // '2021-08-25'
 * @example playStep('2021-08-15', '2021-08-15', '2021-09-04', 9000, 8000) // '2021-09-04' (done)
 */
export function playStep(
  from: Day,
  start: Day,
  end: Day,
  elapsedMs: number,
  spanMs: number = PLAY_SPAN_MS,
): Day {
  const span = Math.max(0, daysBetween(start, end));
  const elapsed = Math.max(0, elapsedMs);
  const advance = spanMs > 0 ? Math.floor((elapsed / spanMs) * span) : span;
  return clampDay(addDays(clampDay(from, start, end), advance), start, end);
}

/**
 * The day a play starts from: the current day, or the first day when the map is already on the
 * last one (so Play after the end plays again).
 */
export function playFrom(day: Day, start: Day, end: Day): Day {
  return day >= end ? start : clampDay(day, start, end);
}

/**
 * The state of affairs the founding article describes, as a day, derived from the data: the
 * latest day among the records that cite the founding source (`meta.foundingSource`) and are
 * dated to the day. A record counts by its day-precise `date` (events) or `since` (motives), or by
 * its `from`, which editors set on the article's undated claims to the article's earliest possible
 * day. Records dated only by a year or a month say nothing about the day and are left out.
 * `null` where no such record exists.
 *
 * Why this rule: the article carries no date of its own ("2025"); the latest event it reports
 * (Pakistan's ambassador upgrade, 30 May 2025) is the earliest day it can have been written, and
 * it is also the state of the world it describes. This holds as long as the founding source is
 * cited only for what it reports, never as background to a later event.
 * @example articleDate(dataset) // '2025-05-30' for the shipped data
 */
export function articleDate(dataset: Pick<Dataset, 'meta' | 'events' | 'motives'>): Day | null {
  const founding = dataset.meta.foundingSource;
  const cites = (r: { cites: readonly { source: string }[] }) =>
    r.cites.some((c) => c.source === founding);
  let latest: Day | null = null;
  const consider = (day: Day | null) => {
    if (day !== null && (latest === null || day > latest)) latest = day;
  };
  for (const event of dataset.events)
    if (cites(event)) consider(dayPrecise(event.date, event.from, () => countsFrom(event)));
  for (const motive of dataset.motives)
    if (cites(motive))
      consider(dayPrecise(motive.since, motive.from, () => motiveCountsFrom(motive)));
  return latest;
}

function dayPrecise(date: string, from: Day | undefined, counted: () => Day): Day | null {
  return from !== undefined || precisionOf(date) === 'day' ? counted() : null;
}

/**
 * One mark on the timeline: the days whose ticks fall within one aimable width of the track.
 * Where the events are sparse a mark holds one day and is drawn as its tick always was; where
 * they crowd (200 countries, 5,000 events: 1,600 days on 850 px) a mark stands for every day in
 * its bin and its height says how many events they hold.
 */
export interface TimelineMark {
  /** Its days in date order; a mark always has at least one. */
  ticks: TimelineTick[];
  /** Where it sits along the track (0..1): its one day's, or the middle of its bin. */
  position: number;
  /** How many events its days hold. */
  events: number;
  /**
   * The change its days bring: a lone day's level or tension as its tick has it; for several
   * days, the one most of them bring (ties to the closer level, the stronger tension), so a bin
   * of forty events is not painted by its one conflict.
   */
  level?: string;
  tension?: TensionState;
}

/**
 * The narrowest a mark may be: a finger needs about 24 px (WCAG 2.5.8), a mouse pointer about 8.
 * The mouse figure is a little under the 9 px hit area a tick had, so the shipped timeline keeps
 * its ticks where they stood apart.
 */
export const MARK_GAP_PX = { touch: 24, mouse: 8 } as const;

/**
 * The ticks gathered into marks, one per `gapPx`-wide bin of a track `trackPx` wide. A bin with
 * a single day keeps the day's own position, so a sparse timeline is drawn as before.
 * @example timelineMarks(ticks, 850, MARK_GAP_PX.mouse, dataset.levels.levels).length // 38 shipped
 */
export function timelineMarks(
  ticks: readonly TimelineTick[],
  trackPx: number,
  gapPx: number,
  levels: readonly Pick<Level, 'id' | 'rank'>[] = [],
): TimelineMark[] {
  const rank = new Map(levels.map((l) => [l.id, l.rank]));
  const bins = Math.max(1, Math.floor(trackPx / gapPx));
  const binOf = (tick: TimelineTick) => Math.min(bins - 1, Math.floor(tick.position * bins));
  const marks: TimelineMark[] = [];
  let bin = -1;
  for (const tick of ticks) {
    const b = binOf(tick);
    const last = marks[marks.length - 1];
    if (last && b === bin) {
      last.ticks.push(tick);
      last.position = (b + 0.5) / bins;
      last.events += tick.events.length;
    } else {
      const mark: TimelineMark = {
        ticks: [tick],
        position: tick.position,
        events: tick.events.length,
      };
      if (tick.level !== undefined) mark.level = tick.level;
      if (tick.tension !== undefined) mark.tension = tick.tension;
      marks.push(mark);
    }
    bin = b;
  }
  for (const mark of marks) if (mark.ticks.length > 1) mostBrought(mark, rank);
  return marks;
}

/** Sets a gathered mark's level or tension to the change most of its days bring. */
function mostBrought(mark: TimelineMark, rank: ReadonlyMap<string, number>) {
  const counts = new Map<string, number>();
  for (const t of mark.ticks) {
    const change = t.tension === 'conflict' || t.tension === 'tension' ? t.tension : t.level;
    if (change !== undefined) counts.set(change, (counts.get(change) ?? 0) + 1);
  }
  const weight = (c: string) =>
    c === 'conflict' || c === 'tension' ? 100 + TENSION_WEIGHT[c] : (rank.get(c) ?? -Infinity);
  let best: string | undefined;
  for (const [change, n] of counts) {
    const bestN = best === undefined ? 0 : counts.get(best)!;
    if (n > bestN || (n === bestN && weight(change) > weight(best!))) best = change;
  }
  delete mark.level;
  delete mark.tension;
  if (best === 'conflict' || best === 'tension') mark.tension = best;
  else if (best !== undefined) mark.level = best;
}

/**
 * How tall a mark's bar is drawn (px): 10 for one event, as a tick always was, up to 22 for the
 * busiest mark, in proportion to its count against the busiest (`most`, at least 8, so a
 * sparse timeline's marks of two or three events stay close to the ticks beside them).
 * @example markHeight(1, 80) // 10
 * @example markHeight(40, 80) // 16
 */
export function markHeight(events: number, most: number): number {
  if (events <= 1) return 10;
  return Math.round(10 + (12 * Math.min(events, most)) / Math.max(8, most));
}

/**
 * What a mark says of itself: its day and events, or the span of its days and how many.
 * @example markName(mark) // '3 March 2024, 2 events' or '3–19 March 2024: 12 events on 7 days'
 */
export function markName(mark: TimelineMark, words: MarkWords = ENGLISH_MARK_WORDS): string {
  const events = words.events(mark.events);
  const first = mark.ticks[0]!.day;
  const last = mark.ticks[mark.ticks.length - 1]!.day;
  if (first === last) return words.oneDay(words.date(first), events);
  return words.span(words.date(first), words.date(last), events, mark.ticks.length);
}

/**
 * What a mark's tip says: a day's own summary, or the span and its first events with how many
 * more there are, so a crowded bin never fills the screen.
 */
export function markSummary(
  mark: TimelineMark,
  maxLines = 4,
  words: MarkWords = ENGLISH_MARK_WORDS,
): string {
  if (mark.ticks.length === 1) return mark.ticks[0]!.summary;
  const lines = mark.ticks.flatMap((t) => t.summary.split('\n'));
  const more = lines.length - maxLines;
  return [
    `${markName(mark, words)}.`,
    ...lines.slice(0, maxLines),
    ...(more > 0 ? [words.more(more)] : []),
  ].join('\n');
}

/** A place on the timeline's marks: which mark, and which of its days. */
export interface MarkPlace {
  mark: number;
  day: number;
}

/**
 * Where an arrow key (or Home, End) moves the keyboard among the marks: day by day through a
 * mark's days, then on to the next mark; `null` for any other key.
 * @example markStep([{ ticks: [a, b] }, { ticks: [c] }], { mark: 0, day: 1 }, 'ArrowRight') // { mark: 1, day: 0 }
 */
export function markStep(
  marks: readonly Pick<TimelineMark, 'ticks'>[],
  at: MarkPlace,
  key: string,
): MarkPlace | null {
  const last = marks.length - 1;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown': {
      if (at.day < marks[at.mark]!.ticks.length - 1) return { mark: at.mark, day: at.day + 1 };
      return at.mark < last ? { mark: at.mark + 1, day: 0 } : at;
    }
    case 'ArrowLeft':
    case 'ArrowUp': {
      if (at.day > 0) return { mark: at.mark, day: at.day - 1 };
      return at.mark > 0 ? { mark: at.mark - 1, day: marks[at.mark - 1]!.ticks.length - 1 } : at;
    }
    case 'Home':
      return { mark: 0, day: 0 };
    case 'End':
      return { mark: last, day: marks[last]!.ticks.length - 1 };
    default:
      return null;
  }
}
