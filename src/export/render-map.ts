/**
 * Renders the map as it is on screen into a picture of another size, off screen: a second,
 * hidden MapLibre map takes the visible map's style and feature state, is framed by the given
 * camera, and is read back once drawn. Only this map keeps its drawing buffer, so the visible map
 * pays nothing for exports.
 *
 * The hidden map is made once and reused (`warmMapPicture` makes it when the Export dialog
 * opens): a new WebGL context compiles every shader again, which took about 4 s per export in
 * software WebGL here.
 */
import maplibregl, { type Map as MapLibreMap, type StyleSpecification } from 'maplibre-gl';
import { addArrowheads } from '../map/arrowheads.ts';

export interface PictureCamera {
  lon: number;
  lat: number;
  zoom: number;
  bearing?: number;
  pitch?: number;
}

export interface MapPictureRequest {
  /** The visible map, whose style and feature state are copied. */
  source: MapLibreMap;
  /** CSS pixels; the canvas is `width × scale` by `height × scale`. */
  width: number;
  height: number;
  scale: number;
  camera: PictureCamera;
  /** Feature state to copy: for each source, the ids that may carry some. */
  featureState: { source: string; ids: readonly string[] }[];
  /** Paint overrides applied after the copy (e.g. another theme): [layer, property, value]. */
  paint?: [string, string, unknown][];
}

/** The largest canvas side this renderer allows, in device pixels. */
export const MAX_PICTURE_SIDE = 8192;

/**
 * The map settles at this tiny pixel ratio and is drawn at full size only once everything is in:
 * each frame while sources and labels arrive would otherwise be rasterised at full size, and in
 * software WebGL those frames queue up behind the read-back (1920×1080 at 2x took 27 s, now 6 s).
 */
const DRAFT_PIXEL_RATIO = 1 / 16;

/** Resolves on the map's next `idle` after a repaint. */
function idle(map: MapLibreMap): Promise<void> {
  return new Promise((resolve) => {
    map.once('idle', () => resolve());
    map.triggerRepaint();
  });
}

/**
 * Copies a WebGL canvas into a 2D canvas through `readPixels`: drawing a WebGL canvas onto a 2D
 * one (`drawImage`) goes through the compositor and took 9 s for 1200×675 under software WebGL
 * here, where reading the pixels takes milliseconds.
 */
function readBack(source: HTMLCanvasElement, width: number, height: number): HTMLCanvasElement {
  const gl = (source.getContext('webgl2') ??
    source.getContext('webgl')) as WebGLRenderingContext | null;
  const out = document.createElement('canvas');
  out.width = width;
  out.height = height;
  const g = out.getContext('2d')!;
  if (!gl || gl.drawingBufferWidth !== width || gl.drawingBufferHeight !== height) {
    g.drawImage(source, 0, 0, width, height);
    return out;
  }
  const pixels = new Uint8Array(width * height * 4);
  gl.readPixels(0, 0, width, height, gl.RGBA, gl.UNSIGNED_BYTE, pixels);
  // WebGL's rows run bottom to top.
  const image = g.createImageData(width, height);
  const row = width * 4;
  for (let y = 0; y < height; y++) {
    image.data.set(pixels.subarray((height - 1 - y) * row, (height - y) * row), y * row);
  }
  g.putImageData(image, 0, 0);
  return out;
}

/** The visible map's style, without transitions: the picture is the state, not an animation. */
function stillStyle(source: MapLibreMap): StyleSpecification {
  return { ...source.getStyle(), transition: { duration: 0, delay: 0 } };
}

interface Renderer {
  map: MapLibreMap;
  container: HTMLDivElement;
  loaded: Promise<void>;
}

let renderer: Renderer | null = null;
/** Pictures are drawn one at a time: they share the hidden map. */
let queue: Promise<unknown> = Promise.resolve();

