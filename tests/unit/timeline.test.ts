import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { readDatasetFolder, REPO_ROOT, shippedGeometryIds } from '../../scripts/dataset-files.ts';
import type { EngagementEvent, Motive } from '../../src/lib/schema.ts';
import {
  addMonths,
  articleDate,
  clampDay,
  dayAt,
  playFrom,
  playStep,
  positionOf,
  timelineKeyDay,
  timelineTicks,
  yearMarks,
} from '../../src/lib/timeline.ts';
import { formatProblem, validateDataset } from '../../src/lib/validate.ts';
import { minimalDataset } from './helpers.ts';

const START = '2021-08-15';
const END = '2026-06-23';
// A 20-day span keeps positions exact: each day is 1/20 = 0.05 of the track.
const S = '2021-08-15';
const E = '2021-09-04';

function event(
  id: string,
  actor: string,
  date: string,
  extra: Partial<EngagementEvent> = {},
): EngagementEvent {
  return { id, actor, date, summary: `${id} happens.`, cites: [{ source: 'wire' }], ...extra };
}

describe('positionOf', () => {
  test.each([
    [S, 0],
    ['2021-08-20', 0.25],
    ['2021-08-25', 0.5],
    [E, 1],
    // Outside the range: clamped to the ends.
    ['2021-01-01', 0],
    ['2022-01-01', 1],
  ])('%s sits at %d', (day, expected) => {
    expect(positionOf(day, S, E)).toBeCloseTo(expected, 12);
  });

  test('is 0 for a range of one day', () => {
    expect(positionOf(S, S, S)).toBe(0);
  });
});

describe('dayAt', () => {
  test.each([
    [0, S],
    [0.25, '2021-08-20'],
    [0.5, '2021-08-25'],
    [1, E],
    // Between two days: the nearer one.
    [0.26, '2021-08-20'],
    [0.274, '2021-08-20'],
    [0.276, '2021-08-21'],
    // Outside 0..1 or not a number: clamped.
    [-0.5, S],
    [1.5, E],
    [Number.NaN, S],
  ])('position %d is %s', (position, expected) => {
    expect(dayAt(position, S, E)).toBe(expected);
  });

  test.each(['2021-08-15', '2022-02-28', '2024-02-29', '2025-05-30', '2026-06-23'])(
    'round-trips %s through positionOf over the full span',
    (day) => {
      expect(dayAt(positionOf(day, START, END), START, END)).toBe(day);
    },
  );
});

describe('clampDay', () => {
  test.each([
    ['2021-01-01', S],
    ['2021-08-20', '2021-08-20'],
    ['2030-01-01', E],
  ])('%s is kept as %s', (day, expected) => {
    expect(clampDay(day, S, E)).toBe(expected);
  });
});

