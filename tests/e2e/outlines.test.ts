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
import { colourDistance, mapPointOf, rgbOf, type Rgb } from './map-helpers.ts';

const levels = JSON.parse(readFileSync('data/levels.json', 'utf8')) as Levels;
const tensionColour = (id: string) => rgbOf(levels.tensions.find((t) => t.id === id)!.color);

/** How many of the map's pixels left of `right` (CSS pixels) are within `tolerance` of `rgb`. */
async function pixelsOf(page: Page, rgb: Rgb, right = Infinity, tolerance = 24): Promise<number> {
  const png = PNG.sync.read(await page.getByTestId('map').screenshot());
  let count = 0;
  for (let y = 0; y < png.height; y++) {
    for (let x = 0; x < Math.min(png.width, right); x++) {
      const i = (y * png.width + x) * 4;
      const here: Rgb = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
      if (colourDistance(here, rgb) <= tolerance) count++;
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
  const without = await pixelsOf(page, outline, left);
  await page.mouse.move(box.x + china.x, box.y + china.y);
  await expect(page.getByRole('tooltip')).toContainText('China');
  await waitForMapReady(page);
  const hovered = await pixelsOf(page, outline, left);
  // Off the map, onto the masthead.
  await page.mouse.move(box.x + china.x, box.y - 20);
  await expect(page.getByRole('tooltip')).toHaveCount(0);
  await waitForMapReady(page);
  const after = await pixelsOf(page, outline, left);
  expect(hovered - without, `${without} pixels, then ${hovered}`).toBeGreaterThan(200);
  expect(Math.abs(after - without), `${without} pixels, then ${after}`).toBeLessThan(50);
});
