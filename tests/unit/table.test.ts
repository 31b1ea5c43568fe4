/** The table view's rows and their sorting. */
import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { readDatasetFolder, REPO_ROOT } from '../../scripts/dataset-files.ts';
import { firstDayOf, formatDate } from '../../src/lib/dates.ts';
import { engagementIndex } from '../../src/lib/engagement.ts';
import type { Dataset } from '../../src/lib/schema.ts';
import { sortRows, tableRows, type SortKey, type TableRow } from '../../src/lib/table.ts';
import { formatProblem, validateDataset } from '../../src/lib/validate.ts';
import { minimalDataset } from './helpers.ts';

function shippedDataset(): Dataset {
  const result = validateDataset(readDatasetFolder(join(REPO_ROOT, 'data')));
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.dataset;
}

const shipped = shippedDataset();
const shippedIndex = engagementIndex(shipped);

describe('tableRows', () => {
  const rows = tableRows(shipped, shippedIndex, '2025-07-10');
  const rowOf = (id: string) => rows.find((r) => r.id === id);

  test('lists every country of the dataset', () => {
    expect(
      rows.filter((r) => r.kind !== 'institution' && r.kind !== 'group').map((r) => r.id),
    ).toEqual(shipped.countries.map((c) => c.id));
  });

  test('lists every institution and group', () => {
    expect(
      rows.filter((r) => r.kind === 'institution' || r.kind === 'group').map((r) => r.id),
    ).toEqual(shipped.institutions.map((i) => i.id));
  });

  test.each([
    ['AFG', 'focus'],
    ['RUS', 'country'],
    ['un', 'institution'],
    ['western-countries', 'group'],
  ])('%s is a %s', (id, kind) => {
    expect(rowOf(id)?.kind).toBe(kind);
  });

  test.each([
    ['RUS', 'recognition', 'Formal recognition', 5, '3 July 2025'],
    ['PAK', 'ambassador', 'Ambassador level', 4, '30 May 2025'],
    ['USA', 'isolating', 'Isolation and sanctions', 1, '15 August 2021'],
    ['AFG', null, null, null, null],
    ['un', null, null, null, null],
  ])('%s: level %s (%s, rank %s) since %s', (id, level, label, rank, since) => {
    const row = rowOf(id);
    expect([
      row?.level?.id ?? null,
      row?.level?.label ?? null,
      row?.level?.rank ?? null,
      row?.sinceLabel,
    ]).toEqual([level, label, rank, since]);
  });

  test.each([
    // The article's undated claim counts from the earliest day it can describe.
    ['QAT', '2025', '2025-05-30'],
    ['RUS', '2025-07-03', '2025-07-03'],
    ['KAZ', '2023-04', '2023-04-01'],
  ])('%s’s level since %s counts from %s', (id, since, day) => {
    const row = rowOf(id);
    expect([row?.since, row?.sinceDay]).toEqual([since, day]);
  });

  test('a country with no level yet has no data, never a guess', () => {
    const early = tableRows(shipped, shippedIndex, '2021-09-01').find((r) => r.id === 'CHN');
    expect([early?.level, early?.since]).toEqual([null, null]);
  });

  test.each([
    ['CHN', '2025-07-10', ['economic', 'security', 'geopolitical']],
    ['UZB', '2025-07-10', ['economic', 'security']],
    ['CHN', '2025-05-29', []],
    ['USA', '2025-07-10', []],
  ])('%s on %s has motives %j', (id, day, motives) => {
    const row = tableRows(shipped, shippedIndex, day).find((r) => r.id === id);
    expect(row?.motives).toEqual(motives);
  });

  test.each([
    ['2025-10-12', { id: 'conflict', label: 'Armed conflict' }],
    ['2025-10-20', { id: 'tension', label: 'Tension' }],
    ['2025-10-10', null],
  ])('Pakistan on %s has tension %j', (day, tension) => {
    const row = tableRows(shipped, shippedIndex, day).find((r) => r.id === 'PAK');
    expect(row?.tension).toEqual(tension);
  });

  test('without a date writer, every since is in English words (formatDate)', () => {
    const withLevel = rows.filter((r) => r.since !== null);
    expect(withLevel.length).toBeGreaterThan(0);
    expect(withLevel.map((r) => r.sinceLabel)).toEqual(withLevel.map((r) => formatDate(r.since!)));
  });

  test('without a date writer, the rows are those formatDate writes', () => {
    expect(rows).toEqual(tableRows(shipped, shippedIndex, '2025-07-10', formatDate));
  });

  test.each([
    ['RUS', '2025-07-03', '⟨2025-07-03⟩'],
    ['KAZ', '2023-04', '⟨2023-04⟩'],
    ['QAT', '2025', '⟨2025⟩'],
  ])('a date writer writes %s’s since (%s) as %s', (id, since, label) => {
    const row = tableRows(shipped, shippedIndex, '2025-07-10', (d) => `⟨${d}⟩`).find(
      (r) => r.id === id,
    );
    expect([row?.since, row?.sinceLabel]).toEqual([since, label]);
  });

  test('a date writer reaches every since label, and only those', () => {
    const written = tableRows(shipped, shippedIndex, '2025-07-10', (d) => `⟨${d}⟩`);
    expect(written.map((r) => r.sinceLabel)).toEqual(
      rows.map((r) => (r.since === null ? null : `⟨${r.since}⟩`)),
    );
    expect(written.map((r) => ({ ...r, sinceLabel: '' }))).toEqual(
      rows.map((r) => ({ ...r, sinceLabel: '' })),
    );
  });

  test('the minimal dataset gives a row per country and institution', () => {
    const minimal = minimalDataset();
    const ids = tableRows(minimal, engagementIndex(minimal), '2025-07-10').map((r) => r.id);
    expect(ids).toEqual(['AFG', 'CHN', 'RUS', 'PAK', 'USA', 'NOR', 'un', 'west']);
  });
});

