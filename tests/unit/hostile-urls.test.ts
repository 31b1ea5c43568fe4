import { describe, expect, test } from 'vitest';
import {
  HOSTILE_URLS,
  TOLERATED_URLS,
  shippedUrlContext,
  type UrlCategory,
} from '../fixtures/hostile-urls.ts';
import { DEFAULT_URL_STATE, formatUrlState, parseUrlState } from '../../src/lib/url-state.ts';

const context = shippedUrlContext();
const parse = (search: string) => parseUrlState(search, context);

/** A search string short enough to name a test. */
const label = (search: string) => (search.length > 60 ? `${search.slice(0, 57)}…` : search);
const cases = HOSTILE_URLS.map((c) => ({ ...c, label: label(c.search) }));

/** What a notice says outside its quoted excerpts (`“…”`, at most 40 characters each). */
const unquoted = (notice: string) => notice.replace(/“[^“”]{0,40}”/g, '“”');

describe('the hostile URLs', () => {
  test('are at least 50, each a different URL', () => {
    expect(new Set(HOSTILE_URLS.map((c) => c.search)).size).toBe(HOSTILE_URLS.length);
    expect(HOSTILE_URLS.length).toBeGreaterThanOrEqual(50);
  });

  test.each<UrlCategory>([
    'date',
    'country',
    'scene',
    'mode, view, autoplay',
    'motives, levels',
    'camera',
    'keys',
    'injection',
  ])('cover %s with at least five', (category) => {
    expect(HOSTILE_URLS.filter((c) => c.category === category).length).toBeGreaterThan(4);
  });
});

describe.each(cases)('$label', ({ search, state, notice }) => {
  test('falls back to a safe state: defaults where the URL was bad', () => {
    expect(parse(search).state).toEqual({ ...DEFAULT_URL_STATE, ...state });
  });

  test('says why in a notice', () => {
    expect(parse(search).notices).toContainEqual(expect.stringMatching(notice));
  });

  test('notices stay short, quote at most a short excerpt, and carry no control characters', () => {
    for (const line of parse(search).notices) {
      expect(line.length).toBeLessThanOrEqual(300);
      expect(unquoted(line)).not.toMatch(/[<>]/);
      // eslint-disable-next-line no-control-regex -- looking for control characters is the point
      expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    }
  });

  test('the URL the app writes back reads without a notice', () => {
    const written = formatUrlState(parse(search).state);
    expect(parse(written).notices).toEqual([]);
  });
});

describe('URLs that are merely untidy', () => {
  test.each(TOLERATED_URLS)('$search is read as meant, without a notice', ({ search, state }) => {
    expect(parse(search)).toEqual({ state: { ...DEFAULT_URL_STATE, ...state }, notices: [] });
  });
});
