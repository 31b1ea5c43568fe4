/**
 * What an import would do, in plain words for the editor at the terminal (`npm run import`
 * without `--write`): the events with their ids, the new and reused sources, and what the map
 * shows per country from each event's day. Pure.
 */
import { formatDate, type Day } from './dates.ts';
import {
  countsFrom,
  engagementIndex,
  levelOn,
  tensionOn,
  type EngagementIndex,
} from './engagement.ts';
import type { ImportPlan } from './import-events.ts';
import type { Dataset, Source } from './schema.ts';

/** The words for a level or a tension on the map. */
function mapWords(dataset: Dataset) {
  const levels = new Map(dataset.levels.levels.map((l) => [l.id, `“${l.label}”`]));
  const tensions = new Map<string, string>(
    dataset.levels.tensions.map((t) => [t.id, `“${t.label}”`]),
  );
  return {
    level: (id: string | undefined) => (id === undefined ? 'no data' : (levels.get(id) ?? id)),
    tension: (id: string | undefined) =>
      id === undefined ? 'no tension' : (tensions.get(id) ?? id),
  };
}

/**
 * What the new events change on the map, per country, in plain words: the level or tension
 * each sets from its day, what it was, and until when the new state holds.
 * @example mapChanges(before, after, plan)
 * // ['Kazakhstan: “Talks and contacts” from 9 July 2025 (was “Taliban diplomats accepted”), until 21 August 2025.']
 */
export function mapChanges(before: Dataset, after: Dataset, plan: ImportPlan): string[] {
  const old = engagementIndex(before);
  const now = engagementIndex(after);
  const words = mapWords(after);
  const names = new Map([...after.countries, ...after.institutions].map((a) => [a.id, a.name]));
  const members = new Map(after.institutions.map((i) => [i.id, i.members ?? [i.id]]));
  const lines: string[] = [];
  // The next day the country's state on that track differs from `value` (`none` is no tension).
  const nextChange = (
    index: EngagementIndex,
    track: 'levels' | 'tensions',
    country: string,
    day: Day,
    value: string | undefined,
  ) =>
    (index[track].get(country) as { day: Day; value: string }[] | undefined)?.find(
      (c) => c.day > day && (c.value === 'none' ? undefined : c.value) !== value,
    )?.day;

  for (const { event } of plan.events) {
    const day = countsFrom(event);
    const name = names.get(event.actor) ?? event.actor;
    if (event.level === undefined && event.tension === undefined) {
      lines.push(
        `${name}: no change on the map; the event of ${formatDate(event.date)} sets no level or tension.`,
      );
      continue;
    }
    for (const country of members.get(event.actor) ?? [event.actor]) {
      const who = names.get(country) ?? country;
      const tracks = [
        event.level !== undefined && {
          track: 'levels' as const,
          was: levelOn(old, country, day)?.level,
          is: levelOn(now, country, day)?.level,
          say: words.level,
        },
        event.tension !== undefined && {
          track: 'tensions' as const,
          was: tensionOn(old, country, day)?.tension,
          is: tensionOn(now, country, day)?.tension,
          say: words.tension,
        },
      ].filter((t) => t !== false);
      for (const { track, was, is, say } of tracks) {
        if (was === is) {
          lines.push(`${who}: no change on the map from ${formatDate(day)} (already ${say(is)}).`);
          continue;
        }
        const until = nextChange(now, track, country, day, is);
        lines.push(
          `${who}: ${say(is)} from ${formatDate(day)} (was ${say(was)}), ${until ? `until ${formatDate(until)}` : 'from then on'}.`,
        );
      }
    }
  }
  return lines;
}

/**
 * The dry run's report: the events to add with their ids, new and reused sources, and what the
 * map would show.
 */
export function describeImport(before: Dataset, after: Dataset, plan: ImportPlan): string[] {
  const names = new Map([...after.countries, ...after.institutions].map((a) => [a.id, a.name]));
  const rowsOf = (rows: number[]) => `${rows.length === 1 ? 'row' : 'rows'} ${rows.join(', ')}`;
  const sourceLine = (s: Source) =>
    `${s.publisher}, “${s.title}”, ${formatDate(s.date)}, ${s.kind}, ${s.url ?? `no address (${s.access ?? ''})`}`;
  const lines = [
    `Edition ${after.meta.edition} (${after.changelog.at(-1)!.date}): ${after.changelog.at(-1)!.summary}`,
    '',
    `Events to add (${plan.events.length}):`,
    ...plan.events.map(
      ({ row, event }) =>
        `  ${event.id} (row ${row}): ${names.get(event.actor) ?? event.actor}, ${formatDate(event.date)}: ${event.summary}`,
    ),
    '',
    `New sources (${plan.newSources.length}):`,
    ...plan.newSources.map(
      ({ rows, source }) => `  ${source.id} (${rowsOf(rows)}): ${sourceLine(source)}`,
    ),
    '',
    `Sources reused from the dataset (${plan.reusedSources.length}):`,
    ...plan.reusedSources.flatMap(({ rows, source, differences }) => [
      `  ${source.id} (${rowsOf(rows)}): ${sourceLine(source)}`,
      ...differences.map((d) => `    ${d}`),
    ]),
    '',
    'On the map:',
    ...mapChanges(before, after, plan).map((line) => `  ${line}`),
  ];
  return lines;
}
