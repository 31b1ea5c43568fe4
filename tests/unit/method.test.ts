/** The methodology page's parts that come from the data. */
import { describe, expect, test } from 'vitest';
import { citationText, editionWords } from '../../src/lib/edition.ts';
import {
  correctionsLog,
  dataSlot,
  datasetCounts,
  disputeNotes,
  levelExamples,
  restingOnWeakOnly,
  slotPieces,
  sourceKindCounts,
} from '../../src/lib/method.ts';
import { formatDate } from '../../src/lib/dates.ts';
import { SOURCE_KINDS } from '../../src/lib/schema.ts';
import { levelsByRank } from '../../src/lib/style.ts';
import { shipped } from './helpers.ts';

const { dataset } = shipped();

describe('levelExamples', () => {
  const examples = levelExamples(dataset);

  test('lists every level, strongest first', () => {
    expect(examples.map((l) => l.id)).toEqual(levelsByRank(dataset.levels).map((l) => l.id));
  });

  test('formal recognition: Russia, 3 July 2025, the first to recognise', () => {
    expect(examples[0]!.example).toMatchObject({ actorId: 'RUS', date: '2025-07-03' });
  });

  test('each example is an event that sets its level, and none sets it earlier on the map', () => {
    for (const level of examples) {
      const event = dataset.events.find(
        (e) => e.actor === level.example?.actorId && e.date === level.example.date,
      );
      expect(event?.level, level.id).toBe(level.id);
    }
  });

  test('a level no event sets yet has no example', () => {
    const levels = {
      ...dataset.levels,
      levels: [...dataset.levels.levels, { ...dataset.levels.levels[0]!, id: 'unused', rank: 99 }],
    };
    expect(levelExamples({ ...dataset, levels })[0]).toMatchObject({
      id: 'unused',
      example: null,
    });
  });
});

test('disputeNotes: one per disagreement, with the actor’s name', () => {
  const notes = disputeNotes(dataset);
  expect(notes.length).toBe(dataset.disagreements.length);
  expect(notes.every((n) => !/^[A-Z]{3}$/.test(n.actor))).toBe(true);
});

test('datasetCounts: the partners, without Afghanistan', () => {
  expect(datasetCounts(dataset).countries).toBe(dataset.countries.length - 1);
});

describe('sourceKindCounts', () => {
  const kinds = sourceKindCounts(dataset);

  test('lists every kind, in the order of the list', () => {
    expect(kinds.map((k) => k.kind)).toEqual([...SOURCE_KINDS]);
  });

  test('counts every source once', () => {
    expect(kinds.reduce((sum, k) => sum + k.count, 0)).toBe(dataset.sources.length);
  });

  test('counts from the data: one more wire source makes one more', () => {
    const wire = dataset.sources.find((s) => s.kind === 'wire')!;
    const more = { sources: [...dataset.sources, { ...wire, id: 'another' }] };
    const count = (d: typeof more) => sourceKindCounts(d).find((k) => k.kind === 'wire')!.count;
    expect(count(more)).toBe(count(dataset) + 1);
  });
});

describe('restingOnWeakOnly', () => {
  test('no record of the shipped data rests on weak sources alone', () => {
    expect(restingOnWeakOnly(dataset)).toEqual([]);
  });

  test('an event citing only a source of kind "other" is named', () => {
    const weak = dataset.sources.find((s) => s.kind === 'other')!;
    const event = { ...dataset.events[0]!, id: 'weak-only', cites: [{ source: weak.id }] };
    expect(restingOnWeakOnly({ ...dataset, events: [...dataset.events, event] })).toEqual([
      'weak-only',
    ]);
  });
});

