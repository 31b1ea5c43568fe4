import { describe, expect, test } from 'vitest';
import { kb, ms, range, table, times } from '../../bench/markdown.ts';

describe('table', () => {
  test('pads the columns and aligns them as asked', () => {
    expect(table(['page', 'ms'], [['app', '812']], ['left', 'right'])).toBe(
      ['| page |  ms |', '| ---- | --: |', '| app  | 812 |'].join('\n'),
    );
  });

  test('escapes pipes and flattens line breaks in cells', () => {
    expect(table(['a'], [['x|y\nz']])).toContain('| x\\|y z |');
  });

  test('fills missing cells with nothing', () => {
    expect(table(['a', 'b'], [['1']]).split('\n')[2]).toBe('| 1   |     |');
  });
});

describe('number formats', () => {
  test.each([
    [3.21, '3.2 ms'],
    [812.4, '812 ms'],
    [1460, '1.46 s'],
    [Number.NaN, '–'],
  ])('ms(%d) is %s', (value, text) => {
    expect(ms(value)).toBe(text);
  });

  test.each([
    [38_412, '38.4 KB'],
    [Number.NaN, '–'],
  ])('kb(%d) is %s (1 KB = 1000 bytes)', (value, text) => {
    expect(kb(value)).toBe(text);
  });

  test('times writes a ratio with two decimals', () => {
    expect(times(1.0449)).toBe('1.04x');
  });
});

describe('range', () => {
  test.each([
    [{ median: 812, min: 790, max: 901, n: 7 }, '812 ms (790 ms–901 ms)'],
    [{ median: 812, min: 812, max: 812, n: 1 }, '812 ms'],
    [{ median: Number.NaN, min: Number.NaN, max: Number.NaN, n: 0 }, '–'],
  ])('%j is “%s”', (summary, text) => {
    expect(range(summary, ms)).toBe(text);
  });
});
