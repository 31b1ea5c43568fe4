/**
 * A map that reads at a glance (issue #16), in the browser at 1280 × 800: Kabul is marked and
 * named, Russia is named, and every country on the map can be found and selected, with a panel
 * that says when the sources are silent about it. Where the labels go is measured in screen space
 * by tests/unit/labels.test.ts and arc-reading.test.ts; here the pixels confirm the map draws it.
 */
import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import type { Topology } from 'topojson-specification';
import { countryFeatures, frameOf, labelPoints } from '../../src/lib/countries.ts';
import { engagementIndex, levelsOn } from '../../src/lib/engagement.ts';
import { focusCapital, labelRank, labelScale, rankedLabels } from '../../src/lib/labels.ts';
import { MAP_THEMES } from '../../src/lib/style.ts';
import { labelAnchorsFor, placeLabels, type PlacedLabel } from '../../src/lib/svg-export.ts';
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

/** How many pixels of the map in a name's box are within 40 of `ink` (its letters' colour). */
async function lettersIn(
  page: import('@playwright/test').Page,
  label: PlacedLabel,
  ink: Rgb,
): Promise<number> {
  const png = PNG.sync.read(await page.getByTestId('map').screenshot());
  const half = label.lines[0]!.length * label.size * 0.25;
  const top = Math.round(label.baselines[0]! - label.size * 0.7);
  let count = 0;
  for (let y = top; y <= Math.round(label.baselines[0]!); y++) {
    for (let x = Math.round(label.x - half); x <= Math.round(label.x + half); x++) {
      const i = (png.width * y + x) * 4;
      if (colourDistance([png.data[i]!, png.data[i + 1]!, png.data[i + 2]!], ink) <= 40) count++;
    }
  }
  return count;
}

test.describe('in a room', () => {
  test('at 1920 × 1080, Pakistan’s name moves below its point, where the export’s model puts it', async ({
    page,
  }) => {
    // Russia's recognition: centred, Pakistan's name would run into Afghanistan's at this size.
    const number = dataset.scenes.findIndex((s) => s.id === 'russia-recognition') + 1;
    const scene = dataset.scenes[number - 1]!;
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(`/?mode=present&scene=${number}`);
    await waitForMapReady(page);
    const map = page.getByTestId('map');
    const [center, zoom, box] = await Promise.all([
      map.getAttribute('data-center'),
      map.getAttribute('data-zoom'),
      map.boundingBox(),
    ]);
    const [lon, lat] = center!.split(',').map(Number) as [number, number];
    const size = { width: box!.width, height: box!.height };
    const topology = JSON.parse(readFileSync('public/geo/countries.json', 'utf8')) as Topology;
    const points = labelPoints(topology, new Map(dataset.countries.map((c) => [c.id, c.name])));
    const input = {
      ...size,
      camera: { lon, lat, zoom: Number(zoom) },
      labels: rankedLabels(
        points,
        labelRank(dataset.levels, levelsOn(engagementIndex(dataset), scene.date)),
        new Map(
          countryFeatures(topology).features.map((f) => [f.properties.id, frameOf(f.geometry)]),
        ),
      ),
      capital: focusCapital(dataset),
      labelScale: labelScale(size, true),
    };
    const pakistan = placeLabels({ ...input, labelAnchors: labelAnchorsFor(input) }).find(
      (l) => l.id === 'PAK',
    )!;
    expect(pakistan.anchor).toBe('top');
    // Its letters, in the dark theme's label colour, fill its box below the point; half a line
    // higher, where it would be centred, lies the box's upper half and Afghanistan's fill.
    const ink = rgbOf(MAP_THEMES.dark.label);
    const below = await lettersIn(page, pakistan, ink);
    const centred = await lettersIn(
      page,
      { ...pakistan, baselines: [pakistan.baselines[0]! - pakistan.size * 0.6] },
      ink,
    );
    expect({ below: below > 60, moreThanCentred: below > centred * 1.5 }).toEqual({
      below: true,
      moreThanCentred: true,
    });
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
