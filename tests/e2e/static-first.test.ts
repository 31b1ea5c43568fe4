/**
 * Static first (issue 19, item 2): the page's first map is the picture engine's SVG of the state,
 * drawn before MapLibre has arrived; it answers the pointer and the keyboard as the map does, and
 * MapLibre takes its place, where it stands, once its first picture is complete. MapLibre's script
 * is held back here (routed, released by the test), as a slow phone holds it back.
 */
import type { Page } from '@playwright/test';
import { differenceCiede2000 } from 'culori';
import { PNG } from 'pngjs';
import { engagementIndex, levelOn } from '../../src/lib/engagement.ts';
import { dataset, levelColour } from './data.ts';
import { expect, test, waitForMapReady } from './fixtures.ts';
import { hostOrigin, hostPage } from './host-page.ts';
import { colourDistance, hotspot, mapColourAt, mapPointOf, rgbOf } from './map-helpers.ts';

const DATE = '2025-07-10';
const CHINA = dataset.countries.find((c) => c.id === 'CHN')!;
const CHINA_AT: [number, number] = [103, 34];

/** Holds MapLibre's script until the returned function is called. */
async function holdMapLibre(page: Page): Promise<() => void> {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/maplibre-[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** The page's map while MapLibre is held back: the picture engine's, drawn. */
async function openHeld(page: Page, url: string): Promise<() => void> {
  const release = await holdMapLibre(page);
  // Not until `load`: the held script is one of the page's preloads.
  await page.goto(url, { waitUntil: 'commit' });
  await page.locator('[data-testid="static-map"][data-drawn="true"]').waitFor();
  return release;
}

test('before MapLibre arrives, the map is the picture engine’s: the date’s colours, a tooltip, a panel', async ({
  page,
}) => {
  const release = await openHeld(page, `/?date=${DATE}`);
  await expect(page.locator('canvas.maplibregl-canvas')).toHaveCount(0);
  const level = levelOn(engagementIndex(dataset), 'CHN', DATE)!.level;
  const colour = await mapColourAt(page, ...CHINA_AT, 3, 'static-map');
  expect(colourDistance(colour, rgbOf(levelColour(level)))).toBe(0);

  const map = page.getByTestId('static-map');
  const box = (await map.boundingBox())!;
  const at = await mapPointOf(page, ...CHINA_AT, 'static-map');
  await page.mouse.move(box.x + at.x, box.y + at.y);
  await expect(page.getByRole('tooltip')).toContainText(CHINA.name);
  await page.mouse.click(box.x + at.x, box.y + at.y);
  await expect(page.getByRole('heading', { level: 2, name: CHINA.name })).toBeVisible();
  await expect(page).toHaveURL(/country=CHN/);
  release();
  await waitForMapReady(page);
});

test('the keyboard reaches the countries on the picture before MapLibre arrives', async ({
  page,
}) => {
  const release = await openHeld(page, `/?date=${DATE}`);
  await hotspot(page, CHINA.name).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: CHINA.name })).toBeVisible();
  release();
  await waitForMapReady(page);
});

/** CIEDE2000 below this reads as the same colour (as the fidelity test). */
const SAME_COLOUR = 5;

/** The share of pixels of the same colour in two screenshots of the same size. */
function sameShare(a: PNG, b: PNG): number {
  const deltaE = differenceCiede2000();
  const hex = (png: PNG, i: number) =>
    `#${[0, 1, 2].map((c) => png.data[i * 4 + c]!.toString(16).padStart(2, '0')).join('')}`;
  const known = new Map<string, number>();
  let same = 0;
  const pixels = a.width * a.height;
  for (let i = 0; i < pixels; i++) {
    const pair = hex(a, i) + hex(b, i);
    let d = known.get(pair);
    if (d === undefined) known.set(pair, (d = deltaE(pair.slice(0, 7), pair.slice(7))));
    if (d <= SAME_COLOUR) same++;
  }
  return same / pixels;
}

