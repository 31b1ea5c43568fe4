/**
 * `npm run export -- --state "country=CHN&date=2025-06-30" --format png --size 1200x675 --scale 2 --out file.png`
 *
 * Exports a picture of the atlas from the command line, in Node alone: the picture engine the
 * app's SVG export uses draws the state (scripts/node-picture.ts), and resvg rasterises a PNG from
 * that SVG. No browser, no server. `--all-scenes --out-dir DIR` draws every scene of the deck, one
 * PNG each, named by the app. `--browser` draws instead the way a person would in the app: it
 * serves the built app (dist/, built first if missing), opens the state in headless Chromium,
 * waits for the map, makes the same choices in the Export dialog and saves its download.
 *
 * Everything that can be checked without drawing is checked first (state, size, scale, format,
 * theme, paths, flags): a problem exits 1 with exactly one line on stderr. On success, one line per
 * file written goes to stdout: its path and size in bytes.
 */
import type { Download, Locator, Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isLocale, LOCALES, type Locale } from '../src/i18n/locales.ts';
import { dataFile } from '../src/lib/data-export.ts';
import { engagementIndex } from '../src/lib/engagement.ts';
import { checkExportSize, EXPORT_SCALES, EXPORT_SIZES, parseSize } from '../src/lib/export-name.ts';
import { pictureTextOf, type PictureText } from '../src/lib/picture-alt.ts';
import type { ExportSize } from '../src/lib/export-name.ts';
import type { ExportElement } from '../src/lib/export-layout.ts';
import type { EditorialTexts } from '../src/export/editorial.ts';
import type { Dataset } from '../src/lib/schema.ts';
import { parseUrlState, type UrlContext } from '../src/lib/url-state.ts';
import { formatProblem, validateDataset } from '../src/lib/validate.ts';
import { readDatasetFolder, REPO_ROOT, shippedGeometryIds } from './dataset-files.ts';
import { ensureChromium, NO_CHROMIUM_MESSAGE, CHROMIUM_ARGS } from './ensure-chromium.ts';
import { startServer } from './serve.ts';
import { isMain } from './is-main.ts';
import { nodeDeck, nodePicture, nodeSource } from './node-picture.ts';
import type { Topology } from 'topojson-specification';

const USAGE = `Usage: npm run export -- [options]

  --state QUERY       the app state, as in its URL (e.g. "country=CHN&date=2025-06-30"); default: none
  --format FORMAT     png or svg (a picture; default png), pdf (with --all-scenes: the deck, a
                      page per scene, into --out FILE), csv (the view on the state's date: one
                      row per country with its level, tension, motives and sources) or data-zip
                      (the whole dataset as CSV tables, with a README, CITATION.cff and licence)
  --size WxH          CSS pixels, e.g. 1200x675; default 1920x1080
  --scale 1-4         device pixels per CSS pixel (PNG only); default 2
  --theme light|dark  default light
  --out FILE          where to write the picture (its folders are made if missing)
  --all-scenes        every scene of the deck as numbered PNGs (named by the app), or one PDF ...
  --out-dir DIR       ... written into this folder (made, with its parents, if missing)
  --no-title --no-subtitle --no-legend --no-date --no-source --no-credit
                      leave that element out of the picture
  --title TEXT --subtitle TEXT --note TEXT --source TEXT --credit TEXT
                      the picture's headline, dek, note, source line and credit, over the ones
                      the state gives it (a selected country's name and level, the publishers of
                      the sources behind what is drawn)
  --browser           draw through the app's Export dialog in headless Chromium (installed if
                      missing), as the app's own button does, rather than in Node alone
  --outline-text      an SVG's text drawn as shapes (every glyph a path) instead of text in
                      embedded fonts: for print and for editors without Noto Sans; the words
                      stay in the file's title and desc
  --lang LANG         the edition: en (default), ar, fa-AF or ps; its words, names and digits
                      (the state's cal= picks the calendar)
  --alt               print the picture's alt text (its title, then its description: what the
                      SVG's title and desc and the PNG's Description carry); alone, with no
                      --out, it prints it and draws nothing
  --help              show this

A picture: drawn in Node alone by the picture engine the app's SVG export uses (the SVG with its
fonts; a PNG rasterised from it by resvg), with no browser. With --browser: serves the built app
(dist/; built first if missing) and drives headless Chromium through the Export dialog. The data
formats are written from the dataset itself, by the code the
app's "Get the data" uses, without a browser. Prints one line per file written: its path and size
in bytes.`;

