/**
 * A bad dataset is refused with the validator's own messages on screen, never a blank map, and its
 * text is never run as markup.
 */
import { expect, maintainersProblems, READER_TOLD, test } from './fixtures.ts';

test('a dangling reference shows the validator’s message instead of the map', async ({ page }) => {
  await page.route('**/data/events.json', async (route) => {
    const response = await route.fetch();
    const data = (await response.json()) as { events: { actor: string }[] };
    data.events[1]!.actor = 'XXX';
    await route.fulfill({ response, json: data });
  });
  await page.goto('/');
  await expect(
    page.getByRole('heading', { level: 1, name: 'The atlas cannot be shown' }),
  ).toBeVisible();
  await expect(page.getByRole('alert')).toHaveText(READER_TOLD.invalid);
  // The reader is not handed developer instructions; the maintainer finds them in the disclosure.
  await expect(page.getByText('npm run validate')).toBeHidden();
  await expect(await maintainersProblems(page)).toHaveText([
    'events.json: events[1].actor: unknown actor "XXX"',
  ]);
  await expect(page.getByText(/npm run validate -- data/)).toBeVisible();
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
  await expect(await maintainersProblems(page)).toContainText([payload.slice(0, 20)]);
  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
  ).toBeUndefined();
  await expect(page.locator('.error img')).toHaveCount(0);
});

// Each way a file can fail to arrive is told apart: in one plain sentence for the reader, and in
// the maintainer's disclosure, the file and what happened to it.
test.describe('a file that does not arrive', () => {
  // Chromium logs the failed request itself; that console error is expected here. One pattern:
  // Playwright reads an option given as a pair of values as [value, options].
  test.use({
    allowedConsoleErrors: [
      /Failed to load resource: (the server responded with a status of (404|500)|net::ERR_FAILED)/,
    ],
  });

  const cases = [
    {
      what: 'a missing file (HTTP 404)',
      fail: { status: 404, body: 'not found' },
      told: READER_TOLD.missing,
      line: 'motives.json: file is missing (HTTP 404)',
      retry: false,
    },
    {
      what: 'a server error (HTTP 500)',
      fail: { status: 500, body: 'Internal Server Error' },
      told: READER_TOLD.server,
      line: 'motives.json: the server answered HTTP 500',
      retry: true,
    },
    {
      what: 'an unreadable file',
      fail: { status: 200, contentType: 'application/json', body: '{"motives": [' },
      told: READER_TOLD.unreadable,
      line: /^motives\.json: not valid JSON/,
      retry: false,
    },
    {
      what: 'a dropped connection',
      fail: 'abort' as const,
      told: READER_TOLD.network,
      line: /^motives\.json: could not be fetched/,
      retry: true,
    },
  ];
  for (const { what, fail, told, line, retry } of cases) {
    test(`${what} is told as such`, async ({ page }) => {
      await page.route('**/data/motives.json', (route) =>
        fail === 'abort' ? route.abort('failed') : route.fulfill(fail),
      );
      await page.goto('/');
      await expect(page.getByRole('alert')).toHaveText(told);
      await expect(page.getByRole('button', { name: 'Try again' })).toHaveCount(retry ? 1 : 0);
      await expect(await maintainersProblems(page)).toHaveText([line]);
      await expect(page.getByTestId('map')).toHaveCount(0);
    });
  }
});
