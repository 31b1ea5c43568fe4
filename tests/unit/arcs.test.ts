/**
 * Motive arcs: geometry (ends, shape, nesting, determinism) on the shipped capitals, features per
 * motive, arrowheads, and which arcs show on a day.
 */
import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { geoInterpolate } from 'd3-geo';
import {
  readDatasetFolder,
  readFoundingText,
  REPO_ROOT,
  shippedGeometryIds,
} from '../../scripts/dataset-files.ts';
import {
  ARC_BENDS,
  ARC_SEGMENTS,
  arcArrowheads,
  arcBend,
  arcFeatures,
  arcLine,
  MAX_SHORT_ARC_BOOST,
  visibleArcIds,
  type ArcProps,
  type LonLat,
} from '../../src/lib/arcs.ts';
import { motiveCountsFrom } from '../../src/lib/engagement.ts';
import {
  MOTIVE_CATEGORIES,
  type Dataset,
  type Motive,
  type MotiveCategory,
} from '../../src/lib/schema.ts';
import { formatProblem, validateDataset } from '../../src/lib/validate.ts';
import { minimalDataset } from './helpers.ts';

const result = validateDataset(readDatasetFolder(join(REPO_ROOT, 'data')), {
  geometryIds: shippedGeometryIds(),
  foundingText: readFoundingText(),
});
if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
const shipped: Dataset = result.dataset;

const capital = (id: string): LonLat => {
  const c = shipped.countries.find((country) => country.id === id)?.capital;
  if (!c) throw new Error(`no capital for ${id}`);
  return [c.lon, c.lat];
};
const KABUL = capital('AFG');
const PARTNERS = [
  { name: 'Islamabad', id: 'PAK' },
  { name: 'Tashkent', id: 'UZB' },
  { name: 'Moscow', id: 'RUS' },
  { name: 'Beijing', id: 'CHN' },
  { name: 'Washington', id: 'USA' },
  { name: 'Canberra', id: 'AUS' },
];

// Web Mercator in radians, y up: the plane the map draws on, up to scale.
const mercator = ([lon, lat]: LonLat): [number, number] => [
  (lon * Math.PI) / 180,
  Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)),
];
const dist = (a: [number, number], b: [number, number]) => Math.hypot(a[0] - b[0], a[1] - b[1]);
/** Pixels per Mercator radian at a zoom, for 512-pixel tiles as MapLibre draws them. */
const pxPerRadian = (zoom: number) => (512 * 2 ** zoom) / (2 * Math.PI);

/** Distance from p to the segment ab, on the plane. */
function toSegment(p: [number, number], a: [number, number], b: [number, number]): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const t = Math.max(
    0,
    Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)),
  );
  return dist(p, [a[0] + t * dx, a[1] + t * dy]);
}
/** Distance from p to a polyline, on the plane. */
const toLine = (p: [number, number], line: [number, number][]) =>
  Math.min(...line.slice(1).map((b, i) => toSegment(p, line[i]!, b)));

const chordLength = (line: LonLat[]) => dist(mercator(line[0]!), mercator(line.at(-1)!));
const arcOf = (dataset: Dataset, id: string) =>
  arcFeatures(dataset).features.find((f) => f.properties.id === id)!;

