/**
 * The map's places, worked out once from the geometry and the dataset: each country's shape and
 * frame, the borders, where each name goes, the capitals arcs and framings start from, and the
 * camera that frames a selection.
 */
import type { FeatureCollection, LineString, MultiPolygon, Point, Polygon } from 'geojson';
import type { Topology } from 'topojson-specification';
import type { ArcProps, LonLat } from './arcs.ts';
import {
  boundaryFeatures,
  countryFeatures,
  countryFrames,
  labelPoints,
  type CountryFeature,
  type CountryProps,
  type Frame,
} from './countries.ts';
import { selectionBounds, selectionCamera, selectionPadding, type Box } from './framing.ts';
import type { Dataset } from './schema.ts';
import { FOCUS_ID } from './vocabulary.ts';
import type { Camera } from './url-state.ts';
import type { Size } from './viewport.ts';

export interface Geography {
  countries: FeatureCollection<Polygon | MultiPolygon, CountryProps>;
  countryById: ReadonlyMap<string, CountryFeature>;
  boundaries: ReturnType<typeof boundaryFeatures>;
  /** Where each country's name goes: the dataset's name where it has one, else the map's. */
  labelPlaces: FeatureCollection<Point, CountryProps>;
  labelAt: ReadonlyMap<string, LonLat>;
  frames: ReadonlyMap<string, Frame>;
  /** The dataset's countries' capitals. */
  capitals: ReadonlyMap<string, LonLat>;
  /** The dataset's actors' names (countries, institutions, groups). */
  names: ReadonlyMap<string, string>;
}

export function geographyOf(topology: Topology, dataset: Dataset): Geography {
  const countries = countryFeatures(topology, 'countries');
  const labelPlaces = labelPoints(topology, new Map(dataset.countries.map((c) => [c.id, c.name])));
  return {
    countries,
    countryById: new Map(countries.features.map((f) => [f.properties.id, f])),
    boundaries: boundaryFeatures(topology),
    labelPlaces,
    labelAt: new Map(
      labelPlaces.features.map((f) => [f.properties.id, f.geometry.coordinates as LonLat]),
    ),
    frames: countryFrames(topology),
    capitals: new Map(dataset.countries.map((c) => [c.id, [c.capital.lon, c.capital.lat]])),
    names: new Map([...dataset.countries, ...dataset.institutions].map((a) => [a.id, a.name])),
  };
}

/** An actor's name: the dataset's, else the map's, else its id. */
export function nameOf(geography: Geography, id: string): string {
  return geography.names.get(id) ?? geography.countryById.get(id)?.properties.name ?? id;
}

/**
 * The camera that frames a selected country while the reader has not moved the map: its capital,
 * Kabul and every arc between them, and all of Afghanistan, clear of what covers the map
 * (`overlays`). `null` for an actor with no place on the map (an institution).
 */
export function selectionFraming(
  geography: Geography,
  arcs: FeatureCollection<LineString, ArcProps>,
  id: string,
  screen: Size,
  overlays: readonly Box[],
): Camera | null {
  // A country the sources do not cover has no capital in the data: its name's place stands in.
  const capital = geography.capitals.get(id) ?? geography.labelAt.get(id);
  const kabul = geography.capitals.get(FOCUS_ID);
  if (!capital || !kabul) return null;
  const arcPoints = arcs.features
    .filter((f) => f.properties.actor === id)
    .flatMap((f) => f.geometry.coordinates as LonLat[]);
  // All of Afghanistan, with its name at its southern edge: not only Kabul, at its eastern end.
  const afghanistan = geography.frames.get(FOCUS_ID) ?? [];
  const bounds = selectionBounds([capital, kabul, ...afghanistan, ...arcPoints]);
  return selectionCamera(bounds, screen, selectionPadding(bounds, screen, overlays));
}
