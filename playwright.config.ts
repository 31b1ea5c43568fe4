import { defineConfig } from '@playwright/test';
import { findChromium, NO_CHROMIUM_MESSAGE, CHROMIUM_ARGS } from './scripts/ensure-chromium.ts';

// Browser tests run against the built app in dist/ (`npm run test:e2e` builds it first).
// E2E_PORT lets two checkouts on one machine run their browser tests side by side.
const PORT = Number(process.env.E2E_PORT ?? 4311);
const baseURL = `http://localhost:${PORT}/`;

const executablePath = findChromium();
if (!executablePath) throw new Error(NO_CHROMIUM_MESSAGE);

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.test.ts',
  outputDir: 'test-results',
  timeout: 60_000, // software WebGL (SwiftShader) is slow
  expect: { timeout: 10_000 },
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  // Screenshot baselines are written only on purpose on a developer machine, never in CI.
  updateSnapshots: process.env.CI ? 'none' : 'missing',
  workers: 2, // 2-core machines; never more
  reporter: [['list', { printSteps: false }]],
  webServer: {
    command: `npx tsx scripts/serve.ts --port ${PORT}`,
    url: baseURL,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
  use: {
    baseURL,
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    timezoneId: 'UTC',
    locale: 'en-GB',
    trace: 'off',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath,
      args: CHROMIUM_ARGS,
    },
  },
});
