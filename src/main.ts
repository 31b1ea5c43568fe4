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
import { mount } from 'svelte';
import App from './App.svelte';
import { loadLabelFaces } from './map/label-faces.ts';

maplibregl.setWorkerUrl(maplibreWorkerUrl);
// Start MapLibre's worker now, not when the map is made: loading it (a megabyte of script) then
// overlaps the dataset's loading and validation instead of following them.
maplibregl.prewarm();
void loadLabelFaces();

mount(App, { target: document.getElementById('app')! });
