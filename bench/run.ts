/**
 * The benchmark: `npm run bench` (this file, through tsx).
 *
 *   npm run bench [-- --runs N] [--gpu-runs N] [--scale-runs N] [--skip-build] [--no-lighthouse] [--out FILE]
 *   npm run bench -- --from-results     (the report again from bench/dist/results.json)
 *
 * Builds the app (dist/) and the two comparison pages (bench/dist/floor, bench/dist/deck; see
 * bench/vite.config.ts), serves each on its own port with scripts/serve.ts (so all three get the
 * same headers, the app's Content-Security-Policy included), and measures them in headless
 * Chromium, interleaved: run i opens the three pages in a rotating order, each in a fresh browser
 * context at 1280×800. Then a second pass of the same runs in a browser that composites
 * on Chromium's GPU process (GPU_COMPOSITING_ARGS; as many runs as the first by default, --gpu-runs 0
 * skips it). Writes BENCHMARKS.md (bench/report.ts) and the raw runs to
 * bench/dist/results.json; progress goes to stderr, a summary to stdout.
 */
import { chromium, type Browser } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type as osType } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Topology } from 'topojson-specification';
import { readDatasetFolder, REPO_ROOT, shippedGeometryIds } from '../scripts/dataset-files.ts';
import { CHROMIUM_ARGS, findChromium, NO_CHROMIUM_MESSAGE } from '../scripts/ensure-chromium.ts';
import { isMain } from '../scripts/is-main.ts';
import { startServer, type RunningServer } from '../scripts/serve.ts';
import { countryFeatures, frameOf } from '../src/lib/countries.ts';
import type { Scene } from '../src/lib/schema.ts';
import { sceneMapState, transitionDuration } from '../src/lib/scene-view.ts';
import { validateDataset } from '../src/lib/validate.ts';
import { figuresOf, type Figures } from './figures.ts';
import {
  compositingOf,
  firstReady,
  INSTRUMENT_SCRIPT,
  pause,
  read,
  webglRenderer,
} from './instrument.ts';
import { renderReport, summaryLines, type GpuPass, type ReportInput } from './report.ts';
import { sizeOf, totalsByKind, type Shipped } from './resources.ts';
import { runOrder, runPage, VIEWPORT, type Plan } from './scenarios.ts';
import { runCliPass } from './cli.ts';
import { cliFiguresOf } from './cli-report.ts';
import { runScalePass, timeValidation } from './scale.ts';
import { SCALE_DATA_DIR, writeScaleDataset } from './scale-data.ts';
import { scaleFiguresOf } from './scale-report.ts';
import {
  PAGE_NAMES,
  type LighthouseSection,
  type Machine,
  type PageName,
  type PageRun,
} from './types.ts';

const BENCH_DIST = join(REPO_ROOT, 'bench/dist');
/** The countries selected in turn: the first three measured, the rest in the exploration. */
const SELECTIONS = ['CHN', 'RUS', 'PAK', 'IRN', 'UZB', 'QAT', 'TUR'];

const log = (line: string) => console.error(line);

/**
 * The second pass's browser: Chromium's GPU process composites, on SwiftShader through ANGLE, as
 * it would on a GPU. Under --disable-gpu (CHROMIUM_ARGS, the first pass) it composites in software,
 * and reading each WebGL frame back makes the page's main thread wait for the frame to be drawn.
 */
const GPU_COMPOSITING_ARGS = [
  ...CHROMIUM_ARGS.filter((arg) => arg !== '--disable-gpu'),
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
];

/** `runs` interleaved runs of the three pages (run i in a rotating order); `label` heads the log lines. */
async function runPass(
  browser: Browser,
  plan: Plan,
  runs: number,
  label: string,
): Promise<PageRun[]> {
  const results: PageRun[] = [];
  for (let run = 0; run < runs; run++) {
    const order = runOrder(run);
    log(`${label} ${run + 1} of ${runs}: ${order.join(', ')}`);
    for (const name of order) {
      results.push(await runPage(browser, name, plan, run, log));
      await pause(100);
    }
  }
  return results;
}

function build(scale: boolean) {
  const steps: [string, string[], NodeJS.ProcessEnv?][] = [
    // Into bench/dist/app rather than dist/: other work (the browser tests) rebuilds dist/, and
    // a rebuild during the runs would swap the hashed files under the pages.
    [
      'the app',
      ['vite', 'build', '--logLevel', 'warn', '--outDir', 'bench/dist/app', '--emptyOutDir'],
    ],
    ['the floor page', ['vite', 'build', '--config', 'bench/vite.config.ts', '--mode', 'floor']],
    ['the deck.gl page', ['vite', 'build', '--config', 'bench/vite.config.ts', '--mode', 'deck']],
  ];
  if (scale) {
    log(`Writing the 200-country dataset to ${writeScaleDataset()}`);
    steps.push([
      'the app on the 200-country dataset',
      ['vite', 'build', '--logLevel', 'warn', '--outDir', 'bench/dist/app-scale', '--emptyOutDir'],
      { ATLAS_DATA_DIR: SCALE_DATA_DIR },
    ]);
  }
  for (const [what, args, env] of steps) {
    log(`Building ${what}: npx ${args.join(' ')}`);
    const result = spawnSync('npx', args, {
      cwd: REPO_ROOT,
      stdio: ['ignore', 2, 2],
      env: { ...process.env, ...env },
    });
    if (result.status !== 0) throw new Error(`Building ${what} failed (exit ${result.status}).`);
  }
}

