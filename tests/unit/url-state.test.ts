import { describe, expect, test } from 'vitest';
import { formatUrlState, parseUrlState } from '../../src/lib/url-state.ts';

const range = { start: '2021-08-15', end: '2026-06-23' };

describe('parseUrlState: date', () => {
  test.each([
    ['', null],
    ['?date=2025-07-03', '2025-07-03'],
    ['?date=2021-08-15', '2021-08-15'],
    ['?date=2026-06-23', '2026-06-23'],
    ['?date=2025-02-30', null],
    ['?date=2025-7-3', null],
    ['?date=2020-01-01', null],
    ['?date=2030-01-01', null],
    ['?date=<script>alert(1)</script>', null],
    ['?date=', null],
  ])('%s → %s', (search, expected) => {
    expect(parseUrlState(search, range).state.date).toBe(expected);
  });

  test.each([
    ['?date=2025-02-30', 'not a calendar date'],
    ['?date=2020-01-01', 'outside 2021-08-15 to 2026-06-23'],
    ['?date=garbage', 'not a calendar date'],
  ])('%s gives a notice saying %s', (search, words) => {
    expect(parseUrlState(search, range).notices.join(' ')).toContain(words);
  });

  test('a good URL gives no notice', () => {
    expect(parseUrlState('?date=2024-01-30', range).notices).toEqual([]);
  });

  test('a notice quotes a long value cut short', () => {
    const notice = parseUrlState(`?date=${'9'.repeat(500)}`, range).notices[0] ?? '';
    expect(notice.length).toBeLessThan(160);
  });
});

describe('formatUrlState', () => {
  test.each([
    [{ date: null }, ''],
    [{ date: '2025-07-03' }, '?date=2025-07-03'],
  ])('%o → %s', (state, expected) => {
    expect(formatUrlState(state)).toBe(expected);
  });

  test('round-trips through parse', () => {
    const state = { date: '2024-09-01' };
    expect(parseUrlState(formatUrlState(state), range).state).toEqual(state);
  });
});
