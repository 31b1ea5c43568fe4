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
import { WIDE_SCREEN } from './lib/viewport.ts';
import { direction, isLocale } from './i18n/locales.ts';
import { showCalendar, showLocale } from './i18n/catalog.svelte.ts';
import { isCalendar } from './lib/calendar-ids.ts';

/** The atlas a page shows once its dataset is valid: the app's (Atlas) or the embed's. */
export type Shell = Component<{ dataset: Dataset; topology: Topology }>;

/**
 * Mounts the page's atlas. `map: 'now'` asks for MapLibre's script at once, in parallel with the
 * data, on a screen wider than a phone's (the app; a phone asks at the reader's first touch);
 * `'later'` leaves it to the page, which asks when the map is wanted (the embed, when it comes
 * into view). Until then the picture engine's SVG is the map.
 */
export function boot(shell: Shell, { map = 'now' }: { map?: 'now' | 'later' } = {}): void {
  if (map === 'now' && matchMedia(WIDE_SCREEN).matches) void loadMapLibre();
  void loadLabelFaces();
  const start = () => mount(App, { target: document.getElementById('app')!, props: { shell } });
  // Another edition's words (or calendar) load with the data, and the page waits for them: no
  // flash of English or of Gregorian dates first.
  const params = new URLSearchParams(location.search);
  const lang = params.get('lang');
  const calendar = params.get('cal');
  const waits: Promise<void>[] = [];
  if (isLocale(lang) && lang !== 'en') {
    document.documentElement.lang = lang;
    document.documentElement.dir = direction(lang);
    waits.push(showLocale(lang));
  }
  if (isCalendar(calendar) && calendar !== 'gregory') waits.push(showCalendar(calendar));
  Promise.all(waits).then(start, start);
}