function sameCamera(
  a: { lon: number; lat: number; zoom: number },
  b: { lon: number; lat: number; zoom: number },
) {
  return (
    Math.abs(a.lon - b.lon) < 1e-3 &&
    Math.abs(a.lat - b.lat) < 1e-3 &&
    Math.abs(a.zoom - b.zoom) < 1e-3
  );
}

/**
 * One untimed pass to learn what the runs need: the app's map size in exploration and in
 * presentation, the cameras of scenes 1 and 2 at that size (so the floor flies the same move),
 * and the WebGL renderer. Checks that the comparison pages open on the app's camera, and warms
 * the disk cache for every page.
 */
async function calibrate(
  browser: Browser,
  urls: Record<PageName, string>,
): Promise<{ plan: Plan; renderer: string }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript({ content: INSTRUMENT_SCRIPT });
  const page = await context.newPage();
  const sizeOfMap = async () => {
    const box = await page.getByTestId('map').boundingBox();
    if (!box) throw new Error('the app has no map element');
    return { width: Math.round(box.width), height: Math.round(box.height) };
  };
  try {
    await page.goto(urls.app);
    await firstReady(page);
    const mapSize = await sizeOfMap();
    const renderer = await webglRenderer(page);
    const map = page.getByTestId('map');
    const [center, zoom] = await Promise.all([
      map.getAttribute('data-center'),
      map.getAttribute('data-zoom'),
    ]);
    const [appLon, appLat] = (center ?? '').split(',').map(Number);
    const appCamera = { lon: appLon!, lat: appLat!, zoom: Number(zoom) };
    await page.goto(`${urls.app}?mode=present&scene=1`);
    await firstReady(page);
    const presentSize = await sizeOfMap();
    for (const name of ['floor', 'deck'] as const) {
      await page.goto(`${urls[name]}?w=${mapSize.width}&h=${mapSize.height}`);
      await firstReady(page);
      // The same region at the same size must give the same camera, or the pages draw different maps.
      const camera = await read<{ lon: number; lat: number; zoom: number }>(
        page,
        'window.bench.camera()',
      );
      if (!sameCamera(camera, appCamera)) {
        log(
          `  Warning: the ${name} page opens on ${JSON.stringify(camera)}, the app on ${JSON.stringify(appCamera)}.`,
        );
      }
    }

    const list = shippedScenes();
    const topology = JSON.parse(
      readFileSync(join(REPO_ROOT, 'public/geo/countries.json'), 'utf8'),
    ) as Topology;
    const frames = new Map(
      countryFeatures(topology).features.map((f) => [f.properties.id, frameOf(f.geometry)]),
    );
    const [from, to] = [list[0]!, list[1]!].map(
      (s) => sceneMapState(s, presentSize, frames).camera,
    );
    const countries = JSON.parse(readFileSync(join(REPO_ROOT, 'data/countries.json'), 'utf8')) as
      { id: string; name: string }[] | { countries: { id: string; name: string }[] };
    const named = Array.isArray(countries) ? countries : countries.countries;
    return {
      plan: {
        urls,
        mapSize,
        presentSize,
        flight: { from: from!, to: to!, duration: transitionDuration(from!, to!, false) },
        countries: SELECTIONS.map((id) => ({
          id,
          name: named.find((c) => c.id === id)?.name ?? id,
        })),
      },
      renderer,
    };
  } finally {
    await context.close();
  }
}

/** Sizes every URL once (the bodies are the built files, the same on every run). */
async function measureBytes(runs: readonly PageRun[]): Promise<Figures['bytes']> {
  const sizes = new Map<string, Shipped>();
  const sized = async (urls: readonly string[]) => {
    const out: Shipped[] = [];
    for (const url of new Set(urls)) {
      let entry = sizes.get(url);
      if (!entry) {
        const response = await fetch(url);
        if (!response.ok) throw new Error(`${url}: ${response.status} (was the build replaced?)`);
        entry = { url, size: sizeOf(new Uint8Array(await response.arrayBuffer())) };
        sizes.set(url, entry);
      }
      out.push(entry);
    }
    return out;
  };
  const bytes = {} as Figures['bytes'];
  for (const name of PAGE_NAMES) {
    const own = runs.filter((r) => r.page === name);
    bytes[name] = {
      first: totalsByKind(await sized(own[0]?.shippedFirst ?? [])),
      all: totalsByKind(await sized(own.flatMap((r) => r.shippedAll))),
    };
  }
  return bytes;
}

