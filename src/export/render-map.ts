/**
 * Renders the map as it is on screen into a picture of another size, off screen: a second,
 * hidden MapLibre map is built from the visible map's style and feature state, framed by the
 * given camera, and read back once idle. Only this map keeps its drawing buffer, so the visible
 * map pays nothing for exports.
 */
import maplibregl, { type Map as MapLibreMap } from 'maplibre-gl';
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

/**
 * Draws the request's picture and returns it as a canvas of `width·scale × height·scale` pixels.
 * @example const canvas = await renderMapPicture({ source: map, width: 1920, height: 1080, scale: 2, camera, featureState })
 */
export async function renderMapPicture(request: MapPictureRequest): Promise<HTMLCanvasElement> {
  const { source, width, height, scale, camera } = request;
  if (width * scale > MAX_PICTURE_SIDE || height * scale > MAX_PICTURE_SIDE) {
    throw new RangeError(
      `${width * scale}×${height * scale} px is larger than ${MAX_PICTURE_SIDE} px a side`,
    );
  }
  const container = document.createElement('div');
  // Off screen but laid out: MapLibre sizes its canvas from the container.
  Object.assign(container.style, {
    position: 'fixed',
    left: '-30000px',
    top: '0',
    width: `${width}px`,
    height: `${height}px`,
    pointerEvents: 'none',
  });
  container.setAttribute('aria-hidden', 'true');
  document.body.append(container);
  const map = new maplibregl.Map({
    container,
    // No transitions: the picture is the state, not an animation towards it.
    style: { ...source.getStyle(), transition: { duration: 0, delay: 0 } },
    center: [camera.lon, camera.lat],
    zoom: camera.zoom,
    bearing: camera.bearing ?? 0,
    pitch: camera.pitch ?? 0,
    interactive: false,
    attributionControl: false,
    pixelRatio: scale,
    fadeDuration: 0,
    renderWorldCopies: true,
    maxCanvasSize: [MAX_PICTURE_SIDE, MAX_PICTURE_SIDE],
    canvasContextAttributes: { preserveDrawingBuffer: true, antialias: true },
  });
  try {
    await new Promise<void>((resolve, reject) => {
      map.once('load', () => resolve());
      map.once('error', (e: { error?: Error }) =>
        reject(e.error ?? new Error('the export map failed to load')),
      );
    });
    addArrowheads(map);
    for (const { source: id, ids } of request.featureState) {
      if (!map.getSource(id)) continue;
      for (const featureId of ids) {
        const state = source.getFeatureState({ source: id, id: featureId });
        if (Object.keys(state).length > 0)
          map.setFeatureState({ source: id, id: featureId }, state);
      }
    }
    for (const [layer, property, value] of request.paint ?? []) {
      if (map.getLayer(layer)) map.setPaintProperty(layer, property, value, { validate: false });
    }
    await idle(map);
    return readBack(map.getCanvas(), Math.round(width * scale), Math.round(height * scale));
  } finally {
    map.remove();
    container.remove();
  }
}
