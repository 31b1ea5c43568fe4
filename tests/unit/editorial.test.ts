/**
 * A picture's words (src/export/editorial.ts): the defaults a state gives it and an editor's words
 * over them, on the shipped dataset.
 */
import { describe, expect, test } from 'vitest';
import {
  editorialDefaults,
  editorialTexts,
  publishersBehind,
  sourceLine,
} from '../../src/export/editorial.ts';
import { pictureOf, pictureSource, urlContextOf } from '../../src/export/picture-of.ts';
import { pictureLayoutInput } from '../../src/export/plan.ts';
import { parseUrlState } from '../../src/lib/url-state.ts';
import { shipped } from './helpers.ts';

const { dataset, topology } = shipped();
const source = pictureSource(dataset, topology);
const context = urlContextOf(source);
const VIEW = { width: 1200, height: 675 };
const of = (query: string) => pictureOf(source, parseUrlState(query, context).state, VIEW);
const defaultsOf = (query: string) => {
  const { state, scene } = of(query);
  return editorialDefaults(state, scene);
};

describe('editorialDefaults', () => {
  test('the default view: the atlas’s own title and subtitle', () => {
    const words = defaultsOf('');
    expect([words.title, words.subtitle]).toEqual([dataset.meta.title, dataset.meta.subtitle]);
  });

  test('a selected country: its name and its level on the date', () => {
    const { scene } = of('country=CHN&date=2025-06-30');
    const level = dataset.levels.levels.find((l) => l.id === scene.levelOf.get('CHN')?.level);
    expect(defaultsOf('country=CHN&date=2025-06-30').title).toBe(`China: ${level!.label}`);
  });

  test('a selected country: the dek says since when', () => {
    expect(defaultsOf('country=CHN&date=2025-06-30').subtitle).toMatch(/ since \d{1,2} \w+ \d{4}$/);
  });

  test('a scene: its title over the atlas’s', () => {
    const words = defaultsOf('mode=present&scene=3');
    expect([words.title, words.subtitle]).toEqual([dataset.scenes[2]!.title, dataset.meta.title]);
  });

  test('no note unless an editor writes one', () => {
    expect(defaultsOf('').note).toBe('');
  });

  test('the credit is the dataset’s', () => {
    expect(defaultsOf('').credit).toBe(dataset.meta.credit);
  });
});

describe('the source line', () => {
  test('names the publishers behind the selection alone, most cited first', () => {
    const { state, scene } = of('country=CHN&date=2025-06-30');
    const behind = publishersBehind(state, scene);
    const china = new Set(
      [
        ...dataset.events.filter((e) => e.actor === 'CHN').flatMap((e) => e.cites),
        ...dataset.motives.filter((m) => m.actor === 'CHN').flatMap((m) => m.cites),
      ].map((c) => dataset.sources.find((s) => s.id === c.source)!.publisher),
    );
    expect([behind.length > 0, behind.every((p) => china.has(p))]).toEqual([true, true]);
  });

  test.each([
    [['A'], 'Sources: A;'],
    [['A', 'B'], 'Sources: A and B;'],
    [['A', 'B', 'C', 'D'], 'Sources: A, B, C and D;'],
    [['A', 'B', 'C', 'D', 'E', 'F'], 'Sources: A, B, C, D and 2 more;'],
  ])('%j: %s', (publishers, start) => {
    expect(sourceLine(publishers, dataset.meta).startsWith(start)).toBe(true);
  });

  test('ends with the edition and the boundaries’ source', () => {
    expect(sourceLine(['A'], dataset.meta)).toMatch(
      /; edition \d+, data reviewed through .+\. Boundaries: Natural Earth; disputed areas drawn neutrally\.$/,
    );
  });
});

describe('an editor’s words', () => {
  const defaults = defaultsOf('');

  test('replace the defaults they name and keep the rest', () => {
    const words = editorialTexts(defaults, { title: 'Who talks to Kabul' });
    expect([words.title, words.subtitle]).toEqual(['Who talks to Kabul', defaults.subtitle]);
  });

  test('may empty a field', () => {
    expect(editorialTexts(defaults, { subtitle: '' }).subtitle).toBe('');
  });

  test('a note goes first on the source line', () => {
    const { state } = of('');
    const options = {
      format: 'svg' as const,
      size: VIEW,
      scale: 1,
      theme: 'light' as const,
      show: { title: true, subtitle: true, legend: true, date: true, source: true, credit: true },
    };
    const words = editorialTexts(defaults, { note: 'Levels as of the review date.' });
    const input = pictureLayoutInput(state, options, [], () => 10, words);
    expect(input.texts.source).toBe(`Note: Levels as of the review date. ${defaults.source}`);
  });
});
