import { describe, expect, test } from 'vitest';
import {
  addDays,
  daysBetween,
  firstDayOf,
  formatDate,
  isRealDate,
  precisionOf,
} from '../../src/lib/dates.ts';

describe('isRealDate', () => {
  test.each([
    ['2025', true],
    ['2025-04', true],
    ['2025-04-17', true],
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2023-02-30', false],
    ['2025-13', false],
    ['2025-00-10', false],
    ['2025-04-31', false],
    ['2025-04-00', false],
    ['25-04-17', false],
    ['2025-4-17', false],
    ['yesterday', false],
    ['', false],
  ])('%s → %s', (date, expected) => {
    expect(isRealDate(date)).toBe(expected);
  });
});

describe('firstDayOf', () => {
  test.each([
    ['2023', '2023-01-01'],
    ['2021-10', '2021-10-01'],
    ['2025-07-03', '2025-07-03'],
  ])('%s → %s', (date, expected) => {
    expect(firstDayOf(date)).toBe(expected);
  });
});

describe('precisionOf', () => {
  test.each([
    ['2023', 'year'],
    ['2021-10', 'month'],
    ['2025-07-03', 'day'],
  ] as const)('%s → %s', (date, expected) => {
    expect(precisionOf(date)).toBe(expected);
  });
});

describe('formatDate', () => {
  test.each([
    ['2025-04-17', '17 April 2025'],
    ['2021-08-15', '15 August 2021'],
    ['2021-10', 'October 2021'],
    ['2023', '2023'],
  ])('%s → %s', (date, expected) => {
    expect(formatDate(date)).toBe(expected);
  });
});

describe('day arithmetic', () => {
  test.each([
    ['2021-08-15', '2021-08-16', 1],
    ['2024-02-28', '2024-03-01', 2],
    ['2025-07-03', '2025-07-03', 0],
    ['2025-12-31', '2026-01-01', 1],
  ])('from %s to %s is %i days', (a, b, n) => {
    expect(daysBetween(a, b)).toBe(n);
  });

  test.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2025-03-01', -1, '2025-02-28'],
  ])('%s plus %i is %s', (day, n, expected) => {
    expect(addDays(day, n)).toBe(expected);
  });
});
