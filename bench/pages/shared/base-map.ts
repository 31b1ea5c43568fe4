/**
 * The floor: a bare MapLibre map drawing the app's geometry in the app's colours, and nothing
 * else. No framework, no app code: the TopoJSON converted with topojson-client as the app does,
 * the fills as a precomputed `match` per date (bench/page-data.ts), a selection outline.
 *
 * Like the app, the map element carries `data-testid="map"` and `data-ready`: "true" at the first
 * `idle` after the data is on the map, "false" from each change until the next `idle` after it.
 * `window.bench` lets the benchmark make the same changes it makes in the app.
 */
import 'maplibre-gl/dist/maplibre-gl.css';
import './page.css';
import maplibregl, { type Map as MapLibreMap } from 'maplibre-gl';
// The CSP build, as the app uses: its worker is a file, not a blob: URL, so the same strict
// Content-Security-Policy of scripts/serve.ts lets it run.
import workerUrl from 'maplibre-gl/dist/maplibre-gl-csp-worker.js?url';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import type { PageData } from '../../page-data.ts';
import type { MotiveCategory } from '../../../src/lib/schema.ts';
import { OPENING_BOUNDS, OPENING_PADDING } from './view.ts';

maplibregl.setWorkerUrl(workerUrl);

/** A camera as the bench sends it. */
export interface BenchCamera {
  lon: number;
  lat: number;
  zoom: number;
  bearing?: number;
  pitch?: number;
}

/** What the benchmark can ask of a comparison page. */
export interface BenchApi {
  /** Shows date `i` of `bench-data.json`'s `dates`. */
  setDate: (i: number) => void;
  /** Outlines a country (the selection), or none. */
  select: (id: string | null) => void;
  /** Shows or hides a motive category's arcs; only on pages that draw arcs. */
  toggleMotive?: (category: MotiveCategory) => void;
  resize: (width: number, height: number) => void;
  jumpTo: (camera: BenchCamera) => void;
  flyTo: (camera: BenchCamera, duration: number) => void;
  /** The camera as drawn, for checks. */
  camera: () => BenchCamera;
}

/** What a page adds to the floor (deck.gl's arcs), and how it follows the bench's changes. */
export interface Extension {
  /** Settles once what it adds has been drawn: the page is not ready before. */
  drawn: Promise<unknown>;
  setDate?: (i: number) => void;
  select?: (id: string | null) => void;
  toggleMotive?: (category: MotiveCategory) => void;
}

declare global {
  interface Window {
    bench?: BenchApi;
  }
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return (await response.json()) as T;
}

/**
 * Decodes one object of the topology into features carrying the feature's id as an `id` property,
 * as the app does (an object may be one geometry, e.g. a border mesh, or a collection).
 */
function decode(topology: Topology, object: string): Feature<Geometry, { id: string }>[] {
  const source = topology.objects[object];
  if (!source) return [];
  const decoded = feature(topology, source) as Feature<Geometry> | FeatureCollection<Geometry>;
  const features = decoded.type === 'FeatureCollection' ? decoded.features : [decoded];
  return features.map((f) => ({
    type: 'Feature',
    geometry: f.geometry,
    properties: { id: String(f.id) },
  }));
}

/**
 * Starts the map and the fetches at once, adds the data when both are there, lets `extend` add
 * its own, and marks the map ready at the first idle after all of it.
 */
