import { describe, expect, test } from 'vitest';
import { byZoom, countryFillColor, levelsByRank } from '../../src/lib/style.ts';
import { minimalDataset } from './helpers.ts';

const { levels } = minimalDataset();

describe('countryFillColor', () => {
  test('gives Afghanistan the focus colour before any level', () => {
    expect(countryFillColor(levels).slice(0, 3)).toEqual([
      'case',
      ['==', ['get', 'id'], 'AFG'],
      '#2b2b2b',
    ]);
  });

  test('maps each level id to its colour, in data order', () => {
    const match = countryFillColor(levels)[3] as unknown[];
    expect(match.slice(2, -1)).toEqual(levels.levels.flatMap((l) => [l.id, l.color]));
  });

  test('falls back to the no-data colour', () => {
    const match = countryFillColor(levels)[3] as unknown[];
    expect(match.at(-1)).toBe('#e9e6e1');
  });
});

describe('levelsByRank', () => {
  test('lists from the closest to the most distant', () => {
    expect(levelsByRank(levels).map((l) => l.id)).toEqual([
      'recognition',
      'ambassador',
      'embassy',
      'engaged',
      'isolating',
    ]);
  });
});

describe('byZoom', () => {
  const stops = [
    [1, 10],
    [4, 13],
    [6, 15],
  ] as const;
  test.each([
    ['before the first stop, the first value', 0, 10],
    ['on a stop, its value', 4, 13],
    ['between two stops, on the line between them', 2.5, 11.5],
    ['between the last two stops', 5, 14],
    ['after the last stop, the last value', 9, 15],
  ])('%s', (_name, zoom, value) => {
    expect(byZoom(zoom, stops)).toBeCloseTo(value, 9);
  });
});
