import { expect, test } from './fixtures.ts';

// Smoke test of the harness against the built app: the server starts, the page loads, the map mounts.
test('the app loads: title and map element', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle(/Kabul Engagement Atlas/);
  await expect(page.locator('[data-testid="map"]')).toBeVisible();
});
