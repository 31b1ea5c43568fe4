/**
 * What the benchmark puts into every page before the page's own scripts run, and the calls that
 * read it back. The same for the app and the comparison pages: all three mark their map element
 * (`[data-testid="map"]`) with `data-ready`, and everything is timed on the page's own clock
 * (`performance.now()`, from navigation start).
 *
 * The init script is JavaScript source, not a function: functions compiled by tsx carry helper
 * calls that do not exist in the page.
 */
import type { Browser, CDPSession, Page } from '@playwright/test';
import type { LongTask } from './stats.ts';
import { ACTION_MARK, scriptToNextFrame, TRACE_CATEGORIES, type TraceEvent } from './trace.ts';
import type { ChangeCost } from './types.ts';

/**
 * Installs `window.__bench`:
 * - `firstReady`: when data-ready first became "true" (a MutationObserver), and `firstPainted`:
 *   the second animation frame after it, once that frame has been composited;
 * - `staticPainted`: the same for the app's picture-engine map (`[data-testid="static-map"]`
 *   turning `data-drawn="true"`), which stands in for MapLibre until its first picture;
 * - `longTasks`: every long task, buffered from the start (PerformanceObserver 'longtask');
 * - `arm()` / `armed`: a promise for the next time the map becomes ready, armed before an action;
 * - `startFrames()` / `stopFrames()`: requestAnimationFrame timestamps in between;
 * - `downloads`: when a Download button was clicked, and when the page clicked the link that
 *   saves the file (the moment the browser starts the download).
 */
export const INSTRUMENT_SCRIPT = `(() => {
  if (window.__bench) return;
  const b = {
    firstReady: null,
    firstPainted: null,
    staticPainted: null,
    readyLog: [],
    longTasks: [],
    frames: null,
    armed: null,
    downloads: { clicks: [], saves: [] },
  };
  Object.defineProperty(window, '__bench', { value: b });
  let waiters = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longTasks.push({ startTime: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) {}
  new MutationObserver((records) => {
    for (const r of records) {
      const el = r.target;
      if (
        el.getAttribute('data-testid') === 'static-map' &&
        el.getAttribute('data-drawn') === 'true' &&
        b.staticPainted === null
      ) {
        b.staticPainted = 0;
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            b.staticPainted = performance.now();
          }),
        );
      }
      if (el.getAttribute('data-testid') !== 'map') continue;
      const value = el.getAttribute('data-ready');
      if (value === r.oldValue) continue;
      const t = performance.now();
      b.readyLog.push([t, value]);
      if (value !== 'true') continue;
      if (b.firstReady === null) {
        b.firstReady = t;
        // The frame after the next has been through the compositor: with software compositing
        // that commit is where the WebGL frame is read back, so this is when it is on screen.
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            b.firstPainted = performance.now();
          }),
        );
      }
      const ready = waiters;
      waiters = [];
      for (const resolve of ready) resolve(t);
    }
  }).observe(document, {
    subtree: true,
    attributes: true,
    attributeFilter: ['data-ready', 'data-drawn'],
    attributeOldValue: true,
  });
  b.arm = () => {
    b.armed = new Promise((resolve) => waiters.push(resolve));
  };
  b.whenFirstReady = (timeout) =>
    b.firstReady !== null
      ? b.firstReady
      : Promise.race([
          new Promise((resolve) => waiters.push(() => resolve(b.firstReady))),
          new Promise((resolve) => setTimeout(() => resolve(null), timeout)),
        ]);
  b.waitArmed = (timeout) =>
    Promise.race([b.armed, new Promise((resolve) => setTimeout(() => resolve(null), timeout))]);
  b.startFrames = () => {
    const frames = [];
    b.frames = frames;
    const step = (t) => {
      if (b.frames !== frames) return;
      frames.push(t);
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  };
  b.stopFrames = () => {
    const frames = b.frames || [];
    b.frames = null;
    return frames;
  };
  document.addEventListener('click', (e) => {
    const t = performance.now();
    const target = e.target;
    if (!(target instanceof Element)) return;
    if (target instanceof HTMLAnchorElement && target.hasAttribute('download')) b.downloads.saves.push(t);
    else if (target.closest('button') && target.closest('button').textContent.trim() === 'Download')
      b.downloads.clicks.push(t);
  }, true);
})();`;

/** Evaluates an expression in the page (a string: see the module comment). */
export function read<T>(page: Page, expression: string): Promise<T> {
  return page.evaluate(expression) as Promise<T>;
}

/** The page's clock, ms since navigation start. */
export function now(page: Page): Promise<number> {
  return read(page, 'performance.now()');
}

/**
 * Waits for the first complete render and returns its time. The wait is a promise in the page:
 * Playwright's string predicates (waitForFunction) would need eval, which the app's CSP forbids.
 */
export async function firstReady(page: Page, timeout = 90_000): Promise<number> {
  const at = await read<number | null>(page, `window.__bench.whenFirstReady(${timeout})`);
  if (at === null) throw new Error(`${page.url()}: the map was not ready within ${timeout} ms`);
  return at;
}