export async function startBaseMap(
  extend?: (map: MapLibreMap, data: PageData) => Extension,
): Promise<void> {
  const container = document.getElementById('map') as HTMLDivElement;
  const params = new URLSearchParams(location.search);
  const width = Number(params.get('w'));
  const height = Number(params.get('h'));
  // The bench gives the size of the app's map element, so both draw the same pixels.
  if (width > 0 && height > 0) {
    container.style.width = `${width}px`;
    container.style.height = `${height}px`;
  }
  const topologyFetch = getJson<Topology>('geo/countries.json');
  const dataFetch = getJson<PageData>('bench-data.json');

  const map = new maplibregl.Map({
    container,
    style: { version: 8, sources: {}, layers: [{ id: 'ocean', type: 'background' }] },
    bounds: OPENING_BOUNDS,
    fitBoundsOptions: { padding: OPENING_PADDING },
    renderWorldCopies: true,
    attributionControl: false,
  });

  let frameId = 0;
  const setReady = (ready: boolean) => {
    container.dataset.ready = String(ready);
  };
  const markReady = () => setReady(true);
  const changed = () => {
    setReady(false);
    cancelAnimationFrame(frameId);
    map.off('idle', markReady);
    // As the app does: after the next frame, the first idle means the change is drawn.
    frameId = requestAnimationFrame(() => {
      map.once('idle', markReady);
      map.triggerRepaint();
    });
  };

  const loaded = new Promise<void>((resolve) => map.once('load', () => resolve()));
  const [topology, data] = await Promise.all([topologyFetch, dataFetch, loaded]);
  map.setPaintProperty('ocean', 'background-color', data.colors.ocean);
  map.addSource('countries', {
    type: 'geojson',
    data: { type: 'FeatureCollection', features: decode(topology, 'countries') },
  });
  map.addSource('boundaries', {
    type: 'geojson',
    data: {
      type: 'FeatureCollection',
      features: ['borders', 'disputed', 'disputed-boundaries'].flatMap((kind) =>
        decode(topology, kind).map((f) => ({ ...f, properties: { ...f.properties, kind } })),
      ),
    },
  });
  map.addLayer({
    id: 'country-fill',
    type: 'fill',
    source: 'countries',
    paint: { 'fill-color': data.fills[0] as never },
  });
  map.addLayer({
    id: 'disputed-area',
    type: 'fill',
    source: 'boundaries',
    filter: ['==', ['get', 'kind'], 'disputed'],
    paint: { 'fill-color': data.colors.noData },
  });
  map.addLayer({
    id: 'border',
    type: 'line',
    source: 'boundaries',
    filter: ['==', ['get', 'kind'], 'borders'],
    paint: {
      'line-color': data.colors.border,
      'line-width': ['interpolate', ['linear'], ['zoom'], 1, 0.5, 5, 1.4],
    },
  });
  map.addLayer({
    id: 'disputed-boundary',
    type: 'line',
    source: 'boundaries',
    filter: ['==', ['get', 'kind'], 'disputed-boundaries'],
    paint: { 'line-color': data.colors.disputedLine, 'line-width': 1, 'line-dasharray': [2, 1.5] },
  });
  map.addLayer({
    id: 'country-selected',
    type: 'line',
    source: 'countries',
    filter: ['==', ['get', 'id'], ''],
    paint: { 'line-color': data.colors.outline, 'line-width': 2.5 },
  });
  const extension = extend?.(map, data);

  window.bench = {
    setDate(i) {
      map.setPaintProperty('country-fill', 'fill-color', data.fills[i]);
      extension?.setDate?.(i);
      changed();
    },
    select(id) {
      map.setFilter('country-selected', ['==', ['get', 'id'], id ?? '']);
      extension?.select?.(id);
      changed();
    },
    ...(extension?.toggleMotive
      ? {
          toggleMotive(category: MotiveCategory) {
            extension.toggleMotive!(category);
            changed();
          },
        }
      : {}),
    resize(w, h) {
      container.style.width = `${w}px`;
      container.style.height = `${h}px`;
      map.resize();
      changed();
    },
    jumpTo(camera) {
      map.jumpTo(cameraOptions(camera));
      changed();
    },
    flyTo(camera, duration) {
      setReady(false);
      map.off('idle', markReady);
      map.once('moveend', changed);
      map.flyTo({ ...cameraOptions(camera), duration, essential: true });
    },
    camera() {
      const c = map.getCenter();
      return { lon: c.lng, lat: c.lat, zoom: map.getZoom() };
    },
  };

  await extension?.drawn;
  changed();
}

function cameraOptions(camera: BenchCamera) {
  return {
    center: [camera.lon, camera.lat] as [number, number],
    zoom: camera.zoom,
    bearing: camera.bearing ?? 0,
    pitch: camera.pitch ?? 0,
  };
}
