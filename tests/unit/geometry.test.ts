// The shipped geometry, public/geo/countries.json, built by geo/build.ts (see geo/README.md).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { geoArea, geoContains } from 'd3-geo';
import type {
  Feature,
  FeatureCollection,
  Geometry,
  MultiPolygon,
  Polygon,
  Position,
} from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, MultiLineString, Topology } from 'topojson-specification';
import { describe, expect, test } from 'vitest';
import { frameOf } from '../../src/lib/countries.ts';

const bytes = readFileSync(new URL('../../public/geo/countries.json', import.meta.url));
const world = JSON.parse(bytes.toString('utf8')) as Topology & { generated?: unknown };

interface Named {
  name: string;
  label?: [number, number];
  frame?: [[number, number], [number, number]];
}
type Area = Feature<Polygon | MultiPolygon, Named>;

function areas(object: string): Area[] {
  const collection = world.objects[object] as GeometryCollection<Named>;
  return (feature(world, collection) as FeatureCollection<Polygon | MultiPolygon, Named>).features;
}

/** Decodes a line object: `disputed-boundaries` is a collection, `borders` a single geometry. */
function lines(object: string): Feature<Geometry, Named | null>[] {
  const decoded = feature(world, world.objects[object] as GeometryCollection<Named>) as
    FeatureCollection<Geometry, Named | null> | Feature<Geometry, Named | null>;
  return decoded.type === 'FeatureCollection' ? decoded.features : [decoded];
}

const countries = areas('countries');
const disputed = areas('disputed');
const everyArea = [...countries, ...disputed];
const byId = new Map(everyArea.map((area) => [String(area.id), area]));

const ISO_ALPHA_3 = /^[A-Z]{3}$/;
/** Ids of areas with no ISO code: lowercase, so they can never equal an ISO code. */
const NON_ISO = /^x-[a-z]+(-[a-z]+)*$/;

function area(id: string): Area {
  const found = byId.get(id);
  if (!found) throw new Error(`no feature ${id}`);
  return found;
}

function polygonsOf(geometry: Geometry): Position[][][] {
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  return [];
}

/** Every line of positions in a geometry: rings and line strings alike. */
function pathsOf(geometry: Geometry): Position[][] {
  switch (geometry.type) {
    case 'Polygon':
    case 'MultiLineString':
      return geometry.coordinates;
    case 'MultiPolygon':
      return geometry.coordinates.flat();
    case 'LineString':
      return [geometry.coordinates];
    default:
      return [];
  }
}

const everyPath = [...everyArea, ...lines('disputed-boundaries'), ...lines('borders')].flatMap(
  (f) => pathsOf(f.geometry),
);

/** geoContains, forgiving simplified borders: the point or one `tolerance` degrees away. */
function containsNear(target: Area, [lon, lat]: [number, number], tolerance = 0.05): boolean {
  const probes: [number, number][] = [
    [lon, lat],
    [lon - tolerance, lat],
    [lon + tolerance, lat],
    [lon, lat - tolerance],
    [lon, lat + tolerance],
  ];
  return probes.some((probe) => geoContains(target, probe));
}

describe('ids and names', () => {
  test('every country id is an ISO 3166-1 alpha-3 code', () => {
    expect(countries.map((c) => String(c.id)).filter((id) => !ISO_ALPHA_3.test(id))).toEqual([]);
  });

  test('every disputed id is an ISO alpha-3 code or a lowercase x- id', () => {
    const ids = disputed.map((d) => String(d.id));
    expect(ids.filter((id) => !ISO_ALPHA_3.test(id) && !NON_ISO.test(id))).toEqual([]);
  });

  test('ids are unique across countries and disputed areas', () => {
    expect(byId.size).toBe(everyArea.length);
  });

  test('every area has a name', () => {
    expect(everyArea.filter((a) => !(a.properties.name.trim().length > 0))).toEqual([]);
  });

  test('names are spelled out, not abbreviated as in Natural Earth labels', () => {
    const abbreviated = /\b(Is|I|Rep|Ter|Herz|Gren|Barb|Geo|Fr|Eq|Br|Dem|St|N|S|W|U\.S)\.(\s|$)/;
    expect(everyArea.map((a) => a.properties.name).filter((n) => abbreviated.test(n))).toEqual([]);
  });

  test.each([
    ['AFG', 'Afghanistan'],
    ['PAK', 'Pakistan'],
    ['IRN', 'Iran'],
    ['CHN', 'China'],
    ['RUS', 'Russia'],
    ['IND', 'India'],
    ['ARE', 'United Arab Emirates'],
    ['QAT', 'Qatar'],
    ['TUR', 'Türkiye'],
    ['UZB', 'Uzbekistan'],
    ['TKM', 'Turkmenistan'],
    ['KAZ', 'Kazakhstan'],
    ['KGZ', 'Kyrgyzstan'],
    ['TJK', 'Tajikistan'],
    ['USA', 'United States of America'],
    ['GBR', 'United Kingdom'],
    ['FRA', 'France'],
    ['DEU', 'Germany'],
    ['NOR', 'Norway'],
    ['OMN', 'Oman'],
    ['SAU', 'Saudi Arabia'],
    ['IDN', 'Indonesia'],
    ['MYS', 'Malaysia'],
    ['CAN', 'Canada'],
    ['AUS', 'Australia'],
    ['ITA', 'Italy'],
  ])('%s is a country named %s', (id, name) => {
    expect(countries.find((c) => c.id === id)?.properties.name).toBe(name);
  });
});

