/**
 * The parts of the methodology page that come from the data: each level with an example from the
 * events, where the sources disagree and which claim the map follows, the founding source, the
 * dataset's size, how many sources are of each kind, and the corrections log. The page's prose explains the rules; these show them at work.
 * Also how the page finds the data's words inside its messages (`dataSlot`, `slotPieces`), to mark
 * them as the language they are written in.
 */
import { formatDate } from './dates.ts';
import { countsFrom } from './engagement.ts';
import { RECORD_LISTS, type Citation, type Dataset, type SourceKind } from './schema.ts';
import { SOURCE_KINDS } from './vocabulary.ts';
import { SOURCE_KIND_DESCRIPTIONS } from './source-kind.ts';
import { levelsByRank } from './style.ts';

export interface LevelExample {
  id: string;
  label: string;
  description: string;
  color: string;
  /** The first event in the data that puts an actor at this level, or null if none does yet. */
  example: {
    eventId: string;
    actorId: string;
    actor: string;
    date: string;
    summary: string;
  } | null;
}

/**
 * Every level, strongest first, with the first event that sets it (by the day the map counts it
 * from), as an example of what the level means in practice.
 * @example levelExamples(dataset)[0] // { id: 'recognition', ..., example: { actor: 'Russia', date: '2025-07-03', ... } }
 */
export function levelExamples(dataset: Dataset): LevelExample[] {
  const names = new Map([...dataset.countries, ...dataset.institutions].map((a) => [a.id, a.name]));
  const overruled = new Set(
    dataset.disagreements.flatMap((d) => d.claims.filter((id) => id !== d.mapFollows)),
  );
  const byDay = dataset.events
    .filter((e) => e.level !== undefined && !overruled.has(e.id))
    .sort((a, b) => (countsFrom(a) < countsFrom(b) ? -1 : countsFrom(a) > countsFrom(b) ? 1 : 0));
  return levelsByRank(dataset.levels).map((level) => {
    const first = byDay.find((e) => e.level === level.id);
    return {
      id: level.id,
      label: level.label,
      description: level.description,
      color: level.color,
      example: first
        ? {
            eventId: first.id,
            actorId: first.actor,
            actor: names.get(first.actor) ?? first.actor,
            date: first.date,
            summary: first.summary,
          }
        : null,
    };
  });
}

export interface DisputeNote {
  actor: string;
  summary: string;
  reason: string;
}

/** Where the sources disagree: the actor, what they disagree on, and why the map follows one. */
export function disputeNotes(dataset: Dataset): DisputeNote[] {
  const names = new Map([...dataset.countries, ...dataset.institutions].map((a) => [a.id, a.name]));
  return dataset.disagreements.map((d) => ({
    actor: names.get(d.actor) ?? d.actor,
    summary: d.summary,
    reason: d.reason,
  }));
}

/** How much the dataset holds, for the page's opening lines. */
export function datasetCounts(dataset: Dataset): {
  countries: number;
  events: number;
  sources: number;
  publishers: number;
} {
  return {
    // Afghanistan is the focus, not a partner.
    countries: dataset.countries.length - 1,
    events: dataset.events.length,
    sources: dataset.sources.length,
    publishers: new Set(dataset.sources.map((s) => s.publisher)).size,
  };
}

export interface KindCount {
  kind: SourceKind;
  /** Who speaks in a source of this kind. */
  description: string;
  /** How many of the dataset's sources are of this kind. */
  count: number;
}

/** Each source kind, in the order of the list, with how many sources of the dataset have it. */
export function sourceKindCounts(dataset: Pick<Dataset, 'sources'>): KindCount[] {
  return SOURCE_KINDS.map((kind) => ({
    kind,
    description: SOURCE_KIND_DESCRIPTIONS[kind],
    count: dataset.sources.filter((s) => s.kind === kind).length,
  }));
}

/**
 * The records whose every source is of kind `other` (aggregators, re-posts, encyclopaedias): the
 * sourcing policy says there are none, and the page says so only when it holds.
 */
