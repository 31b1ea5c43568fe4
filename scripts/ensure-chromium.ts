/**
 * Finds a Chromium for the browser tests, installing one only when none is found.
 *
 *   npx tsx scripts/ensure-chromium.ts      prints the path it will use, or exits 1 with one line
 *
 * Search order (`findChromium`, never installs anything):
 *   1. CHROMIUM_PATH. If set but not an executable file, a warning goes to stderr and the search
 *      goes on: a stale variable should not break a machine that has another browser.
 *   2. Playwright's own browser (`chromium.executablePath()`), if that file exists.
 *   3. /usr/bin/chromium, /usr/bin/chromium-browser, /usr/bin/google-chrome,
 *      /usr/bin/google-chrome-stable, then the same names (and `chrome`) on PATH, then the usual
 *      macOS application paths.
 *
 * When nothing is found, the CLI tries `npx playwright install chromium` (fails offline, that is
 * fine), then, as root on a system with apt-get, `apt-get update && apt-get install -y chromium`,
 * then searches again.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, join } from 'node:path';
import { isMain } from './is-main.ts';

/**
 * The flags every launch here uses: no sandbox (root in CI), WebGL through SwiftShader, and none
 * of Chromium's own calls out (the machine has no network, and the tests refuse other origins).
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--disable-gpu',
];

export const NO_CHROMIUM_MESSAGE =
  'No Chromium found: install one (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH.';

const SYSTEM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];
const PATH_NAMES = [
  'chromium',
  'chromium-browser',
  'google-chrome',
  'google-chrome-stable',
  'chrome',
];
const MAC_PATHS = [
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The browser Playwright would download for this version, if it has been downloaded. */
function playwrightChromium(): string | null {
  try {
    // Loaded lazily: only needed when CHROMIUM_PATH does not settle it.
    const require = createRequire(import.meta.url);
    const { chromium } = require('@playwright/test') as typeof import('@playwright/test');
    const path = chromium.executablePath();
    return path && isExecutableFile(path) ? path : null;
  } catch {
    // Unsupported platform or Playwright not installed: not an error, just not this one.
    return null;
  }
}

function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    if (isExecutableFile(candidate)) return candidate;
  }
  return null;
}

let warnedAbout: string | undefined;

/** Path of a Chromium to use, or null. Looks only; never installs. */
export function findChromium(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (isExecutableFile(fromEnv)) return fromEnv;
    if (warnedAbout !== fromEnv) {
      warnedAbout = fromEnv;
      console.warn(
        `CHROMIUM_PATH=${fromEnv} is not an executable file; looking for another Chromium.`,
      );
    }
  }
  const fromPlaywright = playwrightChromium();
  if (fromPlaywright) return fromPlaywright;
  for (const path of SYSTEM_PATHS) if (isExecutableFile(path)) return path;
  for (const name of PATH_NAMES) {
    const path = onPath(name);
    if (path) return path;
  }
  for (const path of MAC_PATHS) if (isExecutableFile(path)) return path;
  return null;
}

/** Installer output goes to stderr so that stdout carries only the path. */
function run(command: string, args: string[], options: SpawnSyncOptions = {}): boolean {
  console.error(`$ ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, {
    stdio: ['ignore', 2, 2],
    timeout: 15 * 60 * 1000,
    ...options,
  });
  return result.status === 0;
}

/** Like findChromium, but installs one when none is found (see the module comment). */
export function ensureChromium(): string | null {
  const found = findChromium();
  if (found) return found;

  console.error('No Chromium found; trying to install one.');
  // Offline this fails (it cannot download); give it a bounded time and move on.
  run('npx', ['--no-install', 'playwright', 'install', 'chromium'], { timeout: 5 * 60 * 1000 });
  const afterPlaywright = findChromium();
  if (afterPlaywright) return afterPlaywright;

  const isRoot = process.getuid?.() === 0;
  if (isRoot && onPath('apt-get')) {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    if (run('apt-get', ['update'], { env })) {
      run('apt-get', ['install', '-y', 'chromium'], { env });
    }
  }
  return findChromium();
}

if (isMain(import.meta.url)) {
  const path = ensureChromium();
  if (!path) {
    console.error(NO_CHROMIUM_MESSAGE);
    process.exit(1);
  }
  console.log(path);
}
