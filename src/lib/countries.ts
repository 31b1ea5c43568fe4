/**
 * From the shipped TopoJSON to the GeoJSON the map draws: one feature per country with its id
 * as a property (MapLibre keys feature state by a promoted property, since ids are strings), and
 * one label point per country, where the geometry's build placed it (geo/label-point.ts).
 */
import { geoArea } from 'd3-geo';
import type {
  Feature,
  FeatureCollection,
  Geometry,
  MultiPolygon,
  Point,
  Polygon,
  Position,
} from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

export interface CountryProps {
  /** ISO alpha-3 for countries; see geo/README.md for the few features without one. */
  id: string;
  name: string;
}

export type CountryFeature = Feature<Polygon | MultiPolygon, CountryProps>;

/**
 * Decodes one object of the topology into features carrying `id` and `name` properties.
 * @example countryFeatures(topology).features[0].properties // { id: 'AFG', name: 'Afghanistan' }
 */
export function countryFeatures(
  topology: Topology,
  object = 'countries',
): FeatureCollection<Polygon | MultiPolygon, CountryProps> {
  const geometries = topology.objects[object] as GeometryCollection<{ name?: string }> | undefined;
  if (!geometries) return { type: 'FeatureCollection', features: [] };
  const collection = feature(topology, geometries) as FeatureCollection<
    Polygon | MultiPolygon,
    { name?: string }
  >;
  return {
    type: 'FeatureCollection',
    features: collection.features.map((f) => ({
      type: 'Feature',
      geometry: f.geometry,
      properties: { id: String(f.id), name: f.properties?.name ?? String(f.id) },
    })),
  };
}

/** The ids of the countries in the topology, without decoding a shape. */
export function countryIds(topology: Topology, object = 'countries'): string[] {
  const geometries = topology.objects[object] as GeometryCollection | undefined;
  return (geometries?.geometries ?? []).map((g) => String(g.id));
}

export type BoundaryKind = 'border' | 'disputed-area' | 'disputed-boundary';

/**
 * Everything drawn as a boundary, in one collection tagged by `kind`: land borders (solid), disputed
 * areas (filled neutrally) and disputed boundaries (dashed). Coastlines are not boundaries, so the
 * lines come from the geometry's border meshes, not from country outlines.
 */
export function boundaryFeatures(
  topology: Topology,
): FeatureCollection<Geometry, { kind: BoundaryKind; name: string }> {
  const out: Feature<Geometry, { kind: BoundaryKind; name: string }>[] = [];
  const add = (object: string, kind: BoundaryKind) => {
    const source = topology.objects[object];
    if (!source) return;
    const decoded = feature(topology, source) as
      | Feature<Geometry, { name?: string } | null>
      | FeatureCollection<Geometry, { name?: string } | null>;
    const features = decoded.type === 'FeatureCollection' ? decoded.features : [decoded];
    for (const f of features) {
      out.push({
        type: 'Feature',
        geometry: f.geometry,
        properties: { kind, name: f.properties?.name ?? '' },
      });
    }
  };
  add('borders', 'border');
  add('disputed', 'disputed-area');
  add('disputed-boundaries', 'disputed-boundary');
  return { type: 'FeatureCollection', features: out };
}

/** The polygon with the largest spherical area, as rings. */
export function largestPolygon(geometry: Polygon | MultiPolygon): Position[][] {
  if (geometry.type === 'Polygon') return geometry.coordinates;
  let best: Position[][] = geometry.coordinates[0] ?? [];
  let bestArea = -1;
  for (const rings of geometry.coordinates) {
    const area = geoArea({ type: 'Polygon', coordinates: rings });
    // d3 reads rings clockwise; a ring wound the other way measures as the rest of the sphere.
    const a = area > 2 * Math.PI ? 4 * Math.PI - area : area;
    if (a > bestArea) {
      bestArea = a;
      best = rings;
    }
  }
  return best;
}

/**
 * The bounds to frame a country by: its largest polygon's, so that Russia frames its mainland
 * rather than the whole width of the map, and France is not framed with French Guiana.
 * @returns [[west, south], [east, north]]
 */
export function frameOf(geometry: Polygon | MultiPolygon): Frame {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const [lon, lat] of largestPolygon(geometry)[0] ?? []) {
    west = Math.min(west, lon!);
    east = Math.max(east, lon!);
    south = Math.min(south, lat!);
    north = Math.max(north, lat!);
  }
  return [
    [west, south],
    [east, north],
  ];
}

/**
 * Where to write each country's name: the point the geometry's build placed in its largest
 * polygon (`properties.label`, see geo/label-point.ts), read without decoding any shape. The name
 * is the dataset's where it has one, else the geometry's: every country on the map is named, not
 * only those the sources cover. A country without a valid point or name gets no label.
 */
export function labelPoints(
  topology: Topology,
  names: ReadonlyMap<string, string>,
): FeatureCollection<Point, CountryProps> {
  const countries = topology.objects['countries'] as GeometryCollection | undefined;
  return {
    type: 'FeatureCollection',
    features: (countries?.geometries ?? []).flatMap((g) => {
      const id = String(g.id);
      const properties = g.properties as { label?: unknown; name?: unknown } | undefined;
      const name =
        names.get(id) ?? (typeof properties?.name === 'string' ? properties.name : undefined);
      const label = properties?.label;
      if (!name || !isLonLat(label)) return [];
      return [
        {
          type: 'Feature' as const,
          geometry: { type: 'Point' as const, coordinates: label },
          properties: { id, name },
        },
      ];
    }),
  };
}

/** `[[west, south], [east, north]]` in degrees. */
export type Frame = [[number, number], [number, number]];

/**
 * The bounds to frame each country by (`frameOf`), as the geometry's build stored them in
 * `properties.frame`, read without decoding a shape or measuring an area on the way to the first
 * picture. A country without a valid frame has none: a selection of it keeps the camera.
 */
export function countryFrames(topology: Topology): Map<string, Frame> {
  const countries = topology.objects['countries'] as GeometryCollection | undefined;
  const frames = new Map<string, Frame>();
  for (const g of countries?.geometries ?? []) {
    const frame = (g.properties as { frame?: unknown } | undefined)?.frame;
    if (Array.isArray(frame) && frame.length === 2 && frame.every(isLonLat))
      frames.set(String(g.id), frame as Frame);
  }
  return frames;
}

const isLonLat = (v: unknown): v is [number, number] =>
  Array.isArray(v) &&
  v.length === 2 &&
  v.every((x) => typeof x === 'number' && Number.isFinite(x)) &&
  Math.abs(v[0]) <= 180 &&
  Math.abs(v[1]) <= 90;
