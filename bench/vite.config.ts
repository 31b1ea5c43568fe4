/**
 * Builds one comparison page of the benchmark into bench/dist/<page>/, served on its own like the
 * app's dist/:
 *
 *   npx vite build --config bench/vite.config.ts --mode floor    (bare MapLibre; the default)
 *   npx vite build --config bench/vite.config.ts --mode deck     (MapLibre + deck.gl ArcLayer)
 *
 * Each page gets the app's geometry file unchanged (geo/countries.json) and `bench-data.json`, the
 * colours and arcs computed here from the shipped dataset with the app's pure modules
 * (bench/page-data.ts), so the page itself only draws.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { readDatasetFolder, shippedGeometryIds } from '../scripts/dataset-files.ts';
import { precompressPlugin } from '../scripts/vite-precompress-plugin.ts';
import { formatProblem, validateDataset } from '../src/lib/validate.ts';
import { pageData } from './page-data.ts';

const BENCH = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(BENCH, '..');
export const PAGES = ['floor', 'deck'] as const;

/** How many dates the pages can show: the default and the months Page Down steps back through. */
export const PAGE_DATES = 8;

function benchAssets(): Plugin {
  return {
    name: 'bench-assets',
    apply: 'build',
    generateBundle() {
      const result = validateDataset(readDatasetFolder(join(REPO, 'data')), {
        geometryIds: shippedGeometryIds(),
      });
      if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
      this.emitFile({
        type: 'asset',
        fileName: 'bench-data.json',
        source: JSON.stringify(pageData(result.dataset, PAGE_DATES)),
      });
      this.emitFile({
        type: 'asset',
        fileName: 'geo/countries.json',
        source: readFileSync(join(REPO, 'public/geo/countries.json')),
      });
    },
  };
}

export default defineConfig(({ mode }) => {
  // Any other mode (the tools that load every vite.config.ts they find use "development") is the
  // floor: reading this file must not fail.
  const page = PAGES.find((p) => p === mode) ?? 'floor';
  return {
    root: join(BENCH, 'pages', page),
    publicDir: false,
    logLevel: 'warn',
    // Compressed copies as the app's build writes them, so all three pages are served alike.
    plugins: [benchAssets(), precompressPlugin()],
    resolve: {
      // MapLibre's CSP build, as the app's vite.config.ts picks: its worker is a file.
      alias: [{ find: /^maplibre-gl$/, replacement: 'maplibre-gl/dist/maplibre-gl-csp.js' }],
    },
    build: {
      outDir: join(BENCH, 'dist', page),
      emptyOutDir: true,
      target: 'es2022',
      chunkSizeWarningLimit: 4000,
      rollupOptions: {
        output: {
          // Named chunks, so the bytes can be told apart by file name (bench/resources.ts).
          manualChunks: (id: string) =>
            id.includes('node_modules/maplibre-gl')
              ? 'maplibre'
              : /node_modules\/@(deck\.gl|luma\.gl|math\.gl|loaders\.gl|probe\.gl)\//.test(id) ||
                  /node_modules\/(mjolnir\.js|gl-matrix)\//.test(id)
                ? 'deck'
                : undefined,
        },
      },
    },
  };
});
