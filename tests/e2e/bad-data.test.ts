/**
 * A bad dataset is refused with the validator's own messages on screen, never a blank map, and its
 * text is never run as markup.
 */
import { expect, test } from './fixtures.ts';

test('a dangling reference shows the validator’s message instead of the map', async ({ page }) => {
  await page.route('**/data/events.json', async (route) => {
    const response = await route.fetch();
    const data = (await response.json()) as { events: { actor: string }[] };
    data.events[1]!.actor = 'XXX';
    await route.fulfill({ response, json: data });
  });
  await page.goto('/');
  await expect(
    page.getByRole('heading', { level: 1, name: 'This dataset cannot be shown' }),
  ).toBeVisible();
  await expect(page.getByRole('alert')).toContainText(
    'events.json: events[1].actor: unknown actor "XXX"',
  );
  await expect(page.getByTestId('map')).toHaveCount(0);
});

test('markup in a data file is shown as text, not run', async ({ page }) => {
  const payload = '<img src=x onerror=window.__pwned=1>';
  await page.route('**/data/events.json', async (route) => {
    const response = await route.fetch();
    const data = (await response.json()) as { events: { id: string }[] };
    data.events[0]!.id = payload;
    await route.fulfill({ response, json: data });
  });
  await page.goto('/');
  await expect(page.getByRole('alert')).toContainText(payload.slice(0, 20));
  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
  ).toBeUndefined();
  await expect(page.locator('.error img')).toHaveCount(0);
});

test.describe('a missing file', () => {
  // Chromium logs the 404 of the missing file itself; that one console error is expected here.
  test.use({
    allowedConsoleErrors: [/Failed to load resource: the server responded with a status of 404/],
  });

  test('is named on screen', async ({ page }) => {
    await page.route('**/data/motives.json', (route) =>
      route.fulfill({ status: 404, body: 'not found' }),
    );
    await page.goto('/');
    await expect(page.getByRole('alert')).toContainText('motives.json: file is missing');
  });
});
