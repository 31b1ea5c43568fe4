/**
 * The dataset's prose in other editions (src/lib/translation.ts, data/translations/): what a
 * translation replaces, what stays English and is known to, what the validator refuses, and that
 * the shipped files translate what the issue asks for.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Topology } from 'topojson-specification';
import { describe, expect, test } from 'vitest';
import { REPO_ROOT, shippedGeometryIds } from '../../scripts/dataset-files.ts';
import { countryFeatures } from '../../src/lib/countries.ts';
import { localize, translates, type TranslationFile } from '../../src/lib/translation.ts';
import { formatProblem, validateTranslation } from '../../src/lib/validate.ts';
import { FIXTURE_GEOMETRY, FIXTURES, minimalDataset, shipped } from './helpers.ts';

const dataset = minimalDataset();
const fixture = (name: string) => readFileSync(join(FIXTURES, 'translations', name), 'utf8');
const pashto = JSON.parse(fixture('ps.json')) as TranslationFile;
/** A topology of two countries, named as the geometry names them. */
const topology: Topology = {
  type: 'Topology',
  arcs: [],
  objects: {
    countries: {
      type: 'GeometryCollection',
      geometries: [
        { type: 'Polygon', arcs: [], id: 'AFG', properties: { name: 'Afghanistan' } },
        { type: 'Polygon', arcs: [], id: 'NOR', properties: { name: 'Norway' } },
      ],
    },
  },
};
const ps = localize(dataset, topology, pashto);
const level = (id: string) => ps.dataset.levels.levels.find((l) => l.id === id)!;

describe('localize', () => {
  test.each([
    ['a level label', () => level('recognition').label, 'رسمي پېژندنه'],
    ['a level description', () => level('embassy').description, 'سفارت'],
    ['no data', () => ps.dataset.levels.noData.label, 'معلومات نشته'],
    [
      'a tension',
      () => ps.dataset.levels.tensions.find((t) => t.id === 'conflict')!.label,
      'وسله وال ټکر',
    ],
    ['a country', () => ps.dataset.countries.find((c) => c.id === 'AFG')!.name, 'افغانستان'],
    ['a capital', () => ps.dataset.countries.find((c) => c.id === 'AFG')!.capital.name, 'کابل'],
    [
      'an institution',
      () => ps.dataset.institutions.find((i) => i.id === 'un')!.name,
      'ملګري ملتونه',
    ],
    ['a motive', () => ps.dataset.motives[0]!.summary, 'چین اقتصادي ګټې لري.'],
    ['a scene title', () => ps.dataset.scenes.find((s) => s.id === 'china')!.title, 'چین'],
  ])('puts the translation of %s in place', (_, read, expected) => {
    expect(read()).toBe(expected);
  });

  test.each([
    ['levels.recognition.label', true],
    ['levels.recognition.description', false],
    ['levels.embassy.description', true],
    ['countries.AFG', true],
    ['countries.CHN', false],
    ['scenes.china.title', true],
    ['scenes.china.body', false],
    ['noData.label', true],
    ['focus.label', false],
  ])('records which texts it translated: %s → %s', (key, expected) => {
    expect(ps.translated.has(key)).toBe(expected);
  });

  test('leaves a text it has no translation of in English', () => {
    const english = dataset.scenes.find((s) => s.id === 'china')!.body;
    expect(ps.dataset.scenes.find((s) => s.id === 'china')!.body).toBe(english);
  });

  test("keeps a country's English name among its other names, for search", () => {
    expect(ps.dataset.countries.find((c) => c.id === 'AFG')!.altNames).toContain('Afghanistan');
  });

  test('names the countries the data does not cover in the map itself', () => {
    const names = countryFeatures(ps.topology).features.map((f) => f.properties.name);
    expect(names).toEqual(['افغانستان', 'ناروې']);
  });

  test("never replaces a quote's verbatim words: its translation comes beside them", () => {
    expect(ps.dataset.quotes).toBe(dataset.quotes);
    expect(ps.quoteTranslations.get('spokesman')).toBe('د ویاند خبرې.');
  });

  test('changes no id, date or level: only words', () => {
    const shape = (d: typeof dataset) =>
      JSON.stringify([
        d.events.map((e) => [e.id, e.date, e.level]),
        d.levels.levels.map((l) => [l.id, l.rank, l.color]),
      ]);
    expect(shape(ps.dataset)).toBe(shape(dataset));
  });

  test('gives the dataset and the geometry as they are in English', () => {
    const en = localize(dataset, topology, null);
    expect([en.dataset, en.topology, en.translated.size, en.credit]).toEqual([
      dataset,
      topology,
      0,
      null,
    ]);
  });
});

