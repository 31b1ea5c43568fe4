/**
 * Renders the map as it is on screen into a picture of another size, off screen: a second,
 * hidden MapLibre map takes the visible map's style and feature state, is framed by the given
 * camera, and is read back once drawn. Only this map keeps its drawing buffer, so the visible map
 * pays nothing for exports.
 *
 * The hidden map is made once and reused (`warmMapPicture` makes it when the Export dialog
 * opens): a new WebGL context compiles every shader again, which took about 4 s per export in
 * software WebGL here.
 *
 * Only the frame that is read back draws anything. Software WebGL (SwiftShader) runs a frame's
 * draw calls only when something waits for their result, and then runs every frame queued since,
 * however long ago it was drawn: the first export after opening the dialog paid, in its
 * read-back, for the twenty or so frames MapLibre drew while the hidden map started and the tiles
 * at the picture's camera came in (half a second to seconds here, even when the reader took
 * their time), and the geometry, not the pixels, is most of a small frame's cost. So the hidden
 * map's frames draw nothing (`gateDraws`) except the one that is read and the first one, which
 * compiles the shaders while the reader chooses (`compileAhead`).
 */
import maplibregl, { type Map as MapLibreMap, type StyleSpecification } from 'maplibre-gl';
import { addArrowheads } from '../map/arrowheads.ts';
import { contextOf, gateDraws } from '../map/gate-draws.ts';

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
  /** Layout overrides likewise (e.g. the labels' size for the picture's stage). */
  layout?: [string, string, unknown][];
}

/** What `warmMapPicture` gets ready for: a picture's request without its scale and source. */
export type PictureDraft = Omit<MapPictureRequest, 'source' | 'scale'>;

/** The largest canvas side this renderer allows, in device pixels. */
export const MAX_PICTURE_SIDE = 8192;

/**
 * The map settles at this tiny pixel ratio and is drawn at full size only once everything is in,
 * so no frame but the one read allocates and clears a drawing buffer of the picture's size. (Before
 * the draw calls were held back, each frame while sources and labels arrived was also rasterised at
 * full size behind the read-back: 1920×1080 at 2x took 27 s, then 6 s.)
 */
const DRAFT_PIXEL_RATIO = 1 / 16;

/** Why a picture or a warm-up stopped half-way. */
const REMOVED = 'the export map was removed';

/** A repaint that keeps drawing frames is given up after this many (none did here). */
const MAX_SETTLE_REPAINTS = 10;

/** Resolves on the map's next `idle` after a repaint, or at once when `signal` aborts. */
function idle(map: MapLibreMap, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      map.off('idle', done);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    map.on('idle', done);
    signal?.addEventListener('abort', done);
    map.triggerRepaint();
  });
}

/**
 * Repaints until a repaint takes a single frame. After new tiles, the frame that fires `idle` still
 * holds the old tiles kept for fading labels; they go in the next frame, which places the labels
 * again and asks for one more. Drawn at full size, that extra frame doubled the first export's
 * drawing here (3840×2160: two frames of about 1 s).
 * @example await settle(map) // before the frame that is read
 */
export async function settle(map: MapLibreMap, signal?: AbortSignal): Promise<void> {
  for (let i = 0; i < MAX_SETTLE_REPAINTS && !signal?.aborted; i++) {
    let frames = 0;
    const count = () => frames++;
    map.on('render', count);
    await idle(map, signal);
    map.off('render', count);
    if (frames <= 1) return;
  }
}

/**
 * Copies a WebGL canvas into a 2D canvas through `readPixels`: drawing a WebGL canvas onto a 2D
 * one (`drawImage`) goes through the compositor and took 9 s for 1200×675 under software WebGL
 * here, where reading the pixels takes milliseconds.
 */
