import { describe, expect, test } from 'vitest';
import {
  blockingTime,
  countLongTasks,
  frameIntervals,
  longestTask,
  median,
  percentile,
  ratio,
  summarize,
} from '../../bench/stats.ts';

const TASKS = [
  { startTime: 100, duration: 120 },
  { startTime: 400, duration: 50 },
  { startTime: 900, duration: 60 },
  { startTime: 2000, duration: 300 },
];

describe('median', () => {
  test.each([
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[7], 7],
  ])('of %j is %d', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  test('of nothing is NaN', () => {
    expect(median([])).toBeNaN();
  });
});

describe('percentile', () => {
  test.each([
    [0, 10],
    [50, 30],
    [95, 48],
    [100, 50],
    [25, 20],
  ])('p%d of 10…50 is %d', (p, expected) => {
    expect(percentile([50, 10, 40, 20, 30], p)).toBeCloseTo(expected, 9);
  });
});

describe('summarize', () => {
  test('gives median, min, max and count', () => {
    expect(summarize([5, 1, 9])).toEqual({ median: 5, min: 1, max: 9, n: 3 });
  });

  test('leaves out failed measurements (NaN)', () => {
    expect(summarize([5, Number.NaN, 7])).toEqual({ median: 6, min: 5, max: 7, n: 2 });
  });

  test('of no valid value has n 0', () => {
    expect(summarize([Number.NaN]).n).toBe(0);
  });
});

describe('blockingTime', () => {
  test.each([
    [Number.POSITIVE_INFINITY, 70 + 0 + 10 + 250],
    [1000, 70 + 10],
    [100, 0],
  ])('up to %d ms counts each task’s time beyond 50 ms: %d', (until, expected) => {
    expect(blockingTime(TASKS, until)).toBe(expected);
  });

  test('counts only tasks starting at or after `from`', () => {
    expect(blockingTime(TASKS, Number.POSITIVE_INFINITY, 500)).toBe(10 + 250);
  });
});

describe('longest and counted long tasks', () => {
  test.each([
    [0, Number.POSITIVE_INFINITY, 300],
    [0, 1000, 120],
    [300, 1000, 60],
    [3000, 4000, 0],
  ])('the longest task starting in [%d, %d) is %d ms', (from, until, expected) => {
    expect(longestTask(TASKS, from, until)).toBe(expected);
  });

  test('a task of exactly 50 ms is not a long one', () => {
    expect(countLongTasks(TASKS)).toBe(3);
  });
});

describe('frameIntervals', () => {
  test('are the differences between successive timestamps', () => {
    expect(frameIntervals([0, 16, 33, 60])).toEqual([16, 17, 27]);
  });

  test('of a single frame are none', () => {
    expect(frameIntervals([5])).toEqual([]);
  });
});

describe('ratio', () => {
  test.each([
    [3, 2, 1.5],
    [1, 0, Number.NaN],
    [Number.NaN, 2, Number.NaN],
  ])('%d ÷ %d is %d', (a, b, expected) => {
    expect(ratio(a, b)).toEqual(expected);
  });
});