/** Lighthouse runs per preset; the report takes the median run (one run's score varies by ±10 here). */
const LIGHTHOUSE_RUNS = 5;

async function lighthouse(url: string): Promise<LighthouseSection> {
  const module = join(REPO_ROOT, 'bench/lighthouse.ts');
  if (!existsSync(module))
    return { status: 'skipped', note: 'bench/lighthouse.ts does not exist.' };
  try {
    const { lighthouseScores } = (await import(module)) as {
      lighthouseScores: (
        url: string,
        preset: 'desktop' | 'mobile',
        runs: number,
      ) => Promise<LighthouseSection & { status?: never }>;
    };
    const presets = {} as Extract<LighthouseSection, { status: 'measured' }>['presets'];
    for (const preset of ['desktop', 'mobile'] as const) {
      log(`Lighthouse, ${preset}, ${LIGHTHOUSE_RUNS} runs…`);
      presets[preset] = (await lighthouseScores(url, preset, LIGHTHOUSE_RUNS)) as never;
    }
    return { status: 'measured', presets };
  } catch (error) {
    return { status: 'skipped', note: `Lighthouse failed: ${(error as Error).message}` };
  }
}

/** The same runs in a browser that composites on the GPU process; null when `runs` is 0. */
async function secondPass(
  executablePath: string,
  plan: Plan,
  runs: number,
): Promise<{ compositing: string; results: PageRun[] } | null> {
  if (runs === 0) return null;
  const browser = await chromium.launch({
    executablePath,
    args: GPU_COMPOSITING_ARGS,
    headless: true,
  });
  try {
    const compositing = await compositingOf(browser);
    log(`Second pass, GPU compositing (chrome://gpu: ${compositing})…`);
    return { compositing, results: await runPass(browser, plan, runs, 'GPU compositing, run') };
  } finally {
    await browser.close();
  }
}

function machine(
  browserVersion: string,
  renderer: string,
  compositing: string,
  loadBefore: number[],
): Machine {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    memoryGb: totalmem() / 1024 ** 3,
    os: `${osType()} ${release()}`,
    node: process.version,
    chromium: browserVersion,
    renderer,
    compositing,
    load: { before: loadBefore, after: loadavg() },
  };
}

/** Runs of `validateDataset` on the 200-country dataset, timed in Node. */
const VALIDATION_RUNS = 7;

/** How long `validateDataset` takes on the 200-country dataset, as the app would run it (ms each). */
function validationTimes(): number[] {
  const texts = readDatasetFolder(SCALE_DATA_DIR);
  const geometryIds = shippedGeometryIds();
  log(`Validating the 200-country dataset ${VALIDATION_RUNS} times…`);
  return timeValidation(() => validateDataset(texts, { geometryIds }), VALIDATION_RUNS);
}

/** The shipped deck's scenes, read as they are written. */
function shippedScenes(): Scene[] {
  const scenes = JSON.parse(readFileSync(join(REPO_ROOT, 'data/scenes.json'), 'utf8')) as
    Scene[] | { scenes: Scene[] };
  return Array.isArray(scenes) ? scenes : scenes.scenes;
}

/** The raw runs and the report's input of the last bench. */
const RESULTS = join(BENCH_DIST, 'results.json');

/**
 * Writes the report again from the last bench's results, measuring nothing: for a change of the
 * prose in targets.ts or of the report's layout.
 */
function rewriteReport(out: string) {
  if (!existsSync(RESULTS)) throw new Error(`${RESULTS} does not exist: run the bench first.`);
  const { input } = JSON.parse(readFileSync(RESULTS, 'utf8')) as { input: ReportInput };
  // JSON has no NaN: a figure that was not measured comes back as null, which reads the same.
  writeFileSync(out, renderReport({ ...input, date: new Date(input.date) }));
  log(`Wrote ${out} from ${RESULTS}.`);
  console.log(
    summaryLines(
      input.figures,
      input.lighthouse,
      input.gpu ?? null,
      input.scale ?? null,
      input.cli ?? null,
    ).join('\n'),
  );
}