describe('arcLine', () => {
  const cases = PARTNERS.flatMap(({ name, id }) =>
    [0, 0.1, 0.3, -0.3].map((bend) => ({ name, from: capital(id), bend })),
  );

  test.each(cases)('$name to Kabul (bend $bend) starts at $name', ({ from, bend }) => {
    const [lon, lat] = arcLine(from, KABUL, bend)[0]!;
    expect(lon).toBeCloseTo(from[0], 4);
    expect(lat).toBeCloseTo(from[1], 4);
  });

  test.each(cases)('$name to Kabul (bend $bend) ends at Kabul', ({ from, bend }) => {
    const [lon, lat] = arcLine(from, KABUL, bend).at(-1)!;
    expect(lon).toBeCloseTo(KABUL[0], 4);
    expect(lat).toBeCloseTo(KABUL[1], 4);
  });

  test.each(cases)('$name to Kabul (bend $bend) has ARC_SEGMENTS + 1 finite points', (c) => {
    const line = arcLine(c.from, KABUL, c.bend);
    expect(line).toHaveLength(ARC_SEGMENTS + 1);
    expect(line.flat().every(Number.isFinite)).toBe(true);
  });

  test.each(cases)('$name to Kabul (bend $bend) never jumps across the map', (c) => {
    const line = arcLine(c.from, KABUL, c.bend);
    const jumps = line.slice(1).map(([lon], i) => Math.abs(lon - line[i]![0]));
    expect(Math.max(...jumps)).toBeLessThan(10);
  });

  test.each(cases)('$name to Kabul (bend $bend) strays from the great circle by ≤ |bend|', (c) => {
    const line = arcLine(c.from, KABUL, c.bend).map(mercator);
    const greatCircle = arcLine(c.from, KABUL, 0).map(mercator);
    const stray = Math.max(...line.map((p, i) => dist(p, greatCircle[i]!)));
    expect(stray / dist(line[0]!, line.at(-1)!)).toBeLessThanOrEqual(Math.abs(c.bend) + 1e-3);
  });

  test.each(cases)('$name to Kabul (bend $bend) bows by a sane fraction of its length', (c) => {
    // On Mercator a great circle bows poleward by itself: ~0.4 of its length across the Atlantic.
    const line = arcLine(c.from, KABUL, c.bend);
    const chord = [mercator(line[0]!), mercator(line.at(-1)!)] as const;
    const bow = Math.max(...line.map((p) => toSegment(mercator(p), ...chord)));
    expect(bow / chordLength(line)).toBeLessThan(0.75);
  });

  test('runs past the antimeridian instead of jumping across it (Tokyo to Washington)', () => {
    const line = arcLine([139.69, 35.69], [-77.04, 38.91], 0.1);
    const jumps = line.slice(1).map(([lon], i) => Math.abs(lon - line[i]![0]));
    expect(Math.max(...jumps)).toBeLessThan(10);
    expect(line.at(-1)![0]).toBeCloseTo(-77.04 + 360, 4);
  });

  test.each(PARTNERS)('with no bend, follows the great circle from $name', ({ id }) => {
    const from = capital(id);
    const middle = geoInterpolate(from, KABUL)(0.5);
    const [lon, lat] = arcLine(from, KABUL, 0)[ARC_SEGMENTS / 2]!;
    expect(lon).toBeCloseTo(middle[0], 4);
    expect(lat).toBeCloseTo(middle[1], 4);
  });

  test.each([
    { way: 'westward (Islamabad to Kabul)', from: capital('PAK'), to: KABUL, left: 'south' },
    { way: 'eastward (Kabul to Islamabad)', from: KABUL, to: capital('PAK'), left: 'north' },
  ])('a positive bend bows to the left: $left when going $way', ({ from, to, left }) => {
    const greatCircle = arcLine(from, to, 0)[ARC_SEGMENTS / 2]!;
    const bowed = arcLine(from, to, 0.2)[ARC_SEGMENTS / 2]!;
    expect(left === 'south' ? bowed[1] < greatCircle[1] : bowed[1] > greatCircle[1]).toBe(true);
  });

  test.each([0.1, 0.2, 0.3])('bows by %s of its length on the map at its middle', (bend) => {
    // Along a parallel-ish path the great circle barely bows, so the bow is the bend's alone.
    const from = capital('PAK');
    const middle = mercator(arcLine(from, KABUL, bend)[ARC_SEGMENTS / 2]!);
    const straight = mercator(arcLine(from, KABUL, 0)[ARC_SEGMENTS / 2]!);
    expect(dist(middle, straight) / chordLength(arcLine(from, KABUL, 0))).toBeCloseTo(bend, 2);
  });

  test('rounds every coordinate to 5 decimals', () => {
    const line = arcLine(capital('RUS'), KABUL, 0.2);
    expect(line.flat().every((v) => Math.abs(v * 1e5 - Math.round(v * 1e5)) < 1e-6)).toBe(true);
  });
});

describe('arcBend', () => {
  test.each([
    { name: 'Moscow', id: 'RUS', category: 'security', bend: 0.2 },
    { name: 'Beijing', id: 'CHN', category: 'geopolitical', bend: 0.3 },
    { name: 'Islamabad', id: 'PAK', category: 'economic', bend: 0.1 * MAX_SHORT_ARC_BOOST },
    { name: 'Islamabad', id: 'PAK', category: 'geopolitical', bend: 0.3 * MAX_SHORT_ARC_BOOST },
  ] as const)('$name ($category): $bend', ({ id, category, bend }) => {
    expect(arcBend(capital(id), KABUL, category)).toBeCloseTo(bend, 6);
  });

  test.each(PARTNERS)('bows more for a shorter arc, never less: $name', ({ id }) => {
    const bend = arcBend(capital(id), KABUL, 'security');
    expect(bend).toBeGreaterThanOrEqual(ARC_BENDS.security);
    expect(bend).toBeLessThanOrEqual(ARC_BENDS.security * MAX_SHORT_ARC_BOOST);
  });

  test('gives a zero-length arc a finite bend', () => {
    expect(Number.isFinite(arcBend(KABUL, KABUL, 'economic'))).toBe(true);
  });
});

