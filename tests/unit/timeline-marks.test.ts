/**
 * The timeline's marks (src/lib/timeline.ts): ticks gathered where they crowd closer than a
 * pointer can aim, left as they are where they stand apart.
 */
import { describe, expect, test } from 'vitest';
import { scaleDatasetTexts } from '../../bench/scale-data.ts';
import type { Dataset } from '../../src/lib/schema.ts';
import {
  MARK_GAP_PX,
  markHeight,
  markName,
  type MarkWords,
  markStep,
  markSummary,
  timelineMarks,
  timelineTicks,
  type TimelineTick,
} from '../../src/lib/timeline.ts';
import { validateDataset } from '../../src/lib/validate.ts';
import { shipped } from './helpers.ts';

const ticksOf = (d: Dataset) =>
  timelineTicks(d.events, d.meta.start, d.meta.reviewedThrough, {
    levels: d.levels.levels,
    disagreements: d.disagreements,
  });
const { dataset } = shipped();
const scaleResult = validateDataset(scaleDatasetTexts());
const scale = scaleResult.ok ? scaleResult.dataset : (undefined as never);
/** The timeline's track at 1280 px wide, and on a 390 px phone. */
const DESKTOP_PX = 850;
const PHONE_PX = 330;

function tick(day: string, position: number, extra: Partial<TimelineTick> = {}): TimelineTick {
  return {
    day,
    position,
    actor: 'PAK',
    actors: ['PAK'],
    summary: `${day}: something`,
    events: [{ id: day, actor: 'PAK', date: day, summary: 'x', cites: [{ source: 's' }] }],
    ...extra,
  };
}
const LEVELS = [
  { id: 'engaged', rank: 2 },
  { id: 'embassy', rank: 3 },
];

describe('timelineMarks on the shipped data', () => {
  const ticks = ticksOf(dataset);
  const marks = timelineMarks(ticks, DESKTOP_PX, MARK_GAP_PX.mouse, dataset.levels.levels);

  test('keeps most days as ticks of their own: the timeline looks as before', () => {
    const single = marks.filter((m) => m.ticks.length === 1).length;
    expect(single).toBeGreaterThan(ticks.length / 3);
    expect(marks.length).toBeGreaterThan(30);
  });

  test('leaves a lone day where its tick always stood', () => {
    for (const m of marks.filter((m) => m.ticks.length === 1))
      expect(m.position).toBe(m.ticks[0]!.position);
  });

  test('loses no day and no event', () => {
    expect(marks.flatMap((m) => m.ticks)).toEqual(ticks);
    expect(marks.reduce((a, m) => a + m.events, 0)).toBe(dataset.events.length);
  });
});

describe('timelineMarks at 200 countries', () => {
  const ticks = ticksOf(scale);

  test.each([
    ['a mouse', DESKTOP_PX, MARK_GAP_PX.mouse],
    ['a finger', PHONE_PX, MARK_GAP_PX.touch],
  ])('gives %s no more marks than the track has aimable widths', (_, px, gap) => {
    expect(ticks.length).toBeGreaterThan(1000);
    expect(timelineMarks(ticks, px, gap).length).toBeLessThanOrEqual(Math.floor(px / gap));
  });

  test('puts gathered marks at least one aimable width apart', () => {
    const marks = timelineMarks(ticks, DESKTOP_PX, MARK_GAP_PX.mouse);
    const gaps = marks.slice(1).map((m, i) => (m.position - marks[i]!.position) * DESKTOP_PX);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(MARK_GAP_PX.mouse - 1e-9);
  });
});

