/**
 * The page on how the atlas works (`?view=method`): linkable, reached from the key and the
 * footer, each level defined with an example from the data, and back to the map.
 */
import { levelExamples } from '../../src/lib/method.ts';
import { expectNoSeriousAxeViolations } from './axe.ts';
import { dataset } from './data.ts';
import { expect, test, waitForMapReady } from './fixtures.ts';

const page$ = (page: import('@playwright/test').Page) =>
  page.getByRole('article', { name: 'How the atlas works' });

test('a link opens it: every level with its definition and its first example in the data', async ({
  page,
}) => {
  await page.goto('/?view=method');
  const method = page$(page);
  await expect(method).toBeVisible();
  for (const level of levelExamples(dataset)) {
    const term = method.getByRole('term').filter({ hasText: level.label });
    await expect(term).toBeVisible();
    await expect(method).toContainText(level.description);
    if (level.example) await expect(method).toContainText(level.example.summary);
  }
  await expect(method.getByRole('heading', { name: 'How to cite' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
});

test('the key and the footer lead to it, and "Back to the map" returns', async ({ page }) => {
  await page.goto('/?date=2025-07-10');
  await waitForMapReady(page);
  await page
    .getByRole('region', { name: 'Engagement with Kabul' })
    .getByRole('link', { name: 'How the levels are set' })
    .click();
  await expect(page$(page)).toBeVisible();
  await expect(page).toHaveURL(/view=method/);
  await expect(page).toHaveURL(/date=2025-07-10/);

  await page$(page).getByRole('button', { name: 'Back to the map' }).click();
  await expect(page$(page)).toHaveCount(0);
  await expect(page).not.toHaveURL(/view=/);

  await page.getByRole('contentinfo').getByRole('link', { name: 'How the atlas works' }).click();
  await expect(page$(page)).toBeVisible();
  await expect(page).toHaveURL(/view=method/);
});
