/**
 * The page on how the atlas works (`?view=method`): linkable, reached from the key and the
 * footer, each level defined with an example from the data, and back to the map.
 */
import { formatDate } from '../../src/lib/dates.ts';
import { editionWords } from '../../src/lib/edition.ts';
import { correctionsLog, levelExamples, sourceKindCounts } from '../../src/lib/method.ts';
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

test('the corrections log lists every edition, newest first', async ({ page }) => {
  await page.goto('/?view=method');
  const log = page$(page).getByRole('region', { name: 'Corrections log' }).getByRole('listitem');
  await expect(log).toHaveCount(dataset.changelog.length);
  const entries = correctionsLog(dataset);
  for (const [i, entry] of entries.entries())
    await expect(log.nth(i)).toContainText(
      `Edition ${entry.edition}, ${entry.date}. ${entry.summary}`,
    );
});

test('each source kind with how many sources of the data have it', async ({ page }) => {
  await page.goto('/?view=method');
  const table = page$(page).getByRole('table', { name: 'Who speaks in a source' });
  for (const kind of sourceKindCounts(dataset)) {
    const row = table
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: kind.kind }) });
    await expect(row.getByRole('cell')).toHaveText([kind.description, String(kind.count)]);
  }
});

test('how to cite gives the edition and the review date', async ({ page }) => {
  await page.goto('/?view=method');
  const cite = page$(page).getByRole('region', { name: 'How to cite' });
  await expect(cite).toContainText(
    `${dataset.meta.title}, edition ${dataset.meta.edition}, data reviewed through ${formatDate(dataset.meta.reviewedThrough)}.`,
  );
});

test('the source line under the map names the edition beside the review date', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('contentinfo')).toContainText(`; ${editionWords(dataset.meta)}.`);
});
