/**
 * The Content-Security-Policy of the built app: sent as a header by scripts/serve.ts and written
 * into index.html as a meta tag, strict (parsed and checked here against what this test expects,
 * not against scripts/csp.ts's own data), and obeyed: every page and window of a test reports
 * each `securitypolicyviolation` it sees, and exploring, presenting and exporting see none.
 */
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { parsePolicy } from '../../scripts/csp.ts';
import { dataset, levelColour } from './data.ts';
import { expect, test as base, waitForMapReady } from './fixtures.ts';
import { colourDistance, mapColourAt, mapPointOf, rgbOf } from './map-helpers.ts';

interface CspFixtures {
  /** Every policy violation any page of the test reported, as "directive blocked-uri (where)". */
  violations: string[];
}

const test = base.extend<CspFixtures>({
  violations: async ({ context }, use) => {
    const seen: string[] = [];
    await context.exposeBinding('__reportCspViolation', (_source, line: string) => {
      seen.push(line);
    });
    // Registered before any of the page's own scripts, in every page and window of the context.
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        const report = (window as unknown as { __reportCspViolation: (l: string) => void })
          .__reportCspViolation;
        void report(
          `${e.effectiveDirective} ${e.blockedURI || '(inline)'} (${e.sourceFile}:${e.lineNumber})`,
        );
      });
    });
    await use(seen);
  },
});

