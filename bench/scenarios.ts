/**
 * One run of one page, start to end, in a fresh browser context: the first render, then the same
 * changes on each page (dates, selections, motive filters), a scripted exploration, a scene
 * transition and, in the app, the exports. The app is driven as a reader drives it (keyboard,
 * pointer, the Export dialog); the comparison pages through `window.bench`
 * (bench/pages/shared/base-map.ts), which makes the equivalent change the way a bare page would.
 */
import type { Browser, CDPSession, Page } from '@playwright/test';
import type { BenchCamera } from './pages/shared/base-map.ts';
import {
  firstPainted,
  firstReady,
  staticPainted,
  INSTRUMENT_SCRIPT,
  loadedResources,
  longTasks,
  measureChange,
  measureNextFrame,
  now,
  pause,
  read,
  untilReady,
} from './instrument.ts';
import {
  PAGE_NAMES,
  type ChangeCost,
  type ExplorationStep,
  type ExportSample,
  type PageName,
  type PageRun,
  type TransitionSample,
} from './types.ts';
import { blockingTime, countLongTasks, frameIntervals, longestTask } from './stats.ts';

export const VIEWPORT = { width: 1280, height: 800 };

/** What the runs need to know, found once before them (see `calibrate` in run.ts). */
export interface Plan {
  /** Each page's server, `http://localhost:PORT/`. */
  urls: Record<PageName, string>;
  /** The app's map element in exploration; the comparison pages draw at this size. */
  mapSize: { width: number; height: number };
  /** The app's map element in presentation mode. */
  presentSize: { width: number; height: number };
  /** Scenes 1 and 2's cameras at `presentSize`, and the app's flight time between them. */
  flight: { from: BenchCamera; to: BenchCamera; duration: number };
  /** Country ids to select in turn, and their names as the app's hotspots start. */
  countries: { id: string; name: string }[];
}

type Key = 'PageDown' | 'PageUp' | 'End';
type Category = 'economic' | 'security' | 'geopolitical';

/** How a page makes each change: `prepare` is untimed, `act` is what is measured. */
export interface Change {
  prepare?: () => Promise<void>;
  act: () => Promise<unknown>;
}

export interface Driver {
  date: (key: Key) => Change;
  select: (id: string) => Change;
  /** `null` where the page draws no arcs (the floor). */
  motive: (category: Category) => Change | null;
}

export function appDriver(page: Page, plan: Plan): Driver {
  const slider = page.getByRole('slider', { name: 'Map date' });
  const nameOf = (id: string) => plan.countries.find((c) => c.id === id)?.name ?? id;
  return {
    date: (key) => ({
      prepare: () => slider.focus(),
      act: () => page.keyboard.press(key),
    }),
    select: (id) => ({
      // Focus shows the tooltip and outlines the country (a redraw); let that settle first.
      prepare: async () => {
        await page
          .getByRole('group', { name: 'Countries on the map' })
          .getByRole('button', { name: new RegExp(`^${escapeRegExp(nameOf(id))}:`) })
          .focus();
        await pause(100);
      },
      act: () => page.keyboard.press('Enter'),
    }),
    motive: (category) => ({
      prepare: () =>
        page
          .getByRole('group', { name: 'Motives' })
          .getByRole('button', { name: category[0]!.toUpperCase() + category.slice(1) })
          .focus(),
      act: () => page.keyboard.press('Enter'),
    }),
  };
}

