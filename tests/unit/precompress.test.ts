import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  isCompressible,
  precompress,
  precompressFolder,
} from '../../scripts/vite-precompress-plugin.ts';

/** Some kilobytes of script, repetitive as real code is, so both encodings shrink it. */
const SCRIPT = new TextEncoder().encode(
  Array.from({ length: 200 }, (_, i) => `export const level${i} = { id: 'level-${i}' };\n`).join(
    '',
  ),
);

describe('isCompressible', () => {
  test.each([
    { file: 'assets/index-CE05-aYL.js', expected: true },
    { file: 'assets/maplibre-gl-csp-worker-pf4gVupo.js', expected: true },
    { file: 'assets/chunk.mjs', expected: true },
    { file: 'assets/index-TsQ1iLrd.css', expected: true },
    { file: 'data/events.json', expected: true },
    { file: 'geo/countries.json', expected: true },
    { file: 'index.html', expected: true },
    { file: 'favicon.svg', expected: true },
    { file: 'robots.txt', expected: true },
    { file: 'assets/noto-sans-latin-400-normal-BTkUljjl.woff2', expected: false },
    { file: 'assets/noto-sans-latin-400-normal-DPpKfCgK.woff', expected: false },
    { file: 'docs/screenshot.png', expected: false },
    { file: 'assets/index-CE05-aYL.js.br', expected: false },
    { file: 'assets/index-CE05-aYL.js.gz', expected: false },
    { file: 'assets/index-CE05-aYL.js.map', expected: false },
  ])('$file: $expected', ({ file, expected }) => {
    expect(isCompressible(file)).toBe(expected);
  });
});

describe('precompress', () => {
  test('its Brotli copy decodes to the original', async () => {
    const { br } = await precompress(SCRIPT);
    expect(new Uint8Array(brotliDecompressSync(br!))).toEqual(SCRIPT);
  });

  test('its gzip copy decodes to the original', async () => {
    const { gz } = await precompress(SCRIPT);
    expect(new Uint8Array(gunzipSync(gz!))).toEqual(SCRIPT);
  });

  test.each([
    { name: 'Brotli', key: 'br' as const },
    { name: 'gzip', key: 'gz' as const },
  ])('its $name copy of a script is under a third of it', async ({ key }) => {
    const copy = (await precompress(SCRIPT))[key];
    expect(copy!.byteLength).toBeLessThan(SCRIPT.byteLength / 3);
  });

  test('drops copies that would be no smaller than a tiny file', async () => {
    const robots = new TextEncoder().encode('User-agent: *\nAllow: /\n');
    expect(await precompress(robots)).toEqual({ br: null, gz: null });
  });
});

describe('precompressFolder', () => {
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'atlas-precompress-'));
    mkdirSync(join(root, 'assets'));
    mkdirSync(join(root, 'geo'));
    writeFileSync(join(root, 'index.html'), SCRIPT);
    writeFileSync(join(root, 'assets', 'index-abc.js'), SCRIPT);
    writeFileSync(join(root, 'assets', 'index-abc.css'), SCRIPT);
    writeFileSync(join(root, 'geo', 'countries.json'), SCRIPT);
    // Fonts are compressed already; their content does not matter here.
    writeFileSync(join(root, 'assets', 'font-abc.woff2'), SCRIPT);
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  const filesIn = (folder: string) =>
    readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name).slice(folder.length + 1))
      .sort();

  test('writes a .br and a .gz beside each text file, subfolders included, and none beside a font', async () => {
    await precompressFolder(root);
    expect(filesIn(root)).toEqual([
      'assets/font-abc.woff2',
      'assets/index-abc.css',
      'assets/index-abc.css.br',
      'assets/index-abc.css.gz',
      'assets/index-abc.js',
      'assets/index-abc.js.br',
      'assets/index-abc.js.gz',
      'geo/countries.json',
      'geo/countries.json.br',
      'geo/countries.json.gz',
      'index.html',
      'index.html.br',
      'index.html.gz',
    ]);
  });

  test('reports each file it compressed with its sizes', async () => {
    const written = await precompressFolder(root);
    expect(written.map((f) => f.file)).toEqual([
      'assets/index-abc.css',
      'assets/index-abc.js',
      'geo/countries.json',
      'index.html',
    ]);
    for (const f of written) {
      expect(f.raw).toBe(SCRIPT.byteLength);
      expect(f.br).toBeLessThan(f.raw);
      expect(f.gz).toBeLessThan(f.raw);
    }
  });

  test('run again, never compresses its own copies', async () => {
    await precompressFolder(root);
    const once = filesIn(root);
    await precompressFolder(root);
    expect(filesIn(root)).toEqual(once);
  });
});
