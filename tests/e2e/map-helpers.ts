/**
 * Reading the map as a person sees it: where a place is on the canvas, and what colour it is there.
 * The camera comes from the map element's `data-center` and `data-zoom`; the projection is
 * computed here, independently of the app (Web Mercator with MapLibre's 512-pixel tiles).
 */
import type { FrameLocator, Page } from '@playwright/test';
import { PNG } from 'pngjs';

export type Rgb = [number, number, number];

const mercatorX = (lon: number, scale: number) => ((lon + 180) / 360) * scale;
const mercatorY = (lat: number, scale: number) =>
  ((1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2) * scale;

/**
 * Where (lon, lat) is inside the map element, in CSS pixels from its top left corner; `page` may
 * be an embed's frame. `testId` names the map: MapLibre's (`map`), or the picture engine's that
 * stands in for it (`static-map`), which carries its camera the same way.
 */
export async function mapPointOf(
  page: Page | FrameLocator,
  lon: number,
  lat: number,
  testId: 'map' | 'static-map' = 'map',
): Promise<{ x: number; y: number }> {
  const map = page.getByTestId(testId);
  const [centerText, zoomText, box] = await Promise.all([
    map.getAttribute('data-center'),
    map.getAttribute('data-zoom'),
    map.boundingBox(),
  ]);
  if (!centerText || !zoomText || !box) throw new Error('the map element has no camera or no size');
  const [cLon, cLat] = centerText.split(',').map(Number) as [number, number];
  const scale = 512 * 2 ** Number(zoomText);
  return {
    x: box.width / 2 + mercatorX(lon, scale) - mercatorX(cLon, scale),
    y: box.height / 2 + mercatorY(lat, scale) - mercatorY(cLat, scale),
  };
}

/**
 * The most common colour in a small square around (lon, lat) on the map, so a thin border or a
 * letter of a label does not decide the answer.
 */
export async function mapColourAt(
  page: Page,
  lon: number,
  lat: number,
  radius = 3,
  testId: 'map' | 'static-map' = 'map',
): Promise<Rgb> {
  const { x, y } = await mapPointOf(page, lon, lat, testId);
  const png = PNG.sync.read(await page.getByTestId(testId).screenshot());
  const counts = new Map<string, number>();
  for (let dy = -radius; dy <= radius; dy++) {
    for (let dx = -radius; dx <= radius; dx++) {
      const px = Math.round(x) + dx;
      const py = Math.round(y) + dy;
      if (px < 0 || py < 0 || px >= png.width || py >= png.height)
        throw new RangeError(`(${lon}, ${lat}) is off the map`);
      const i = (png.width * py + px) * 4;
      const key = `${png.data[i]},${png.data[i + 1]},${png.data[i + 2]}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const [best] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  return best![0].split(',').map(Number) as Rgb;
}

/** `#rrggbb` as [r, g, b]. */
export function rgbOf(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** The largest channel difference between two colours. */
export function colourDistance(a: Rgb, b: Rgb): number {
  return Math.max(Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1]), Math.abs(a[2] - b[2]));
}

/**
 * Whether a colour close to `rgb` is within `radius` pixels of (lon, lat): for thin lines (arcs),
 * whose exact pixel the projection can miss by one.
 */
export async function mapHasColourNear(
  page: Page,
  lon: number,
  lat: number,
  rgb: Rgb,
  radius = 3,
  tolerance = 40,
): Promise<boolean> {
  const { x, y } = await mapPointOf(page, lon, lat);
  const png = PNG.sync.read(await page.getByTestId('map').screenshot());
  for (let dy = -radius; dy <= radius; dy++) {
    for (let dx = -radius; dx <= radius; dx++) {
      const px = Math.round(x) + dx;
      const py = Math.round(y) + dy;
      if (px < 0 || py < 0 || px >= png.width || py >= png.height) continue;
      const i = (png.width * py + px) * 4;
      const here: Rgb = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
      if (colourDistance(here, rgb) <= tolerance) return true;
    }
  }
  return false;
}

/** A country's button on the map (CountryHotspots): how a keyboard reaches it, by its name. */
export function hotspot(page: Page, country: string) {
  return page
    .getByRole('group', { name: 'Countries on the map' })
    .getByRole('button', { name: new RegExp(`^${country}:`) });
}