function rendererFor(source: MapLibreMap): Renderer {
  if (renderer) return renderer;
  const container = document.createElement('div');
  // Off screen but laid out: MapLibre sizes its canvas from the container.
  Object.assign(container.style, {
    position: 'fixed',
    left: '-30000px',
    top: '0',
    width: '400px',
    height: '300px',
    pointerEvents: 'none',
  });
  container.setAttribute('aria-hidden', 'true');
  document.body.append(container);
  const map = new maplibregl.Map({
    container,
    style: stillStyle(source),
    interactive: false,
    attributionControl: false,
    pixelRatio: DRAFT_PIXEL_RATIO,
    fadeDuration: 0,
    renderWorldCopies: true,
    maxCanvasSize: [MAX_PICTURE_SIDE, MAX_PICTURE_SIDE],
    // No multisampling, as on screen (MapLibre's default): in software WebGL it made the
    // read-back of 3840×2160 take 2.4 s instead of 1.1 s.
    canvasContextAttributes: { preserveDrawingBuffer: true, antialias: false },
  });
  const loaded = new Promise<void>((resolve, reject) => {
    map.once('load', () => {
      addArrowheads(map);
      resolve();
    });
    map.once('error', (e: { error?: Error }) =>
      reject(e.error ?? new Error('the export map failed to load')),
    );
  });
  const made = { map, container, loaded };
  renderer = made;
  // A failed start is not kept: the next export tries afresh.
  loaded.catch(() => {
    if (renderer === made) disposeMapPicture();
  });
  return made;
}

/**
 * Starts the hidden map, so that its shaders compile while the reader makes their choices.
 * @example warmMapPicture(map) // when the Export dialog opens
 */
export function warmMapPicture(source: MapLibreMap): void {
  const { map, loaded } = rendererFor(source);
  // The first frame compiles the shaders.
  loaded.then(() => idle(map)).catch(() => {});
}

/** Removes the hidden map and its WebGL context (when the visible map goes). */
export function disposeMapPicture(): void {
  renderer?.map.remove();
  renderer?.container.remove();
  renderer = null;
}

async function draw(request: MapPictureRequest): Promise<HTMLCanvasElement> {
  const { source, width, height, scale, camera } = request;
  const { map, container, loaded } = rendererFor(source);
  await loaded;
  performance.mark('export:loaded');
  container.style.width = `${width}px`;
  container.style.height = `${height}px`;
  map.setPixelRatio(DRAFT_PIXEL_RATIO);
  map.resize();
  // Only what changed since the last picture (paint, filters) is applied.
  map.setStyle(stillStyle(source), { diff: true });
  map.jumpTo({
    center: [camera.lon, camera.lat],
    zoom: camera.zoom,
    bearing: camera.bearing ?? 0,
    pitch: camera.pitch ?? 0,
  });
  for (const { source: id, ids } of request.featureState) {
    if (!map.getSource(id)) continue;
    map.removeFeatureState({ source: id });
    for (const featureId of ids) {
      const state = source.getFeatureState({ source: id, id: featureId });
      if (Object.keys(state).length > 0) map.setFeatureState({ source: id, id: featureId }, state);
    }
  }
  for (const [layer, property, value] of request.paint ?? []) {
    if (map.getLayer(layer)) map.setPaintProperty(layer, property, value, { validate: false });
  }
  await idle(map);
  performance.mark('export:draft');
  map.setPixelRatio(scale);
  await idle(map);
  performance.mark('export:drawn');
  try {
    return readBack(map.getCanvas(), Math.round(width * scale), Math.round(height * scale));
  } finally {
    // Give back the large drawing buffer until the next picture.
    map.setPixelRatio(DRAFT_PIXEL_RATIO);
  }
}

/**
 * Draws the request's picture and returns it as a canvas of `width·scale × height·scale` pixels.
 * @example const canvas = await renderMapPicture({ source: map, width: 1920, height: 1080, scale: 2, camera, featureState })
 */
export function renderMapPicture(request: MapPictureRequest): Promise<HTMLCanvasElement> {
  const { width, height, scale } = request;
  if (width * scale > MAX_PICTURE_SIDE || height * scale > MAX_PICTURE_SIDE) {
    return Promise.reject(
      new RangeError(
        `${width * scale}×${height * scale} px is larger than ${MAX_PICTURE_SIDE} px a side`,
      ),
    );
  }
  performance.mark('export:start');
  const picture = queue.then(() => draw(request));
  queue = picture.catch(() => {});
  return picture;
}
