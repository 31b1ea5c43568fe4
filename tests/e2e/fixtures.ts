/**
 * The `test` every browser test imports. An automatic fixture watches each test's browser context:
 *
 * - console messages of type "error" and uncaught page errors fail the test (listed at the end);
 * - every request to another origin than the app's (baseURL) is aborted and fails the test,
 *   listing the URLs. `data:` and `blob:` URLs are allowed.
 *
 * A test that provokes an error on purpose (bad data, bad URL) may allow it, and only it:
 *   test.use({ allowedConsoleErrors: [/Dataset refused/] });
 */
import { test as base, expect, type Page } from '@playwright/test';
import { PNG } from 'pngjs';

export { expect };

interface Fixtures {
  /** Console errors / page errors matching one of these do not fail the test. */
  allowedConsoleErrors: RegExp[];
  /** Origins besides the app's a test may reach: its own host page, which embeds the atlas. */
  hostOrigins: string[];
  /** Automatic: console-error and off-origin-request guard. */
  browserGuard: void;
}

const ALWAYS_ALLOWED_SCHEMES = new Set(['data:', 'blob:']);

export const test = base.extend<Fixtures>({
  allowedConsoleErrors: [[], { option: true }],
  hostOrigins: [[], { option: true }],

  browserGuard: [
    async ({ context, baseURL, allowedConsoleErrors, hostOrigins }, use) => {
      if (!baseURL) throw new Error('browserGuard needs use.baseURL to know the app origin');
      const appOrigin = new URL(baseURL).origin;
      const errors: string[] = [];
      const offOrigin: string[] = [];
      const blockedUrls = new Set<string>();
      const allowed = (text: string) => allowedConsoleErrors.some((re) => re.test(text));
      const isOffOrigin = (url: string) => {
        if (!URL.canParse(url)) return true;
        const parsed = new URL(url);
        return (
          !ALWAYS_ALLOWED_SCHEMES.has(parsed.protocol) &&
          parsed.origin !== appOrigin &&
          !hostOrigins.includes(parsed.origin)
        );
      };

      context.on('console', (message) => {
        if (message.type() !== 'error') return;
        const { url, lineNumber } = message.location();
        // The browser's own "Failed to load resource" for a request blocked below: reported once, there.
        if (blockedUrls.has(url) && message.text().includes('ERR_BLOCKED_BY_CLIENT')) return;
        const where = url ? ` (${url}:${lineNumber})` : '';
        const text = `console.error: ${message.text()}${where}`;
        if (!allowed(text)) errors.push(text);
      });
      context.on('weberror', (webError) => {
        const error = webError.error();
        const text = `page error: ${error.stack ?? error.message}`;
        if (!allowed(text)) errors.push(text);
      });

      await context.route('**/*', async (route) => {
        const url = route.request().url();
        if (isOffOrigin(url)) {
          offOrigin.push(`${route.request().method()} ${url}`);
          blockedUrls.add(url);
          await route.abort('blockedbyclient');
        } else {
          await route.fallback();
        }
      });
      await context.routeWebSocket(/.*/, (ws) => {
        if (isOffOrigin(ws.url())) {
          offOrigin.push(`WebSocket ${ws.url()}`);
          void ws.close();
        } else {
          ws.connectToServer();
        }
      });

      await use();

      const problems: string[] = [];
      if (offOrigin.length > 0) {
        problems.push(
          `${offOrigin.length} request(s) left the app's origin (${appOrigin}) and were blocked:`,
          ...unique(offOrigin).map((line) => `  ${line}`),
        );
      }
      if (errors.length > 0) {
        problems.push(
          `${errors.length} console/page error(s):`,
          ...unique(errors).map((line) => `  ${line}`),
        );
      }
      if (problems.length > 0) throw new Error(problems.join('\n'));
    },
    { auto: true },
  ],
});

function unique(lines: string[]): string[] {
  return [...new Set(lines)];
}

/**
 * Waits until the live map (MapLibre's) has fully rendered the current state: the app sets
 * `data-ready="true"` on `[data-testid="map"]` once everything is drawn, and `"false"` as soon as a
 * change starts rendering. On a phone the app leaves MapLibre until the reader first touches the
 * page (`data-deferred="true"`, the picture engine's map meanwhile): the test touches it as a
 * reader would, with a key that changes nothing.
 */
export async function waitForMapReady(page: Page, timeout = 30_000): Promise<void> {
  const map = page.locator('[data-testid="map"]');
  await map.waitFor({ state: 'attached', timeout });
  if ((await map.getAttribute('data-deferred')) === 'true') await page.keyboard.press('Shift');
  await page
    .locator('[data-testid="map"][data-ready="true"]')
    .waitFor({ state: 'attached', timeout });
}

/**
 * The [r, g, b] of pixel (x, y) of a PNG, e.g. from `await page.screenshot()`.
 * Coordinates are image pixels: with the default deviceScaleFactor 1 they equal CSS pixels.
 */
export function readPixel(screenshotPng: Buffer, x: number, y: number): [number, number, number] {
  const png = PNG.sync.read(screenshotPng);
  const px = Math.round(x);
  const py = Math.round(y);
  if (px < 0 || py < 0 || px >= png.width || py >= png.height) {
    throw new RangeError(`Pixel (${x}, ${y}) is outside the ${png.width}x${png.height} image`);
  }
  const i = (png.width * py + px) * 4;
  return [png.data[i] ?? 0, png.data[i + 1] ?? 0, png.data[i + 2] ?? 0];
}

/**
 * The sentence the error screen tells a reader, by what went wrong (src/ui/ErrorScreen.svelte):
 * a test names the kind it expects, and the words must say that kind and no other.
 */
export const READER_TOLD = {
  network: /^The map could not load its data: the connection may have dropped/,
  server: /^The website had a problem sending the map’s data/,
  missing: /^Part of the map’s data is missing from this website/,
  unreadable: /^Part of the map’s data arrived damaged and cannot be read/,
  invalid: /^The map’s data did not pass the atlas’s own checks/,
} as const;

/**
 * Opens the error screen's disclosure for the site's maintainer, as a person would, and returns
 * its problem lines.
 */
export async function maintainersProblems(page: Page) {
  const summary = page.getByText('Details for the site’s maintainer');
  const details = page.locator('details', { has: summary });
  if ((await details.getAttribute('open')) === null) await summary.click();
  return page.getByRole('list', { name: 'Problems' }).getByRole('listitem');
}