async function main() {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '7' },
      // As many as the first pass by default: with fewer, a 5 % target drowns in this machine's noise.
      'gpu-runs': { type: 'string' },
      'skip-build': { type: 'boolean', default: false },
      'no-lighthouse': { type: 'boolean', default: false },
      out: { type: 'string', default: join(REPO_ROOT, 'BENCHMARKS.md') },
      'from-results': { type: 'boolean', default: false },
      // The scale pass (issue 17, item 7): as many runs as the first pass by default; 0 skips it.
      'scale-runs': { type: 'string' },
      // The command line's pictures (issue 18, item 7), each engine; 0 skips them. One by
      // default: the browser engine's 15 scenes take about two minutes.
      'cli-runs': { type: 'string', default: '1' },
    },
  });
  if (values['from-results']) {
    rewriteReport(values.out);
    return;
  }
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number ≥ 1`);
  const gpuRunCount = Number(values['gpu-runs'] ?? runs);
  if (!Number.isInteger(gpuRunCount) || gpuRunCount < 0) {
    throw new Error('--gpu-runs must be a whole number ≥ 0');
  }
  const scaleRunCount = Number(values['scale-runs'] ?? runs);
  if (!Number.isInteger(scaleRunCount) || scaleRunCount < 0) {
    throw new Error('--scale-runs must be a whole number ≥ 0');
  }
  const cliRunCount = Number(values['cli-runs']);
  if (!Number.isInteger(cliRunCount) || cliRunCount < 0) {
    throw new Error('--cli-runs must be a whole number ≥ 0');
  }
  const started = Date.now();
  const loadBefore = loadavg();
  const executablePath = findChromium();
  if (!executablePath) throw new Error(NO_CHROMIUM_MESSAGE);

  if (!values['skip-build']) build(scaleRunCount > 0);
  const servers: Record<PageName, RunningServer> = {
    app: await startServer({ root: join(BENCH_DIST, 'app'), port: 0 }),
    floor: await startServer({ root: join(BENCH_DIST, 'floor'), port: 0 }),
    deck: await startServer({ root: join(BENCH_DIST, 'deck'), port: 0 }),
  };
  const scaleServer =
    scaleRunCount > 0 ? await startServer({ root: join(BENCH_DIST, 'app-scale'), port: 0 }) : null;
  const urls = Object.fromEntries(PAGE_NAMES.map((n) => [n, servers[n].url])) as Record<
    PageName,
    string
  >;
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  try {
    log('Calibrating (one untimed pass over the three pages)…');
    const { plan, renderer } = await calibrate(browser, urls);
    log(
      `  map ${plan.mapSize.width}×${plan.mapSize.height}, presentation ${plan.presentSize.width}×${plan.presentSize.height}, scene flight ${plan.flight.duration} ms; ${renderer}`,
    );
    const compositing = await compositingOf(browser);
    const browserVersion = browser.version();
    const results = await runPass(browser, plan, runs, 'Run');
    const scaleResults = scaleServer
      ? await runScalePass(
          browser,
          { shipped: urls.app, scale: scaleServer.url },
          plan,
          scaleRunCount,
          log,
        )
      : [];
    // Nothing else running during the second pass and Lighthouse: an idle browser still has
    // processes that wake up, on the same two cores.
    await browser.close();
    const gpuRuns = await secondPass(executablePath, plan, gpuRunCount);
    if (cliRunCount > 0) log('Command line: npm run export, in Node and with --browser…');
    const cliRuns = runCliPass(cliRunCount, log);
    log('Sizing what each page shipped…');
    const bytes = await measureBytes(results);
    const figures = figuresOf(results, bytes);
    const gpu: GpuPass | null = gpuRuns
      ? { compositing: gpuRuns.compositing, figures: figuresOf(gpuRuns.results, bytes) }
      : null;
    const scale = scaleServer ? scaleFiguresOf(scaleResults, validationTimes()) : null;
    const cli = cliRunCount > 0 ? cliFiguresOf(cliRuns, shippedScenes().length) : null;
    const lighthouseSection = values['no-lighthouse']
      ? ({ status: 'skipped', note: 'run with --no-lighthouse.' } as const)
      : await lighthouse(urls.app);
    const input: ReportInput = {
      date: new Date(),
      machine: machine(browserVersion, renderer, compositing, loadBefore),
      plan,
      figures,
      gpu,
      scale,
      cli,
      lighthouse: lighthouseSection,
      minutes: (Date.now() - started) / 60_000,
    };
    writeFileSync(values.out, renderReport(input));
    mkdirSync(BENCH_DIST, { recursive: true });
    writeFileSync(
      RESULTS,
      JSON.stringify(
        { input, results, gpuResults: gpuRuns?.results ?? [], scaleResults, cliRuns },
        null,
        2,
      ),
    );
    log(
      `Wrote ${values.out} (and bench/dist/results.json) in ${((Date.now() - started) / 60_000).toFixed(1)} min.`,
    );
    console.log(summaryLines(figures, lighthouseSection, gpu, scale, cli).join('\n'));
  } finally {
    await browser.close();
    await Promise.all(PAGE_NAMES.map((n) => servers[n].close()));
    await scaleServer?.close();
  }
}

if (isMain(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  });
}
