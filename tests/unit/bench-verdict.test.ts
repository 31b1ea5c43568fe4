import { describe, expect, test } from 'vitest';
import { judge, marginText, type Comparison } from '../../bench/verdict.ts';

describe('judge', () => {
  test.each<[number, number, Comparison, string]>([
    [1.04, 1.05, 'at-most', 'met'],
    [1.05, 1.05, 'at-most', 'met'],
    [1.06, 1.05, 'at-most', 'missed'],
    [0.99, 1, 'below', 'met'],
    [1, 1, 'below', 'missed'],
    [100, 100, 'at-least', 'met'],
    [94, 95, 'at-least', 'missed'],
  ])('%d against %d (%s) is %s', (value, limit, comparison, status) => {
    expect(judge(value, limit, comparison).status).toBe(status);
  });

  test.each([[null], [Number.NaN]])('a missing value (%s) is unmeasured, not met', (value) => {
    expect(judge(value, 16, 'at-most').status).toBe('unmeasured');
  });

  test('gives the difference and the relative margin', () => {
    const verdict = judge(72, 60, 'at-most');
    expect(verdict.difference).toBe(12);
    expect(verdict.relative).toBeCloseTo(0.2, 9);
  });
});

describe('marginText', () => {
  const unit = (v: number) => `${v} ms`;
  test.each<[number, number, Comparison, string]>([
    [20, 16, 'at-most', 'over by 4 ms (25 %)'],
    [12, 16, 'at-most', '4 ms to spare (25 %)'],
    [90, 100, 'at-least', 'short by 10 ms (10 %)'],
    [16, 16, 'at-most', 'exactly at the limit'],
  ])('%d against %d (%s): “%s”', (value, limit, comparison, text) => {
    expect(marginText(judge(value, limit, comparison), unit)).toBe(text);
  });

  test('says when nothing was measured', () => {
    expect(marginText(judge(null, 16, 'at-most'), unit)).toBe('not measured');
  });
});