/** Sources that would let markup or strings run as script, or open the page to other origins. */
const LOOSE = /^('unsafe-|'wasm-unsafe-eval'|\*|https?:|blob:|filesystem:|http:\/\/|https:\/\/)/;

/** The claims a strict policy must meet, whichever way it is delivered. */
function expectStrict(policy: Record<string, string[]>) {
  expect(policy['default-src']).toEqual(["'self'"]);
  expect(policy['script-src']).toEqual(["'self'"]);
  expect(policy['style-src']).toEqual(["'self'"]);
  expect(policy['object-src']).toEqual(["'none'"]);
  expect(policy['base-uri']).toEqual(["'self'"]);
  expect(policy['form-action']).toEqual(["'none'"]);
  for (const name of ['connect-src', 'font-src', 'worker-src']) {
    expect(policy[name], name).toEqual(["'self'"]);
  }
  // data: for the zoom buttons' icons in maplibre-gl.css, and nowhere else.
  expect(policy['img-src']).toEqual(["'self'", 'data:']);
  for (const [name, sources] of Object.entries(policy)) {
    for (const source of sources) expect(source, `${name} ${source}`).not.toMatch(LOOSE);
    if (name !== 'img-src') expect(sources, name).not.toContain('data:');
  }
}

async function metaPolicy(page: Page): Promise<string | null> {
  return page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
}

test.describe('the policy', () => {
  test('the server sends a strict policy that forbids framing', async ({ page }) => {
    const response = await page.goto('/');
    const header = response!.headers()['content-security-policy'];
    expect(header).toBeDefined();
    const policy = parsePolicy(header!);
    expectStrict(policy);
    expect(policy['frame-ancestors']).toEqual(["'none'"]);
  });

  test('the built index.html carries the same policy, less what only a header can say', async ({
    page,
  }) => {
    const response = await page.goto('/');
    const header = parsePolicy(response!.headers()['content-security-policy']!);
    const meta = parsePolicy((await metaPolicy(page))!);
    expectStrict(meta);
    expect(meta['frame-ancestors']).toBeUndefined();
    expect(meta).toEqual(
      Object.fromEntries(Object.entries(header).filter(([name]) => name !== 'frame-ancestors')),
    );
  });

  test('the meta tag comes before every script and stylesheet, so it governs them', () => {
    const html = readFileSync('dist/index.html', 'utf8');
    const meta = html.indexOf('http-equiv="Content-Security-Policy"');
    expect(meta).toBeGreaterThan(0);
    for (const tag of [
      '<script',
      '<link rel="stylesheet"',
      '<link rel="modulepreload"',
      '<style',
    ]) {
      const at = html.indexOf(tag);
      if (at >= 0) expect(at, tag).toBeGreaterThan(meta);
    }
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script
    expect(html).not.toMatch(/<style/); // no inline style
  });

  test.describe('obeyed', () => {
    test.use({ allowedConsoleErrors: [/violates the following Content Security Policy/] });

    test('the page refuses inline script and eval, and the listener sees both', async ({
      page,
      violations,
    }) => {
      await page.goto('/');
      await page.locator('[data-testid="map"]').waitFor();
      // From a timer: code run by page.evaluate itself may eval (the DevTools protocol allows
      // it by default), a task of the page's own may not.
      await page.evaluate(() => {
        setTimeout(() => {
          const w = window as unknown as { probe?: { inline: boolean; eval: boolean } };
          const script = document.createElement('script');
          script.textContent = 'window.inlineRan = true';
          document.body.append(script);
          let evalRan: boolean;
          try {
            evalRan = new Function('return true')() as boolean;
          } catch {
            evalRan = false;
          }
          w.probe = { inline: 'inlineRan' in window, eval: evalRan };
        });
      });
      const ran = await page.waitForFunction(
        () => (window as unknown as { probe?: unknown }).probe,
      );
      expect(await ran.jsonValue()).toEqual({ inline: false, eval: false });
      await expect.poll(() => violations.map((v) => v.split(' ')[0])).toContain('script-src-elem');
      expect(violations.map((v) => v.split(' ')[0])).toContain('script-src');
    });
  });
});

test.describe('no violation', () => {
  test('exploring: date, hover, selection, search, table and filters', async ({
    page,
    violations,
  }) => {
    await page.goto('/?date=2025-07-02');
    await waitForMapReady(page);
    expect(
      colourDistance(await mapColourAt(page, 48, 57), rgbOf(levelColour('ambassador'))),
    ).toBeLessThanOrEqual(3);
    await page.getByRole('slider', { name: 'Map date' }).press('ArrowRight');
    await waitForMapReady(page);
    expect(
      colourDistance(await mapColourAt(page, 48, 57), rgbOf(levelColour('recognition'))),
    ).toBeLessThanOrEqual(3);
    const box = (await page.getByTestId('map').boundingBox())!;
    const russia = await mapPointOf(page, 48, 57);
    await page.mouse.move(box.x + russia.x, box.y + russia.y);
    await expect(page.getByRole('tooltip')).toContainText('Russia');
    const search = page.getByRole('combobox', { name: 'Search countries' });
    await search.fill('China');
    await search.press('Enter');
    await expect(page.getByRole('complementary', { name: 'China' })).toBeVisible();
    await page.getByRole('button', { name: 'Close panel' }).click();
    const views = page.getByRole('group', { name: 'View' });
    await views.getByRole('button', { name: 'Table' }).click();
    await expect(
      page.getByRole('table', { name: 'Engagement with Kabul by country' }),
    ).toBeVisible();
    await views.getByRole('button', { name: 'Map' }).click();
    await page
      .getByRole('group', { name: 'Motives' })
      .getByRole('button', { name: 'Economic' })
      .click();
    await expect(page).toHaveURL(/motives=/);
    await waitForMapReady(page);
    expect(violations).toEqual([]);
  });

  test('presenting: scenes by keyboard, and the speaker window', async ({
    page,
    context,
    violations,
  }) => {
    await page.goto('/?mode=present&scene=1');
    await waitForMapReady(page);
    for (let i = 1; i < 4; i++) {
      await page.keyboard.press('ArrowRight');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(dataset.scenes[i]!.title);
    }
    await waitForMapReady(page);
    const speaker = await context.newPage();
    await speaker.goto('/?mode=speaker');
    await expect(speaker.getByRole('heading', { level: 1 })).toHaveText(dataset.scenes[3]!.title);
    await page.keyboard.press('ArrowRight');
    await expect(speaker.getByRole('heading', { level: 1 })).toHaveText(dataset.scenes[4]!.title);
    await waitForMapReady(page);
    expect(violations).toEqual([]);
  });

  test('exporting a PNG and an SVG', async ({ page, violations }) => {
    test.setTimeout(180_000);
    await page.goto('/?date=2025-07-10&country=CHN');
    await waitForMapReady(page);
    for (const format of ['PNG', 'SVG']) {
      await page.getByRole('button', { name: 'Export' }).click();
      const dialog = page.getByRole('dialog', { name: 'Export' });
      await dialog.getByRole('radio', { name: format }).check();
      await dialog.getByLabel('Size').selectOption({ label: 'Custom' });
      await dialog.getByLabel('Width').fill('400');
      await dialog.getByLabel('Height').fill('300');
      const [file] = await Promise.all([
        page.waitForEvent('download', { timeout: 150_000 }),
        dialog.getByRole('button', { name: 'Download', exact: true }).click(),
      ]);
      expect(file.suggestedFilename()).toMatch(new RegExp(`\\.${format.toLowerCase()}$`));
      expect(await file.failure()).toBeNull();
      await dialog.getByRole('button', { name: 'Close', exact: true }).click();
      await expect(dialog).toBeHidden();
    }
    expect(violations).toEqual([]);
  });

  test('on a static host that sends no header, the meta tag alone lets the map render', async ({
    page,
    baseURL,
    violations,
  }) => {
    await page.route('**/*', async (route) => {
      if (!route.request().url().startsWith(baseURL!)) return route.fallback();
      const response = await route.fetch();
      const headers = { ...response.headers() };
      delete headers['content-security-policy'];
      await route.fulfill({ response, headers });
    });
    const response = await page.goto('/?date=2025-07-10');
    expect(response!.headers()['content-security-policy']).toBeUndefined();
    expect(await metaPolicy(page)).toContain("script-src 'self'");
    await waitForMapReady(page);
    expect(
      colourDistance(await mapColourAt(page, 48, 57), rgbOf(levelColour('recognition'))),
    ).toBeLessThanOrEqual(3);
    expect(violations).toEqual([]);
  });

  test('MapLibre’s workers are files from the app’s own origin, not blob: URLs', async ({
    page,
    baseURL,
  }) => {
    await page.goto('/');
    await waitForMapReady(page);
    const workers = page.workers().map((w) => w.url());
    expect(workers.length).toBeGreaterThan(0);
    for (const url of workers) expect(url.startsWith(baseURL!), url).toBe(true);
  });
});
