import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { APP_POLICY, formatPolicy } from './scripts/csp.ts';
import { datasetPlugin } from './scripts/vite-dataset-plugin.ts';
import { embedScriptPlugin } from './scripts/vite-embed-script-plugin.ts';
import { precompressPlugin } from './scripts/vite-precompress-plugin.ts';
import { messagesPlugin } from './scripts/messages.ts';
import { WIDE_SCREEN } from './src/lib/viewport.ts';

// Dates in the data are calendar days; pin the zone so no test depends on the machine's.
process.env.TZ = 'UTC';

/**
 * Writes the app's Content-Security-Policy (scripts/csp.ts) into the built index.html, right
 * after the charset so it governs every script and stylesheet after it, for static hosts that
 * send no header. Build only: the dev server injects its CSS as <style> elements, which the
 * policy would block.
 */
function contentSecurityPolicy(): Plugin {
  const policy = formatPolicy(APP_POLICY, 'meta');
  return {
    name: 'atlas-content-security-policy',
    apply: 'build',
    transformIndexHtml(html) {
      const charset = /<meta charset="[^"]*"\s*\/?>/i;
      if (!charset.test(html))
        throw new Error('index.html: no <meta charset> to put the CSP after');
      return html.replace(
        charset,
        (tag) => `${tag}\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`,
      );
    },
  };
}

/**
 * The first load needs one function of d3-geo (`geoInterpolate`, for the arcs), and the export
 * chunks need much of the rest (paths, clipping, areas). d3-geo ships as one file, and a module
 * both load goes wholly into the first load's chunk: with the export's share of d3-geo, the
 * app's first script grew by 8 KB gzip. The first load's importers get a copy of their own,
 * under another id, from which the bundler keeps only what they use.
 */
function firstLoadD3Geo(): Plugin {
  const importers = ['/src/lib/arcs.ts', '/src/lib/countries.ts'];
  return {
    name: 'atlas-first-load-d3-geo',
    enforce: 'pre',
    apply: 'build',
    async resolveId(source, importer, options) {
      if (source !== 'd3-geo' || !importers.some((end) => importer?.endsWith(end))) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved && { ...resolved, id: `${resolved.id}?first-load` };
    },
  };
}

/**
 * What the page asks for while its HTML is read, before its script asks, in parallel with the
 * app's script and the data:
 * - on the app's page, MapLibre (a modulepreload), imported when the map is made
 *   (src/map/maplibre-loader.ts), on screens wider than a phone's (a phone asks at the reader's
 *   first touch, src/boot.ts); the embed asks for it only when it comes into view
 *   (src/EmbedAtlas.svelte), so its page does not preload it;
 * - the latin faces the first view sets its text in (Noto Sans 400, 600 and 700): arriving when
 *   the stylesheet asked, after the page was laid out, they reflowed the masthead and the footer,
 *   and the map's size changed under its first picture.
 */
function preloads(): Plugin {
  let base = '/';
  return {
    name: 'atlas-preloads',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const files = Object.values(context.bundle ?? {});
        const link = (attrs: Record<string, string>) => ({
          tag: 'link',
          attrs: { ...attrs, crossorigin: '' },
          injectTo: 'head' as const,
        });
        const faces = files.filter(
          (file) =>
            file.type === 'asset' &&
            /noto-sans-latin-[467]00-normal-[^/]*\.woff2$/.test(file.fileName),
        );
        if (faces.length !== 3)
          throw new Error(`expected 3 latin faces to preload, found ${faces.length}`);
        const tags = faces.map((face) =>
          link({ rel: 'preload', as: 'font', type: 'font/woff2', href: `${base}${face.fileName}` }),
        );
        if (context.filename.endsWith('embed.html')) return tags;
        const mapLibre = files.find((file) => file.type === 'chunk' && file.name === 'maplibre');
        if (!mapLibre) throw new Error('no maplibre chunk to preload');
        return [
          ...tags,
          link({ rel: 'modulepreload', href: `${base}${mapLibre.fileName}`, media: WIDE_SCREEN }),
        ];
      },
    },
  };
}

/**
 * The dataset folder the app is built on: data/ unless `ATLAS_DATA_DIR` names another, as the
 * bench's scale pass and its browser test do with the generated 200-country dataset.
 */
const dataFolder = process.env.ATLAS_DATA_DIR ?? 'data';

export default defineConfig({
  plugins: [
    // The interface's messages, compiled into a typed module per language (src/i18n).
    messagesPlugin(),
    svelte(),
    firstLoadD3Geo(),
    datasetPlugin({
      folder: dataFolder,
      urlPath: '/data/',
      geometry: { url: 'geo/countries.json', path: 'public/geo/countries.json' },
    }),
    contentSecurityPolicy(),
    preloads(),
    // embed.js, the host page's script that sizes an embed (src/embed/host.ts).
    embedScriptPlugin({
      dataFolder,
      // Where the built atlas will be served, for oembed.json's absolute addresses.
      publicUrl: process.env.ATLAS_PUBLIC_URL ?? 'http://localhost:4173/',
    }),
    // Brotli and gzip copies beside each text file, which scripts/serve.ts sends when accepted.
    precompressPlugin(),
  ],
  resolve: {
    alias: [
      // MapLibre's CSP build: the standard build starts its worker from a blob: URL, which the
      // policy's `worker-src 'self'` refuses; this one loads the worker from a file of the app's
      // own (src/main.ts hands MapLibre its URL). Every `import 'maplibre-gl'` gets it, so the
      // export's off-screen map shares the same worker pool.
      { find: /^maplibre-gl$/, replacement: 'maplibre-gl/dist/maplibre-gl-csp.js' },
    ],
  },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1100,
    rollupOptions: {
      // The app, and the embed for articles: one script (src/main.ts) that starts the page's own.
      input: { index: 'index.html', embed: 'embed.html' },
      // Rolldown's report of slow plugins is for whoever tunes the build, not for a newcomer's
      // `npm start`, where it was the one yellow block.
      checks: { bundlerTimings: false },
      output: {
        codeSplitting: {
          groups: [
            // maplibre-gl in a chunk of its own, so the app's own bytes can be measured against
            // the budget.
            // Its script only: its stylesheet and its worker's URL (`?url`, a string) are read by
            // the first load, and either one in this chunk made the page load and run all of
            // MapLibre's script before its own.
            { name: 'maplibre', test: /node_modules[\\/]maplibre-gl[\\/].*\.js$/, priority: 2 },
            // Everything else the first load imports in one chunk, whatever the lazy chunks share
            // with it: left to itself, the bundler splits shared modules into small chunks of
            // their own, each one more request before the first picture.
            { name: 'index', tags: ['$initial'], priority: 1 },
          ],
        },
      },
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          exclude: ['tests/unit/**/*.svelte.test.ts'],
          environment: 'node',
        },
      },
      {
        // The state modules' effects (src/state/*.svelte.ts) run only in Svelte's browser
        // runtime: on Node's, $effect does nothing. They need no DOM.
        extends: true,
        resolve: { conditions: ['browser'] },
        test: {
          name: 'state',
          include: ['tests/unit/**/*.svelte.test.ts'],
          environment: './tests/unit/client-environment.ts',
        },
      },
    ],
  },
});