describe('arcFeatures on the shipped dataset', () => {
  const arcs = arcFeatures(shipped);

  test('draws one arc per motive of a country other than Afghanistan', () => {
    const countries = new Set(shipped.countries.map((c) => c.id));
    const expected = shipped.motives.filter((m) => countries.has(m.actor) && m.actor !== 'AFG');
    expect(arcs.features.map((f) => f.properties.id)).toEqual(expected.map((m) => m.id));
  });

  test.each(shipped.motives.filter((m) => m.actor !== 'AFG').slice(0, 6))(
    'carries the motive $id: id, actor, category and the day it counts from',
    (motive) => {
      const arc = arcOf(shipped, motive.id);
      expect(arc.id).toBe(motive.id);
      expect(arc.properties).toEqual({
        id: motive.id,
        actor: motive.actor,
        category: motive.category,
        from: motiveCountsFrom(motive),
      });
    },
  );

  const countriesWithSeveral = ['PAK', 'RUS', 'CHN', 'UZB', 'KAZ', 'TKM'];
  const pairCases = countriesWithSeveral.flatMap((actor) => {
    const cats = arcs.features.filter((f) => f.properties.actor === actor);
    return cats.flatMap((a, i) =>
      cats.slice(i + 1).map((b) => ({ actor, a: a.properties.id, b: b.properties.id })),
    );
  });

  test('has countries with two and three motives to check', () => {
    expect(pairCases.length).toBeGreaterThanOrEqual(12);
  });

  test.each(pairCases)(
    '$a and $b stay apart along their middle half (≥ 4% of the length on the map)',
    ({ a, b }) => {
      const lineA = arcOf(shipped, a).geometry.coordinates as LonLat[];
      const lineB = (arcOf(shipped, b).geometry.coordinates as LonLat[]).map(mercator);
      const middle = lineA.slice(ARC_SEGMENTS / 4, (3 * ARC_SEGMENTS) / 4 + 1).map(mercator);
      const gap = Math.min(...middle.map((p) => toLine(p, lineB)));
      expect(gap / chordLength(lineA)).toBeGreaterThan(0.04);
    },
  );

  test.each([
    { zoom: 4, px: 10 },
    { zoom: 5, px: 20 },
  ])("Islamabad's three arcs are at least $px px apart at their middles at zoom $zoom", (c) => {
    const middles = MOTIVE_CATEGORIES.map((category) =>
      mercator(arcOf(shipped, `pak-${category}`).geometry.coordinates[ARC_SEGMENTS / 2] as LonLat),
    );
    const gaps = [dist(middles[0]!, middles[1]!), dist(middles[1]!, middles[2]!)];
    expect(Math.min(...gaps) * pxPerRadian(c.zoom)).toBeGreaterThanOrEqual(c.px);
  });

  test.each(MOTIVE_CATEGORIES)(
    "bows Islamabad's %s arc by its category's boosted bend",
    (category) => {
      const line = arcOf(shipped, `pak-${category}`).geometry.coordinates as LonLat[];
      const straight = arcLine(capital('PAK'), KABUL, 0).map(mercator);
      const bow = dist(mercator(line[ARC_SEGMENTS / 2]!), straight[ARC_SEGMENTS / 2]!);
      expect(bow / chordLength(line)).toBeCloseTo(ARC_BENDS[category] * MAX_SHORT_ARC_BOOST, 2);
    },
  );

  test('gives byte-identical output for the same input', () => {
    expect(JSON.stringify(arcFeatures(structuredClone(shipped)))).toBe(JSON.stringify(arcs));
  });
});

describe('arcFeatures on small datasets', () => {
  const base = minimalDataset();
  const motive = (id: string, actor: string, category: MotiveCategory = 'security'): Motive => ({
    id,
    actor,
    category,
    summary: 'A motive.',
    since: '2024',
    cites: [{ source: 'article' }],
  });
  const withMotives = (motives: Motive[]): Dataset => ({ ...base, motives });

  test.each([
    { actor: 'un', kind: 'an institution' },
    { actor: 'western-countries', kind: 'a group' },
    { actor: 'AFG', kind: 'Afghanistan itself' },
    { actor: 'XYZ', kind: 'a country with no capital in the data' },
  ])('draws no arc for $kind ($actor)', ({ actor }) => {
    expect(arcFeatures(withMotives([motive('m', actor)])).features).toEqual([]);
  });

  test('draws nothing when Kabul has no capital in the data', () => {
    const dataset = { ...base, countries: base.countries.filter((c) => c.id !== 'AFG') };
    expect(arcFeatures(dataset).features).toEqual([]);
  });

  test('counts a motive from its `from` day where it has one', () => {
    const m = { ...motive('m', 'RUS'), since: '2025', from: '2025-05-30' };
    expect(arcFeatures(withMotives([m])).features[0]!.properties.from).toBe('2025-05-30');
  });

  test('counts a motive from the first day of its `since` otherwise', () => {
    const m = { ...motive('m', 'RUS'), since: '2023-09' };
    expect(arcFeatures(withMotives([m])).features[0]!.properties.from).toBe('2023-09-01');
  });

  test('draws the minimal fixture: one arc, Beijing to Kabul', () => {
    const [arc] = arcFeatures(base).features;
    expect(arc!.geometry.coordinates[0]).toEqual([116.4, 39.9]);
    expect(arc!.geometry.coordinates.at(-1)).toEqual([69.17, 34.53]);
  });
});

