import { expectNoSeriousAxeViolations } from './axe.ts';
import { test, waitForMapReady } from './fixtures.ts';

test('the map view has no serious or critical accessibility violation', async ({ page }) => {
  await page.goto('/');
  await waitForMapReady(page);
  await expectNoSeriousAxeViolations(page);
});

test('the error screen has no serious or critical accessibility violation', async ({ page }) => {
  await page.route('**/data/events.json', (route) =>
    route.fulfill({ status: 200, body: '{"events": 1}' }),
  );
  await page.goto('/');
  await page.getByRole('alert').waitFor();
  await expectNoSeriousAxeViolations(page);
});

test('a country’s panel has no serious or critical accessibility violation', async ({ page }) => {
  await page.goto('/?country=RUS&date=2025-07-10');
  await page.getByRole('complementary', { name: 'Russia' }).waitFor();
  await waitForMapReady(page);
  await expectNoSeriousAxeViolations(page);
});

test('Afghanistan’s panel has no serious or critical accessibility violation', async ({ page }) => {
  await page.goto('/?country=AFG');
  await page.getByRole('complementary', { name: 'Afghanistan' }).waitFor();
  await expectNoSeriousAxeViolations(page);
});

test('the table view has no serious or critical accessibility violation', async ({ page }) => {
  await page.goto('/?view=table');
  await page.getByRole('table').waitFor();
  await expectNoSeriousAxeViolations(page);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test('the map and the bottom sheet have no serious or critical accessibility violation', async ({
    page,
  }) => {
    await page.goto('/?country=PAK');
    await page.getByRole('complementary', { name: 'Pakistan' }).waitFor();
    await waitForMapReady(page);
    await expectNoSeriousAxeViolations(page);
  });
});