export function restingOnWeakOnly(dataset: Dataset): string[] {
  const kinds = new Map(dataset.sources.map((s) => [s.id, s.kind]));
  const weakOnly = (cites: readonly Citation[]) =>
    cites.every((c) => kinds.get(c.source) === 'other');
  return [...dataset.events, ...dataset.motives, ...dataset.statements, ...dataset.scenes]
    .filter((r) => weakOnly(r.cites))
    .map((r) => r.id);
}

/** The words for the records of each list, one and many. */
const RECORD_NOUNS: Record<(typeof RECORD_LISTS)[number], [string, string]> = {
  events: ['event', 'events'],
  sources: ['source', 'sources'],
  quotes: ['quote', 'quotes'],
  motives: ['motive', 'motives'],
  statements: ['statement', 'statements'],
  disagreements: ['disagreement', 'disagreements'],
  scenes: ['scene', 'scenes'],
};

export interface LogEntry {
  edition: number;
  /** The edition's day in words, by the `writeDate` given to `correctionsLog`. */
  date: string;
  summary: string;
  /** What it did to each list, in words, e.g. `7 events added, 29 changed, 1 removed`. */
  changes: string[];
}

/**
 * The corrections log, newest edition first, in plain words.
 * @param writeDate Writes an edition's date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) in words: the
 *   page passes the edition's `dateWords` (i18n/catalog.svelte.ts); English Gregorian
 *   (`formatDate`) when not given. The changes stay English words either way.
 * @example correctionsLog(dataset)[0].changes // ['7 events added, 29 changed, 1 removed', ...]
 */
export function correctionsLog(
  dataset: Pick<Dataset, 'changelog'>,
  writeDate: (date: string) => string = formatDate,
): LogEntry[] {
  return dataset.changelog.toReversed().map((e) => ({
    edition: e.edition,
    date: writeDate(e.date),
    summary: e.summary,
    changes: RECORD_LISTS.flatMap((list) => {
      const c = e[list];
      const [one, many] = RECORD_NOUNS[list];
      const parts = (['added', 'changed', 'removed'] as const)
        .map((what) => [what, c?.[what]?.length ?? 0] as const)
        .filter(([, n]) => n > 0);
      if (parts.length === 0) return [];
      // The noun goes with the first number: "7 events added, 29 changed".
      return [
        parts
          .map(([what, n], i) =>
            i === 0 ? `${n} ${n === 1 ? one : many} ${what}` : `${n} ${what}`,
          )
          .join(', '),
      ];
    }),
  }));
}

// Private-use code points (U+E000, U+E001): no message and no data text holds them, so they can
// only be the edges of a slot.
const SLOT_START = '\uE000';
const SLOT_END = '\uE001';
/** A slot, its value captured: `split` puts the captures at the odd places. */
const SLOT = /\uE000([^\uE000\uE001]*)\uE001/;

/**
 * A value from the data, wrapped so that the page can find it again in the message it is passed
 * into and mark it as English (`lang="en" dir="auto"`) while the message around it is in the
 * language on screen. Pass the result only to text that goes through `slotPieces`.
 * @example runs(m.views_method_level_example, { actor: dataSlot('Russia'), date })
 */
export function dataSlot(value: string): string {
  return `${SLOT_START}${value.replace(/[\uE000\uE001]/g, '')}${SLOT_END}`;
}

/** A piece of a message's text: the interface's words, or a value from the data. */
export interface SlotPiece {
  text: string;
  /** Whether the text is a value from the data (`dataSlot`), not the message's own words. */
  data: boolean;
}

/**
 * A message's text split at its data slots, in order, without the slots' edges; empty pieces
 * are left out.
 * @example slotPieces(`First in the data: ${dataSlot('Russia')}, 3 July 2025.`)
 * // [{ text: 'First in the data: ', data: false }, { text: 'Russia', data: true },
 * //  { text: ', 3 July 2025.', data: false }]
 */
export function slotPieces(text: string): SlotPiece[] {
  return text
    .split(SLOT)
    .map((piece, i) => ({ text: piece, data: i % 2 === 1 }))
    .filter((piece) => piece.text.length > 0);
}
