/**
 * The countries the map outlines, as a small feature collection of their own: the one under the
 * pointer, the selected one, those a scene is about, and those in tension or conflict on the
 * date. A handful of countries, so each outline layer draws a few shapes rather than every
 * country at opacity 0: without a GPU, every layer drawn over every country costs its share of
 * each frame.
 */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { CountryFeature } from './countries.ts';

export type OutlineRole = 'hovered' | 'selected' | 'highlight' | 'tension' | 'conflict';

/** Drawing order, bottom to top: the map's outline layers, one per role. */
export const OUTLINE_ROLES: readonly OutlineRole[] = [
  'hovered',
  'selected',
  'highlight',
  'tension',
  'conflict',
];

export interface OutlineProps {
  id: string;
  role: OutlineRole;
}

export interface OutlineMarks {
  hovered: string | null;
  selected: string | null;
  highlight: readonly string[] | null;
  /** Each country's tension or conflict on the date; countries at peace are absent. */
  tension: ReadonlyMap<string, { tension: 'tension' | 'conflict' }>;
}

/**
 * One feature per country and role; a country with two roles (selected and in conflict) comes
 * twice. The pointer's outline is left out on the selected country, whose own covers it: each
 * shape here is copied to MapLibre's worker. Ids the geometry lacks are passed over.
 * @example countryOutlines(byId, { hovered: null, selected: 'CHN', highlight: null, tension: new Map() })
 *   // one feature: CHN's shape with { id: 'CHN', role: 'selected' }
 */
export function countryOutlines(
  byId: ReadonlyMap<string, CountryFeature>,
  marks: OutlineMarks,
): FeatureCollection<Polygon | MultiPolygon, OutlineProps> {
  const roles: [string, OutlineRole][] = [];
  if (marks.hovered && marks.hovered !== marks.selected) roles.push([marks.hovered, 'hovered']);
  if (marks.selected) roles.push([marks.selected, 'selected']);
  for (const id of marks.highlight ?? []) roles.push([id, 'highlight']);
  for (const [id, { tension }] of marks.tension) roles.push([id, tension]);
  const features = roles.flatMap(([id, role]) => {
    const country = byId.get(id);
    if (!country) return [];
    return [{ type: 'Feature' as const, geometry: country.geometry, properties: { id, role } }];
  });
  return { type: 'FeatureCollection', features };
}
