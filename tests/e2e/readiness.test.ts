/**
 * `data-ready` is the contract automation relies on: "false" while a change renders, "true" once
 * the picture matches the state.
 */
import { expect, test, waitForMapReady } from './fixtures.ts';

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
