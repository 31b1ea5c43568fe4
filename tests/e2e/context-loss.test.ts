/**
 * A lost WebGL context, as a browser loses one (a GPU reset, too many contexts, a driver update):
 * forced here with WEBGL_lose_context on the visible map's canvas. The map must come back in the
 * right colours and keep answering, and while it is gone it must say so without a storm of errors
 * (the fixtures fail a test on any console error).
 */
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import type { Topology } from 'topojson-specification';
import { countryFeatures, frameOf } from '../../src/lib/countries.ts';
import { sceneMapState } from '../../src/lib/scene-view.ts';
import { dataset, levelColour } from './data.ts';
import { expect, test, waitForMapReady } from './fixtures.ts';
import { colourDistance, hotspot, mapColourAt, mapPointOf, rgbOf } from './map-helpers.ts';

const RUSSIA: [number, number] = [48, 57];
/** Russia east of the Urals: clear of the notice at the top of the map. */
const SIBERIA: [number, number] = [100, 58];

/** Takes the visible map's WebGL context away; `restoreContext` gives it back. */
async function loseContext(page: Page): Promise<void> {
  await page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>(
      '[data-testid="map"] canvas.maplibregl-canvas',
    )!;
    const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
    const extension = gl!.getExtension('WEBGL_lose_context')!;
    (window as unknown as { lostContext: WEBGL_lose_context }).lostContext = extension;
    extension.loseContext();
  });
}

async function restoreContext(page: Page): Promise<void> {
  await page.evaluate(() =>
    (window as unknown as { lostContext: WEBGL_lose_context }).lostContext.restoreContext(),
  );
}

async function expectRussia(page: Page, level: string) {
  expect(colourDistance(await mapColourAt(page, ...RUSSIA), rgbOf(levelColour(level)))).toBe(0);
}

const status = (page: Page) => page.getByRole('status').filter({ hasText: /map/ });

test('the map draws again in the right colours after its context is lost and restored', async ({
  page,
}) => {
  await page.goto('/?date=2025-07-02');
  await waitForMapReady(page);
  await expectRussia(page, 'ambassador');
  await loseContext(page);
  await expect(status(page)).toHaveText('Redrawing the map…');
  await expect(page.getByTestId('map')).toHaveAttribute('data-ready', 'false');
  await restoreContext(page);
  await waitForMapReady(page);
  await expect(status(page)).toHaveCount(0);
  await expectRussia(page, 'ambassador');
  // Afghanistan, the focus, and the ocean south of Pakistan.
  expect(colourDistance(await mapColourAt(page, 66, 33), rgbOf(levelColour('focus')))).toBe(0);
});

test('after the context is back, a date change recolours the map', async ({ page }) => {
  await page.goto('/?date=2025-07-02');
  await waitForMapReady(page);
  await loseContext(page);
  await restoreContext(page);
  await waitForMapReady(page);
  await page.getByRole('slider', { name: 'Map date' }).press('ArrowRight');
  await expect(page).toHaveURL(/date=2025-07-03/);
  await waitForMapReady(page);
  await expectRussia(page, 'recognition');
});

test('a context that stays lost: a notice, no errors while the reader goes on, and Redraw brings the map back', async ({
  page,
}) => {
  await page.goto('/?date=2025-07-01');
  await waitForMapReady(page);
  await loseContext(page);
  await expect(status(page)).toContainText('The map is a still picture for now', { timeout: 8000 });
  // The reader carries on: dates, a wheel and a drag over the lost map.
  const slider = page.getByRole('slider', { name: 'Map date' });
  for (let i = 0; i < 2; i++) await slider.press('ArrowRight');
  await expect(page).toHaveURL(/date=2025-07-03/);
  const box = (await page.getByTestId('map').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -300);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 80, box.y + box.height / 2, { steps: 4 });
  await page.mouse.up();
  await page.waitForTimeout(500);
  // Meanwhile the picture engine's map stands in, on the new date.
  expect(
    colourDistance(
      await mapColourAt(page, ...SIBERIA, 3, 'static-map'),
      rgbOf(levelColour('recognition')),
    ),
  ).toBe(0);
  await page.getByRole('button', { name: 'Redraw the map' }).click();
  await waitForMapReady(page);
  await expect(status(page)).toHaveCount(0);
  await expectRussia(page, 'recognition');
});

test('a scene changed while the context is lost is where the map comes back', async ({ page }) => {
  const topology = JSON.parse(readFileSync('public/geo/countries.json', 'utf8')) as Topology;
  const frames = new Map(
    countryFeatures(topology).features.map((f) => [f.properties.id, frameOf(f.geometry)]),
  );
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/?mode=present&scene=1');
  await waitForMapReady(page);
  await loseContext(page);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(dataset.scenes[1]!.title);
  await restoreContext(page);
  await waitForMapReady(page);
  const map = page.getByTestId('map');
  const box = (await map.boundingBox())!;
  const expected = sceneMapState(
    dataset.scenes[1]!,
    { width: Math.round(box.width), height: Math.round(box.height) },
    frames,
  ).camera;
  const [lon, lat] = (await map.getAttribute('data-center'))!.split(',').map(Number) as [
    number,
    number,
  ];
  expect(Math.abs(Number(await map.getAttribute('data-zoom')) - expected.zoom)).toBeLessThan(0.01);
  expect(Math.abs(lon - expected.lon)).toBeLessThan(0.05);
  expect(Math.abs(lat - expected.lat)).toBeLessThan(0.05);
});

test('a browser that gives the page no WebGL gets the picture engine’s map: colours, a click, a key', async ({
  page,
}) => {
  await page.addInitScript(() => {
    const getContext = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, ...args) {
      return String(args[0]).startsWith('webgl') ? null : getContext.apply(this, args);
    } as typeof getContext;
  });
  await page.goto('/?date=2025-07-10');
  await expect(status(page)).toContainText('the map is a still picture');
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
  const standIn = page.getByTestId('static-map');
  await expect(standIn).toHaveAttribute('data-drawn', 'true');
  expect(
    colourDistance(
      await mapColourAt(page, ...SIBERIA, 3, 'static-map'),
      rgbOf(levelColour('recognition')),
    ),
  ).toBe(0);
  // A click on Russia opens its panel.
  const box = (await standIn.boundingBox())!;
  const at = await mapPointOf(page, ...SIBERIA, 'static-map');
  await page.mouse.click(box.x + at.x, box.y + at.y);
  await expect(page.getByRole('heading', { level: 2, name: 'Russia' })).toBeVisible();
  await page.keyboard.press('Escape');
  // The keyboard reaches China through its button on the picture.
  await hotspot(page, 'China').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'China' })).toBeVisible();
  // The rest of the atlas still works: the table lists the countries.
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Table' }).click();
  await expect(page.getByRole('table', { name: 'Engagement with Kabul by country' })).toBeVisible();
});
