/**
 * The atlas in an article (issue 19, item 1): a host page on a second loopback origin embeds two
 * atlases with the snippets the Share dialog gives (an iframe with embed.js, and the
 * <kabul-atlas> element); each renders, takes its content's height with no scroll bar inside,
 * answers to the keyboard and the pointer, and links to the full atlas at its state. The full app
 * in an iframe is refused. The server's headers, its 405 and its oEmbed answers.
 */
import type { FrameLocator, Page } from '@playwright/test';
import { elementSnippet, formatEmbedSearch, iframeSnippet } from '../../src/lib/embed.ts';
import { parsePolicy } from '../../scripts/csp.ts';
import { expectNoSeriousAxeViolations } from './axe.ts';
import { expect, test, waitForMapReady } from './fixtures.ts';
import { hostOrigin, hostPage } from './host-page.ts';
import { mapPointOf } from './map-helpers.ts';

/** The host page's offset past the app's port (host-page.ts). */
const HOST = 7;
const HOST_ORIGIN = hostOrigin(HOST);

/** The article: text, an iframe embed of 10 July 2025, the element with the map alone, the app. */
function article(base: string): string {
  const first = iframeSnippet({ base, search: '?date=2025-07-10', title: 'Atlas with controls' });
  const second = elementSnippet({
    base,
    search: formatEmbedSearch('?country=CHN', { controls: new Set(), theme: 'dark' }),
    title: 'Atlas map alone',
  });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>An article</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="max-width: 680px; margin: 0 auto; font-family: serif">
<h1>An article</h1><p>Before the first embed.</p>${first}
<p>Between the two.</p>${second}
<p>After them.</p><iframe src="${base}" title="The full app" style="width: 100%; height: 300px"></iframe>
</body></html>`;
}

/** The iframe's height on the host page, and whether its document scrolls inside. */
async function fit(page: Page, title: string, frame: FrameLocator) {
  const height = await page
    .locator(`iframe[title="${title}"]`)
    .evaluate((el) => el.getBoundingClientRect().height);
  const inner = await frame
    .locator('html')
    .evaluate((el) => ({ scroll: el.scrollHeight, view: window.innerHeight }));
  return { height, scrolls: inner.scroll > inner.view };
}

test.describe('embedded in an article on another origin', () => {
  // The browser's own report of the refused frame, which the test expects.
  test.use({ allowedConsoleErrors: [/frame-ancestors 'none'/], hostOrigins: [HOST_ORIGIN] });

  test('two embeds render, fit their content, answer input, and the app refuses framing', async ({
    page,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const host = await hostPage(article(baseURL!), HOST);
    const refused: string[] = [];
    page.on('console', (m) => {
      if (m.text().includes("frame-ancestors 'none'")) refused.push(m.text());
    });
    try {
      await page.setViewportSize({ width: 1000, height: 1600 });
      await page.goto(host.url);
      const one = page.frameLocator('iframe[title="Atlas with controls"]');
      const two = page.frameLocator('iframe[title="Atlas map alone"]');
      await one.locator('[data-testid="map"][data-ready="true"]').waitFor({ timeout: 30_000 });
      await two.locator('[data-testid="map"][data-ready="true"]').waitFor({ timeout: 30_000 });

      // Each takes its own content's height, with nothing to scroll inside.
      await expect
        .poll(async () => (await fit(page, 'Atlas with controls', one)).scrolls)
        .toBe(false);
      await expect.poll(async () => (await fit(page, 'Atlas map alone', two)).scrolls).toBe(false);
      const first = await fit(page, 'Atlas with controls', one);
      const second = await fit(page, 'Atlas map alone', two);
      expect(first.height).not.toBe(560);
      expect(second.height).not.toBe(560);
      expect(first.height - second.height).toBeGreaterThan(150);

      // The keyboard: the timeline's slider goes to the first day.
      await expect(one.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(one.getByRole('banner')).toContainText('10 July 2025');
      await one.getByRole('slider').focus();
      await page.keyboard.press('Home');
      await expect(one.getByRole('banner')).toContainText('15 August 2021');
      await page.keyboard.press('End');

      // The pointer: China clicked on the map opens its panel, and the frame grows to show it.
      const map = one.getByTestId('map');
      await waitForFrameMap(one);
      const box = (await map.boundingBox())!;
      const china = await mapPointOf(one, 104, 33);
      await page.mouse.click(box.x + china.x, box.y + china.y);
      await expect(one.getByRole('complementary', { name: 'China' })).toBeVisible();
      await expect
        .poll(async () => (await fit(page, 'Atlas with controls', one)).height)
        .toBeGreaterThan(first.height + 200);
      expect((await fit(page, 'Atlas with controls', one)).scrolls).toBe(false);

      // Each links to the full atlas at its own state.
      await expect(one.getByRole('link', { name: 'Open the full atlas' })).toHaveAttribute(
        'href',
        `${baseURL}?country=CHN`,
      );
      await expect(two.getByRole('link', { name: 'Open the full atlas' })).toHaveAttribute(
        'href',
        `${baseURL}?country=CHN`,
      );
      // The map alone shows no key, timeline or panel.
      await expect(two.getByRole('slider')).toHaveCount(0);
      await expect(two.getByRole('complementary')).toHaveCount(0);

      // The app itself is not framed.
      await expect.poll(() => refused.length).toBeGreaterThan(0);
      await expect(page.frameLocator('iframe[title="The full app"]').locator('#app')).toHaveCount(
        0,
      );
    } finally {
      host.close();
    }
  });
});

/** Waits for an embed's map to draw again (after the date went back to the last day). */
async function waitForFrameMap(frame: FrameLocator) {
  await frame.locator('[data-testid="map"][data-ready="true"]').waitFor({ timeout: 30_000 });
}

test.describe('the server', () => {
  test('every response says nosniff and a referrer policy; only the embed may be framed', async ({
    request,
  }) => {
    for (const path of ['/', '/embed.html', '/embed.js', '/data/meta.json', '/nowhere']) {
      const response = await request.get(path);
      const headers = response.headers();
      expect(headers['x-content-type-options'], path).toBe('nosniff');
      expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
      const framing = parsePolicy(headers['content-security-policy'] ?? '')['frame-ancestors'];
      expect(framing, path).toEqual(path === '/embed.html' ? ['*'] : ["'none'"]);
    }
  });

  test('POST, PUT and DELETE are answered 405, with what is allowed', async ({ request }) => {
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const response = await request.fetch('/', { method });
      expect(response.status(), method).toBe(405);
      expect(response.headers()['allow'], method).toBe('GET, HEAD');
    }
  });

  test('embed.js is a script, and the oEmbed answer embeds the state of the link', async ({
    request,
    baseURL,
  }) => {
    const script = await request.get('/embed.js');
    expect(script.headers()['content-type']).toMatch(/javascript/);
    expect(await script.text()).toContain('kabul-atlas');

    const link = `${baseURL}?date=2025-07-10&country=PAK`;
    const answer = await request.get(`/oembed?url=${encodeURIComponent(link)}&maxwidth=500`);
    expect(answer.headers()['content-type']).toMatch(/^application\/json/);
    const body = (await answer.json()) as { type: string; html: string; width: number };
    expect(body.type).toBe('rich');
    expect(body.width).toBe(500);
    expect(body.html).toContain(`${baseURL}embed.html?date=2025-07-10&amp;country=PAK`);
    expect(body.html).toContain(`${baseURL}embed.js`);

    const elsewhere = await request.get(
      `/oembed?url=${encodeURIComponent('https://example.com/')}`,
    );
    expect(elsewhere.status()).toBe(404);
    const stored = await request.get('/oembed.json');
    expect(((await stored.json()) as { type: string }).type).toBe('rich');
  });
});

test('the Share dialog gives the link and the embed code of the view on screen', async ({
  page,
  baseURL,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/?date=2025-07-10&country=CHN');
  await waitForMapReady(page);
  await page.getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share' });
  await expect(dialog.getByRole('textbox', { name: 'Link to this view' })).toHaveValue(
    `${baseURL}?date=2025-07-10&country=CHN`,
  );
  const code = dialog.getByRole('textbox', { name: 'HTML to paste' });
  await expect(code).toHaveValue(/embed\.html\?date=2025-07-10&amp;country=CHN"/);
  await dialog.getByRole('checkbox', { name: 'Timeline' }).uncheck();
  await dialog.getByRole('radio', { name: 'Dark' }).check();
  await expect(code).toHaveValue(/country=CHN&amp;controls=key,panel&amp;theme=dark"/);
  await dialog.getByRole('button', { name: 'Copy embed code' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Embed code copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await code.inputValue());
  await expectNoSeriousAxeViolations(page);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  // Esc closed the dialog, not the panel behind it.
  await expect(page.getByRole('complementary', { name: 'China' })).toBeVisible();
});

test('the embed alone has no serious or critical accessibility violation', async ({ page }) => {
  await page.goto('/embed.html?country=RUS&date=2025-07-10');
  await page.getByRole('complementary', { name: 'Russia' }).waitFor();
  await waitForMapReady(page);
  await expectNoSeriousAxeViolations(page);
});
