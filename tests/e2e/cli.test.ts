/**
 * `npm run export` from the outside: the command is run as a child process, as a person or a build
 * script would run it, and the files it writes are read back. Bad inputs are refused before
 * anything is drawn; the pictures are drawn in Node alone (the picture engine and resvg), and once
 * with `--browser` through the app in headless Chromium and software WebGL (slow).
 *
 * No page of this test's own is involved, so `test` comes from Playwright directly, not from the
 * fixtures that guard a page.
 */
import { expect, test } from '@playwright/test';
import { DOMParser } from '@xmldom/xmldom';
import { csvParseRows } from 'd3-dsv';
import { VIEW_COLUMNS } from '../../src/lib/data-export.ts';
import { unzipSync } from 'fflate';
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PNG } from 'pngjs';
import { REPO_ROOT } from '../../scripts/dataset-files.ts';
import { engagementIndex, levelOn } from '../../src/lib/engagement.ts';
import { EXPORT_COLORS } from '../../src/lib/export-layout.ts';
import { exportFileName } from '../../src/lib/export-name.ts';
import { dataset, levelColour } from './data.ts';
import { colourDistance, rgbOf, type Rgb } from './map-helpers.ts';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the export command with `args`, as `npm run export -- ARGS` does (tsx on the script), but
 * without npm in between, whose own warnings would mix into stderr.
 */
function exportCli(args: string[]): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/export.ts', ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

/**
 * Rasterises an SVG with resvg and no font at all, in a process of its own (resvg's native module
 * loaded into the test runner's worker brings the worker down).
 */
function drawWithoutFonts(svgPath: string, pngPath: string): Promise<void> {
  const script = `const { Resvg } = require('@resvg/resvg-js'); const fs = require('node:fs');
    const [svg, png] = process.argv.slice(1);
    fs.writeFileSync(png, new Resvg(fs.readFileSync(svg, 'utf8'), { font: { loadSystemFonts: false } }).render().asPng());`;
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['-e', script, svgPath, pngPath], { cwd: REPO_ROOT });
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? done() : fail(new Error(`resvg exited ${code}`))));
  });
}