/** When the first ready frame was on screen (see `firstPainted` above); NaN if not yet. */
export async function firstPainted(page: Page, timeout = 30_000): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeout) {
    const at = await read<number | null>(page, 'window.__bench.firstPainted');
    if (at !== null) return at;
    await pause(50);
  }
  return Number.NaN;
}

/**
 * When the picture engine's map was first on screen (see `staticPainted` above); NaN for a page
 * without one (the comparison pages) or before it was.
 */
export async function staticPainted(page: Page): Promise<number> {
  const at = await read<number | null>(page, 'window.__bench.staticPainted');
  return at === null || at === 0 ? Number.NaN : at;
}

/** Every long task the page has seen so far. */
export function longTasks(page: Page): Promise<LongTask[]> {
  return read(page, 'window.__bench.longTasks.slice()');
}

/** The main thread's script time so far, ms (CDP Performance.getMetrics ScriptDuration). */
export async function scriptTime(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = metrics.find((m) => m.name === 'ScriptDuration');
  return (metric?.value ?? Number.NaN) * 1000;
}

/**
 * Runs `action` and waits for the map to be ready again, measuring the script time in between.
 * The waiting happens in the page (one promise), so polling adds no script time.
 */
export async function measureChange(
  page: Page,
  cdp: CDPSession,
  action: () => Promise<unknown>,
  timeout = 30_000,
): Promise<ChangeCost> {
  await read(page, 'window.__bench.arm()');
  const before = await scriptTime(cdp);
  const start = await now(page);
  await action();
  const readyAt = await read<number | null>(page, `window.__bench.waitArmed(${timeout})`);
  const after = await scriptTime(cdp);
  if (readyAt === null) return { script: Number.NaN, wall: Number.NaN };
  return { script: after - before, wall: readyAt - start };
}

/**
 * Runs `action` under a trace and waits for the map to be ready again; the script time from the
 * action to the end of the frame after it (trace.ts), or NaN. Tracing slows the page a little, so
 * `measureChange`'s figures come from changes that are not traced.
 */
export async function measureNextFrame(
  page: Page,
  action: () => Promise<unknown>,
  timeout = 30_000,
): Promise<number> {
  const browser = page.context().browser();
  if (!browser) return Number.NaN;
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  let readyAt: number | null;
  let trace: Buffer;
  try {
    await pause(50);
    await read(page, 'window.__bench.arm()');
    await read(page, `performance.mark(${JSON.stringify(ACTION_MARK)})`);
    await action();
    readyAt = await read<number | null>(page, `window.__bench.waitArmed(${timeout})`);
  } finally {
    trace = await browser.stopTracing();
  }
  if (readyAt === null) return Number.NaN;
  const parsed = JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
  return scriptToNextFrame(Array.isArray(parsed) ? parsed : parsed.traceEvents);
}

/** Runs `action` and waits (up to `timeout`) for the map to be ready again; the time it took, or NaN. */
export async function untilReady(
  page: Page,
  action: () => Promise<unknown>,
  timeout = 30_000,
): Promise<number> {
  await read(page, 'window.__bench.arm()');
  const start = await now(page);
  await action();
  const readyAt = await read<number | null>(page, `window.__bench.waitArmed(${timeout})`);
  return readyAt === null ? Number.NaN : readyAt - start;
}

/** The WebGL renderer the page gets (SwiftShader in a headless machine without a GPU). */
export function webglRenderer(page: Page): Promise<string> {
  return read(
    page,
    `(() => {
      const gl = document.createElement('canvas').getContext('webgl2') || document.createElement('canvas').getContext('webgl');
      if (!gl) return 'no WebGL';
      const info = gl.getExtension('WEBGL_debug_renderer_info');
      return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    })()`,
  );
}

/** The URLs the page has loaded, with when each request started (the document first). */
export function loadedResources(page: Page): Promise<{ url: string; start: number }[]> {
  return read(
    page,
    `[...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
      .map((e) => ({ url: e.name, start: e.startTime }))`,
  );
}

/** Lets pending work and late long-task reports settle. */
export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * How the browser composites its pages, from chrome://gpu: "Software only…" under `--disable-gpu`
 * (the compositor then reads every WebGL frame back on the page's main thread), "Hardware
 * accelerated" when Chromium's GPU process composites (here on SwiftShader, as on a machine with a
 * GPU it would on the GPU).
 */
export async function compositingOf(browser: Browser): Promise<string> {
  const page = await browser.newPage();
  try {
    await page.goto('chrome://gpu');
    // The status list is drawn into a shadow root once the page has asked the GPU process.
    for (let i = 0; i < 50; i++) {
      const text = await read<string>(
        page,
        `(() => { const v = document.querySelector('info-view'); return (v && v.shadowRoot ? v.shadowRoot.textContent : document.body.innerText) || ''; })()`,
      );
      const status = /Compositing:\s*([^*\n]+)/.exec(text)?.[1]?.trim();
      if (status) return status;
      await pause(100);
    }
    return 'unknown';
  } finally {
    await page.close();
  }
}