describe('the antimeridian cut', () => {
  test('no segment jumps more than 180° in longitude', () => {
    const jumps = everyPath.filter((path) =>
      path.some((p, i) => i > 0 && Math.abs((p[0] ?? 0) - (path[i - 1]?.[0] ?? 0)) > 180),
    );
    expect(jumps).toEqual([]);
  });

  test('all coordinates are within [-180, 180] × [-90, 90]', () => {
    const outside = everyPath
      .flat()
      .filter(([lon = NaN, lat = NaN]) => !(Math.abs(lon) <= 180 && Math.abs(lat) <= 90));
    expect(outside).toEqual([]);
  });

  // Fiji keeps only its larger islands, all west of 180°, on the simplified world view.
  test.each(['RUS', 'USA'])('%s has parts on both sides of ±180°', (id) => {
    const lons = polygonsOf(area(id).geometry).flatMap((p) => (p[0] ?? []).map(([lon = 0]) => lon));
    expect([Math.min(...lons) < -170, Math.max(...lons) > 170]).toEqual([true, true]);
  });

  test.each(['RUS', 'FJI', 'USA'])('no polygon of %s spans the world as a band', (id) => {
    const widths = polygonsOf(area(id).geometry).map((polygon) => {
      const lons = (polygon[0] ?? []).map(([lon = 0]) => lon);
      return Math.max(...lons) - Math.min(...lons);
    });
    expect(Math.max(...widths)).toBeLessThan(180);
  });

  test("Antarctica's ring closes along the bottom edge, so it fills", () => {
    const bottom = polygonsOf(area('ATA').geometry)
      .flatMap((p) => p[0] ?? [])
      .filter(([, lat = 0]) => lat <= -85)
      .map(([lon = 0]) => lon);
    expect([Math.min(...bottom), Math.max(...bottom)]).toEqual([-180, 180]);
  });

  test('every area covers less than a hemisphere, as d3-geo reads its rings', () => {
    expect(everyArea.filter((a) => geoArea(a) >= 2 * Math.PI).map((a) => a.id)).toEqual([]);
  });
});

describe('places', () => {
  test.each([
    ['Kabul', 'AFG', [69.17, 34.53]],
    ['Islamabad', 'PAK', [73.05, 33.68]],
    ['Moscow', 'RUS', [37.62, 55.75]],
    ['Beijing', 'CHN', [116.4, 39.9]],
    ['Doha', 'QAT', [51.53, 25.29]],
    ['South Pole', 'ATA', [0, -89.5]],
  ] as [string, string, [number, number]][])('%s is in %s', (_place, id, point) => {
    expect(containsNear(area(id), point)).toBe(true);
  });
});

describe('label points', () => {
  // Over 1,000 km²: on smaller islands the 0.01° rounding alone can put the point in the sea.
  const KM2 = (4 * Math.PI) / 510e6;
  const sizeable = countries.filter((c) => geoArea(c) > 1000 * KM2);

  test('every country has one, in degrees, to 0.01°', () => {
    const bad = countries.filter(
      ({ properties: { label } }) =>
        !(
          label?.length === 2 &&
          label.every((x) => Number.isFinite(x) && Math.round(x * 100) / 100 === x) &&
          Math.abs(label[0]) <= 180 &&
          Math.abs(label[1]) <= 90
        ),
    );
    expect(bad.map((c) => String(c.id))).toEqual([]);
  });

  test('every country over 1,000 km² has its label on land of its own', () => {
    const outside = sizeable.filter((c) => !geoContains(c, c.properties.label!));
    expect(outside.map((c) => String(c.id))).toEqual([]);
  });

  test.each([
    ['Norway', 'NOR', [5, 30, 57, 71]],
    ['Russia, not Kaliningrad', 'RUS', [40, 180, 45, 75]],
    ['France, not French Guiana', 'FRA', [-5, 8, 42, 51]],
  ] as [string, string, [number, number, number, number]][])(
    '%s',
    (_, id, [west, east, south, north]) => {
      const [lon, lat] = area(id).properties.label!;
      expect([lon >= west && lon <= east, lat >= south && lat <= north]).toEqual([true, true]);
    },
  );
});

