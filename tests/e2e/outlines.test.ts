/**
 * The outlines drawn over the countries, read from the pixels: the selection in the theme's
 * outline colour, and armed conflict or tension on the date in their colours from the dataset.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { MAP_THEMES } from '../../src/lib/style.ts';
import type { Levels } from '../../src/lib/schema.ts';
import { expect, test, waitForMapReady } from './fixtures.ts';
import { colourDistance, hotspot, mapPointOf, rgbOf, type Rgb } from './map-helpers.ts';

const levels = JSON.parse(readFileSync('data/levels.json', 'utf8')) as Levels;
const tensionColour = (id: string) => rgbOf(levels.tensions.find((t) => t.id === id)!.color);

/** A part of the map, in CSS pixels from its top left corner. */
interface Area {
  left?: number;
  right?: number;
  top?: number;
  bottom?: number;
}

/** How many of the map's pixels in `area` (all of it by default) are within 24 of `rgb`. */
async function pixelsOf(page: Page, rgb: Rgb, area: Area = {}): Promise<number> {
  const png = PNG.sync.read(await page.getByTestId('map').screenshot());
  const { left = 0, right = Infinity, top = 0, bottom = Infinity } = area;
  let count = 0;
  for (let y = Math.max(0, Math.ceil(top)); y < Math.min(png.height, bottom); y++) {
    for (let x = Math.max(0, Math.ceil(left)); x < Math.min(png.width, right); x++) {
      const i = (y * png.width + x) * 4;
      const here: Rgb = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
      if (colourDistance(here, rgb) <= 24) count++;
    }
  }
  return count;
}

async function open(page: Page, query: string) {
  await page.goto(`/?${query}`);
  await waitForMapReady(page);
}

// Pakistan: armed clashes from 11 October 2025, a fragile ceasefire from 19 October; nothing
// of the kind in the dataset before.
for (const [tension, date] of [
  ['conflict', '2025-10-12'],
  ['tension', '2025-10-25'],
] as const) {
  test(`Pakistan is outlined in the colour of ${tension} on ${date}, and not before`, async ({
    page,
  }) => {
    await open(page, `date=${date}`);
    const during = await pixelsOf(page, tensionColour(tension));
    await open(page, 'date=2025-06-15');
    const before = await pixelsOf(page, tensionColour(tension));
    // The key's swatch has the colour on both dates.
    expect(during - before, `${before} pixels before, ${during} on ${date}`).toBeGreaterThan(150);
  });
}

test('the selected country is outlined in the theme’s outline colour', async ({ page }) => {
  const outline = rgbOf(MAP_THEMES.light.outline);
  await open(page, 'date=2025-06-15');
  const without = await pixelsOf(page, outline);
  await open(page, 'date=2025-06-15&country=CHN');
  const selected = await pixelsOf(page, outline);
  expect(selected - without, `${without} pixels, then ${selected}`).toBeGreaterThan(300);
});

test('pointing at a country outlines it, and leaving takes the outline away', async ({ page }) => {
  const outline = rgbOf(MAP_THEMES.light.outline);
  await open(page, 'date=2025-06-15');
  const box = (await page.getByTestId('map').boundingBox())!;
  const china = await mapPointOf(page, 88, 32);
  // Counted left of the pointer: the tooltip opens to its right, in dark text.
  const left = china.x - 10;
  const without = await pixelsOf(page, outline, { right: left });
  await page.mouse.move(box.x + china.x, box.y + china.y);
  await expect(page.getByRole('tooltip')).toContainText('China');
  await waitForMapReady(page);
  const hovered = await pixelsOf(page, outline, { right: left });
  // Off the map, onto the masthead.
  await page.mouse.move(box.x + china.x, box.y - 20);
  await expect(page.getByRole('tooltip')).toHaveCount(0);
  await waitForMapReady(page);
  const after = await pixelsOf(page, outline, { right: left });
  expect(hovered - without, `${without} pixels, then ${hovered}`).toBeGreaterThan(200);
  expect(Math.abs(after - without), `${without} pixels, then ${after}`).toBeLessThan(50);
});

test('a new selection takes the outline from the last one to itself', async ({ page }) => {
  const outline = rgbOf(MAP_THEMES.light.outline);
  await open(page, 'date=2025-06-15&country=RUS');
  // North of 50°N: Russia; south of 34°N: Pakistan's south, far from Russia. Each picture's own
  // lines of latitude: the selection moves the camera.
  const count = async () => ({
    north: await pixelsOf(page, outline, { bottom: (await mapPointOf(page, 70, 50)).y }),
    south: await pixelsOf(page, outline, { top: (await mapPointOf(page, 70, 34)).y }),
  });
  const russia = await count();
  await hotspot(page, 'Pakistan').press('Enter');
  await expect(page).toHaveURL(/country=PAK/);
  await waitForMapReady(page);
  const pakistan = await count();
  expect(
    russia.north - pakistan.north,
    `north: ${russia.north}, then ${pakistan.north}`,
  ).toBeGreaterThan(200);
  expect(
    pakistan.south - russia.south,
    `south: ${russia.south}, then ${pakistan.south}`,
  ).toBeGreaterThan(150);
});
