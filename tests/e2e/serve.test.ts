/**
 * The built app as scripts/serve.ts sends it to a browser: every script (MapLibre's worker
 * included), stylesheet, data file and the geometry arrive Brotli-compressed, from the copies the
 * build writes (scripts/vite-precompress-plugin.ts), and the map still renders from them.
 */
import type { Response } from '@playwright/test';
import { expect, test, waitForMapReady } from './fixtures.ts';

/** What the build compresses, by path; fonts and images go as they are. */
const TEXT = /\.(?:m?js|css|json|html|svg)$|\/$/;

test('the app’s text files arrive Brotli-compressed and the map renders from them', async ({
  page,
  baseURL,
}) => {
  const responses: Response[] = [];
  page.on('response', (response) => {
    if (response.url().startsWith(baseURL!)) responses.push(response);
  });
  await page.goto('/');
  await waitForMapReady(page);

  const text = responses.filter((r) => TEXT.test(new URL(r.url()).pathname));
  const encodings = await Promise.all(
    text.map(async (r) => [new URL(r.url()).pathname, await r.headerValue('content-encoding')]),
  );
  // The kinds that matter are all there: the page, its scripts, MapLibre's worker, styles, data, geometry.
  const paths = encodings.map(([path]) => path ?? '');
  expect(paths).toContain('/');
  expect(paths.some((p) => /^\/assets\/maplibre-gl-csp-worker-.*\.js$/.test(p))).toBe(true);
  expect(paths.some((p) => p.endsWith('.css'))).toBe(true);
  expect(paths).toContain('/data/events.json');
  expect(paths).toContain('/geo/countries.json');
  expect(encodings.filter(([, encoding]) => encoding !== 'br')).toEqual([]);
});
