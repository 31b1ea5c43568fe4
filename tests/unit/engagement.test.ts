import { describe, expect, test } from 'vitest';
import {
  engagementIndex,
  latestEventDay,
  levelOn,
  levelsOn,
  tensionOn,
} from '../../src/lib/engagement.ts';
import { minimalDataset } from './helpers.ts';

const dataset = minimalDataset();
const index = engagementIndex(dataset);

describe('levelOn', () => {
  test.each([
    // Before any event: no data, never guessed.
    ['CHN', '2021-08-15', null, null],
    // A month-precise event counts from the first of the month.
    ['CHN', '2022-02-28', null, null],
    ['CHN', '2022-03-01', 'embassy', '2022-03'],
    ['CHN', '2023-11-30', 'embassy', '2022-03'],
    ['CHN', '2023-12-01', 'ambassador', '2023-12-01'],
    ['RUS', '2022-04-05', null, null],
    ['RUS', '2022-04-06', 'embassy', '2022-04-06'],
    ['RUS', '2025-07-02', 'ambassador', '2025-06-03'],
    ['RUS', '2025-07-03', 'recognition', '2025-07-03'],
    ['RUS', '2026-11-24', 'recognition', '2025-07-03'],
    // A group's event applies to its members…
    ['USA', '2021-08-15', 'isolating', '2021-08-15'],
    ['NOR', '2024-12-31', 'isolating', '2021-08-15'],
    // …until the member's own later event.
    ['NOR', '2025-01-31', 'engaged', '2025-01-31'],
    ['AFG', '2026-01-01', null, null],
  ])('%s on %s is %s (since %s)', (country, day, level, since) => {
    const state = levelOn(index, country, day);
    expect(state?.level ?? null).toBe(level);
    expect(state?.since ?? null).toBe(since);
  });

  test('follows the claim a disagreement names, not the overruled one', () => {
    // The article says April 2025; the map follows the report of 3 June 2025.
    expect(levelOn(index, 'RUS', '2025-05-15')?.level).toBe('embassy');
  });

  test('names the event that set the level', () => {
    expect(levelOn(index, 'RUS', '2025-08-01')?.event.id).toBe('rus-recognition');
  });

  test('a member’s own event outranks its group’s on the same day', () => {
    const sameDay = engagementIndex({
      ...dataset,
      events: [
        ...dataset.events,
        {
          id: 'nor-own',
          actor: 'NOR',
          date: '2021-08-15',
          summary: 'x',
          level: 'engaged',
          cites: [{ source: 'wire' }],
        },
      ].reverse(),
    });
    expect(levelOn(sameDay, 'NOR', '2021-08-15')?.level).toBe('engaged');
  });
});

describe('an event with a `from` day', () => {
  const withFrom = engagementIndex({
    ...dataset,
    events: [
      ...dataset.events,
      {
        id: 'pak-article',
        actor: 'PAK',
        date: '2025',
        from: '2025-05-30',
        summary: 'x',
        level: 'ambassador',
        cites: [{ source: 'article' }],
      },
    ],
  });

  test.each([
    ['2025-05-29', 'embassy'],
    ['2025-05-30', 'ambassador'],
  ])('counts from that day, not the first of its year: %s → %s', (day, level) => {
    expect(levelOn(withFrom, 'PAK', day)?.level).toBe(level);
  });

  test('still reports the date as the source gives it', () => {
    expect(levelOn(withFrom, 'PAK', '2025-06-01')?.since).toBe('2025');
  });
});

describe('tensionOn', () => {
  test.each([
    ['2025-10-10', null],
    ['2025-10-11', 'conflict'],
    ['2025-10-18', 'conflict'],
    ['2025-10-19', 'tension'],
    ['2025-12-31', 'tension'],
    ['2026-01-01', null],
  ])('Pakistan on %s: %s', (day, expected) => {
    expect(tensionOn(index, 'PAK', day)?.tension ?? null).toBe(expected);
  });

  test('leaves the level alone', () => {
    expect(levelOn(index, 'PAK', '2025-10-12')?.level).toBe('embassy');
  });
});

describe('levelsOn', () => {
  test('colours every country with data on a day and no other', () => {
    expect([...levelsOn(index, '2022-03-15').keys()].sort()).toEqual(['CHN', 'NOR', 'PAK', 'USA']);
  });
});

describe('latestEventDay', () => {
  test('is the first day of the latest event', () => {
    expect(latestEventDay(dataset.events)).toBe('2026-01-01');
  });

  test('is null for no events', () => {
    expect(latestEventDay([])).toBeNull();
  });
});
