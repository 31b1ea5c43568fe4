import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/**
 * Text formats worth compressing: scripts (MapLibre's worker included), styles, data and geometry,
 * pages, SVG, plain text. Fonts (WOFF and WOFF2 are compressed inside) and raster images are not:
 * compressing them again gains nothing.
 */
const COMPRESSIBLE = /\.(?:m?js|css|json|html|svg|txt|xml|webmanifest)$/i;

/**
 * Whether a built file gets precompressed copies, by its name.
 * @example isCompressible('assets/maplibre-gl-csp-worker-pf4gVupo.js') // true
 * @example isCompressible('assets/noto-sans-latin-400-normal-BTkUljjl.woff2') // false
 * @example isCompressible('assets/index-CE05-aYL.js.br') // false: already a compressed copy
 */
export function isCompressible(fileName: string): boolean {
  return COMPRESSIBLE.test(fileName);
}

/** The compressed copies of one file, each only if it is smaller than the file itself. */
export interface Precompressed {
  br: Buffer | null;
  gz: Buffer | null;
}

/**
 * Brotli at its highest quality and gzip at level 9: this runs once per build, so the smallest
 * bodies are worth the seconds (Brotli 11 takes about 1.5 s for MapLibre’s 950 KB on one core here,
 * and saves a further 8 % over quality 9). A copy no smaller than the original (a 23-byte
 * robots.txt) is dropped: sending it would cost bytes.
 */
export async function precompress(raw: Uint8Array): Promise<Precompressed> {
  const [br, gz] = await Promise.all([
    brotli(raw, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: raw.byteLength,
      },
    }),
    gzipped(raw, { level: 9 }),
  ]);
  return {
    br: br.byteLength < raw.byteLength ? br : null,
    gz: gz.byteLength < raw.byteLength ? gz : null,
  };
}

/** One file of a folder and the copies written beside it (byte sizes; null when not written). */
export interface PrecompressedFile {
  /** The file's path under the folder, with forward slashes: `assets/index-CE05-aYL.js`. */
  file: string;
  raw: number;
  br: number | null;
  gz: number | null;
}

/**
 * Writes `NAME.br` and `NAME.gz` beside every compressible file under `folder` (subfolders
 * included) and says what it wrote. Compressed copies already there are replaced, never
 * compressed again.
 */
export async function precompressFolder(folder: string): Promise<PrecompressedFile[]> {
  const files = readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && isCompressible(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  return Promise.all(
    files.map(async (path) => {
      const raw = readFileSync(path);
      const { br, gz } = await precompress(raw);
      if (br) writeFileSync(`${path}.br`, br);
      if (gz) writeFileSync(`${path}.gz`, gz);
      return {
        file: relative(folder, path).replaceAll('\\', '/'),
        raw: raw.byteLength,
        br: br?.byteLength ?? null,
        gz: gz?.byteLength ?? null,
      };
    }),
  );
}

/**
 * Precompresses the build: once every file is in the output folder (the bundle, the dataset, and
 * public/, which Vite copies first), writes a Brotli and a gzip copy beside each compressible one.
 * scripts/serve.ts sends a copy to a browser that accepts its encoding (sirv's `brotli` and `gzip`
 * options), with no compression work per request; a static host can do the same
 * (nginx `brotli_static`/`gzip_static`) or ignore the copies.
 */
export function precompressPlugin(): Plugin {
  return {
    name: 'atlas-precompress',
    apply: 'build',
    writeBundle: {
      // After every other plugin has written its files.
      order: 'post',
      sequential: true,
      async handler(options) {
        if (!options.dir) return;
        const written = await precompressFolder(options.dir);
        const sum = (pick: (f: PrecompressedFile) => number | null) =>
          written.reduce((total, f) => total + (pick(f) ?? f.raw), 0);
        const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
        this.info(
          `precompressed ${written.length} files: ${kb(sum((f) => f.raw))} raw, ` +
            `${kb(sum((f) => f.br))} brotli, ${kb(sum((f) => f.gz))} gzip`,
        );
      },
    },
  };
}
