/**
 * Every malformed URL of tests/fixtures/hostile-urls.ts, opened in the app on the shipped data:
 * the notice says what was ignored, the map is there, nothing injected becomes an element or runs,
 * the address bar is rewritten to a clean URL, and no console error is logged (the fixtures fail
 * a test on any).
 */
import type { Page } from '@playwright/test';
import { HOSTILE_URLS, shippedUrlContext, type HostileUrl } from '../fixtures/hostile-urls.ts';
import { parseUrlState } from '../../src/lib/url-state.ts';
import { expect, test, waitForMapReady } from './fixtures.ts';

const context = shippedUrlContext();

/** Opens a hostile URL and checks the page's answer to it. Soft, so a batch reports every miss. */
async function expectSafe(page: Page, c: HostileUrl): Promise<void> {
  await page.goto(`/${c.search}`);
  await expect.soft(page.getByRole('status').filter({ hasText: c.notice })).toBeVisible();
  await expect.soft(page.getByTestId('map')).toBeAttached();
  await expect.soft(page.locator('[data-pwned]')).toHaveCount(0);
  expect
    .soft(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned))
    .toBeUndefined();
  // The app writes its state back to the address bar: what it wrote is clean.
  await expect
    .soft(() => {
      const search = new URL(page.url()).search;
      expect(search).not.toContain('pwned');
      expect(parseUrlState(search, context).notices).toEqual([]);
    })
    .toPass({ timeout: 5_000 });
}

/**
 * The test server, like most, refuses a request line over 16 KB (431). The 100 KB URLs test the
 * app, not the server, so their page is fetched without the query and served under the long URL.
 */
async function serveLongUrls(page: Page): Promise<void> {
  await page.route(
    (url) => url.pathname === '/' && url.href.length > 8_000,
    async (route) => {
      const response = await route.fetch({ url: new URL('/', route.request().url()).href });
      await route.fulfill({ response });
    },
  );
}

/**
 * URLs one after another in one page, each a step named for it: a fresh browser context per URL
 * costs several times the page load itself (software rendering, 2 cores).
 */
async function openAll(page: Page, cases: HostileUrl[]): Promise<void> {
  await serveLongUrls(page);
  for (const c of cases) {
    const name = c.search.length > 70 ? `${c.search.slice(0, 67)}…` : c.search;
    await test.step(name, () => expectSafe(page, c));
  }
}

const exploring = HOSTILE_URLS.filter((c) => !c.presenting);
const BATCH = 8;
/** Time per URL: each load starts the map in software WebGL, which a busy 2-core machine slows a lot. */
const PER_URL_MS = 20_000;

for (let i = 0; i < exploring.length; i += BATCH) {
  const batch = exploring.slice(i, i + BATCH);
  const categories = [...new Set(batch.map((c) => c.category))].join('; ');
  const part = `${i / BATCH + 1} of ${Math.ceil(exploring.length / BATCH)}`;
  test(`malformed URLs (${part}): ${categories}`, async ({ page }) => {
    test.setTimeout(batch.length * PER_URL_MS);
    await openAll(page, batch);
  });
}

test('after a bad URL the map still draws in full', async ({ page }) => {
  test.setTimeout(3 * 40_000);
  for (const c of [
    HOSTILE_URLS.find((u) => u.category === 'injection')!,
    HOSTILE_URLS.find((u) => u.category === 'camera')!,
    HOSTILE_URLS.find((u) => u.search.startsWith('?k0=1'))!,
  ]) {
    await test.step(c.search.slice(0, 60), async () => {
      await page.goto(`/${c.search}`);
      await waitForMapReady(page);
      await expect(page.getByRole('status').filter({ hasText: c.notice })).toBeVisible();
    });
  }
});

// A bad scene or auto-advance falls back safely, to the first scene and no auto-advance, and the
// presentation says so beside the scene card.
for (const c of HOSTILE_URLS.filter((u) => u.presenting)) {
  test(`presenting, ${c.search} falls back to the first scene with a notice`, async ({ page }) => {
    await page.goto(`/${c.search}`);
    await expect(page.getByText(/^Scene 1 of \d+/)).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: c.notice })).toBeVisible();
    await expect.poll(() => parseUrlState(new URL(page.url()).search, context).state.scene).toBe(1);
  });
}