describe('addMonths', () => {
  test.each([
    ['2024-01-15', 1, '2024-02-15'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-03-31', -1, '2024-02-29'],
    ['2021-12-10', 1, '2022-01-10'],
    ['2022-01-10', -1, '2021-12-10'],
    ['2022-05-31', 13, '2023-06-30'],
    ['2022-05-31', -24, '2020-05-31'],
  ])('%s plus %d months is %s', (day, n, expected) => {
    expect(addMonths(day, n)).toBe(expected);
  });
});

describe('timelineKeyDay', () => {
  test.each([
    ['ArrowRight', '2024-01-31', '2024-02-01'],
    ['ArrowUp', '2024-01-31', '2024-02-01'],
    ['ArrowLeft', '2024-03-01', '2024-02-29'],
    ['ArrowDown', '2024-03-01', '2024-02-29'],
    ['PageUp', '2024-01-31', '2024-02-29'],
    ['PageDown', '2024-03-31', '2024-02-29'],
    ['Home', '2024-03-31', START],
    ['End', '2024-03-31', END],
    // Never past the ends.
    ['ArrowLeft', START, START],
    ['ArrowRight', END, END],
    ['PageDown', '2021-09-01', START],
    ['PageUp', '2026-06-01', END],
  ])('%s from %s goes to %s', (key, day, expected) => {
    expect(timelineKeyDay(key, day, START, END)).toBe(expected);
  });

  test.each(['Enter', ' ', 'a', 'Tab'])('%j is not a timeline key', (key) => {
    expect(timelineKeyDay(key, '2024-01-31', START, END)).toBeNull();
  });
});

describe('yearMarks', () => {
  test('labels each 1 January within the range, from 2022 to 2026', () => {
    expect(yearMarks(START, END).map((m) => m.year)).toEqual([2022, 2023, 2024, 2025, 2026]);
  });

  test.each([
    [2022, 139 / 1773],
    [2026, 1600 / 1773],
  ])('places %d at its day along the track', (year, expected) => {
    const mark = yearMarks(START, END).find((m) => m.year === year);
    expect(mark?.position).toBeCloseTo(expected, 9);
  });

  test('includes a range that starts on 1 January', () => {
    expect(yearMarks('2022-01-01', '2022-06-01')).toEqual([{ year: 2022, position: 0 }]);
  });

  test('is empty for a range within one year after 1 January', () => {
    expect(yearMarks('2022-02-01', '2022-06-01')).toEqual([]);
  });
});

describe('playStep', () => {
  test.each([
    // From the first day, half the span's time goes half the way.
    [S, 0, S],
    [S, 4000, '2021-08-25'],
    // Whole days only: 1999 ms is 4.9975 days, still on day 4.
    [S, 1999, '2021-08-19'],
    [S, 2000, '2021-08-20'],
    [S, 8000, E],
    // Past the end: clamped to the end, which says the play is done.
    [S, 60_000, E],
    // From mid-way, the same speed: the rest takes the rest of the time.
    ['2021-08-25', 4000, E],
    ['2021-08-25', 2000, '2021-08-30'],
    // Negative time (a clock that went back) does not move backwards.
    ['2021-08-25', -500, '2021-08-25'],
  ])('from %s after %d ms: %s', (from, elapsed, expected) => {
    expect(playStep(from, S, E, elapsed, 8000)).toBe(expected);
  });

  test('covers the full dataset span in the given time', () => {
    expect(playStep(START, START, END, 8000, 8000)).toBe(END);
  });

  test('defaults to an 8-second play: half way after 4 seconds', () => {
    const day = playStep(START, START, END, 4000);
    expect(positionOf(day, START, END)).toBeCloseTo(0.5, 3);
  });
});

describe('playFrom', () => {
  test.each([
    ['2021-08-25', '2021-08-25'],
    [E, S],
    ['2030-01-01', S],
    ['2020-01-01', S],
  ])('a play on %s starts from %s', (day, expected) => {
    expect(playFrom(day, S, E)).toBe(expected);
  });
});

describe('timelineTicks', () => {
  const dataset = minimalDataset();
  const fixtureEnd = '2026-01-01';
  const ticks = timelineTicks(dataset.events, dataset.meta.start, fixtureEnd, {
    levels: dataset.levels.levels,
    disagreements: dataset.disagreements,
  });

  test('gives one tick per event day, in date order', () => {
    expect(ticks.map((t) => t.day)).toEqual([
      '2021-08-15',
      '2021-10-01',
      '2022-03-01',
      '2022-04-06',
      '2023-12-01',
      '2025-01-31',
      '2025-04-01',
      '2025-06-03',
      '2025-07-03',
      '2025-10-11',
      '2025-10-19',
      '2026-01-01',
    ]);
  });

  test.each([
    ['2021-08-15', 0],
    ['2026-01-01', 1],
  ])('places the tick of %s at %d', (day, position) => {
    expect(ticks.find((t) => t.day === day)?.position).toBe(position);
  });

  test.each([
    ['2021-08-15', 'west', 'isolating', undefined],
    ['2021-10-01', 'PAK', 'embassy', undefined],
    ['2025-07-03', 'RUS', 'recognition', undefined],
    ['2025-10-11', 'PAK', undefined, 'conflict'],
    ['2025-10-19', 'PAK', undefined, 'tension'],
    ['2026-01-01', 'PAK', undefined, 'none'],
  ])('the tick of %s is %s bringing level %s and tension %s', (day, actor, level, tension) => {
    const tick = ticks.find((t) => t.day === day);
    expect([tick?.actor, tick?.level, tick?.tension]).toEqual([actor, level, tension]);
  });

  test('a claim the map does not follow keeps its tick but brings no level', () => {
    const tick = ticks.find((t) => t.day === '2025-04-01');
    expect([tick?.events.map((e) => e.id), tick?.level]).toEqual([
      ['rus-ambassador-article'],
      undefined,
    ]);
  });

  test('summarises each event on its own line, with its date as the source gives it', () => {
    expect(ticks.find((t) => t.day === '2022-03-01')?.summary).toBe(
      'March 2022: China accepts Taliban diplomats.',
    );
  });

  test('leaves out events outside the range', () => {
    const inside = timelineTicks(dataset.events, '2022-01-01', '2024-12-31');
    expect(inside.map((t) => t.day)).toEqual(['2022-03-01', '2022-04-06', '2023-12-01']);
  });

  describe('on a day with several events', () => {
    const sameDay = [
      event('a-engaged', 'AAA', '2024-05-01', { level: 'engaged' }),
      event('b-ambassador', 'BBB', '2024-05', { level: 'ambassador' }),
      event('c-tension', 'CCC', '2024-05-01', { tension: 'tension' }),
      event('d-conflict', 'DDD', '2024-05-01', { tension: 'conflict' }),
      event('a-again', 'AAA', '2024-05-01'),
    ];
    const [tick] = timelineTicks(sameDay, START, END, { levels: minimalDataset().levels.levels });

    test('groups them into one tick', () => {
      expect(timelineTicks(sameDay, START, END)).toHaveLength(1);
    });

    test('lists each actor once, in data order', () => {
      expect(tick?.actors).toEqual(['AAA', 'BBB', 'CCC', 'DDD']);
    });

    test('brings the level closest to Kabul', () => {
      expect(tick?.level).toBe('ambassador');
    });

    test('brings conflict before tension', () => {
      expect(tick?.tension).toBe('conflict');
    });

    test('summarises every event, one per line', () => {
      expect(tick?.summary.split('\n')).toEqual([
        '1 May 2024: a-engaged happens.',
        'May 2024: b-ambassador happens.',
        '1 May 2024: c-tension happens.',
        '1 May 2024: d-conflict happens.',
        '1 May 2024: a-again happens.',
      ]);
    });

    test('without ranks, keeps the first level in data order', () => {
      expect(timelineTicks(sameDay, START, END)[0]?.level).toBe('engaged');
    });
  });
});

describe('articleDate', () => {
  const base = minimalDataset();
  const cite = (source: string) => [{ source }];
  const motive = (since: string, from?: string): Motive => ({
    id: 'm',
    actor: 'CHN',
    category: 'economic',
    summary: 'x',
    since,
    ...(from ? { from } : {}),
    cites: cite('article'),
  });

  test.each<[string, EngagementEvent[], Motive[], string | null]>([
    // The fixture: the latest day-precise event citing the article is China's, 1 December 2023;
    // its April 2025 claim is month-precise and says nothing about the day.
    ['the fixture', base.events, base.motives, '2023-12-01'],
    [
      'an undated claim counted from the article’s earliest day',
      [...base.events, event('x', 'PAK', '2025', { from: '2025-05-30', cites: cite('article') })],
      base.motives,
      '2025-05-30',
    ],
    ['a motive counted from a day', base.events, [motive('2025', '2025-05-29')], '2025-05-29'],
    ['a day-precise motive', base.events, [motive('2024-02-02')], '2024-02-02'],
    [
      'a later event from another source is ignored',
      [...base.events, event('y', 'PAK', '2026-01-01', { cites: cite('wire') })],
      base.motives,
      '2023-12-01',
    ],
    [
      'a year-precise event is ignored',
      [event('z', 'PAK', '2025', { cites: cite('article') })],
      [],
      null,
    ],
    ['nothing cites the article', [], [], null],
  ])('%s', (_, events, motives, expected) => {
    expect(articleDate({ meta: base.meta, events, motives })).toBe(expected);
  });

  test('is 30 May 2025 for the shipped data', () => {
    const result = validateDataset(readDatasetFolder(join(REPO_ROOT, 'data')), {
      geometryIds: shippedGeometryIds(),
    });
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    expect(articleDate(result.dataset)).toBe('2025-05-30');
  });
});
