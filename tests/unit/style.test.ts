import { describe, expect, test } from 'vitest';
import {
  ARC_LINE,
  ARROWHEAD,
  BORDER_WIDTH,
  byZoom,
  countryFillColor,
  levelsByRank,
  tensionColor,
  zoomCurve,
} from '../../src/lib/style.ts';
import { minimalDataset, shipped as shippedAtlas } from './helpers.ts';

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

describe('the colour of tension and conflict', () => {
  const { dataset } = shippedAtlas();
  test.each(['tension', 'conflict'] as const)('%s is the dataset’s own', (state) => {
    const own = dataset.levels.tensions.find((t) => t.id === state)!.color;
    expect(tensionColor(dataset.levels, state)).toBe(own);
  });

  test('a dataset without one gets the atlas’s', () => {
    const levels = { ...dataset.levels, tensions: [] };
    expect(tensionColor(levels, 'conflict')).toMatch(/^#[0-9a-f]{6}$/);
  });
});

describe('one style for the map and the picture', () => {
  test('a zoom curve is MapLibre’s linear interpolation over the same stops', () => {
    expect(zoomCurve(BORDER_WIDTH)).toEqual(['interpolate', ['linear'], ['zoom'], 1, 0.5, 5, 1.4]);
  });

  test.each([
    [1, 0.5],
    [3, 0.95],
    [5, 1.4],
    [8, 1.4],
  ])('a border at zoom %d is %d px wide', (zoom, width) => {
    expect(byZoom(zoom, BORDER_WIDTH)).toBeCloseTo(width, 6);
  });

  test('the selected country’s arcs are thicker than the others at every stop', () => {
    const { normal, selected } = ARC_LINE.width;
    expect(normal.every(([zoom, w], i) => selected[i]![0] === zoom && selected[i]![1] > w)).toBe(
      true,
    );
  });

  test('the arrowhead’s shape fits its box', () => {
    const half = ARROWHEAD.box / 2;
    const inside = ARROWHEAD.shape.every(
      ([x, y]) =>
        Math.abs(x) + ARROWHEAD.edge / 2 <= half && Math.abs(y) + ARROWHEAD.edge / 2 <= half,
    );
    expect(inside).toBe(true);
  });
});
