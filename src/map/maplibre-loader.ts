/**
 * MapLibre, loaded on first need rather than with the page's first script: its 370 KB (gzip)
 * would otherwise hold back everything the page shows before the map (the masthead, the keys, the
 * timeline, the source line) until it had arrived and run. The page starts the load at once
 * (boot.ts), in parallel with the data; the map waits for it.
 */
// MapLibre's worker as a file served by the app, not a blob: URL, so the Content-Security-Policy
// can say `worker-src 'self'` (see scripts/csp.ts; vite.config.ts picks MapLibre's CSP build).
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-csp-worker.js?url';

import type maplibregl from 'maplibre-gl';

export type MapLibre = typeof maplibregl;

let loading: Promise<MapLibre> | null = null;

/** MapLibre, its worker pointed at the app's own file and started (once, whoever asks first). */
export function loadMapLibre(): Promise<MapLibre> {
  loading ??= import('maplibre-gl').then(({ default: maplibregl }) => {
    maplibregl.setWorkerUrl(maplibreWorkerUrl);
    // Start the worker now, not when the map is made: loading it (a megabyte of script) then
    // overlaps the dataset's validation instead of following it.
    maplibregl.prewarm();
    return maplibregl;
  });
  return loading;
}
