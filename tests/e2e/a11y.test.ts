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
