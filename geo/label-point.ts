/**
 * Where to write a country's name, worked out when the geometry is built and stored in the file
 * as `properties.label`: finding it takes the browser about 60 ms for the dataset's countries,
 * on the way to the first picture.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import polylabel from 'polylabel';
import { largestPolygon } from '../src/lib/countries.ts';

/**
 * The point of the largest polygon farthest from its edge, to 0.01°, so that Norway's label is not
 * in Sweden and Russia's is not in Kaliningrad.
 */
export function labelPoint(geometry: Polygon | MultiPolygon): [number, number] {
  const [lon, lat] = polylabel(largestPolygon(geometry) as number[][][], 0.1);
  return [Math.round(lon * 100) / 100, Math.round(lat * 100) / 100];
}

/**
 * Names placed by hand, as a cartographer would, where the farthest-from-edge point does not suit
 * the atlas's views (the region from the Atlantic to the Pacific, at zoom 2.4 to 5.5). Each stays
 * on the country's own land (tests/unit/geometry.test.ts) and was checked with the label test
 * (tests/unit/labels.test.ts), which writes the map's labels at the default view and every scene.
 */
export const PLACED_LABELS: Readonly<Record<string, [number, number]>> = {
  // Siberia's centre (94.6° E, 63.6° N) is above the top of the default view on every screen.
  RUS: [88, 58.5],
  // Clear of Afghanistan's name, placed south of its centre (below).
  PAK: [69.3, 27.3],
  // The Gulf: Qatar's name sits on Qatar; its neighbours' names make room around it.
  SAU: [42.8, 24],
  ARE: [54.9, 23],
  OMN: [56.8, 20.5],
  // Turkmenistan's and Uzbekistan's centres are 40 px apart at the default view: one south, one north.
  TKM: [58.4, 38.9],
  UZB: [63.5, 42.3],
  // Afghanistan's centre is where every arc meets Kabul: its name goes to the south, where none runs.
  AFG: [65.1, 29.8],
};

/** Where the build writes a country's name: its placed label, else `labelPoint`. */
export function countryLabel(id: string, geometry: Polygon | MultiPolygon): [number, number] {
  return PLACED_LABELS[id] ?? labelPoint(geometry);
}