/** A fresh folder for one test's files, under Playwright's per-test output folder. */
function outputDir(): string {
  const dir = test.info().outputPath('out');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** A file named `not-a-folder` beside the test's output folder, where a folder would have to go. */
function blockingFile(): string {
  const path = test.info().outputPath('not-a-folder');
  writeFileSync(path, 'a file\n');
  return path;
}

function linesOf(text: string): string[] {
  return text.split('\n').filter((line) => line.trim() !== '');
}

/**
 * The files a successful run reports, one line each (`PATH BYTES bytes`; the path is relative to
 * where the command ran when the file is inside it), as absolute paths and sizes.
 */
function reported(stdout: string): { path: string; bytes: number }[] {
  return linesOf(stdout).map((line) => {
    const match = /^(.+) (\d+) bytes$/.exec(line);
    if (!match) throw new Error(`not a “PATH N bytes” line: ${line}`);
    return { path: resolve(REPO_ROOT, match[1]!), bytes: Number(match[2]) };
  });
}

/** What `reported` should read for these files, with their sizes on disk. */
function onDisk(paths: string[]): { path: string; bytes: number }[] {
  return paths.map((path) => ({ path, bytes: statSync(path).size }));
}

function pixel(png: PNG, x: number, y: number): Rgb {
  const i = (png.width * y + x) * 4;
  return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
}

/** How many pixels of a rectangle are within `tolerance` (per channel) of a colour. */
function countNear(
  png: PNG,
  colour: Rgb,
  tolerance: number,
  box = { x: 0, y: 0, width: png.width, height: png.height },
): number {
  let count = 0;
  for (let y = box.y; y < box.y + box.height; y++) {
    for (let x = box.x; x < box.x + box.width; x++) {
      if (colourDistance(pixel(png, x, y), colour) <= tolerance) count++;
    }
  }
  return count;
}

test.describe('bad inputs are refused with one line, before any browser starts', () => {
  const cases: { name: string; args: (dir: string) => string[]; reason: RegExp }[] = [
    {
      name: 'a country that is not in the data',
      args: (dir) => ['--state', 'country=XYZ', '--out', `${dir}/x.png`],
      reason: /^Bad --state: No country or institution “XYZ” in the data/,
    },
    {
      name: 'a date outside the data',
      args: (dir) => ['--state', 'date=1999-01-01', '--out', `${dir}/x.png`],
      reason: /^Bad --state: The date “1999-01-01” is outside/,
    },
    {
      name: 'text as outlines for a PNG',
      args: (dir) => ['--outline-text', '--out', `${dir}/x.png`],
      reason: /^--outline-text is for an SVG drawn in Node/,
    },
    {
      name: 'a language the atlas has no edition in',
      args: (dir) => ['--lang', 'fr', '--out', `${dir}/x.png`],
      reason: /^Unknown --lang “fr”: use en, ar, fa-AF, ps\.$/,
    },
    {
      name: 'an edition other than English through the browser',
      args: (dir) => ['--lang', 'ps', '--browser', '--out', `${dir}/x.png`],
      reason: /^--browser draws the English edition/,
    },
    {
      name: 'a size too small',
      args: (dir) => ['--size', '10x10', '--out', `${dir}/x.png`],
      reason: /^Bad --size: Too small: 10 × 10/,
    },
    {
      name: 'a size too large',
      args: (dir) => ['--size', '99999x100', '--out', `${dir}/x.png`],
      reason: /^Bad --size: Too large: 99999 × 100/,
    },
    {
      name: 'a size that is not WIDTHxHEIGHT',
      args: (dir) => ['--size', 'big', '--out', `${dir}/x.png`],
      reason: /^Bad --size “big”/,
    },
    {
      name: 'a scale of 7',
      args: (dir) => ['--scale', '7', '--out', `${dir}/x.png`],
      reason: /^Bad --scale “7”: use a whole number from 1 to 4/,
    },
    {
      name: 'an unknown format',
      args: (dir) => ['--format', 'gif', '--out', `${dir}/x.gif`],
      reason: /^Unknown --format “gif”/,
    },
    {
      name: 'an unknown theme',
      args: (dir) => ['--theme', 'sepia', '--out', `${dir}/x.png`],
      reason: /^Unknown --theme “sepia”/,
    },
    {
      name: 'no --out',
      args: () => ['--state', 'country=CHN'],
      reason: /^Missing --out FILE/,
    },
    {
      name: 'an unknown flag',
      args: (dir) => ['--colour', 'red', '--out', `${dir}/x.png`],
      reason: /^Unknown option '--colour'/,
    },
    {
      name: 'an --out inside a file',
      args: () => ['--out', `${blockingFile()}/x.png`],
      reason: /^--out .*not-a-folder\/x\.png: .*not-a-folder is a file, not a folder/,
    },
    {
      name: '--all-scenes without --out-dir',
      args: () => ['--all-scenes'],
      reason: /^Missing --out-dir DIR for --all-scenes/,
    },
    {
      name: 'an --out-dir below a file',
      args: () => ['--all-scenes', '--out-dir', `${blockingFile()}/scenes`],
      reason: /^--out-dir .*not-a-folder\/scenes: .*not-a-folder is a file, not a folder/,
    },
    {
      name: 'a PDF of one picture',
      args: (dir) => ['--format', 'pdf', '--out', `${dir}/x.pdf`],
      reason: /^A PDF is the deck, a page per scene: add --all-scenes/,
    },
    {
      name: 'the PDF deck into a folder',
      args: (dir) => ['--format', 'pdf', '--all-scenes', '--out-dir', dir],
      reason: /^The PDF is one file: use --out FILE/,
    },
    {
      name: 'a CSV of a date outside the data',
      args: (dir) => ['--format', 'csv', '--state', 'date=1999-01-01', '--out', `${dir}/x.csv`],
      reason: /^Bad --state: The date “1999-01-01” is outside/,
    },
    {
      name: 'the data zip with --all-scenes',
      args: (dir) => ['--format', 'data-zip', '--all-scenes', '--out-dir', dir],
      reason: /^--format data-zip writes one file: use --out FILE/,
    },
  ];

  for (const { name, args, reason } of cases) {
    test(name, async () => {
      const dir = outputDir();
      const run = await exportCli(args(dir));
      expect(run.code).toBe(1);
      expect(linesOf(run.stderr)).toEqual([expect.stringMatching(reason)]);
      expect(run.stdout).toBe('');
      expect(readdirSync(dir)).toEqual([]);
    });
  }
});

test('--help prints the usage and exits 0', async () => {
  const run = await exportCli(['--help']);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('Usage: npm run export');
});

test.describe('the data, without a browser', () => {
  test('--format csv writes the view on the state’s date, one row per country', async () => {
    const path = join(outputDir(), 'deep', 'view.csv');
    const run = await exportCli(['--format', 'csv', '--state', 'date=2025-07-10', '--out', path]);
    expect(run.code).toBe(0);
    expect(reported(run.stdout)).toEqual(onDisk([path]));
    const [header, ...rows] = csvParseRows(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
    expect(header).toEqual([...VIEW_COLUMNS]);
    expect(rows.length).toBe(dataset.countries.length);
    const russia = rows.find((r) => r[2] === 'RUS')!;
    expect([russia[0], russia[1], russia[4]]).toEqual([
      '2025-07-10',
      dataset.meta.reviewedThrough,
      'recognition',
    ]);
  });

  test('--format data-zip writes the dataset’s tables, README, CITATION.cff and licence', async () => {
    const path = join(outputDir(), 'data.zip');
    const run = await exportCli(['--format', 'data-zip', '--out', path]);
    expect(run.code).toBe(0);
    expect(reported(run.stdout)).toEqual(onDisk([path]));
    const names = Object.keys(unzipSync(readFileSync(path))).map((n) => n.split('/').pop());
    expect(names).toEqual(
      expect.arrayContaining([
        'events.csv',
        'sources.csv',
        'README.md',
        'CITATION.cff',
        'LICENSE.txt',
      ]),
    );
  });
});

test('--alt alone prints the picture’s title and description, and draws nothing', async () => {
  const before = readdirSync(outputDir());
  const run = await exportCli(['--alt', '--state', 'country=CHN&date=2025-07-10']);
  expect(run.code).toBe(0);
  const [title, blank, description, ...rest] = run.stdout.trimEnd().split('\n');
  expect([title, blank, rest]).toEqual([
    'Kabul Engagement Atlas: China and Kabul, 10 July 2025',
    '',
    [],
  ]);
  expect(description).toMatch(/^A world map of how states engage with the Taliban government/);
  expect(description).toContain('Formal recognition: Russia.');
  expect(readdirSync(outputDir())).toEqual(before);
});

test.describe('pictures', () => {
  // --browser's software WebGL: loading the app and rendering take tens of seconds on a busy machine.
  test.describe.configure({ timeout: 300_000 });

  test('--browser draws through the app’s Export dialog in headless Chromium', async () => {
    const out = join(outputDir(), 'browser.png');
    const run = await exportCli([
      ...'--browser --state country=CHN&date=2025-06-30 --size 600x400 --scale 1'.split(' '),
      '--out',
      out,
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const png = PNG.sync.read(readFileSync(out));
    expect([png.width, png.height]).toEqual([600, 400]);
    const china = levelOn(engagementIndex(dataset), 'CHN', '2025-06-30');
    expect(countNear(png, rgbOf(levelColour(china!.level)), 4)).toBeGreaterThan(500);
  });

  test('a PNG of China on 30 June 2025 at 600x400@2x, into folders made for it', async () => {
    const out = join(outputDir(), 'pictures', 'china', 'china.png');
    const run = await exportCli([
      '--state',
      'country=CHN&date=2025-06-30',
      '--format',
      'png',
      '--size',
      '600x400',
      '--scale',
      '2',
      '--out',
      out,
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(reported(run.stdout)).toEqual(onDisk([out]));

    const png = PNG.sync.read(readFileSync(out));
    expect([png.width, png.height]).toEqual([1200, 800]);

    // The title is burnt in at the top left: its ink is there.
    const titleArea = { x: 0, y: 0, width: png.width / 2, height: png.height / 5 };
    expect(countNear(png, rgbOf(EXPORT_COLORS.light.text), 24, titleArea)).toBeGreaterThan(500);

    // China is drawn in its level's colour on that date (data/levels.json).
    const china = levelOn(engagementIndex(dataset), 'CHN', '2025-06-30');
    expect(china).not.toBeNull();
    expect(countNear(png, rgbOf(levelColour(china!.level)), 4)).toBeGreaterThan(2000);
  });

  test('an SVG at 800x500: vectors only, with the title and source line as text', async () => {
    const out = join(outputDir(), 'atlas.svg');
    // Without the credit, whose text is the atlas's name too, a text reading the title is the title.
    const run = await exportCli([
      '--state',
      'date=2025-06-30',
      '--format',
      'svg',
      '--size',
      '800x500',
      '--no-credit',
      '--out',
      out,
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(reported(run.stdout)).toEqual(onDisk([out]));

    const doc = new DOMParser({
      onError: (level, message) => {
        throw new Error(`${level}: ${message}`);
      },
    }).parseFromString(readFileSync(out, 'utf8'), 'image/svg+xml');
    const svg = doc.documentElement!;
    expect(svg.tagName).toBe('svg');
    expect(svg.getAttribute('viewBox')).toBe('0 0 800 500');
    expect(svg.getElementsByTagName('path').length).toBeGreaterThan(100);
    expect(svg.getElementsByTagName('image').length).toBe(0);
    const texts = Array.from(svg.getElementsByTagName('text'), (text) =>
      Array.from(text.getElementsByTagName('tspan'), (span) => span.textContent ?? '').join(' '),
    );
    expect(texts).toContain(dataset.meta.title);
    expect(texts).toContainEqual(expect.stringMatching(/^Sources: /));
    // Its words for a reader who cannot see it, first in the drawing.
    expect(svg.firstChild?.nodeName).toBe('title');
    expect(svg.getElementsByTagName('title')[0]?.textContent).toBe(
      'Kabul Engagement Atlas: engagement with the Taliban government in Kabul, 30 June 2025',
    );
    expect(svg.getElementsByTagName('desc')[0]?.textContent).toContain('Ambassador level: China');
  });

  // Each edition's words, names and digits (data/translations/, src/i18n/messages/publish/).
  const EDITIONS = [
    { lang: 'ar', sources: 'المصادر:', afghanistan: 'أفغانستان', year: '٢٠٢٥' },
    { lang: 'fa-AF', sources: 'منابع:', afghanistan: 'افغانستان', year: '۲۰۲۵' },
    { lang: 'ps', sources: 'سرچینې:', afghanistan: 'افغانستان', year: '۲۰۲۵' },
  ];
  for (const { lang, sources, afghanistan, year } of EDITIONS) {
    test(`--lang ${lang}: an SVG in the edition’s words and digits, with its Arabic font inside`, async () => {
      const out = join(outputDir(), `atlas-${lang}.svg`);
      const run = await exportCli(
        ['--lang', lang, '--state', 'date=2025-06-30', '--format', 'svg'].concat([
          '--size',
          '800x500',
          '--out',
          out,
        ]),
      );
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const text = readFileSync(out, 'utf8');
      const svg = new DOMParser().parseFromString(text, 'image/svg+xml').documentElement!;
      const texts = Array.from(svg.getElementsByTagName('text'), (t) =>
        Array.from(t.getElementsByTagName('tspan'), (span) => span.textContent ?? '').join(' '),
      );
      // A line in Arabic script is isolated (FSI … PDI), its direction its own (export/svg.ts).
      expect(texts).toContainEqual(expect.stringMatching(new RegExp(`^\u2068${sources}`)));
      expect(texts).toContain(afghanistan);
      // The date line: 30 June 2025 in the edition's digits.
      expect(texts).toContainEqual(expect.stringContaining(year));
      expect(text).toMatch(/@font-face\{font-family:'Noto Sans Arabic'/);
    });
  }

  test('--lang ps: a PNG of the size asked, its date line drawn', async () => {
    const out = join(outputDir(), 'atlas-ps.png');
    const run = await exportCli(
      ['--lang', 'ps', '--state', 'date=2025-06-30', '--size', '800x500', '--scale', '1'].concat([
        '--no-title',
        '--no-subtitle',
        '--no-legend',
        '--no-source',
        '--no-credit',
        '--out',
        out,
      ]),
    );
    expect(run.code).toBe(0);
    const png = PNG.sync.read(readFileSync(out));
    expect([png.width, png.height]).toEqual([800, 500]);
    // The date line's box, top right: dark ink on white, as a line of text makes it.
    let ink = 0;
    for (let y = 0; y < 60; y++)
      for (let x = 560; x < 800; x++) if (pixel(png, x, y)[0] < 90) ink++;
    expect(ink).toBeGreaterThan(150);
  });

  test('--outline-text: an SVG with no text and no font, drawn as the PNG is, under 600 KB', async () => {
    const dir = outputDir();
    const svgPath = join(dir, 'outlined.svg');
    const pngPath = join(dir, 'reference.png');
    const state = ['--state', 'country=CHN&date=2025-06-30', '--size', '1920x1080'];
    const svgRun = await exportCli([
      ...state,
      '--format',
      'svg',
      '--outline-text',
      '--out',
      svgPath,
    ]);
    const pngRun = await exportCli([...state, '--format', 'png', '--scale', '1', '--out', pngPath]);
    expect([svgRun.code, pngRun.code, svgRun.stderr]).toEqual([0, 0, '']);

    const text = readFileSync(svgPath, 'utf8');
    const svg = new DOMParser().parseFromString(text, 'image/svg+xml').documentElement!;
    expect(svg.getElementsByTagName('text').length).toBe(0);
    expect(text).not.toContain('@font-face');
    expect(svg.getElementsByTagName('title')[0]?.textContent).toMatch(
      /^Kabul Engagement Atlas: China/,
    );
    expect(svg.getElementsByTagName('desc')[0]?.textContent).toContain('Ambassador level: China');
    expect(statSync(svgPath).size).toBeLessThan(600 * 1024);

    // Drawn by resvg with no font at all, it is the picture the PNG is: only the glyphs' edges
    // differ (a path's antialiasing against text's), under 1% of the pixels (0.5% measured at 1920×1080).
    const drawnPath = join(dir, 'outlined.png');
    await drawWithoutFonts(svgPath, drawnPath);
    const drawn = PNG.sync.read(readFileSync(drawnPath));
    const reference = PNG.sync.read(readFileSync(pngPath));
    expect([drawn.width, drawn.height]).toEqual([reference.width, reference.height]);
    let same = 0;
    for (let i = 0; i < reference.data.length; i += 4) {
      const rgb = (data: Uint8Array) => [data[i]!, data[i + 1]!, data[i + 2]!] as Rgb;
      if (colourDistance(rgb(drawn.data), rgb(reference.data)) <= 48) same++;
    }
    expect(same / (reference.width * reference.height)).toBeGreaterThanOrEqual(0.99);
  });

  test('--title and --note set the picture’s words over the state’s', async () => {
    const out = join(outputDir(), 'words.svg');
    const run = await exportCli([
      ...'--state country=CHN --format svg --size 800x500'.split(' '),
      '--title',
      'Beijing goes first',
      '--note',
      'Levels as the sources give them.',
      '--out',
      out,
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect([text.includes('Beijing goes first'), text.includes('China: ')]).toEqual([true, false]);
    expect(text).toContain('Note: Levels as the sources give them.');
  });

  test('--all-scenes --format pdf writes the deck as one PDF, a page per scene', async () => {
    const out = join(outputDir(), 'deck.pdf');
    const run = await exportCli([
      ...'--all-scenes --format pdf --size 400x300 --scale 1'.split(' '),
      '--out',
      out,
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(reported(run.stdout)).toEqual(onDisk([out]));
    const pdf = readFileSync(out).toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    // A page per scene, each a JPEG.
    expect(pdf.match(/\/Type \/Page\b/g)?.length).toBe(dataset.scenes.length);
    expect(pdf.match(/\/Filter \/DCTDecode/g)?.length).toBe(dataset.scenes.length);
  });

  test('--all-scenes writes one PNG per scene, named by the app, into a folder it makes', async () => {
    test.setTimeout(600_000);
    // As in the README: a folder (and its parent) that do not exist yet.
    const dir = join(outputDir(), 'deck', 'scenes');
    const size = { width: 400, height: 300 };
    const run = await exportCli([
      '--all-scenes',
      '--out-dir',
      dir,
      '--size',
      `${size.width}x${size.height}`,
      '--scale',
      '1',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);

    const expected = dataset.scenes.map((scene, i) =>
      exportFileName(
        {
          mode: 'present',
          country: null,
          date: scene.date,
          sceneNumber: i + 1,
          sceneId: scene.id,
        },
        size,
        1,
        'png',
      ),
    );
    expect(readdirSync(dir).sort()).toEqual([...expected].sort());
    expect(reported(run.stdout)).toEqual(onDisk(expected.map((name) => join(dir, name))));
    for (const name of expected) {
      const png = PNG.sync.read(readFileSync(join(dir, name)));
      expect([png.width, png.height], name).toEqual([400, 300]);
    }
  });
});