/** The page the app is driven in: a desktop window, as the browser tests use. */
const VIEWPORT = { width: 1280, height: 800 };
/** Loading the map and data in software WebGL. */
const READY_TIMEOUT = 90_000;
/** One picture: a 3840×2160 PNG takes up to ~30 s in software WebGL; leave room. */
const PICTURE_TIMEOUT = 180_000;

/** The dialog's checkboxes for what is burnt in, by the flag that switches each off. */
const ELEMENTS: readonly { element: ExportElement; flag: `no-${string}`; label: string }[] = [
  { element: 'title', flag: 'no-title', label: 'Title' },
  { element: 'subtitle', flag: 'no-subtitle', label: 'Subtitle' },
  { element: 'legend', flag: 'no-legend', label: 'Legend' },
  { element: 'date', flag: 'no-date', label: 'Date' },
  { element: 'source', flag: 'no-source', label: 'Source line' },
  { element: 'credit', flag: 'no-credit', label: 'Credit' },
];

/** The picture's words an editor can set, by flag, and their fields in the dialog. */
const WORDS: readonly { field: keyof EditorialTexts; flag: string; label: string }[] = [
  { field: 'title', flag: 'title', label: 'Headline' },
  { field: 'subtitle', flag: 'subtitle', label: 'Dek' },
  { field: 'note', flag: 'note', label: 'Note' },
  { field: 'source', flag: 'source', label: 'Sources' },
  { field: 'credit', flag: 'credit', label: 'Credit line' },
];

/** The data formats: written straight from the dataset, no browser. */
interface DataJob {
  kind: 'data';
  format: 'csv' | 'data-zip';
  /** The day of the view (csv), or the day the files are written for (data-zip). */
  day: string;
  path: string;
  dataset: Dataset;
}

/** `--alt` alone: the alt text of a state, printed; no picture. */
interface AltJob {
  kind: 'alt';
  words: PictureText;
}

/** A problem worth one line to the person at the terminal, not a stack trace. */
class CliError extends Error {}

/** What to export, checked. */
interface Job {
  /** The query string to open, without `?`; for scenes, set per scene. */
  state: string;
  format: 'png' | 'svg' | 'pdf';
  size: ExportSize;
  scale: number;
  theme: 'light' | 'dark';
  show: Record<ExportElement, boolean>;
  /** `--out`, resolved; or, with `--all-scenes`, the folder to write into. */
  target:
    | { kind: 'file'; path: string }
    | { kind: 'scenes'; dir: string; count: number }
    | { kind: 'deck'; path: string; count: number };
  /** With `--alt`: the picture's words, printed once it is written. */
  words: PictureText | null;
  /** `--outline-text`: an SVG's text as shapes. */
  outlineText: boolean;
  /** `--browser`: drawn through the app in headless Chromium, as before the picture engine. */
  browser: boolean;
  /** `--title` and the rest: the editor's words over the state's own. */
  texts: Partial<EditorialTexts>;
  dataset: Dataset;
  /** `--lang`: the edition, added to every state drawn; null to keep the state's own. */
  lang: Locale | null;
}

/**
 * Where relative paths start: `npm run` moves to the package folder, so the folder the command
 * was typed in is `INIT_CWD` there.
 */
function userCwd(): string {
  return process.env.npm_lifecycle_event === 'export' && process.env.INIT_CWD
    ? process.env.INIT_CWD
    : process.cwd();
}

function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

/**
 * Why a folder cannot be made at `path` (it, or the nearest part of it that exists, is a file),
 * or null when it exists or can be made. Folders are made only once the picture is drawn, so a
 * refused run leaves nothing behind.
 */
function folderProblem(path: string): string | null {
  let at = path;
  while (!existsSync(at)) at = dirname(at);
  return statSync(at).isDirectory() ? null : `${at} is a file, not a folder`;
}

/** The shipped dataset, as the app loads it. */
function loadDataset(): Dataset {
  const result = validateDataset(readDatasetFolder(join(REPO_ROOT, 'data')), {
    geometryIds: shippedGeometryIds(),
  });
  if (!result.ok) {
    const first = result.problems[0];
    throw new CliError(
      `The shipped dataset is not valid (${first ? formatProblem(first) : 'unknown problem'}); run npm run validate.`,
    );
  }
  return result.dataset;
}