describe('sortRows', () => {
  const row = (
    id: string,
    rank: number | null,
    since: string | null,
    motives: number,
    tension: 'tension' | 'conflict' | null = null,
  ): TableRow => ({
    id,
    name: id,
    kind: 'country',
    level: rank === null ? null : { id: `level-${rank}`, label: `Level ${rank}`, rank },
    since,
    sinceLabel: since,
    sinceDay: since === null ? null : firstDayOf(since),
    tension: tension === null ? null : { id: tension, label: tension },
    motives: (['economic', 'security', 'geopolitical'] as const).slice(0, motives),
  });
  const rows = [
    row('Bravo', 3, '2023-02-26', 1),
    row('alpha', 5, '2025-07-03', 3),
    row('Delta', null, null, 0),
    row('Charlie', 3, '2021-10', 3, 'conflict'),
    row('Echo', 1, '2021-10-05', 0, 'tension'),
  ];

  test.each<[SortKey, 'ascending' | 'descending', string[]]>([
    // Names compare without regard to case.
    ['name', 'ascending', ['alpha', 'Bravo', 'Charlie', 'Delta', 'Echo']],
    ['name', 'descending', ['Echo', 'Delta', 'Charlie', 'Bravo', 'alpha']],
    // By rank; equal ranks by name; no data last either way.
    ['level', 'descending', ['alpha', 'Bravo', 'Charlie', 'Echo', 'Delta']],
    ['level', 'ascending', ['Echo', 'Bravo', 'Charlie', 'alpha', 'Delta']],
    // A month sorts from its first day, so October 2021 comes before 5 October 2021.
    ['since', 'ascending', ['Charlie', 'Echo', 'Bravo', 'alpha', 'Delta']],
    ['since', 'descending', ['alpha', 'Bravo', 'Echo', 'Charlie', 'Delta']],
    // By the number of motive categories; ties by name.
    ['motives', 'descending', ['alpha', 'Charlie', 'Bravo', 'Delta', 'Echo']],
    ['motives', 'ascending', ['Delta', 'Echo', 'Bravo', 'alpha', 'Charlie']],
    // Conflict above tension above none.
    ['tension', 'descending', ['Charlie', 'Echo', 'alpha', 'Bravo', 'Delta']],
  ])('by %s %s: %j', (key, direction, expected) => {
    expect(sortRows(rows, key, direction).map((r) => r.id)).toEqual(expected);
  });

  test('returns a new array and leaves the input as it was', () => {
    const before = rows.map((r) => r.id);
    sortRows(rows, 'level', 'descending');
    expect(rows.map((r) => r.id)).toEqual(before);
  });
});
