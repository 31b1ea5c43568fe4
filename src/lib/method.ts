/**
 * The parts of the methodology page that come from the data: each level with an example from the
 * events, where the sources disagree and which claim the map follows, the founding source, the
 * dataset's size, how many sources are of each kind, and the corrections log. The page's prose explains the rules; these show them at work.
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
  example: { actorId: string; actor: string; date: string; summary: string } | null;
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
  /** The edition's day in words. */
  date: string;
  summary: string;
  /** What it did to each list, in words, e.g. `7 events added, 29 changed, 1 removed`. */
  changes: string[];
}

/**
 * The corrections log, newest edition first, in plain words.
 * @example correctionsLog(dataset)[0].changes // ['7 events added, 29 changed, 1 removed', ...]
 */
export function correctionsLog(dataset: Pick<Dataset, 'changelog'>): LogEntry[] {
  return dataset.changelog.toReversed().map((e) => ({
    edition: e.edition,
    date: formatDate(e.date),
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