test('MapLibre takes the picture’s place where it stands: the same map before and after', async ({
  page,
}) => {
  const release = await openHeld(page, `/?date=${DATE}&country=CHN`);
  const stage = page.locator('main.stage');
  // The panel and the key are the same in both; only the map changes hands.
  const before = PNG.sync.read(await stage.screenshot({ animations: 'disabled' }));
  const camera = await page.getByTestId('static-map').getAttribute('data-center');
  release();
  await waitForMapReady(page);
  await expect(page.getByTestId('static-map')).toHaveCount(0);
  expect(await page.getByTestId('map').getAttribute('data-center')).toBe(camera);
  const after = PNG.sync.read(await stage.screenshot({ animations: 'disabled' }));
  expect(after.width).toBe(before.width);
  // Text differs at its edges (MapLibre sets glyphs from distance fields), and MapLibre adds its
  // zoom buttons and attribution; everything else is the same picture.
  expect(sameShare(before, after)).toBeGreaterThan(0.95);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('MapLibre waits for the reader’s first touch; the picture answers it', async ({ page }) => {
    const asked: string[] = [];
    page.on('request', (r) => {
      if (/\/assets\/maplibre-[^/]*\.js$/.test(r.url())) asked.push(r.url());
    });
    await page.goto(`/?date=${DATE}`);
    await page.locator('[data-testid="static-map"][data-drawn="true"]').waitFor();
    await page.waitForTimeout(1000);
    expect(asked).toEqual([]);
    await expect(page.locator('canvas.maplibregl-canvas')).toHaveCount(0);

    // A tap on China: its panel, from the picture; and MapLibre, asked for now, takes over.
    const box = (await page.getByTestId('static-map').boundingBox())!;
    const at = await mapPointOf(page, ...CHINA_AT, 'static-map');
    await page.touchscreen.tap(box.x + at.x, box.y + at.y);
    await expect(page.getByRole('heading', { level: 2, name: CHINA.name })).toBeVisible();
    await page.locator('[data-testid="map"][data-ready="true"]').waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('static-map')).toHaveCount(0);
    expect(asked.length).toBeGreaterThan(0);
  });
});

test.describe('in an article', () => {
  const HOST = 9;
  test.use({ hostOrigins: [hostOrigin(HOST)] });

  test('an embed below the fold loads MapLibre only when it comes into view', async ({
    page,
    baseURL,
  }) => {
    // Not lazy: the frame loads with the article, as a newsroom's own iframe may.
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>An article</title></head>
<body style="margin: 0 auto; max-width: 680px"><h1>An article</h1><p style="height: 2400px">A long first part.</p>
<iframe src="${baseURL}embed.html?date=${DATE}" title="Atlas below the fold" style="width: 100%; height: 700px; border: 0"></iframe>
</body></html>`;
    const host = await hostPage(html, HOST);
    try {
      const mapLibreAsked: string[] = [];
      page.on('request', (r) => {
        if (/\/assets\/maplibre-[^/]*\.js$/.test(r.url())) mapLibreAsked.push(r.url());
      });
      await page.setViewportSize({ width: 1000, height: 800 });
      await page.goto(host.url);
      const frame = page.frameLocator('iframe[title="Atlas below the fold"]');
      await frame.locator('[data-testid="static-map"][data-drawn="true"]').waitFor();
      await page.waitForTimeout(1000);
      expect(mapLibreAsked).toEqual([]);
      await expect(frame.locator('canvas')).toHaveCount(0);

      await page.locator('iframe[title="Atlas below the fold"]').scrollIntoViewIfNeeded();
      await frame.locator('[data-testid="map"][data-ready="true"]').waitFor({ timeout: 30_000 });
      await expect(frame.getByTestId('static-map')).toHaveCount(0);
      expect(mapLibreAsked.length).toBeGreaterThan(0);
    } finally {
      host.close();
    }
  });
});