describe('translates', () => {
  test.each([
    ['levels.recognition.label', true],
    ['levels.recognition', false],
    ['levels.friendship.label', false],
    ['credit', true],
    ['nothing.at.all', false],
  ])('%s → %s', (key, expected) => {
    expect(translates(pashto, key)).toBe(expected);
  });

  test('is false for every key in English', () => {
    expect(translates(null, 'levels.recognition.label')).toBe(false);
  });
});

describe('validateTranslation', () => {
  const problems = (name: string) =>
    validateTranslation(`translations/${name}`, fixture(name), dataset, FIXTURE_GEOMETRY).map(
      formatProblem,
    );

  test('passes the fixture', () => {
    expect(problems('ps.json')).toEqual([]);
  });

  test.each([
    ['broken-unknown-ids.ps.json', 'countries.XYZ'],
    ['broken-unknown-ids.ps.json', 'levels.friendship'],
    ['broken-unknown-ids.ps.json', 'scenes.mars'],
    ['broken-markup.ps.json', 'levels.recognition.label'],
    ['broken-wrong-locale.ar.json', 'locale'],
    ['broken-extra-key.ps.json', 'sources'],
    ['broken-not-json.ps.json', 'not valid JSON'],
    ['broken-no-credit.ps.json', 'credit'],
  ])('refuses %s, naming %s', (name, where) => {
    expect(problems(name).join('\n')).toContain(where);
  });
});

describe('the shipped translations', () => {
  const { dataset: data } = shipped();
  const folder = join(REPO_ROOT, 'data/translations');
  const files = readdirSync(folder).filter((f) => f.endsWith('.json'));
  const read = (file: string) =>
    JSON.parse(readFileSync(join(folder, file), 'utf8')) as TranslationFile;

  test('are one per edition other than English', () => {
    expect(files.sort()).toEqual(['ar.json', 'fa-AF.json', 'ps.json']);
  });

  test.each(files)('%s passes the validator', (file) => {
    const text = readFileSync(join(folder, file), 'utf8');
    expect(validateTranslation(file, text, data, shippedGeometryIds()).map(formatProblem)).toEqual(
      [],
    );
  });

  // What the issue asks to translate: every country's name, the levels, the motives, the scenes.
  const wanted = [
    ...[...shippedGeometryIds()].map((id) => `countries.${id}`),
    ...data.countries.map((c) => `capitals.${c.id}`),
    ...data.levels.levels.flatMap((l) => [`levels.${l.id}.label`, `levels.${l.id}.description`]),
    ...data.levels.tensions.flatMap((l) => [
      `tensions.${l.id}.label`,
      `tensions.${l.id}.description`,
    ]),
    'noData.label',
    'noData.description',
    'focus.label',
    'focus.description',
    ...data.motives.map((m) => `motives.${m.id}.summary`),
    ...data.scenes.flatMap((s) => [`scenes.${s.id}.title`, `scenes.${s.id}.body`]),
  ];
  test.each(files)('%s translates every name, level, motive and scene', (file) => {
    const translation = read(file);
    expect(wanted.filter((key) => !translates(translation, key))).toEqual([]);
  });

  test.each(files)("%s keeps the English's paragraphs in every scene", (file) => {
    const scenes = read(file).scenes ?? {};
    const paragraphs = (text: string) => text.split('\n\n').length;
    expect(
      data.scenes
        .filter((s) => paragraphs(scenes[s.id]?.body ?? s.body) !== paragraphs(s.body))
        .map((s) => s.id),
    ).toEqual([]);
  });
});
