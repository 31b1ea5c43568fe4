import { geoContains } from 'd3-geo';
import type { Polygon, MultiPolygon } from 'geojson';
import { describe, expect, test } from 'vitest';
import { labelPoint } from '../../geo/label-point.ts';
import type { Topology } from 'topojson-specification';
import { countryFrames, frameOf, labelPoints } from '../../src/lib/countries.ts';

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

/** A topology of countries without shapes: the functions below read only ids and properties. */
const shapeless = (properties: Record<string, Record<string, unknown>>) =>
  ({
    type: 'Topology',
    arcs: [],
    objects: {
      countries: {
        type: 'GeometryCollection',
        geometries: Object.entries(properties).map(([id, p]) => ({
          type: 'Polygon',
          id,
          arcs: [],
          properties: p,
        })),
      },
    },
  }) as unknown as Topology;

describe('labelPoints', () => {
  // Shapes are not read: only each country's id and stored label point.
  const topology = shapeless({
    AFG: { name: 'Afghanistan', label: [66.03, 33.83] },
    PAK: { name: 'Pakistan', label: [69.35, 29.97] },
    IRN: { name: 'Iran' },
    CHN: { name: 'China', label: [200, 35] },
    IND: { name: 'India', label: ['78', 22] },
  });
  const names = new Map([
    ['AFG', 'Afghanistan'],
    ['IRN', 'Iran'],
    ['CHN', 'China'],
    ['IND', 'India'],
  ]);
  const labelled = labelPoints(topology, names).features;

  test('writes each named country’s name at its stored point', () => {
    expect(labelled[0]).toEqual({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [66.03, 33.83] },
      properties: { id: 'AFG', name: 'Afghanistan' },
    });
  });

  test('names a country the dataset does not cover by the geometry’s name', () => {
    expect(labelled.find((f) => f.properties.id === 'PAK')?.properties.name).toBe('Pakistan');
  });

  test('prefers the dataset’s name to the geometry’s', () => {
    const renamed = labelPoints(topology, new Map([['AFG', 'Afghanistan (Islamic Emirate)']]));
    expect(renamed.features[0]?.properties.name).toBe('Afghanistan (Islamic Emirate)');
  });

  test.each([
    ['IRN', 'without a point'],
    ['CHN', 'with a point off the globe'],
    ['IND', 'with a point that is not two numbers'],
  ])('leaves out %s, %s', (id) => {
    expect(labelled.map((f) => f.properties.id)).not.toContain(id);
  });
});

describe('countryFrames', () => {
  const topology = shapeless({
    AFG: {
      frame: [
        [60.5, 29.38],
        [74.89, 38.47],
      ],
    },
    IRN: { name: 'Iran' },
    CHN: {
      frame: [
        [73, 18],
        [135, 95],
      ],
    },
    IND: { frame: [68, 8, 97, 35] },
    PAK: {
      frame: [
        ['60', 23],
        [77, 37],
      ],
    },
  });
  const frames = countryFrames(topology);

  test('reads a country’s stored frame', () => {
    expect(frames.get('AFG')).toEqual([
      [60.5, 29.38],
      [74.89, 38.47],
    ]);
  });

  test.each([
    ['IRN', 'without a frame'],
    ['CHN', 'with a corner off the globe'],
    ['IND', 'with four numbers rather than two corners'],
    ['PAK', 'with a corner that is not two numbers'],
  ])('leaves out %s, %s', (id) => {
    expect(frames.has(id)).toBe(false);
  });
});
