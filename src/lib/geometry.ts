/**
 * The shipped geometry (public/geo/countries.json, built by geo/build.ts) as the app and the
 * validator read it. See geo/README.md for its objects and id scheme.
 */
import type { Topology, GeometryCollection } from 'topojson-specification';

/** The ids of the countries drawn on the map (ISO alpha-3 for real countries). */
export function geometryIds(topology: Topology): Set<string> {
  const countries = topology.objects['countries'] as GeometryCollection | undefined;
  return new Set((countries?.geometries ?? []).map((g) => String(g.id)));
}
