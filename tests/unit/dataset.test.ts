/**
 * The shipped dataset: valid, every reference resolving, every country on the map, every excerpt
 * and quote verbatim in the founding article, and the facts the map is known for.
 */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toJsonSchema } from '@valibot/to-json-schema';
import {
  foundingTextPath,
  readDatasetFolder,
  readFoundingText,
  REPO_ROOT,
  shippedGeometryIds,
} from '../../scripts/dataset-files.ts';
import { engagementIndex, levelOn, tensionOn } from '../../src/lib/engagement.ts';
import { DATASET_FILES, type Dataset } from '../../src/lib/schema.ts';
import { formatProblem, validateDataset } from '../../src/lib/validate.ts';

const foundingText = readFoundingText();
const result = validateDataset(readDatasetFolder(join(REPO_ROOT, 'data')), {
  geometryIds: shippedGeometryIds(),
  foundingText,
});
const dataset: Dataset = result.ok ? result.dataset : (undefined as never);

describe('the shipped dataset', () => {
  test('passes the validator with no problem', () => {
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
  });

  test(`finds the founding article to check excerpts against (${foundingTextPath()})`, () => {
    expect(foundingText?.length ?? 0).toBeGreaterThan(10_000);
  });

  test('every excerpt of the founding article appears in it verbatim', () => {
    const founding = dataset.meta.foundingSource;
    const excerpts = [...dataset.events, ...dataset.motives, ...dataset.statements]
      .flatMap((r) => r.cites)
      .filter((c) => c.source === founding && c.excerpt !== undefined)
      .map((c) => c.excerpt!);
    expect(excerpts.length).toBeGreaterThan(20);
    expect(excerpts.filter((e) => !foundingText!.includes(e))).toEqual([]);
  });

  test('every quote of the founding article appears in it verbatim', () => {
    const quotes = dataset.quotes.filter((q) => q.source === dataset.meta.foundingSource);
    expect(quotes.length).toBeGreaterThanOrEqual(5);
    expect(quotes.filter((q) => !foundingText!.includes(q.text)).map((q) => q.id)).toEqual([]);
  });

  test('every country in the data is drawn on the map', () => {
    const geometry = shippedGeometryIds();
    expect(dataset.countries.map((c) => c.id).filter((id) => !geometry.has(id))).toEqual([]);
  });

  test('no source carries an address other than https', () => {
    expect(
      dataset.sources.filter((s) => s.url !== undefined && !s.url.startsWith('https://')),
    ).toEqual([]);
  });

  test.each(Object.keys(DATASET_FILES))('data/schema has the current JSON Schema of %s', (file) => {
    const name = file.replace(/\.json$/, '.schema.json');
    const committed = JSON.parse(
      readFileSync(join(REPO_ROOT, 'data/schema', name), 'utf8'),
    ) as Record<string, unknown>;
    delete committed['$comment'];
    expect(committed).toEqual(
      toJsonSchema(DATASET_FILES[file as keyof typeof DATASET_FILES], { errorMode: 'ignore' }),
    );
  });
});

describe('the map the shipped dataset draws', () => {
  const index = engagementIndex(dataset);

  test.each([
    // Russia: chargé d'affaires from April 2022, formal recognition on 3 July 2025.
    ['RUS', '2022-04-06', 'embassy'],
    ['RUS', '2025-07-02', 'ambassador'],
    ['RUS', '2025-07-03', 'recognition'],
    // China: ambassador from December 2023.
    ['CHN', '2023-12-01', 'ambassador'],
    // Pakistan: Taliban diplomats from October 2021, ambassadors exchanged 30 May 2025.
    ['PAK', '2021-11-01', 'embassy'],
    ['PAK', '2025-05-30', 'ambassador'],
    // The UAE: ambassador accepted 21 August 2024.
    ['ARE', '2024-08-21', 'ambassador'],
    // India: embassy status restored 21 October 2025.
    ['IND', '2025-10-21', 'embassy'],
    // The United States: isolating, as one of the Western countries.
    ['USA', '2024-01-01', 'isolating'],
    // Uzbekistan: no data until the Tashkent embassy passed to the Taliban on 2 February 2024.
    ['UZB', '2024-02-01', undefined],
    ['UZB', '2024-02-02', 'embassy'],
    // The Aripov visit (17 August 2024) sets no level; the ambassador accepted in October 2024 does.
    ['UZB', '2024-08-20', 'embassy'],
    // Qatar: the October 2025 upgrade is the Taliban's claim only, so Qatar stays at embassy.
    ['QAT', '2025-12-01', 'embassy'],
    // Kyrgyzstan: kept at engaged (a judgement, in the event's note).
    ['KGZ', '2025-01-01', 'engaged'],
  ])('%s on %s is %s', (country, day, level) => {
    expect(levelOn(index, country, day)?.level).toBe(level);
  });

  test('no country is recognising before Russia on 3 July 2025', () => {
    const before = dataset.countries.filter(
      (c) => levelOn(index, c.id, '2025-07-02')?.level === 'recognition',
    );
    expect(before).toEqual([]);
  });

  test.each([
    ['2025-10-10', null],
    ['2025-10-12', 'conflict'],
    ['2025-10-20', 'tension'],
    ['2026-02-28', 'conflict'],
    // The Eid truce (18–24 March 2026) is a pause; the talks in Urumqi (1–7 April) bring tension.
    ['2026-03-20', 'conflict'],
    ['2026-04-07', 'tension'],
    ['2026-06-23', 'tension'],
  ])('Pakistan on %s: %s', (day, tension) => {
    expect(tensionOn(index, 'PAK', day)?.tension ?? null).toBe(tension);
  });

  test('keeps both claims about Russia’s ambassador, and marks the disagreement', () => {
    const disagreement = dataset.disagreements.find((d) => d.actor === 'RUS');
    expect(disagreement?.claims.length).toBeGreaterThanOrEqual(2);
  });
});
