/**
 * The scale pass's runs (issue 17, item 7): the shipped app and the app built on the
 * 200-country dataset, opened in turn (run i: shipped first when i is even), each in a fresh
 * browser context at 1280×800, measured with the same functions as the main pass.
 */
import type { Browser, Page } from '@playwright/test';
import { performance } from 'node:perf_hooks';
import { firstReady, INSTRUMENT_SCRIPT, pause, read } from './instrument.ts';
import { appDriver, settle, traced, VIEWPORT, type Plan } from './scenarios.ts';
import { SCALE_APPS, type ScaleApp, type ScaleRun } from './scale-report.ts';

/** Elements in the document: what the browser styles and lays out on every change. */
const DOM_NODES = "document.getElementsByTagName('*').length";
/** The timeline's marks: every button in its Events toolbar. */
const TIMELINE_MARKS = `document.querySelectorAll('[role="toolbar"][aria-label="Events"] button').length`;

/** Times `validate` `runs` times (ms each), after one untimed call that warms the JIT. */
export function timeValidation(validate: () => unknown, runs: number): number[] {
  validate();
  return Array.from({ length: runs }, () => {
    const start = performance.now();
    validate();
    return performance.now() - start;
  });
}

async function runScaleApp(
  browser: Browser,
  app: ScaleApp,
  url: string,
  plan: Plan,
  run: number,
): Promise<ScaleRun> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    await context.addInitScript({ content: INSTRUMENT_SCRIPT });
    const page: Page = await context.newPage();
    await page.goto(url);
    const firstRender = await firstReady(page);
    await pause(500);
    const domNodes = await read<number>(page, DOM_NODES);
    const timelineMarks = await read<number>(page, TIMELINE_MARKS);
    const driver = appDriver(page, plan);
    const dateNextFrame: number[] = [];
    for (let i = 0; i < 3; i++) dateNextFrame.push(await traced(page, driver.date('PageDown')));
    await settle(page, driver.date('End'));
    const selectNextFrame: number[] = [];
    for (const { id } of plan.countries.slice(0, 3))
      selectNextFrame.push(await traced(page, driver.select(id)));
    await pause(300);
    const domNodesSelected = await read<number>(page, DOM_NODES);
    return {
      app,
      run,
      firstRender,
      dateNextFrame,
      selectNextFrame,
      domNodes,
      domNodesSelected,
      timelineMarks,
    };
  } finally {
    await context.close();
  }
}

/** `runs` interleaved runs of the two builds. */
export async function runScalePass(
  browser: Browser,
  urls: Record<ScaleApp, string>,
  plan: Plan,
  runs: number,
  log: (line: string) => void,
): Promise<ScaleRun[]> {
  const results: ScaleRun[] = [];
  for (let run = 0; run < runs; run++) {
    const order = run % 2 === 0 ? SCALE_APPS : [...SCALE_APPS].reverse();
    log(`Scale run ${run + 1} of ${runs}: ${order.join(', ')}`);
    for (const app of order) {
      const result = await runScaleApp(browser, app, urls[app], plan, run);
      log(
        `  ${app.padEnd(7)} first render ${Math.round(result.firstRender)} ms, ` +
          `${result.domNodes} elements, ${result.timelineMarks} timeline marks`,
      );
      results.push(result);
      await pause(100);
    }
  }
  return results;
}