/** What a URL is checked against, built as the app's state builds it (src/state/atlas.svelte.ts). */
function urlContext(dataset: Dataset): Required<UrlContext> {
  return {
    start: dataset.meta.start,
    end: dataset.meta.reviewedThrough,
    actors: new Set([
      ...dataset.countries.map((c) => c.id),
      ...dataset.institutions.map((i) => i.id),
    ]),
    levels: dataset.levels.levels.map((l) => l.id),
    scenes: dataset.scenes.length,
  };
}

/** A state the app would show without a notice, or the notice as the error. */
function checkState(raw: string, dataset: Dataset): string {
  const query = raw.trim().replace(/^\?/, '');
  const { state, notices } = parseUrlState(query, urlContext(dataset));
  if (notices.length > 0) throw new CliError(`Bad --state: ${notices[0]}`);
  if (state.mode === 'speaker') {
    throw new CliError('Bad --state: mode=speaker shows the speaker notes, not a map to export.');
  }
  return query;
}

/** `--out FILE` resolved against `base`, or the one line that says why it cannot be written. */
function checkedFile(base: string, out: string | undefined): string {
  if (out === undefined || out === '') throw new CliError('Missing --out FILE.');
  const path = resolve(base, out);
  if (isDirectory(path)) throw new CliError(`--out ${out} is a folder; name a file.`);
  const problem = folderProblem(dirname(path));
  if (problem) throw new CliError(`--out ${out}: ${problem}.`);
  return path;
}