function readBack(source: HTMLCanvasElement, width: number, height: number): HTMLCanvasElement {
  const gl = contextOf(source);
  const out = document.createElement('canvas');
  out.width = width;
  out.height = height;
  // A CPU-backed canvas: its pixels come from readPixels and go to the encoder, and a GPU-backed
  // one would send them to the GPU and back (over a second at 3840×2160 under SwiftShader).
  const g = out.getContext('2d', { willReadFrequently: true })!;
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
  /** Open only while a frame that counts is drawn: see `gateDraws`. */
  gate: { open: boolean };
  /** Aborted when the hidden map is removed: whatever waits on it stops waiting. */
  removed: AbortController;
}

let renderer: Renderer | null = null;
/** Pictures and warm-ups run one at a time: they share the hidden map. */
let queue: Promise<unknown> = Promise.resolve();
/** The warm-up waiting in the queue or running; a picture or a newer warm-up cancels it. */
let warming: AbortController | null = null;

function rendererFor(source: MapLibreMap): Renderer {
  if (renderer) return renderer;
  const view = source.getContainer();
  const container = document.createElement('div');
  // Off screen but laid out: MapLibre sizes its canvas from the container. It starts as the view
  // on screen, the dialog's first choice.
  Object.assign(container.style, {
    position: 'fixed',
    left: '-30000px',
    top: '0',
    width: `${view.clientWidth || 400}px`,
    height: `${view.clientHeight || 300}px`,
    pointerEvents: 'none',
  });
  container.setAttribute('aria-hidden', 'true');
  document.body.append(container);
  const map = new maplibregl.Map({
    container,
    style: stillStyle(source),
    center: source.getCenter(),
    zoom: source.getZoom(),
    bearing: source.getBearing(),
    pitch: source.getPitch(),
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
  const gate = { open: false };
  const gl = contextOf(map.getCanvas());
  if (gl) gateDraws(gl, gate);
  const removed = new AbortController();
  const made: Renderer = { map, container, loaded: Promise.resolve(), gate, removed };
  made.loaded = new Promise<void>((resolve, reject) => {
    removed.signal.addEventListener('abort', () => reject(new Error(REMOVED)));
    map.once('load', () => {
      addArrowheads(map);
      // Everything in the view on screen is in: its frame compiles the shaders, while the reader
      // is still choosing.
      compileAhead(made).then(resolve, reject);
    });
    map.once('error', (e: { error?: Error }) =>
      reject(e.error ?? new Error('the export map failed to load')),
    );
  });
  renderer = made;
  // A failed start is not kept: the next export tries afresh.
  made.loaded.catch(() => {
    if (renderer === made) disposeMapPicture();
  });
  return made;
}

/**
 * Puts the hidden map in the state of a picture at the draft ratio: the visible map's style and
 * feature state, the picture's size, camera and paint; and waits until it has settled.
 */
async function drawDraft(
  { map, container }: Renderer,
  source: MapLibreMap,
  draft: PictureDraft,
  signal?: AbortSignal,
): Promise<void> {
  container.style.width = `${draft.width}px`;
  container.style.height = `${draft.height}px`;
  map.setPixelRatio(DRAFT_PIXEL_RATIO);
  map.resize();
  // Only what changed since the last picture (paint, filters) is applied.
  map.setStyle(stillStyle(source), { diff: true });
  const { camera } = draft;
  map.jumpTo({
    center: [camera.lon, camera.lat],
    zoom: camera.zoom,
    bearing: camera.bearing ?? 0,
    pitch: camera.pitch ?? 0,
  });
  for (const { source: id, ids } of draft.featureState) {
    if (!map.getSource(id)) continue;
    map.removeFeatureState({ source: id });
    for (const featureId of ids) {
      const state = source.getFeatureState({ source: id, id: featureId });
      if (Object.keys(state).length > 0) map.setFeatureState({ source: id, id: featureId }, state);
    }
  }
  for (const [layer, property, value] of draft.paint ?? []) {
    if (map.getLayer(layer)) map.setPaintProperty(layer, property, value, { validate: false });
  }
  for (const [layer, property, value] of draft.layout ?? []) {
    if (map.getLayer(layer)) map.setLayoutProperty(layer, property, value, { validate: false });
  }
  await settle(map, signal);
}

/**
 * Draws one frame with the draw calls let through and hands it to the renderer at once, so that
 * the shaders and the software renderer's routines for the layers in view are compiled now, not
 * in the first picture's read-back. A fence before the flush is what made Chrome run the frame
 * every time here; after a bare flush it sometimes waited until the next read.
 */
async function compileAhead({ map, gate }: Renderer): Promise<void> {
  gate.open = true;
  try {
    await new Promise<void>((resolve) => {
      map.once('render', () => resolve());
      map.triggerRepaint();
    });
  } finally {
    gate.open = false;
  }
  const gl = contextOf(map.getCanvas());
  if (gl && 'fenceSync' in gl) {
    const fence = gl.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0);
    gl.flush();
    if (fence) gl.deleteSync(fence);
  } else {
    gl?.flush();
  }
}

/** The view on screen as a draft: the dialog's first choice, "Current view". */
function currentView(source: MapLibreMap): PictureDraft {
  const view = source.getContainer();
  const center = source.getCenter();
  return {
    width: view.clientWidth,
    height: view.clientHeight,
    camera: {
      lon: center.lng,
      lat: center.lat,
      zoom: source.getZoom(),
      bearing: source.getBearing(),
      pitch: source.getPitch(),
    },
    featureState: [],
  };
}

/**
 * Gets the hidden map ready for a picture while the reader chooses: makes it on first use (its
 * first frame, once the view on screen is in, compiles the shaders), then loads the tiles at the
 * picture's camera and places the labels, at the draft ratio and drawing nothing. A picture of
 * that view then draws only its full-size frame. It never blocks: it waits its turn behind
 * pictures, and a newer warm-up or a picture cancels it. Without a draft it gets ready for the
 * view on screen, the dialog's first choice.
 * @example warmMapPicture(map) // when the Export dialog opens
 * @example warmMapPicture(map, { width: 1920, height: 1080, camera, featureState, paint }) // a size chosen
 */
export function warmMapPicture(source: MapLibreMap, draft?: PictureDraft): void {
  const made = rendererFor(source);
  warming?.abort();
  const abort = new AbortController();
  warming = abort;
  const { signal } = abort;
  const run = async () => {
    await made.loaded;
    if (signal.aborted || renderer !== made) return;
    await drawDraft(made, source, draft ?? currentView(source), signal);
  };
  queue = queue
    .then(() => (signal.aborted ? undefined : run()))
    .catch(() => {})
    .finally(() => {
      if (warming === abort) warming = null;
    });
}

/** Removes the hidden map and its WebGL context (when the visible map goes). */
export function disposeMapPicture(): void {
  warming?.abort();
  renderer?.removed.abort();
  renderer?.map.remove();
  renderer?.container.remove();
  renderer = null;
}

async function draw(request: MapPictureRequest): Promise<HTMLCanvasElement> {
  const { source, width, height, scale } = request;
  const made = rendererFor(source);
  const { map, gate, removed } = made;
  await made.loaded;
  performance.mark('export:loaded');
  await drawDraft(made, source, request, removed.signal);
  if (removed.signal.aborted) throw new Error(REMOVED);
  performance.mark('export:draft');
  gate.open = true;
  try {
    map.setPixelRatio(scale);
    await idle(map, removed.signal);
    if (removed.signal.aborted) throw new Error(REMOVED);
    performance.mark('export:drawn');
    return readBack(map.getCanvas(), Math.round(width * scale), Math.round(height * scale));
  } finally {
    gate.open = false;
    // Give back the large drawing buffer until the next picture.
    if (!removed.signal.aborted) map.setPixelRatio(DRAFT_PIXEL_RATIO);
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
  // The picture does the warm-up's work itself, for its own view.
  warming?.abort();
  const picture = queue.then(() => draw(request));
  queue = picture.catch(() => {});
  return picture;
}
