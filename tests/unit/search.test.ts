import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { readDatasetFolder, REPO_ROOT, shippedGeometryIds } from '../../scripts/dataset-files.ts';
import {
  actorEntries,
  searchActors,
  searchEntries,
  searchKey,
  uncoveredEntries,
  type ActorEntry,
} from '../../src/lib/search.ts';
import { formatProblem, validateDataset } from '../../src/lib/validate.ts';
import { labelPoints } from '../../src/lib/countries.ts';
import { minimalDataset, shipped as shippedAtlas } from './helpers.ts';

function shippedEntries(): ActorEntry[] {
  const result = validateDataset(readDatasetFolder(join(REPO_ROOT, 'data')), {
    geometryIds: shippedGeometryIds(),
  });
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return actorEntries(result.dataset.countries, result.dataset.institutions);
}

const entries = shippedEntries();

describe('searchKey', () => {
  test.each([
    ['Türkiye', 'turkiye'],
    ['  TURKIYE ', 'turkiye'],
    ['U.A.E.', 'uae'],
    ["O'zbekiston", 'ozbekiston'],
    ['People’s Republic of China', 'peoples republic of china'],
    ['UNSC-P5', 'unsc p5'],
    ['Côte d’Ivoire', 'cote divoire'],
  ])('%j is compared as %j', (text, expected) => {
    expect(searchKey(text)).toBe(expected);
  });
});

describe('searchActors on the shipped data', () => {
  test.each([
    ['turkiye', 'TUR'],
    ['Türkiye', 'TUR'],
    ['TURKEY', 'TUR'],
    ['emirates', 'ARE'],
    ['Emirates', 'ARE'],
    ['UAE', 'ARE'],
    ['uae', 'ARE'],
    ['u.a.e', 'ARE'],
    ['Russian Federation', 'RUS'],
    ['russian', 'RUS'],
    ['PRC', 'CHN'],
    ['US', 'USA'],
    ['u.s.', 'USA'],
    ['UN', 'un'],
    ['World Bank', 'world-bank'],
    ['bank', 'world-bank'],
    ['united k', 'GBR'],
    ['pak', 'PAK'],
    ['uzbek', 'UZB'],
    ['ozbekiston', 'UZB'],
    // "Emirates" (an other name) starts with "emir"; Afghanistan's "Islamic Emirate" only has a
    // word that does.
    ['emir', 'ARE'],
    // Two words, each the start of one: "United Arab Emirates".
    ['arab em', 'ARE'],
    // Equal matches ("Arab" starts a word in both names) in alphabetical order.
    ['arab', 'SAU'],
    ['p5', 'unsc-p5'],
    ['the west', 'western-countries'],
    ['  china  ', 'CHN'],
  ])('%j finds %s first', (query, id) => {
    expect(searchActors(query, entries)[0]?.id).toBe(id);
  });

  test.each([
    ['emirates', 'Emirates'],
    ['uae', 'UAE'],
    ['turkiye', 'Türkiye'],
    ['PRC', 'PRC'],
    ['russian fed', 'Russian Federation'],
  ])('%j names the other name it matched, %j', (query, alias) => {
    expect(searchActors(query, entries)[0]?.alias).toBe(alias);
  });

  test.each(['China', 'chi', 'United Arab Emirates', 'Turkey'])(
    '%j matches the name itself, with no alias',
    (query) => {
      expect(searchActors(query, entries)[0]).not.toHaveProperty('alias');
    },
  );

  test.each([
    ['UN', 'exact'],
    ['Russ', 'prefix'],
    ['arab', 'word'],
    ['ghanis', 'substring'],
  ] as const)('%j is a match of kind %s', (query, kind) => {
    expect(searchActors(query, entries)[0]?.match).toBe(kind);
  });

  test('ranks exact, then prefix, then word, then substring matches', () => {
    // UN (exact other name); United … (prefix); European Union (word); Western countries (inside).
    expect(searchActors('un', entries).map((r) => r.id)).toEqual([
      'un',
      'ARE',
      'GBR',
      'USA',
      'unsc-p5',
      'eu',
      'western-countries',
    ]);
  });

  test('ranks a name that starts with the query above another name that does', () => {
    // Kingdom of Saudi Arabia starts with "kingdom"; United Kingdom only has the word.
    expect(searchActors('kingdom', entries).map((r) => r.id)).toEqual(['SAU', 'GBR']);
  });

  test('lists each entry once', () => {
    const ids = searchActors('united arab', entries).map((r) => r.id);
    expect(ids).toEqual(['ARE']);
  });

  test.each(['', '   ', '.', 'zzz'])('%j finds nothing', (query) => {
    expect(searchActors(query, entries)).toEqual([]);
  });

  test('returns at most the limit', () => {
    expect(searchActors('a', entries, 3)).toHaveLength(3);
  });
});

describe('actorEntries', () => {
  const dataset = minimalDataset();
  const list = actorEntries(dataset.countries, dataset.institutions);

  test('lists countries then institutions, in data order', () => {
    expect(list.map((e) => e.id)).toEqual(['AFG', 'CHN', 'RUS', 'PAK', 'USA', 'NOR', 'un', 'west']);
  });

  test.each([
    ['CHN', 'country'],
    ['un', 'institution'],
    ['west', 'group'],
  ])('marks %s as a %s', (id, kind) => {
    expect(list.find((e) => e.id === id)?.kind).toBe(kind);
  });

  test('gives an entry with no other names an empty list', () => {
    expect(list.find((e) => e.id === 'RUS')?.altNames).toEqual([]);
  });
});

describe('countries the sources do not cover', () => {
  const covered = new Set(entries.filter((e) => e.kind === 'country').map((e) => e.id));
  const mapCountries = [
    { id: 'JPN', name: 'Japan' },
    { id: 'MNG', name: 'Mongolia' },
    { id: 'CHN', name: 'China' },
  ];
  const withMap = [...entries, ...uncoveredEntries(mapCountries, covered)];

  test('uncoveredEntries leaves out the countries the dataset covers', () => {
    expect(uncoveredEntries(mapCountries, covered).map((e) => e.id)).toEqual(['JPN', 'MNG']);
  });

  test('are found by name, marked as not in the sources', () => {
    expect(searchActors('japan', withMap)[0]).toMatchObject({ id: 'JPN', uncovered: true });
  });

  test('come after a covered country that matches as well', () => {
    // Both names start with "ma"; alphabetical order alone would put Madagascar first.
    const results = searchActors('ma', [
      ...actorEntries([{ id: 'MLI', name: 'Mali', altNames: [] }], []),
      ...uncoveredEntries([{ id: 'MDG', name: 'Madagascar' }], new Set()),
    ]);
    expect(results.map((r) => r.id)).toEqual(['MLI', 'MDG']);
  });
});

describe('what the search finds', () => {
  const { dataset, topology } = shippedAtlas();
  const places = labelPoints(topology, new Map()).features.map((f) => f.properties);
  const entries = searchEntries(dataset, places);

  test('every actor of the dataset, once', () => {
    const ids = entries.map((e) => e.id);
    const actors = [...dataset.countries, ...dataset.institutions].map((a) => a.id);
    expect(actors.every((id) => ids.filter((x) => x === id).length === 1)).toBe(true);
  });

  test('the map’s countries the sources do not cover, too', () => {
    expect(entries.some((e) => e.id === 'MNG')).toBe(true);
  });
});