/** The command line, checked; throws a `CliError` with one line for the first problem. */
function readJob(argv: string[]): Job | DataJob | AltJob | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        state: { type: 'string' },
        format: { type: 'string', default: 'png' },
        size: { type: 'string', default: '1920x1080' },
        scale: { type: 'string', default: '2' },
        theme: { type: 'string', default: 'light' },
        out: { type: 'string' },
        'out-dir': { type: 'string' },
        'all-scenes': { type: 'boolean', default: false },
        alt: { type: 'boolean', default: false },
        lang: { type: 'string' },
        'outline-text': { type: 'boolean', default: false },
        browser: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
        ...Object.fromEntries(WORDS.map(({ flag }) => [flag, { type: 'string' as const }])),
        ...Object.fromEntries(
          ELEMENTS.map(({ flag }) => [flag, { type: 'boolean' as const, default: false }]),
        ),
      },
    }));
  } catch (error) {
    // Node's messages are one line, but end with advice about `--` that does not fit here.
    const message = (error as Error).message.split('. To specify')[0]!.split('\n')[0]!;
    throw new CliError(`${message.replace(/\.$/, '')}. See --help.`);
  }
  if (values.help) return 'help';

  const format = values.format as string;
  if (format === 'csv' || format === 'data-zip') return readDataJob(format, values);
  if (format !== 'png' && format !== 'svg' && format !== 'pdf') {
    throw new CliError(`Unknown --format “${format}”: use png, svg, pdf, csv or data-zip.`);
  }
  if (format === 'pdf' && !values['all-scenes']) {
    throw new CliError('A PDF is the deck, a page per scene: add --all-scenes.');
  }
  if (values['outline-text'] && (format !== 'svg' || values.browser)) {
    throw new CliError(
      '--outline-text is for an SVG drawn in Node: use --format svg, without --browser.',
    );
  }
  if (format === 'pdf' && values.browser) {
    throw new CliError('--browser draws PNGs and SVGs; leave it out for the PDF.');
  }
  const theme = values.theme as string;
  if (theme !== 'light' && theme !== 'dark') {
    throw new CliError(`Unknown --theme “${theme}”: use light or dark.`);
  }
  const rawScale = values.scale as string;
  const scale = Number(rawScale);
  if (!/^\d+$/.test(rawScale) || !(EXPORT_SCALES as readonly number[]).includes(scale)) {
    throw new CliError(
      `Bad --scale “${rawScale}”: use a whole number from ${EXPORT_SCALES[0]} to ${EXPORT_SCALES.at(-1)}.`,
    );
  }
  const rawSize = values.size as string;
  const size = parseSize(rawSize);
  if (!size)
    throw new CliError(`Bad --size “${rawSize}”: write it as WIDTHxHEIGHT, e.g. 1200x675.`);
  // An SVG has no scale: the dialog exports it at 1x, so that is what its limits apply to.
  const sizeProblem = checkExportSize(size, format === 'svg' ? 1 : scale);
  if (sizeProblem) throw new CliError(`Bad --size: ${sizeProblem}`);

  const lang = values.lang as string | undefined;
  if (lang !== undefined && !isLocale(lang)) {
    throw new CliError(`Unknown --lang “${lang}”: use ${LOCALES.join(', ')}.`);
  }
  if (lang !== undefined && lang !== 'en' && values.browser) {
    // The dialog is driven by its English labels.
    throw new CliError('--browser draws the English edition; leave out --lang, or --browser.');
  }
  const dataset = loadDataset();
  const show = Object.fromEntries(
    ELEMENTS.map(({ element, flag }) => [element, !(values as Record<string, unknown>)[flag]]),
  ) as Record<ExportElement, boolean>;
  const texts: Partial<EditorialTexts> = Object.fromEntries(
    WORDS.flatMap(({ field, flag }) => {
      const text = (values as Record<string, unknown>)[flag];
      return typeof text === 'string' ? [[field, text]] : [];
    }),
  );
  const base = userCwd();
  const out = values.out as string | undefined;
  const outDir = values['out-dir'] as string | undefined;

  if (values['all-scenes']) {
    if (values.alt) throw new CliError('--alt is for one picture; leave out --all-scenes.');
    if (format === 'svg') {
      throw new CliError('--all-scenes writes PNGs, or a PDF; leave out --format svg.');
    }
    if (values.state !== undefined) {
      throw new CliError('--all-scenes opens each scene itself; leave out --state.');
    }
    if (dataset.scenes.length === 0) throw new CliError('The dataset has no scenes to export.');
    const count = dataset.scenes.length;
    let target: Job['target'];
    if (format === 'pdf') {
      if (outDir !== undefined) throw new CliError('The PDF is one file: use --out FILE.');
      target = { kind: 'deck', path: checkedFile(base, out), count };
    } else {
      if (out !== undefined)
        throw new CliError('--all-scenes writes into --out-dir DIR, not --out.');
      if (outDir === undefined) throw new CliError('Missing --out-dir DIR for --all-scenes.');
      const dir = resolve(base, outDir);
      const problem = folderProblem(dir);
      if (problem) throw new CliError(`--out-dir ${outDir}: ${problem}.`);
      target = { kind: 'scenes', dir, count };
    }
    return {
      state: '',
      format,
      size,
      scale,
      theme,
      show,
      target,
      words: null,
      browser: values.browser === true,
      outlineText: false,
      texts,
      dataset,
      lang: lang ?? null,
    };
  }

  if (outDir !== undefined) throw new CliError('--out-dir goes with --all-scenes; use --out FILE.');
  const stateQuery = withLang(values.state ?? '', lang);
  const words = values.alt ? wordsOf(checkState(stateQuery, dataset), dataset) : null;
  if (words && out === undefined) return { kind: 'alt', words };
  const path = checkedFile(base, out);
  const state = checkState(stateQuery, dataset);
  return {
    state,
    format: format as 'png' | 'svg',
    size,
    scale,
    theme,
    show,
    target: { kind: 'file', path },
    words,
    browser: values.browser === true,
    outlineText: values['outline-text'] === true,
    texts,
    dataset,
    lang: lang ?? null,
  };
}

/** A state's query with `--lang`'s edition in it (the state's own `lang` where none is given). */
function withLang(query: string, lang: string | undefined): string {
  if (lang === undefined) return query;
  const params = new URLSearchParams(query.trim().replace(/^\?/, ''));
  params.set('lang', lang);
  return params.toString();
}

/** The words of the picture a checked state makes, as the app writes them into it. */
function wordsOf(query: string, dataset: Dataset): PictureText {
  const { state } = parseUrlState(query, urlContext(dataset));
  return pictureTextOf(dataset, engagementIndex(dataset), state);
}

const printWords = (words: PictureText) => console.log(`${words.title}\n\n${words.description}`);

/** `--format csv` or `data-zip`: the file to write and the day it is for. */
function readDataJob(
  format: 'csv' | 'data-zip',
  values: { state?: unknown; out?: unknown; 'out-dir'?: unknown; 'all-scenes'?: unknown },
): DataJob {
  if (values['all-scenes'] || values['out-dir'] !== undefined) {
    throw new CliError(`--format ${format} writes one file: use --out FILE.`);
  }
  const path = checkedFile(userCwd(), values.out as string | undefined);
  const dataset = loadDataset();
  const context = urlContext(dataset);
  const query = checkState((values.state as string | undefined) ?? '', dataset);
  const day = parseUrlState(query, context).state.date ?? context.end;
  return { kind: 'data', format, day, path, dataset };
}