describe('correctionsLog', () => {
  const log = correctionsLog(dataset);

  test('newest edition first, the last being the one meta.json names', () => {
    expect(log.map((e) => e.edition)).toEqual(dataset.changelog.map((e) => e.edition).toReversed());
    expect(log[0]!.edition).toBe(dataset.meta.edition);
  });

  test.each([
    {
      entry: {
        edition: 3,
        date: '2027-01-05',
        summary: 'Two events.',
        events: { added: ['a', 'b'] },
      },
      expected: {
        edition: 3,
        date: '5 January 2027',
        summary: 'Two events.',
        changes: ['2 events added'],
      },
    },
    {
      entry: {
        edition: 4,
        date: '2027-02',
        summary: 'A correction.',
        events: { changed: ['a'] },
        sources: { added: ['s'], removed: ['t', 'u'] },
      },
      expected: {
        edition: 4,
        date: 'February 2027',
        summary: 'A correction.',
        changes: ['1 event changed', '1 source added, 2 removed'],
      },
    },
    {
      entry: { edition: 5, date: '2027-03-01', summary: 'Words only.' },
      expected: { edition: 5, date: '1 March 2027', summary: 'Words only.', changes: [] },
    },
  ])('edition $entry.edition in plain words', ({ entry, expected }) => {
    expect(correctionsLog({ changelog: [entry] })).toEqual([expected]);
  });

  test('without a date writer, every date is in English words (formatDate)', () => {
    expect(log.map((e) => e.date)).toEqual(
      dataset.changelog.toReversed().map((e) => formatDate(e.date)),
    );
    expect(correctionsLog(dataset, formatDate)).toEqual(log);
  });

  test.each([
    { date: '2027-01-05', written: '⟨2027-01-05⟩' },
    { date: '2027-02', written: '⟨2027-02⟩' },
    { date: '2027', written: '⟨2027⟩' },
  ])('a date writer writes $date as $written', ({ date, written }) => {
    const entry = { edition: 3, date, summary: 'Two events.', events: { added: ['a', 'b'] } };
    expect(correctionsLog({ changelog: [entry] }, (d) => `⟨${d}⟩`)).toEqual([
      { edition: 3, date: written, summary: 'Two events.', changes: ['2 events added'] },
    ]);
  });

  test('a date writer reaches every edition’s date, and nothing else', () => {
    const written = correctionsLog(dataset, (d) => `⟨${d}⟩`);
    expect(written.map((e) => e.date)).toEqual(
      dataset.changelog.toReversed().map((e) => `⟨${e.date}⟩`),
    );
    expect(written.map((r) => ({ ...r, date: '' }))).toEqual(log.map((r) => ({ ...r, date: '' })));
  });

  test("the December 2026 review's corrections are in it", () => {
    const review = log.find((e) => e.summary.startsWith('The December 2026 source review'));
    expect(review?.changes[0]).toMatch(/^\d+ events added, \d+ changed, \d+ removed$/);
  });
});

describe('data slots', () => {
  test.each([
    { text: 'No data at all.', pieces: [{ text: 'No data at all.', data: false }] },
    {
      text: `First in the data: ${dataSlot('Russia')}, 3 July 2025.`,
      pieces: [
        { text: 'First in the data: ', data: false },
        { text: 'Russia', data: true },
        { text: ', 3 July 2025.', data: false },
      ],
    },
    {
      // An Arabic message around two values, one at each end.
      text: `${dataSlot('Al Jazeera Net')}، «${dataSlot('The Taliban and the diplomatic siege')}»`,
      pieces: [
        { text: 'Al Jazeera Net', data: true },
        { text: '، «', data: false },
        { text: 'The Taliban and the diplomatic siege', data: true },
        { text: '»', data: false },
      ],
    },
    {
      text: `never raises a country above "${dataSlot('')}".`,
      pieces: [
        { text: 'never raises a country above "', data: false },
        { text: '".', data: false },
      ],
    },
    { text: '', pieces: [] },
  ])('slotPieces($text)', ({ text, pieces }) => {
    expect(slotPieces(text)).toEqual(pieces);
  });

  test('a value that holds a slot’s edge stays one slot', () => {
    expect(slotPieces(dataSlot(`a${dataSlot('b')}c`))).toEqual([{ text: 'abc', data: true }]);
  });
});

describe('edition words', () => {
  const meta = { title: 'Kabul Engagement Atlas', edition: 2, reviewedThrough: '2026-06-23' };

  test('editionWords', () => {
    expect(editionWords(meta)).toBe('edition 2, data reviewed through 23 June 2026');
  });

  test.each([
    {
      address: 'https://example.org/atlas/',
      expected:
        'Kabul Engagement Atlas, edition 2, data reviewed through 23 June 2026. https://example.org/atlas/',
    },
    {
      address: '',
      expected: 'Kabul Engagement Atlas, edition 2, data reviewed through 23 June 2026.',
    },
  ])('citationText with "$address"', ({ address, expected }) => {
    expect(citationText(meta, address)).toBe(expected);
  });
});
