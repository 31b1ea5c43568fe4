/**
 * Every selection is framed: the country's capital, Kabul and Afghanistan's name end up in the
 * part of the map a reader can see, not under the panel or the sheet, the key, the zoom buttons or
 * off screen, on a desktop and on phones; and the URL names the country, never a camera the reader
 * did not choose.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { Topology } from 'topojson-specification';
import { labelPoints } from '../../src/lib/countries.ts';
import { dataset } from './data.ts';
import { expect, test, waitForMapReady } from './fixtures.ts';
import { mapPointOf } from './map-helpers.ts';

const capitalOf = (id: string) => {
  const { lon, lat } = dataset.countries.find((c) => c.id === id)!.capital;
  return [lon, lat] as const;
};
const nameOf = (id: string) => dataset.countries.find((c) => c.id === id)!.name;
const KABUL = capitalOf('AFG');
const topology = JSON.parse(readFileSync('public/geo/countries.json', 'utf8')) as Topology;
/** Where the map writes "Afghanistan" (geo/label-point.ts). */
const AFGHANISTAN_NAME = labelPoints(topology, new Map()).features.find(
  (f) => f.properties.id === 'AFG',
)!.geometry.coordinates as [number, number];

/** The boxes over the map, in the map's own coordinates: panel or sheet, key, zoom buttons. */
async function coveredBoxes(page: Page) {
  const map = (await page.getByTestId('map').boundingBox())!;
  const boxes = await Promise.all(
    [
      page.getByRole('complementary'),
      page.locator('#map-keys:visible'),
      page.getByRole('button', { name: 'Key and filters' }),
      page.locator('.maplibregl-ctrl-top-right'),
    ].map(async (l) => ((await l.count()) > 0 ? l.first().boundingBox() : null)),
  );
  return {
    map,
    boxes: boxes
      .filter((b) => b !== null)
      .map((b) => ({ x: b.x - map.x, y: b.y - map.y, width: b.width, height: b.height })),
  };
}

/** Where a place shows: in the map, and under none of the overlays; or why not. */
async function whereIs(page: Page, [lon, lat]: readonly [number, number]): Promise<string> {
  const { map, boxes } = await coveredBoxes(page);
  const { x, y } = await mapPointOf(page, lon, lat);
  if (x < 0 || y < 0 || x > map.width || y > map.height) return `off the map at ${x},${y}`;
  const under = boxes.find(
    (b) => x >= b.x && x <= b.x + b.width && y >= b.y && y <= b.y + b.height,
  );
  return under ? `under a box at ${JSON.stringify(under)}` : 'clear';
}

/** The URL's state: a framing adds no center or zoom to it. */
const urlState = (page: Page) => Object.fromEntries(new URL(page.url()).searchParams);

const EVERY = ['USA', 'CAN', 'AUS', 'CHN', 'PAK', 'IND', 'SAU'];
// Canberra and Kabul are the tallest pair: on a 375×667 phone they fit above the sheet at half
// height only with the whole world in view (zoom 0, the atlas's widest).
const SIZES = [
  { width: 1280, height: 800, ids: EVERY },
  // Tablets, upright and on their side: beside the side panel the map keeps a narrow column;
  // Washington and Kabul take its whole width (selectionPadding), at the widest zoom.
  { width: 768, height: 1024, ids: EVERY },
  { width: 1024, height: 768, ids: EVERY },
  { width: 375, height: 667, ids: EVERY },
  { width: 390, height: 844, ids: EVERY },
];

test.describe('a shared link frames its country with Kabul', () => {
  for (const { ids, ...size } of SIZES) {
    test(`${size.width}×${size.height}: ${ids.join(', ')}`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.setViewportSize(size);
      for (const id of ids) {
        await test.step(id, async () => {
          await page.goto(`/?country=${id}&date=2025-07-10`);
          await expect(page.getByRole('complementary', { name: nameOf(id) })).toBeVisible();
          await waitForMapReady(page);
          await expect
            .poll(() => whereIs(page, capitalOf(id)), { message: `${id}'s capital` })
            .toBe('clear');
          await expect.poll(() => whereIs(page, KABUL), { message: 'Kabul' }).toBe('clear');
          await expect
            .poll(() => whereIs(page, AFGHANISTAN_NAME), { message: 'Afghanistan’s name' })
            .toBe('clear');
          expect(urlState(page)).toEqual({ country: id, date: '2025-07-10' });
        });
      }
    });
  }
});