describe('arcArrowheads', () => {
  const arcs = arcFeatures(shipped);
  const heads = arcArrowheads(arcs);

  test('puts one arrowhead per arc, carrying its id and properties', () => {
    expect(heads.features.map((f) => f.id)).toEqual(arcs.features.map((f) => f.id));
  });

  test.each(arcs.features.map((f) => ({ id: f.properties.id, arc: f })))(
    'sits at the middle point of $id',
    ({ arc }) => {
      const head = heads.features.find((f) => f.id === arc.id)!;
      expect(head.geometry.coordinates).toEqual(arc.geometry.coordinates[ARC_SEGMENTS / 2]);
    },
  );

  test.each(arcs.features.map((f) => ({ id: f.properties.id, arc: f })))(
    "points along $id toward Kabul (within 3° of the arc's next point)",
    ({ arc }) => {
      const head = heads.features.find((f) => f.id === arc.id)!;
      const [x0, y0] = mercator(arc.geometry.coordinates[ARC_SEGMENTS / 2] as LonLat);
      const [x1, y1] = mercator(arc.geometry.coordinates[ARC_SEGMENTS / 2 + 1] as LonLat);
      // icon-rotate: clockwise from east on a north-up screen, whose y grows downward.
      const expected = (Math.atan2(-(y1 - y0), x1 - x0) * 180) / Math.PI;
      const off = Math.abs(((head.properties.rotate - expected + 540) % 360) - 180);
      expect(off).toBeLessThan(3);
    },
  );

  test.each([
    { name: 'Islamabad (east of Kabul)', id: 'pak-economic', heading: 'west' },
    { name: 'Ankara (west of Kabul)', id: 'tur-economic', heading: 'east' },
  ])('points $heading for $name', ({ id, heading }) => {
    const rotate = heads.features.find((f) => f.id === id)!.properties.rotate;
    const eastward = Math.abs(rotate) < 90;
    expect(eastward ? 'east' : 'west').toBe(heading);
  });
});

describe('visibleArcIds', () => {
  const arcs: ArcProps[] = [
    { id: 'chn-economic', actor: 'CHN', category: 'economic', from: '2023-01-01' },
    { id: 'chn-security', actor: 'CHN', category: 'security', from: '2025-05-30' },
    { id: 'pak-geopolitical', actor: 'PAK', category: 'geopolitical', from: '2022-06-15' },
  ];
  const all = new Set(MOTIVE_CATEGORIES);

  test.each([
    { case: 'before any motive counts', day: '2021-08-15', cats: all, ids: [] },
    {
      case: 'on the day a motive counts from',
      day: '2022-06-15',
      cats: all,
      ids: ['pak-geopolitical'],
    },
    { case: 'the day before it', day: '2022-06-14', cats: all, ids: [] },
    {
      case: 'once every motive counts',
      day: '2025-08-01',
      cats: all,
      ids: ['chn-economic', 'chn-security', 'pak-geopolitical'],
    },
    {
      case: 'with one category switched off',
      day: '2025-08-01',
      cats: new Set<MotiveCategory>(['economic', 'geopolitical']),
      ids: ['chn-economic', 'pak-geopolitical'],
    },
    {
      case: 'with every category switched off',
      day: '2025-08-01',
      cats: new Set<MotiveCategory>(),
      ids: [],
    },
  ])('$case ($day)', ({ day, cats, ids }) => {
    expect([...visibleArcIds(arcs, day, cats)]).toEqual(ids);
  });

  test.each([
    {
      case: 'only China passes',
      shown: (a: string) => a === 'CHN',
      ids: ['chn-economic', 'chn-security'],
    },
    { case: 'no country passes', shown: () => false, ids: [] },
    {
      case: 'every country passes',
      shown: () => true,
      ids: ['chn-economic', 'chn-security', 'pak-geopolitical'],
    },
  ])('keeps the actors the predicate passes: $case', ({ shown, ids }) => {
    expect([...visibleArcIds(arcs, '2025-08-01', all, shown)]).toEqual(ids);
  });
});