describe('timelineMarks', () => {
  test('gathers days in one bin, in the middle of the bin', () => {
    const [mark] = timelineMarks([tick('a', 0.01), tick('b', 0.02), tick('c', 0.03)], 100, 10);
    expect(mark).toMatchObject({ events: 3, position: 0.05 });
  });

  test.each([
    ['the level most days bring', ['engaged', 'engaged', 'embassy'], { level: 'engaged' }],
    ['the closer level on a tie', ['engaged', 'embassy'], { level: 'embassy' }],
    ['tension over a level on a tie', ['engaged', 'tension'], { tension: 'tension' }],
    ['no lone conflict among levels', ['engaged', 'engaged', 'conflict'], { level: 'engaged' }],
    ['nothing where no day brings a change', [undefined, undefined], {}],
  ])('colours a gathered mark by %s', (_, changes, expected) => {
    const ticks = changes.map((c, i) =>
      tick(
        `d${i}`,
        0.01 * (i + 1),
        c === 'tension' || c === 'conflict' ? { tension: c } : c ? { level: c } : {},
      ),
    );
    const [mark] = timelineMarks(ticks, 100, 10, LEVELS);
    expect({ level: mark!.level, tension: mark!.tension }).toEqual({
      level: undefined,
      tension: undefined,
      ...expected,
    });
  });

  test('keeps days in different bins apart', () => {
    expect(timelineMarks([tick('a', 0.05), tick('b', 0.15)], 100, 10)).toHaveLength(2);
  });
});

test.each([
  [1, 80, 10],
  [40, 80, 16],
  [80, 80, 22],
  [2, 3, 13],
  [8, 8, 22],
])('markHeight(%i events, busiest %i) is %i px', (events, most, px) => {
  expect(markHeight(events, most)).toBe(px);
});

describe('markName and markSummary', () => {
  const [one] = timelineMarks([tick('2024-03-03', 0.5)], 100, 10);
  const [many] = timelineMarks(
    ['2024-03-03', '2024-03-04', '2024-03-05', '2024-03-06', '2024-03-07', '2024-03-08'].map(
      (d, i) => tick(d, 0.5 + i * 0.001),
    ),
    100,
    10,
  );

  test.each([
    ['one day', () => markName(one!), '3 March 2024, 1 event'],
    ['several days', () => markName(many!), '3 March 2024 to 8 March 2024: 6 events on 6 days'],
  ])('names %s', (_, name, expected) => {
    expect(name()).toBe(expected);
  });

  // Another edition's words (src/i18n/shell.ts gives the messages'): every part goes through them.
  const words: MarkWords = {
    date: (d) => `[${d}]`,
    events: (n) => `${n}e`,
    oneDay: (date, events) => `${date}·${events}`,
    span: (from, to, events, days) => `${from}→${to}·${events}·${days}d`,
    more: (n) => `+${n}`,
    eventLine: (date, summary) => `${date} ${summary}`,
  };
  test.each([
    ['one day', () => markName(one!, words), '[2024-03-03]·1e'],
    ['several days', () => markName(many!, words), '[2024-03-03]→[2024-03-08]·6e·6d'],
    ['a crowded tip’s last line', () => markSummary(many!, 4, words).split('\n').at(-1), '+2'],
  ])('writes %s in the words it is given', (_, name, expected) => {
    expect(name()).toBe(expected);
  });

  test('a lone day’s tip is its summary', () => {
    expect(markSummary(one!)).toBe('2024-03-03: something');
  });

  test('a crowded tip shows the first events and says how many more', () => {
    const lines = markSummary(many!, 4).split('\n');
    expect(lines).toHaveLength(6);
    expect(lines.at(-1)).toMatch(/^…and 2 more/);
  });
});

describe('markStep', () => {
  const marks = [{ ticks: [tick('a', 0), tick('b', 0)] }, { ticks: [tick('c', 0.5)] }];
  test.each([
    ['ArrowRight', { mark: 0, day: 0 }, { mark: 0, day: 1 }],
    ['ArrowRight', { mark: 0, day: 1 }, { mark: 1, day: 0 }],
    ['ArrowRight', { mark: 1, day: 0 }, { mark: 1, day: 0 }],
    ['ArrowLeft', { mark: 1, day: 0 }, { mark: 0, day: 1 }],
    ['ArrowLeft', { mark: 0, day: 0 }, { mark: 0, day: 0 }],
    ['Home', { mark: 1, day: 0 }, { mark: 0, day: 0 }],
    ['End', { mark: 0, day: 0 }, { mark: 1, day: 0 }],
    ['Enter', { mark: 0, day: 0 }, null],
  ])('%s from %j goes to %j', (key, at, to) => {
    expect(markStep(marks, at, key)).toEqual(to);
  });
});
