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
