/**
 * The parts of the methodology page that come from the data: each level with an example from the
 * events, where the sources disagree and which claim the map follows, the founding source, and
 * the dataset's size. The page's prose explains the rules; these show them at work.
 */
import { countsFrom } from './engagement.ts';
import type { Dataset } from './schema.ts';
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
