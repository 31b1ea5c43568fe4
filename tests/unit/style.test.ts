import { describe, expect, test } from 'vitest';
import { countryFillColor, levelsByRank } from '../../src/lib/style.ts';
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