for (const size of [
  { width: 768, height: 1024 },
  { width: 1024, height: 768 },
  { width: 1280, height: 800 },
]) {
  test(`${size.width}×${size.height}: the zoom buttons stay beside the panel, and zoom`, async ({
    page,
  }) => {
    await page.setViewportSize(size);
    await page.goto('/?country=CHN&date=2025-07-10');
    const panel = page.getByRole('complementary', { name: 'China' });
    await expect(panel).toBeVisible();
    await waitForMapReady(page);
    const zoomIn = page.getByRole('button', { name: 'Zoom in' });
    await expect(zoomIn).toBeInViewport({ ratio: 1 });
    const [button, side] = [(await zoomIn.boundingBox())!, (await panel.boundingBox())!];
    const apart =
      button.x + button.width <= side.x ||
      side.x + side.width <= button.x ||
      button.y + button.height <= side.y ||
      side.y + side.height <= button.y;
    expect(apart, `zoom in ${JSON.stringify(button)}, panel ${JSON.stringify(side)}`).toBe(true);
    // Framed clear of the buttons too.
    await expect.poll(() => whereIs(page, capitalOf('CHN'))).toBe('clear');
    await expect.poll(() => whereIs(page, KABUL)).toBe('clear');
    // A click reaches the button (Playwright refuses one the panel would take) and zooms in.
    const map = page.getByTestId('map');
    const before = Number(await map.getAttribute('data-zoom'));
    await zoomIn.click();
    await expect
      .poll(async () => Number(await map.getAttribute('data-zoom')))
      .toBeGreaterThan(before + 0.5);
  });
}

test('a search for China frames Beijing and Kabul, beside the panel', async ({ page }) => {
  await page.goto('/?date=2025-07-10');
  await waitForMapReady(page);
  const search = page.getByRole('combobox', { name: 'Search countries' });
  await search.fill('China');
  await search.press('Enter');
  await expect(page.getByRole('complementary', { name: 'China' })).toBeVisible();
  await expect.poll(() => whereIs(page, capitalOf('CHN'))).toBe('clear');
  await expect.poll(() => whereIs(page, KABUL)).toBe('clear');
  await waitForMapReady(page);
  await page.waitForTimeout(300); // the URL is written a task after the frame
  expect(urlState(page)).toEqual({ country: 'CHN', date: '2025-07-10' });
});

test('on a phone, tapping Pakistan frames Islamabad and Kabul above the sheet', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/?date=2025-07-10&center=50,50&zoom=2');
  await waitForMapReady(page);
  const { x, y } = await mapPointOf(page, 70, 29);
  const map = (await page.getByTestId('map').boundingBox())!;
  await page.mouse.click(map.x + x, map.y + y);
  await expect(page.getByRole('complementary', { name: 'Pakistan' })).toBeVisible();
  await expect.poll(() => whereIs(page, capitalOf('PAK'))).toBe('clear');
  await expect.poll(() => whereIs(page, KABUL)).toBe('clear');
});

test('closing the panel keeps the view where it is', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/?country=CHN&date=2025-07-10');
  await expect(page.getByRole('complementary', { name: 'China' })).toBeVisible();
  await expect.poll(() => whereIs(page, capitalOf('CHN'))).toBe('clear');
  await waitForMapReady(page);
  const map = page.getByTestId('map');
  const center = await map.getAttribute('data-center');
  const zoom = await map.getAttribute('data-zoom');
  await page.getByRole('button', { name: /close/i }).first().click();
  await expect(page.getByRole('complementary', { name: 'China' })).toHaveCount(0);
  await waitForMapReady(page);
  await expect(map).toHaveAttribute('data-center', center!);
  await expect(map).toHaveAttribute('data-zoom', zoom!);
});