function benchDriver(page: Page, name: PageName): Driver {
  let dateIndex = 0;
  // In a task of its own, as the app's key press is: a trace then sees where the change begins.
  const inTask = (call: string) => () => read(page, `setTimeout(() => window.bench.${call})`);
  return {
    date: (key) => {
      dateIndex = key === 'End' ? 0 : Math.max(0, dateIndex + (key === 'PageDown' ? 1 : -1));
      return { act: inTask(`setDate(${dateIndex})`) };
    },
    select: (id) => ({ act: inTask(`select(${JSON.stringify(id)})`) }),
    motive: (category) =>
      name === 'deck' ? { act: inTask(`toggleMotive(${JSON.stringify(category)})`) } : null,
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function measure(page: Page, cdp: CDPSession, change: Change): Promise<ChangeCost> {
  await change.prepare?.();
  return measureChange(page, cdp, change.act);
}

/** Script from `change` to the end of the frame after it, traced (ms; NaN if it timed out). */
export async function traced(page: Page, change: Change): Promise<number> {
  await change.prepare?.();
  return measureNextFrame(page, change.act);
}

/** Makes `change` and waits for the map, measuring nothing. */
export async function settle(page: Page, change: Change): Promise<void> {
  await change.prepare?.();
  await untilReady(page, change.act);
}

/** Where the pointer goes during the exploration, as fractions of the map element. */
const HOVER_POINTS: [number, number][] = [
  [0.3, 0.5],
  [0.45, 0.55],
  [0.5, 0.4],
  [0.35, 0.35],
  [0.55, 0.6],
];

/**
 * Twenty interactions after the first render, each waited for: date steps, selections,
 * motive toggles (where there are arcs) and pointer moves over the map. Returns how many there
 * were and the long tasks they caused.
 */
async function explore(page: Page, driver: Driver, plan: Plan): Promise<PageRun['exploration']> {
  const box = await page.getByTestId('map').boundingBox();
  const from = await now(page);
  const steps: ExplorationStep[] = [];
  const windows: [number, number][] = [];
  const timed = async (what: string, work: () => Promise<number>) => {
    const start = await now(page);
    const ms = await work();
    windows.push([start, await now(page)]);
    steps.push({ what, ms, longestTask: 0 });
  };
  const change = async (what: string, c: Change | null) => {
    if (!c) return;
    await c.prepare?.();
    await timed(what, () => untilReady(page, c.act, 15_000));
  };
  const hover = async ([fx, fy]: [number, number]) => {
    if (!box) return;
    await timed('hover', async () => {
      const start = Date.now();
      await page.mouse.move(box.x + box.width * fx, box.y + box.height * fy, { steps: 2 });
      await pause(100);
      return Date.now() - start;
    });
  };
  for (const key of ['PageDown', 'PageDown', 'PageUp', 'PageDown', 'PageUp'] as const)
    await change(key, driver.date(key));
  for (const point of HOVER_POINTS.slice(0, 2)) await hover(point);
  for (const { id } of plan.countries.slice(3, 7)) await change(`select ${id}`, driver.select(id));
  for (const category of ['economic', 'security', 'economic', 'security'] as const)
    await change(`toggle ${category}`, driver.motive(category));
  for (const point of HOVER_POINTS.slice(2)) await hover(point);
  await change('End', driver.date('End'));
  const last = plan.countries[0]!.id;
  await change(`select ${last}`, driver.select(last));
  await page.mouse.move(0, 0);
  await pause(300); // long-task entries arrive a little after the task
  const until = await now(page);
  const tasks = await longTasks(page);
  // Which interaction each long task belongs to: the one during (or right after) which it started.
  steps.forEach((step, i) => {
    const next = windows[i + 1]?.[0] ?? until;
    step.longestTask = longestTask(tasks, windows[i]![0], next);
  });
  return {
    interactions: steps.length,
    steps,
    longestTask: longestTask(tasks, from, until),
    longTasks: countLongTasks(tasks, from, until),
  };
}

/** The export sizes the budgets name: 1920×1080 at 2x for PNG, 1920×1080 for SVG. */
async function exports(page: Page, run: number): Promise<ExportSample[]> {
  const samples: ExportSample[] = [];
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.waitFor();
  await dialog.getByLabel('Size').selectOption({ label: '1920 × 1080 (slides)' });
  await dialog.getByLabel('Scale').selectOption({ label: '2x' });
  // Two exports of one format a run, PNG in even runs and SVG in odd ones: each format gets its
  // first export after the dialog opened and a later one.
  const format = run % 2 === 0 ? 'png' : 'svg';
  const order = [format, format] as const;
  const button = dialog.getByRole('button', { name: 'Download', exact: true });
  for (const [i, format] of order.entries()) {
    await dialog.getByRole('radio', { name: format.toUpperCase() }).check();
    await read(page, 'performance.clearMarks()');
    const clicks = await read<number>(page, 'window.__bench.downloads.saves.length');
    const download = page.waitForEvent('download', { timeout: 120_000 });
    await button.click();
    await download;
    const timing = await read<{
      click: number;
      save: number | undefined;
      marks: [string, number][];
    }>(
      page,
      `(() => {
        const d = window.__bench.downloads;
        return {
          click: d.clicks[d.clicks.length - 1],
          save: d.saves[${clicks}],
          marks: performance.getEntriesByType('mark')
            .filter((m) => m.name.startsWith('export:'))
            .map((m) => [m.name, m.startTime]),
        };
      })()`,
    );
    const start = timing.marks.find(([name]) => name === 'export:start')?.[1];
    samples.push({
      format,
      first: i === 0,
      ms: timing.save === undefined ? Number.NaN : timing.save - timing.click,
      marks:
        start === undefined
          ? {}
          : Object.fromEntries(timing.marks.map(([name, t]) => [name, t - start])),
    });
    // The dialog says "Saved …" once it is done and Download works again.
    await dialog.getByText(/^Saved /).waitFor();
    await pause(300);
  }
  await page.keyboard.press('Escape');
  return samples;
}

/**
 * Presents from the page as it is (the Present button: `?mode=present&scene=1` without a reload),
 * waits for scene 1, then presses → for scene 2.
 */
async function appTransition(page: Page): Promise<TransitionSample> {
  await untilReady(page, () => page.getByRole('button', { name: 'Present', exact: true }).click());
  await pause(500);
  return transition(page, () => page.keyboard.press('ArrowRight'));
}

async function benchTransition(page: Page, plan: Plan): Promise<TransitionSample> {
  const { width, height } = plan.presentSize;
  await untilReady(page, () => read(page, `window.bench.resize(${width}, ${height})`));
  await untilReady(page, () =>
    read(page, `window.bench.jumpTo(${JSON.stringify(plan.flight.from)})`),
  );
  await pause(500);
  return transition(page, () =>
    read(page, `window.bench.flyTo(${JSON.stringify(plan.flight.to)}, ${plan.flight.duration})`),
  );
}

async function transition(page: Page, act: () => Promise<unknown>): Promise<TransitionSample> {
  const from = await now(page);
  await read(page, 'window.__bench.startFrames()');
  const duration = await untilReady(page, act, 30_000);
  const frames = await read<number[]>(page, 'window.__bench.stopFrames()');
  await pause(200);
  const tasks = await longTasks(page);
  return {
    intervals: frameIntervals(frames),
    duration,
    longestTask: longestTask(tasks, from),
  };
}

/** Rotates the pages so each takes each place in the order equally often. */
export function runOrder(run: number): PageName[] {
  return PAGE_NAMES.map((_, i) => PAGE_NAMES[(i + run) % PAGE_NAMES.length]!);
}

/** The URL a page opens on: the comparison pages draw at the app's map size. */
function openingUrl(name: PageName, plan: Plan): string {
  const base = plan.urls[name];
  return name === 'app' ? base : `${base}?w=${plan.mapSize.width}&h=${plan.mapSize.height}`;
}

/** Runs one page once, in its own browser context. */
export async function runPage(
  browser: Browser,
  name: PageName,
  plan: Plan,
  run: number,
  log: (line: string) => void,
): Promise<PageRun> {
  const context = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true });
  const origin = new URL(plan.urls[name]).origin;
  const consoleErrors: string[] = [];
  const offOrigin: string[] = [];
  context.on('request', (request) => {
    const url = request.url();
    if (/^(data|blob):/.test(url)) return;
    if (new URL(url).origin !== origin) offOrigin.push(url);
  });
  try {
    await context.addInitScript({ content: INSTRUMENT_SCRIPT });
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(`page error: ${e.message}`));

    const began = Date.now();
    const phases: string[] = [];
    let lap = began;
    const phase = (what: string) => {
      phases.push(`${what} ${((Date.now() - lap) / 1000).toFixed(1)} s`);
      lap = Date.now();
    };
    await page.goto(openingUrl(name, plan));
    const firstRender = await firstReady(page);
    const painted = await firstPainted(page);
    const standIn = await staticPainted(page);
    await pause(200);
    const blocking = blockingTime(await longTasks(page), firstRender);
    const shippedFirst = (await loadedResources(page))
      .filter((r) => r.start < firstRender)
      .map((r) => r.url);
    phase('load');

    await pause(300);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const driver = name === 'app' ? appDriver(page, plan) : benchDriver(page, name);
    const dateChanges: ChangeCost[] = [];
    for (let i = 0; i < 3; i++) dateChanges.push(await measure(page, cdp, driver.date('PageDown')));
    await measure(page, cdp, driver.date('End'));
    const selections: ChangeCost[] = [];
    for (const { id } of plan.countries.slice(0, 3))
      selections.push(await measure(page, cdp, driver.select(id)));
    const motiveToggles: ChangeCost[] = [];
    for (const category of ['economic', 'economic'] as const) {
      const change = driver.motive(category);
      if (change) motiveToggles.push(await measure(page, cdp, change));
    }
    await cdp.detach();
    // Again under a trace, for the script up to the frame after each change (DESIGN.md's budget).
    const nextFrame = { date: [] as number[], selection: [] as number[], motive: [] as number[] };
    for (let i = 0; i < 3; i++) nextFrame.date.push(await traced(page, driver.date('PageDown')));
    await settle(page, driver.date('End'));
    for (const { id } of plan.countries.slice(0, 3))
      nextFrame.selection.push(await traced(page, driver.select(id)));
    for (const category of ['economic', 'economic'] as const) {
      const change = driver.motive(category);
      if (change) nextFrame.motive.push(await traced(page, change));
    }
    phase('changes');

    const exploration = await explore(page, driver, plan);
    phase('exploration');
    const exported = name === 'app' ? await exports(page, run) : [];
    if (name === 'app') phase('exports');
    const shippedAll = (await loadedResources(page)).map((r) => r.url);
    const transitionSample =
      name === 'app' ? await appTransition(page) : await benchTransition(page, plan);
    phase('transition');
    log(
      `  ${name.padEnd(5)} first render ${Math.round(firstRender)} ms, longest task exploring ` +
        `${Math.round(exploration.longestTask)} ms; ${((Date.now() - began) / 1000).toFixed(0)} s ` +
        `(${phases.join(', ')})`,
    );

    return {
      page: name,
      run,
      firstRender,
      firstPainted: painted,
      staticPainted: standIn,
      blocking,
      shippedFirst,
      shippedAll,
      dateChanges,
      selections,
      motiveToggles,
      nextFrame,
      exploration,
      transition: transitionSample,
      exports: exported,
      consoleErrors,
      offOrigin,
    };
  } finally {
    await context.close();
  }
}