/** Writes a data format's file, as the app's Export dialog writes it, and says where. */
async function writeData(job: DataJob) {
  const what = job.format === 'csv' ? 'view' : 'dataset';
  const { blob } = dataFile(what, job.dataset, engagementIndex(job.dataset), job.day);
  const bytes = Buffer.from(await blob.arrayBuffer());
  mkdirSync(dirname(job.path), { recursive: true });
  writeFileSync(job.path, bytes);
  console.log(`${shown(job.path)} ${bytes.length} bytes`);
}

/** dist/ as `vite build` leaves it; built now if it is not there. */
function ensureBuilt(): string {
  const dist = join(REPO_ROOT, 'dist');
  if (existsSync(join(dist, 'index.html'))) return dist;
  console.error('No built app in dist/; building it (npx vite build)…');
  const build = spawnSync('npx', ['vite', 'build'], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (build.status !== 0 || !existsSync(join(dist, 'index.html'))) {
    process.stderr.write(`${build.stdout ?? ''}${build.stderr ?? ''}`);
    throw new CliError('The build failed (see above); fix it, or run npm run build.');
  }
  return dist;
}

/** Picks an option of a `<select>` by its text. */
async function choose(dialog: Locator, label: string, option: string) {
  await dialog.getByRole('combobox', { name: label, exact: true }).selectOption({ label: option });
}

/** Opens the Export dialog and makes the job's choices in it, as a person would. */
async function fillDialog(page: Page, job: Job): Promise<Locator> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.waitFor({ state: 'visible', timeout: 30_000 });

  await dialog.getByRole('radio', { name: job.format.toUpperCase(), exact: true }).check();
  const preset = EXPORT_SIZES.find(
    (p) => p.width === job.size.width && p.height === job.size.height,
  );
  if (preset) {
    await choose(dialog, 'Size', preset.label);
  } else {
    await choose(dialog, 'Size', 'Custom');
    await dialog
      .getByRole('spinbutton', { name: 'Width', exact: true })
      .fill(String(job.size.width));
    await dialog
      .getByRole('spinbutton', { name: 'Height', exact: true })
      .fill(String(job.size.height));
  }
  // The dialog greys out the scale for SVG (vectors have none).
  if (job.format === 'png') await choose(dialog, 'Scale', `${job.scale}x`);
  await dialog
    .getByRole('radio', { name: job.theme === 'light' ? 'Light' : 'Dark', exact: true })
    .check();
  for (const { element, label } of ELEMENTS) {
    await dialog.getByRole('checkbox', { name: label, exact: true }).setChecked(job.show[element]);
  }
  for (const { field, label } of WORDS) {
    const text = job.texts[field];
    if (text !== undefined) await dialog.getByLabel(label, { exact: true }).fill(text);
  }
  return dialog;
}

/** Clicks "Download" and waits for the file, or for the error the dialog shows instead. */
async function download(page: Page, dialog: Locator): Promise<Download> {
  const alert = dialog.getByRole('alert');
  if (await alert.count())
    throw new CliError(`The app refused: ${await alert.first().innerText()}`);
  const file = page.waitForEvent('download', { timeout: PICTURE_TIMEOUT });
  const refused = alert
    .first()
    .waitFor({ state: 'visible', timeout: PICTURE_TIMEOUT })
    .then(async () => {
      throw new CliError(`The app refused: ${(await alert.first().innerText()).trim()}`);
    });
  await dialog.getByRole('button', { name: 'Download', exact: true }).click();
  try {
    return await Promise.race([file, refused]);
  } finally {
    // Whichever lost settles later; its outcome no longer matters.
    file.catch(() => {});
    refused.catch(() => {});
  }
}

/** Opens the app at a state and waits until the map has drawn it. */
async function open(page: Page, origin: string, query: string) {
  await page.goto(`${origin}/${query ? `?${query}` : ''}`);
  await page
    .locator('[data-testid="map"][data-ready="true"]')
    .waitFor({ state: 'attached', timeout: READY_TIMEOUT });
}

