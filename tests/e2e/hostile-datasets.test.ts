/**
 * Every hostile dataset (tests/fixtures/hostile-datasets.ts) and every broken-* fixture folder
 * the app can see, served in place of the shipped data: the app shows the error screen with the
 * validator's own line for the defect, draws no map, and never turns injected markup into
 * elements or runs it.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { readDatasetFolder, REPO_ROOT, shippedGeometryIds } from '../../scripts/dataset-files.ts';
import { formatProblem, validateDataset } from '../../src/lib/validate.ts';
import {
  HOSTILE_DATASETS,
  hostileTexts,
  minimalTexts,
  type DatasetTexts,
  type HostileDataset,
} from '../fixtures/hostile-datasets.ts';
import { expect, maintainersProblems, READER_TOLD, test, waitForMapReady } from './fixtures.ts';

/** The error screen lists at most this many problems (src/ui/ErrorScreen.svelte). */
const SHOWN = 200;

const geometryIds = shippedGeometryIds();

/** The problem lines the app's own check gives: shipped geometry, no founding article. */
function appProblems(files: DatasetTexts): string[] {
  const result = validateDataset(files, { geometryIds });
  return result.ok ? [] : result.problems.map(formatProblem);
}

/**
 * Opens the app on `files` and checks the refusal: the heading, the expected line and as many
 * lines as the validator gives (up to what the screen lists), no map, and no markup turned into
 * elements or run. Soft, so one run reports every case of a batch that fails.
 */
async function expectRefused(
  page: Page,
  files: DatasetTexts,
  line: RegExp,
  told: RegExp,
): Promise<void> {
  const expected = appProblems(files);
  await page.goto('/');
  await expect
    .soft(page.getByRole('heading', { level: 1, name: 'The atlas cannot be shown' }))
    .toBeVisible();
  await expect.soft(page.getByRole('alert')).toHaveText(told);
  const items = await maintainersProblems(page);
  await expect.soft(items.filter({ hasText: line }).first()).toBeVisible();
  await expect.soft(items).toHaveCount(Math.min(expected.length, SHOWN));
  await expect.soft(page.getByTestId('map')).toHaveCount(0);
  await expect.soft(page.locator('canvas')).toHaveCount(0);
  await expect.soft(page.locator('[data-pwned]')).toHaveCount(0);
  expect
    .soft(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned))
    .toBeUndefined();
}

/** Serves whatever `current()` holds as the app's data/*.json; a file that is not there is a 404. */
async function serve(page: Page, current: () => DatasetTexts): Promise<void> {
  await page.route('**/data/*.json', (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop() ?? '';
    const body = current()[name];
    return body === undefined
      ? route.fulfill({ status: 404, body: 'not found' })
      : route.fulfill({ status: 200, contentType: 'application/json', body });
  });
}

interface Case {
  name: string;
  files: () => DatasetTexts;
  line: RegExp;
  /** What the reader is told: the sentence for a missing file, an unreadable one, or bad data. */
  told: RegExp;
}

/** Time per case: a fraction of a second on an idle machine, several seconds on a busy one. */
const PER_CASE_MS = 10_000;

/**
 * Runs cases one after another in one page, each as a step named for it. A fresh browser context
 * per case costs about four times the page load itself (software rendering, 2 cores), which would
 * put 170 cases far past a minute; a new navigation per case keeps them as isolated as the app is.
 */
async function refuseAll(page: Page, cases: Case[]): Promise<void> {
  test.setTimeout(cases.length * PER_CASE_MS);
  let files: DatasetTexts = {};
  await serve(page, () => files);
  for (const c of cases) {
    await test.step(c.name, async () => {
      files = c.files();
      await expectRefused(page, files, c.line, c.told);
    });
  }
}

/** Batches of at most `size`, so the two workers share the load evenly. */
function batches<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const BATCH = 12;

test('the minimal fixture itself, served the same way, draws the map', async ({ page }) => {
  const files = minimalTexts();
  await serve(page, () => files);
  await page.goto('/');
  await waitForMapReady(page);
  await expect(page.getByRole('heading', { name: 'The atlas cannot be shown' })).toHaveCount(0);
});

