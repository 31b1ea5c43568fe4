/**
 * `data-ready` is the contract automation relies on: "false" while a change renders, "true" once
 * the picture matches the state.
 */
import { PNG } from 'pngjs';
import { MAP_THEMES } from '../../src/lib/style.ts';
import { expect, test, waitForMapReady } from './fixtures.ts';
import { colourDistance, rgbOf, type Rgb } from './map-helpers.ts';

test('data-ready goes false while a date change renders, then true', async ({ page }) => {
  await page.goto('/?date=2025-06-15');
  await waitForMapReady(page);
  // Record every value the attribute takes from now on.
  await page.evaluate(() => {
    const map = document.querySelector('[data-testid="map"]')!;
    const seen: string[] = [];
    (window as unknown as { readySeen: string[] }).readySeen = seen;
    new MutationObserver(() => seen.push(map.getAttribute('data-ready') ?? '')).observe(map, {
      attributes: true,
      attributeFilter: ['data-ready'],
    });
  });
  await page.getByRole('slider', { name: 'Map date' }).press('ArrowRight');
  await waitForMapReady(page);
  const seen = await page.evaluate(() => (window as unknown as { readySeen: string[] }).readySeen);
  expect(seen).toEqual(['false', 'true']);
});

test('the map is not ready before its data has arrived', async ({ page }) => {
  // Hold the dataset back: the map must not claim to be ready without it.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/data/events.json', async (route) => {
    await held;
    await route.fallback();
  });
  await page.goto('/');
  await page.waitForTimeout(500);
  await expect(page.locator('[data-testid="map"][data-ready="true"]')).toHaveCount(0);
  release();
  await waitForMapReady(page);
});

test('the first picture is drawn whole, in one go, not source by source', async ({ page }) => {
  // Count the renders that draw anything before the map says it is ready: each render's draw
  // calls run in one task, so a draw after the microtasks of the last one starts a new render.
  await page.addInitScript(`
    window.drawingRenders = 0;
    let ready = false;
    let inRender = false;
    for (const proto of [WebGL2RenderingContext.prototype, WebGLRenderingContext.prototype]) {
      for (const name of ['drawArrays', 'drawElements', 'drawArraysInstanced', 'drawElementsInstanced', 'drawRangeElements']) {
        const call = proto[name];
        if (typeof call !== 'function') continue;
        proto[name] = function (...args) {
          if (!ready && !inRender) {
            inRender = true;
            window.drawingRenders++;
            queueMicrotask(() => (inRender = false));
          }
          return call.apply(this, args);
        };
      }
    }
    new MutationObserver(() => {
      const map = document.querySelector('[data-testid="map"]');
      if (map && map.getAttribute('data-ready') === 'true') ready = true;
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-ready'] });
  `);
  await page.goto('/?date=2025-06-15');
  await waitForMapReady(page);
  const renders = await page.evaluate(
    () => (window as unknown as { drawingRenders: number }).drawingRenders,
  );
  // One render draws the whole picture; the map may draw it once more before it settles.
  expect(renders).toBeGreaterThanOrEqual(1);
  expect(renders).toBeLessThanOrEqual(2);
});

/** How many pixels of `png` inside the box differ from `rgb`. */
function pixelsUnlike(
  png: PNG,
  rgb: Rgb,
  box: { left: number; right: number; bottom: number },
): number {
  let count = 0;
  for (let y = 0; y < box.bottom; y++) {
    for (let x = box.left; x < box.right; x++) {
      const i = (y * png.width + x) * 4;
      if (colourDistance([png.data[i]!, png.data[i + 1]!, png.data[i + 2]!], rgb) > 6) count++;
    }
  }
  return count;
}

test('until its first picture is complete, MapLibre shows only the ocean, under the picture engine’s map', async ({
  page,
}) => {
  // Hold back the labels' bold face: the labels' layer waits for it, so the map's picture is
  // not complete, but every other source is in.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/*noto-sans-latin-700-normal*.woff2', async (route) => {
    await held;
    await route.fallback();
  });
  // Not waiting for `load`: the page's load waits for the held face.
  await page.goto('/?date=2025-06-15', { waitUntil: 'commit' });
  await expect(page.getByTestId('map')).toHaveAttribute('data-center', /\d/);
  await page.waitForTimeout(1500);
  // Meanwhile the reader sees the picture engine's map (tests/e2e/static-first.test.ts); under
  // it, MapLibre's canvas must hold no partial picture to show through when it goes.
  const standIn = page.getByTestId('static-map');
  await expect(standIn).toHaveAttribute('data-drawn', 'true');
  await standIn.evaluate((element: HTMLElement) =>
    element.style.setProperty('visibility', 'hidden', 'important'),
  );
  const ocean = rgbOf(MAP_THEMES.light.ocean);
  // Straight from the browser: Playwright's screenshots wait for the page's fonts, one of
  // which is held.
  const box = (await page.getByTestId('map').boundingBox())!;
  const cdp = await page.context().newCDPSession(page);
  const shot = await cdp.send('Page.captureScreenshot', {
    format: 'png',
    clip: { ...box, scale: 1 },
  });
  const png = PNG.sync.read(Buffer.from(shot.data, 'base64'));
  // Clear of the key (left), the zoom buttons (top right) and the credit (bottom right).
  expect(
    pixelsUnlike(png, ocean, { left: 260, right: png.width - 60, bottom: png.height - 40 }),
  ).toBe(0);
  release();
  await waitForMapReady(page);
  // And then the whole picture at once: land over at least a third of the same box.
  const drawn = PNG.sync.read(await page.getByTestId('map').screenshot());
  const unlike = pixelsUnlike(drawn, ocean, {
    left: 260,
    right: drawn.width - 60,
    bottom: drawn.height - 40,
  });
  expect(unlike).toBeGreaterThan((drawn.width - 320) * (drawn.height - 40) * 0.3);
});