/** A path as the person typed it would read: relative to where they are, when inside it. */
function shown(path: string): string {
  const rel = relative(userCwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

async function saveTo(file: Download, path: string) {
  mkdirSync(dirname(path), { recursive: true });
  await file.saveAs(path);
  const failure = await file.failure();
  if (failure) throw new CliError(`The download failed: ${failure}`);
  console.log(`${shown(path)} ${statSync(path).size} bytes`);
}

/** Draws the job's pictures in Node alone (scripts/node-picture.ts) and writes them. */
async function runInNode(job: Job) {
  const topology = JSON.parse(
    readFileSync(join(REPO_ROOT, 'public/geo/countries.json'), 'utf8'),
  ) as Topology;
  const context = urlContext(job.dataset);
  const stateOf = (query: string) => parseUrlState(query, context).state;
  const scenes = (count: number) =>
    Array.from({ length: count }, (_, i) =>
      withLang(`mode=present&scene=${i + 1}`, job.lang ?? undefined),
    );
  // One edition a run: the state's (or --lang's) language and calendar.
  const edition = stateOf(job.state || scenes(1)[0]!);
  const source = await nodeSource(job.dataset, topology, {
    lang: edition.lang,
    calendar: edition.calendar,
  });
  const options = {
    format: job.format === 'svg' ? ('svg' as const) : ('png' as const),
    size: job.size,
    scale: job.scale,
    theme: job.theme,
    show: job.show,
    texts: job.texts,
  };
  const write = (to: string, bytes: Uint8Array) => {
    mkdirSync(dirname(to), { recursive: true });
    writeFileSync(to, bytes);
    console.log(`${shown(to)} ${bytes.length} bytes`);
  };
  const target = job.target;
  if (target.kind === 'file')
    write(target.path, nodePicture(source, stateOf(job.state), options, job.outlineText).bytes);
  else if (target.kind === 'deck') {
    write(target.path, nodeDeck(source, scenes(target.count).map(stateOf), options).bytes);
  } else {
    for (const query of scenes(target.count)) {
      const picture = nodePicture(source, stateOf(query), options);
      write(join(target.dir, picture.filename), picture.bytes);
    }
  }
}

/** Draws the job's pictures through the app's Export dialog in headless Chromium (`--browser`). */
async function runInBrowser(job: Job) {
  const executablePath = ensureChromium();
  if (!executablePath) throw new CliError(NO_CHROMIUM_MESSAGE);
  const server = await startServer({ root: ensureBuilt(), port: 0 });
  const origin = new URL(server.url).origin;
  const { chromium } = await import('@playwright/test');
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({
      viewport: VIEWPORT,
      acceptDownloads: true,
      // Scenes jump to their camera instead of easing there.
      reducedMotion: 'reduce',
      timezoneId: 'UTC',
      locale: 'en-GB',
    });
    // Nothing leaves the machine: the app needs only its own server.
    await context.route(
      (url) => url.origin !== origin,
      (route) => route.abort(),
    );
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    try {
      const target = job.target;
      if (target.kind === 'file') {
        await open(page, origin, job.state);
        await saveTo(await download(page, await fillDialog(page, job)), target.path);
      } else if (target.kind === 'scenes') {
        for (let n = 1; n <= target.count; n++) {
          await open(page, origin, `mode=present&scene=${n}`);
          const file = await download(page, await fillDialog(page, job));
          await saveTo(file, join(target.dir, file.suggestedFilename()));
        }
      } else throw new CliError('--browser draws PNGs and SVGs; leave it out for the PDF.');
    } catch (error) {
      if (error instanceof CliError || pageErrors.length === 0) throw error;
      throw new CliError(`${firstLine(error)} (the page reported: ${pageErrors[0]})`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // Playwright's messages carry a call log after the first line.
  return (text.split('\n').find((line) => line.trim() !== '') ?? text).trim();
}

if (isMain(import.meta.url)) {
  try {
    const job = readJob(process.argv.slice(2));
    if (job === 'help') console.log(USAGE);
    else if ('kind' in job) {
      if (job.kind === 'alt') printWords(job.words);
      else await writeData(job);
    } else {
      if (job.browser) await runInBrowser(job);
      else await runInNode(job);
      if (job.words) printWords(job.words);
    }
  } catch (error) {
    console.error(firstLine(error));
    process.exitCode = 1;
  }
}
