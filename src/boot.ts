/**
 * What the app (main.ts) and the embed (embed-main.ts) do first: the fonts and styles, MapLibre's
 * worker started, and the loading shell mounted with the page's own atlas.
 */
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/600.css';
import '@fontsource/noto-sans/700.css';
import 'maplibre-gl/dist/maplibre-gl.css';
import './fonts.css';
import './app.css';
import maplibregl from 'maplibre-gl';
// MapLibre's worker as a file served by the app, not a blob: URL, so the Content-Security-Policy
// can say `worker-src 'self'` (see scripts/csp.ts; vite.config.ts picks MapLibre's CSP build).
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-csp-worker.js?url';
import { mount, type Component } from 'svelte';
import type { Topology } from 'topojson-specification';
import App from './App.svelte';
import type { Dataset } from './lib/schema.ts';
import { loadLabelFaces } from './map/label-faces.ts';

/** The atlas a page shows once its dataset is valid: the app's (Atlas) or the embed's. */
export type Shell = Component<{ dataset: Dataset; topology: Topology }>;

export function boot(shell: Shell): void {
  maplibregl.setWorkerUrl(maplibreWorkerUrl);
  // Start MapLibre's worker now, not when the map is made: loading it (a megabyte of script) then
  // overlaps the dataset's loading and validation instead of following them.
  maplibregl.prewarm();
  void loadLabelFaces();
  mount(App, { target: document.getElementById('app')!, props: { shell } });
}