const tableCase = (c: HostileDataset): Case => ({
  name: c.name,
  files: () => hostileTexts(c),
  line: c.expect,
  told:
    c.category === 'missing file'
      ? READER_TOLD.missing
      : c.category === 'malformed JSON'
        ? READER_TOLD.unreadable
        : READER_TOLD.invalid,
});

const categories = [...new Set(HOSTILE_DATASETS.map((c) => c.category))];

for (const category of categories.filter((c) => c !== 'missing file')) {
  const cases = HOSTILE_DATASETS.filter((c) => c.category === category).map(tableCase);
  batches(cases, BATCH).forEach((batch, i, all) => {
    const part = all.length > 1 ? ` (${i + 1} of ${all.length})` : '';
    test(`${category}${part}: ${batch.length} datasets refused on screen`, async ({ page }) => {
      await refuseAll(page, batch);
    });
  });
}

const folderFiles = (folder: string) => () =>
  readDatasetFolder(join(REPO_ROOT, 'tests/fixtures/datasets', folder));

test.describe('missing files', () => {
  // Chromium logs the 404 of each missing file; that console error, and only it, is expected here.
  test.use({
    allowedConsoleErrors: [/Failed to load resource: the server responded with a status of 404/],
  });

  test('each missing file is refused on screen', async ({ page }) => {
    await refuseAll(page, [
      ...HOSTILE_DATASETS.filter((c) => c.category === 'missing file').map(tableCase),
      {
        name: 'broken-missing-file',
        files: folderFiles('broken-missing-file'),
        line: /^events\.json: file is missing/,
        told: READER_TOLD.missing,
      },
    ]);
  });
});

// The geometry is not part of a dataset folder, but the app reads it first: without it, or with
// garbage in its place, the app must still say so rather than draw nothing.
test.describe('the geometry', () => {
  test.use({
    allowedConsoleErrors: [/Failed to load resource: the server responded with a status of 404/],
  });

  const cases = [
    {
      what: 'missing',
      status: 404,
      body: 'not found',
      line: /^geo\/countries\.json: file is missing \(HTTP 404\)$/,
      told: READER_TOLD.missing,
    },
    {
      what: 'not JSON',
      status: 200,
      body: '<html>',
      line: /^geo\/countries\.json: not valid JSON/,
      told: READER_TOLD.unreadable,
    },
  ];
  for (const { what, status, body, line, told } of cases) {
    test(`${what}, it is refused on screen`, async ({ page }) => {
      await page.route('**/geo/countries.json', (route) => route.fulfill({ status, body }));
      await page.goto('/');
      await expect(page.getByRole('heading', { name: 'The atlas cannot be shown' })).toBeVisible();
      await expect(page.getByRole('alert')).toHaveText(told);
      await expect((await maintainersProblems(page)).filter({ hasText: line })).toHaveCount(1);
      await expect(page.locator('canvas')).toHaveCount(0);
    });
  }
});

// The other broken-* folders, each expecting its first line as the app's own check gives it.
// broken-not-verbatim is left out: only the Node validator, which has the founding article, sees it.
const folders = readdirSync(join(REPO_ROOT, 'tests/fixtures/datasets')).filter(
  (d) => d.startsWith('broken-') && d !== 'broken-missing-file' && d !== 'broken-not-verbatim',
);
const folderCases: Case[] = folders.map((folder) => {
  const [first = `${folder} passes the app's check`] = appProblems(folderFiles(folder)());
  const literal = first.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return {
    name: folder,
    files: folderFiles(folder),
    line: new RegExp(`^${literal}$`),
    told: folder === 'broken-not-json' ? READER_TOLD.unreadable : READER_TOLD.invalid,
  };
});

batches(folderCases, BATCH).forEach((batch, i, all) => {
  test(`broken-* folders (${i + 1} of ${all.length}) refused on screen`, async ({ page }) => {
    await refuseAll(page, batch);
  });
});
