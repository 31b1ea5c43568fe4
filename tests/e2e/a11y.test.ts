import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './axe.ts';
import { expect, test, waitForMapReady } from './fixtures.ts';

/**
 * The elements axe's target-size rule (WCAG 2.2 2.5.8, which Lighthouse runs and axe's defaults
 * leave out) finds smaller than 24 × 24 px with a neighbour closer than that.
 */
async function smallTargets(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withRules(['target-size']).analyze();
  return results.violations.flatMap((v) =>
    v.nodes.map((node) => node.target.map(String).join(' ')),
  );
}

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

test('the legend’s filters and the timeline’s slider and ticks are targets of 24 × 24 px', async ({
  page,
}) => {
  await page.goto('/?date=2025-07-10');
  await waitForMapReady(page);
  expect(await smallTargets(page)).toEqual([]);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test('the key’s filters and the timeline’s slider and ticks are targets of 24 × 24 px', async ({
    page,
  }) => {
    await page.goto('/');
    await waitForMapReady(page);
    await page.getByRole('button', { name: 'Key and filters' }).click();
    expect(await smallTargets(page)).toEqual([]);
  });

  test('the map and the bottom sheet have no serious or critical accessibility violation', async ({
    page,
  }) => {
    await page.goto('/?country=PAK');
    await page.getByRole('complementary', { name: 'Pakistan' }).waitFor();
    await waitForMapReady(page);
    await expectNoSeriousAxeViolations(page);
  });
});
