/**
 * What the app and the embed (main.ts) do first: the fonts and styles, MapLibre asked for, and the
 * loading shell mounted with the page's own atlas.
 */
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/600.css';
import '@fontsource/noto-sans/700.css';
import 'maplibre-gl/dist/maplibre-gl.css';
import './fonts.css';
import './app.css';
import { mount, type Component } from 'svelte';
import type { Topology } from 'topojson-specification';
import App from './App.svelte';
import type { Dataset } from './lib/schema.ts';
import { loadLabelFaces } from './map/label-faces.ts';
import { loadMapLibre } from './map/maplibre-loader.ts';

/** The atlas a page shows once its dataset is valid: the app's (Atlas) or the embed's. */
export type Shell = Component<{ dataset: Dataset; topology: Topology }>;

export function boot(shell: Shell): void {
  // MapLibre's script, asked for now, in parallel with the data: the page does not wait for it.
  void loadMapLibre();
  void loadLabelFaces();
  mount(App, { target: document.getElementById('app')!, props: { shell } });
}