describe('frames', () => {
  // The build rounds each corner to 0.01°; half of that is the most it may move.
  const TOLERANCE = 0.005 + 1e-9;

  test('every country has the frame of its largest polygon, to 0.01°', () => {
    const off = countries.filter((c) => {
      const stored = c.properties.frame?.flat() ?? [];
      const measured = frameOf(c.geometry).flat();
      return (
        stored.length !== 4 || stored.some((v, i) => !(Math.abs(v - measured[i]!) <= TOLERANCE))
      );
    });
    expect(off.map((c) => String(c.id))).toEqual([]);
  });

  test.each([
    ['Russia frames its mainland, not Kaliningrad', 'RUS', [26, 180]],
    ['France frames Europe, not French Guiana', 'FRA', [-5, 10]],
  ] as [string, string, [number, number]][])('%s', (_, id, [west, east]) => {
    const [[w], [e]] = area(id).properties.frame!;
    expect([w >= west, e <= east]).toEqual([true, true]);
  });
});

describe('disputed areas', () => {
  const separated: [string, string, [number, number]][] = [
    ['Siachen Glacier', 'x-siachen', [77.1, 35.4]],
    ['Western Sahara', 'ESH', [-13, 24.5]],
    ['Northern Cyprus', 'x-northern-cyprus', [33.6, 35.25]],
    ['Somaliland', 'x-somaliland', [45.5, 9.5]],
    ['Kosovo', 'x-kosovo', [21.0, 42.6]],
  ];

  test.each(separated)('%s is the disputed feature %s', (_place, id, point) => {
    expect(disputed.filter((d) => geoContains(d, point)).map((d) => d.id)).toEqual([id]);
  });

  test.each(separated)('%s (%s) is in no country', (_place, _id, point) => {
    expect(countries.filter((c) => geoContains(c, point)).map((c) => c.id)).toEqual([]);
  });

  // The source does not separate these; geo/README.md says so. If the source changes, so must it.
  test.each([
    ['Aksai Chin', 'CHN', [79.5, 35.0]],
    ['Indian-administered Kashmir (Srinagar)', 'IND', [74.8, 34.08]],
    ['Pakistani-administered Kashmir (Gilgit)', 'PAK', [74.3, 35.9]],
    ['Crimea', 'UKR', [34.1, 44.95]],
    ['Golan Heights', 'ISR', [35.75, 33.0]],
  ] as [string, string, [number, number]][])(
    '%s lies in %s, as geo/README.md documents',
    (_place, id, point) => {
      expect(countries.filter((c) => geoContains(c, point)).map((c) => c.id)).toEqual([id]);
    },
  );

  test('a disputed boundary runs along Aksai Chin (the Line of Actual Control)', () => {
    const near = lines('disputed-boundaries')
      .flatMap((f) => pathsOf(f.geometry).flat())
      .filter(([lon = 0, lat = 0]) => lon > 78 && lon < 80.5 && lat > 32.5 && lat < 36);
    expect(near.length).toBeGreaterThan(0);
  });

  test('borders and disputed-boundaries share no arc, so nothing is stroked twice', () => {
    const arcsOf = (geometries: { arcs: number[][] }[]) =>
      new Set(geometries.flatMap((g) => g.arcs.flat()).map((a) => (a < 0 ? ~a : a)));
    const dashed = arcsOf(
      (world.objects['disputed-boundaries'] as GeometryCollection).geometries as MultiLineString[],
    );
    const solid = arcsOf([world.objects['borders'] as MultiLineString]);
    expect([...dashed].filter((a) => solid.has(a))).toEqual([]);
  });
});

describe('the file', () => {
  test('is at most 150 KB gzipped (level 9)', () => {
    expect(gzipSync(bytes, { level: 9 }).length).toBeLessThanOrEqual(150 * 1024);
  });

  test('says first that it is generated', () => {
    const [firstKey] = Object.keys(world);
    expect([firstKey, String(world.generated)]).toEqual([
      'generated',
      expect.stringMatching(/^by geo\/build\.ts .*do not edit, run npm run geo$/),
    ]);
  });
});
