import { describe, expect, test } from 'vitest';
import { count } from '../../bench/markdown.ts';
import {
  judgeScale,
  scaleFiguresOf,
  scaleSection,
  scaleSummaryLines,
  type ScaleApp,
  type ScaleRun,
} from '../../bench/scale-report.ts';
import { timeValidation } from '../../bench/scale.ts';

function run(
  app: ScaleApp,
  i: number,
  firstRender: number,
  extra: Partial<ScaleRun> = {},
): ScaleRun {
  return {
    app,
    run: i,
    firstRender,
    dateNextFrame: [8, 9, 10],
    selectNextFrame: [12, 13, 14],
    domNodes: app === 'scale' ? 2000 : 1200,
    domNodesSelected: app === 'scale' ? 2300 : 1400,
    timelineMarks: app === 'scale' ? 120 : 60,
    ...extra,
  };
}

const RUNS = [
  run('shipped', 0, 1000),
  run('scale', 0, 1080),
  run('scale', 1, 1100),
  run('shipped', 1, 1000),
];
const VALIDATION = [420, 400, 410];

describe('scaleFiguresOf', () => {
  const f = scaleFiguresOf(RUNS, VALIDATION);

  test('counts runs per build', () => {
    expect(f.runs).toBe(2);
  });

  test('summarises each build apart', () => {
    expect([f.firstRender.shipped.median, f.firstRender.scale.median]).toEqual([1000, 1090]);
  });

  test('pools every change of every run', () => {
    expect(f.dateNextFrame.scale.n).toBe(6);
  });

  test('summarises the validation times', () => {
    expect(f.validation.median).toBe(410);
  });
});

describe('judgeScale', () => {
  const verdicts = (runs: ScaleRun[], validation: number[]) =>
    Object.fromEntries(
      judgeScale(scaleFiguresOf(runs, validation)).map((j) => [j.target.id, j.verdict.status]),
    );

  test.each([
    ['a render within 1.10x of the shipped one', RUNS, 'scale-render', 'met'],
    [
      'a render 1.31x the shipped one',
      [run('shipped', 0, 1000), run('scale', 0, 1310)],
      'scale-render',
      'missed',
    ],
    [
      'an 83 ms date step',
      [run('shipped', 0, 1000), run('scale', 0, 1000, { dateNextFrame: [83] })],
      'scale-date',
      'missed',
    ],
    ['date steps within 16 ms', RUNS, 'scale-date', 'met'],
    ['selections within 16 ms', RUNS, 'scale-select', 'met'],
  ])('judges %s', (_, runs, id, status) => {
    expect(verdicts(runs, VALIDATION)[id]).toBe(status);
  });

  test.each([
    [[900, 950], 'met'],
    [[1200, 1100], 'missed'],
    [[], 'unmeasured'],
  ])('judges validation times %j as %s against 1 s', (times, status) => {
    expect(verdicts(RUNS, times)['scale-validation']).toBe(status);
  });
});

describe('scaleSection', () => {
  const text = scaleSection(scaleFiguresOf(RUNS, VALIDATION)).join('\n');

  test('heads the section', () => {
    expect(text).toContain('## At scale: 200 countries, 5,000 events');
  });

  test('gives the render ratio against the shipped app', () => {
    expect(text).toMatch(
      /\| First complete render, 200 countries ÷ shipped +\| +≤ 1\.10x \| +1\.09x \|/,
    );
  });

  test('reports DOM elements and timeline marks for both builds', () => {
    expect(text).toMatch(
      /\| DOM elements after the first render +\| +1,200 \| +2,000 \| +1\.67x \|/,
    );
    expect(text).toMatch(/\| timeline marks +\| +60 \| +120 \|/);
  });

  test('explains a miss', () => {
    const missed = scaleSection(scaleFiguresOf(RUNS, [1500])).join('\n');
    expect(missed).toContain('- **Validation of the 200-country dataset**: 1.50 s, over by');
  });

  test('explains nothing when every target is met', () => {
    expect(text).not.toContain('*To close it:*');
  });
});

test('scaleSummaryLines gives one line per target', () => {
  expect(scaleSummaryLines(scaleFiguresOf(RUNS, VALIDATION))).toHaveLength(4);
});

test.each([
  [7295, '7,295'],
  [42.4, '42'],
  [Number.NaN, '–'],
])('count(%d) is %s', (value, text) => {
  expect(count(value)).toBe(text);
});

test('timeValidation times each run after an untimed one', () => {
  let calls = 0;
  const times = timeValidation(() => calls++, 3);
  expect([calls, times.length]).toEqual([4, 3]);
});
