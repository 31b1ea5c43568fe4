/**
 * A map that reads at a glance (issue #16), in the browser at 1280 × 800: Kabul is marked and
 * named, Russia is named, and every country on the map can be found and selected, with a panel
 * that says when the sources are silent about it. Where the labels go is measured in screen space
 * by tests/unit/labels.test.ts and arc-reading.test.ts; here the pixels confirm the map draws it.
 */
import { PNG } from 'pngjs';
import { MAP_THEMES } from '../../src/lib/style.ts';
import { dataset } from './data.ts';
import { expect, test, waitForMapReady } from './fixtures.ts';
import { colourDistance, mapColourAt, mapPointOf, rgbOf, type Rgb } from './map-helpers.ts';

const DATE = '2025-07-10';
const KABUL = dataset.countries.find((c) => c.id === 'AFG')!.capital;

/** How many pixels within `radius` of (x, y) on the map differ from `ground` by more than 60. */
async function inkAround(
  page: import('@playwright/test').Page,
  lon: number,
  lat: number,
  ground: Rgb,
  radius = 14,
): Promise<number> {
  const { x, y } = await mapPointOf(page, lon, lat);
  const png = PNG.sync.read(await page.getByTestId('map').screenshot());
  let ink = 0;
  for (let dy = -radius; dy <= radius; dy++) {
    for (let dx = -radius; dx <= radius; dx++) {
      const i = (png.width * (Math.round(y) + dy) + Math.round(x) + dx) * 4;
      const rgb: Rgb = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
      if (colourDistance(rgb, ground) > 60) ink++;
    }
  }
  return ink;
}

test.describe('at the default view', () => {
  test('Kabul is a ringed dot on Afghanistan, and Russia’s name is written', async ({ page }) => {
    await page.goto(`/?date=${DATE}`);
    await waitForMapReady(page);
    const light = MAP_THEMES.light;
    // The dot: the theme's focus label colour, on Afghanistan's focus fill.
    const dot = await mapColourAt(page, KABUL.lon, KABUL.lat, 1);
    expect(colourDistance(dot, rgbOf(light.focusLabel))).toBeLessThanOrEqual(8);
    // Russia: its label point (geo/label-point.ts) has the halo's light pixels around it; a spot
    // of Russia 10° east, with no name, has none.
    const russia = rgbOf(dataset.levels.levels.find((l) => l.id === 'recognition')!.color);
    const named = await inkAround(page, 88, 58.5, russia);
    const bare = await inkAround(page, 98, 58.5, russia);
    expect({ named: named > 40, bare }).toEqual({ named: true, bare: 0 });
  });
});

test.describe('a country the sources do not cover', () => {
  test('is found by search, says so in its panel, and leads to the countries the atlas covers', async ({
    page,
  }) => {
    await page.goto(`/?date=${DATE}`);
    await waitForMapReady(page);
    const search = page.getByRole('combobox', { name: 'Search countries' });
    await search.fill('Japan');
    await expect(page.getByRole('option', { name: /Japan.*not in the sources/ })).toBeVisible();
    await search.press('Enter');
    const panel = page.getByRole('complementary', { name: 'Japan' });
    await expect(panel).toContainText('None of the atlas’s sources reports on Japan’s relations');
    await expect(page).toHaveURL(/country=JPN/);
    await panel.getByRole('button', { name: 'China' }).click();
    await expect(page.getByRole('complementary', { name: 'China' })).toBeVisible();
    await expect(page).toHaveURL(/country=CHN/);
  });

  test('is selected by a click on the map, and by a shared link', async ({ page }) => {
    await page.goto(`/?date=${DATE}`);
    await waitForMapReady(page);
    // Mongolia, where no arc and no name lies.
    const { x, y } = await mapPointOf(page, 101, 47.5);
    const map = await page.getByTestId('map').boundingBox();
    await page.mouse.click(map!.x + x, map!.y + y);
    await expect(page.getByRole('complementary', { name: 'Mongolia' })).toContainText(
      'None of the atlas’s sources reports on Mongolia’s relations',
    );
    await expect(page).toHaveURL(/country=MNG/);

    await page.goto(`/?date=${DATE}&country=TJK`);
    await expect(page.getByRole('complementary', { name: 'Tajikistan' })).toContainText(
      'What the atlas covers',
    );
    await expect(page.getByText(/nothing is selected/)).toHaveCount(0);
  });
});
