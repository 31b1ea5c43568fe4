/**
 * The picture engine off the main thread: the SVG of a state, made here so that the page's own
 * start-up and MapLibre's are not held up by it (StaticMap.svelte asks, picture-client.ts talks).
 * It reads the geometry once, from the app's own origin (the page has fetched it already, so the
 * browser answers from its cache), and draws each request it is sent.
 */
import type { Topology } from 'topojson-specification';
import { boundaryFeatures, countryFeatures } from '../lib/countries.ts';
import { MAP_THEMES } from '../lib/style.ts';
import { renderSvg, themedPaint } from '../lib/svg-export.ts';
import type { PictureReply, PictureRequest } from './picture-client.ts';

const geometry = fetch(`${import.meta.env.BASE_URL}geo/countries.json`)
  .then((response) => response.json() as Promise<Topology>)
  .then((topology) => ({
    countries: countryFeatures(topology),
    boundaries: boundaryFeatures(topology),
  }));

async function draw(request: PictureRequest): Promise<string> {
  const { countries, boundaries } = await geometry;
  const paint = {
    levelOf: new Map(request.levelOf),
    tensionOf: new Map(request.tensionOf),
    muted: new Set(request.muted),
    highlight: request.highlight,
  };
  return renderSvg({
    width: request.size.width,
    height: request.size.height,
    camera: request.camera,
    ...themedPaint(MAP_THEMES[request.theme], request.levels, paint),
    highlight: request.highlight,
    selected: request.selected,
    countries,
    boundaries,
    arcs: request.arcs,
    labels: request.labels,
    capital: request.capital,
    labelScale: request.labelScale,
    labelAnchors: new Map(request.labelAnchors),
    labelFont: request.labelFont,
  });
}

addEventListener('message', (event: MessageEvent<{ id: number; request: PictureRequest }>) => {
  const { id, request } = event.data;
  draw(request).then(
    (svg) => postMessage({ id, svg } satisfies PictureReply),
    (error: unknown) => postMessage({ id, error: String(error) } satisfies PictureReply),
  );
});
