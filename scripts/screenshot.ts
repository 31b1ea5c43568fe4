/**
 * `npm run screenshot [-- --state "date=2025-07-10" --out docs/screenshot.png]`: builds nothing;
 * serves the built app, opens it in headless Chromium at 1280x800, waits for the map to be ready,
 * and saves a PNG. The README's picture is made this way.
 */
import { chromium } from '@playwright/test';
import { parseArgs } from 'node:util';
import { CHROMIUM_ARGS, ensureChromium, NO_CHROMIUM_MESSAGE } from './ensure-chromium.ts';
import { startServer } from './serve.ts';

const { values } = parseArgs({
  options: {
    state: { type: 'string', default: '' },
    out: { type: 'string', default: 'docs/screenshot.png' },
    width: { type: 'string', default: '1280' },
    height: { type: 'string', default: '800' },
  },
});

const executablePath = ensureChromium();
if (!executablePath) {
  console.error(NO_CHROMIUM_MESSAGE);
  process.exit(1);
}
const server = await startServer({ port: 0 });
const browser = await chromium.launch({
  executablePath,
  args: CHROMIUM_ARGS,
});
try {
  const page = await browser.newPage({
    viewport: { width: Number(values.width), height: Number(values.height) },
  });
  await page.goto(`${server.url}${values.state ? `?${values.state}` : ''}`);
  await page
    .locator('[data-testid="map"][data-ready="true"]')
    .waitFor({ state: 'attached', timeout: 30_000 });
  await page.screenshot({ path: values.out });
  console.log(values.out);
} finally {
  await browser.close();
  await server.close();
}
