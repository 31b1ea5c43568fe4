import { geoContains } from 'd3-geo';
import type { Polygon, MultiPolygon } from 'geojson';
import { describe, expect, test } from 'vitest';
import { frameOf, labelPoint } from '../../src/lib/countries.ts';

// A C-shaped country whose centroid falls in the bay, outside the land.
const cShape: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [0, 0],
      [0, 10],
      [10, 10],
      [10, 8],
      [2, 8],
      [2, 2],
      [10, 2],
      [10, 0],
      [0, 0],
    ],
  ],
};
// A mainland and a small island far away.
const withIsland: MultiPolygon = {
  type: 'MultiPolygon',
  coordinates: [
    [
      [
        [40, 40],
        [40, 41],
        [41, 41],
        [41, 40],
        [40, 40],
      ],
    ],
    [
      [
        [0, 0],
        [0, 10],
        [10, 10],
        [10, 0],
        [0, 0],
      ],
    ],
  ],
};

describe('labelPoint', () => {
  test('lies inside a concave country', () => {
    expect(geoContains(cShape, labelPoint(cShape))).toBe(true);
  });

  test('lies on the largest polygon, not a small island', () => {
    const [lon, lat] = labelPoint(withIsland);
    expect(lon).toBeCloseTo(5, 0);
    expect(lat).toBeCloseTo(5, 0);
  });

  test('is stable for the same input', () => {
    expect(labelPoint(cShape)).toEqual(labelPoint(cShape));
  });
});

describe('frameOf', () => {
  test('frames the largest polygon, not a far island', () => {
    expect(frameOf(withIsland)).toEqual([
      [0, 0],
      [10, 10],
    ]);
  });
});
