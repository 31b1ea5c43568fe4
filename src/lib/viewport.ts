/**
 * Web Mercator as MapLibre computes it, without MapLibre: world pixels at a zoom, and the camera
 * that fits bounds into a padded viewport. Scenes and exports frame the map with these numbers, so
 * they must agree with what the map itself does (`cameraForBounds`, maplibre-gl 5.24,
 * src/geo/projection/camera_helper.ts `cameraForBoxAndBearing`, bearing 0).
 *
 * World pixels: x grows east from the antimeridian, y grows south from the top of the world
 * (85.051129° N), and the whole world is `512 · 2^zoom` pixels wide (MapLibre's 512-pixel tiles).
 */

/** `[longitude, latitude]` in degrees. */
export type LonLat = [number, number];

/** `[[west, south], [east, north]]` in degrees, as `frameOf` gives them. */
export type Bounds = [[number, number], [number, number]];

/** A viewport in CSS pixels. */
export interface Size {
  width: number;
  height: number;
}

/** Space to keep clear at each edge of the viewport, in CSS pixels. */
export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** A camera without rotation: centre and MapLibre zoom. */
export interface CenterZoom {
  lon: number;
  lat: number;
  zoom: number;
}

/** MapLibre draws vector tiles 512 pixels wide: the world is one tile at zoom 0. */
export const TILE_SIZE = 512;

/** Where Web Mercator stops: the latitude that makes the world square (MapLibre's MAX_VALID_LATITUDE). */
export const MAX_LATITUDE = 85.051129;

/** MapLibre's own zoom limits when a map sets none (maplibre-gl 5.24 `defaultMinZoom`/`defaultMaxZoom`). */
export const MAPLIBRE_ZOOM_RANGE = [-2, 22] as const;

/**
 * The least room, as a share of the viewport's side, that padding may leave for the bounds: below
 * it the padding shrinks. MapLibre gives up instead (it warns and returns no camera); a scene must
 * always have one, even in a tiny export or a squeezed window.
 */
export const MIN_ROOM_SHARE = 0.1;

/**
 * Below this width the atlas takes its phone layout (Atlas.svelte), and leaves MapLibre until the
 * reader first touches the page (the picture engine's map stands in until then).
 */
export const PHONE_WIDTH = 720;

/** The media query of a screen that is not a phone's: MapLibre is asked for with the page. */
export const WIDE_SCREEN = `(min-width: ${PHONE_WIDTH}px)`;

/**
 * The width of the world in pixels at a zoom.
 * @example worldSize(0) // 512
 * @example worldSize(2) // 2048
 */
export function worldSize(zoom: number): number {
  return TILE_SIZE * 2 ** zoom;
}

/**
 * A place in world pixels at a zoom. Latitudes beyond ±85.051129° are clamped, as MapLibre does.
 * @example project([0, 0], 0) // [256, 256]
 * @example project([-180, 85.051129], 1) // [0, 0] (to within rounding)
 */
export function project([lon, lat]: LonLat, zoom: number): [number, number] {
  const size = worldSize(zoom);
  const clamped = Math.min(MAX_LATITUDE, Math.max(-MAX_LATITUDE, lat));
  const x = (180 + lon) / 360;
  const y =
    (180 - (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (clamped * Math.PI) / 360))) / 360;
  return [x * size, y * size];
}

/**
 * The place at world pixels at a zoom: the inverse of `project`.
 * @example unproject([256, 256], 0) // [0, 0]
 */
export function unproject([x, y]: [number, number], zoom: number): LonLat {
  const size = worldSize(zoom);
  const lon = (x / size) * 360 - 180;
  const y2 = 180 - (y / size) * 360;
  const lat = (360 / Math.PI) * Math.atan(Math.exp((y2 * Math.PI) / 180)) - 90;
  return [lon, lat];
}

/**
 * The smallest bounds that hold all of the given ones; `null` for none.
 * @example unionBounds([[[60, 29], [75, 38]], [[73, 18], [135, 53]]]) // [[60, 18], [135, 53]]
 */
export function unionBounds(list: readonly Bounds[]): Bounds | null {
  if (list.length === 0) return null;
  let [[west, south], [east, north]] = list[0]!;
  for (const [[w, s], [e, n]] of list) {
    west = Math.min(west, w);
    south = Math.min(south, s);
    east = Math.max(east, e);
    north = Math.max(north, n);
  }
  return [
    [west, south],
    [east, north],
  ];
}

/**
 * The two paddings of one axis, shrunk in proportion where they would leave the bounds less than
 * `MIN_ROOM_SHARE` of the side (and never less than a pixel).
 */
function fitPadding(side: number, before: number, after: number): [number, number] {
  const a = Math.max(0, before);
  const b = Math.max(0, after);
  const room = Math.max(1, side * MIN_ROOM_SHARE);
  if (side - (a + b) >= room) return [a, b];
  const total = Math.max(0, side - room);
  const share = a + b > 0 ? total / (a + b) : 0;
  return [a * share, b * share];
}

/**
 * The camera that shows `bounds` as large as possible inside the viewport less its padding, with
 * the bounds' projected box centred in the padded area: what MapLibre's `cameraForBounds` (and so
 * `fitBounds`) gives at bearing 0, with the zoom clamped to `[minZoom, maxZoom]` as the map clamps
 * it. Padding that leaves too little room shrinks (see `MIN_ROOM_SHARE`), so a camera always comes
 * back, never NaN. Bounds must not cross the antimeridian (ours never do).
 *
 * @example
 * // Afghanistan in a 1280×720 window, a 400-pixel panel on the right:
 * fitBounds([[60.5, 29.4], [74.9, 38.5]], { width: 1280, height: 720 },
 *   { top: 20, right: 420, bottom: 20, left: 20 }, { maxZoom: 5 })
 * // { lon: ≈72.08, lat: ≈34.04, zoom: 5 }: the centre lies east of the country's middle (≈67.7° E),
 * // so the country shows left of the panel
 */
export function fitBounds(
  bounds: Bounds,
  viewport: Size,
  padding: Padding,
  options: { maxZoom?: number; minZoom?: number } = {},
): CenterZoom {
  const [minZoom, maxZoom] = [
    options.minZoom ?? MAPLIBRE_ZOOM_RANGE[0],
    options.maxZoom ?? MAPLIBRE_ZOOM_RANGE[1],
  ];
  const [[west, south], [east, north]] = bounds;
  // World pixels at zoom 0: the north-west corner is the top left.
  const [x0, y0] = project([west, north], 0);
  const [x1, y1] = project([east, south], 0);
  const [left, right] = fitPadding(viewport.width, padding.left, padding.right);
  const [top, bottom] = fitPadding(viewport.height, padding.top, padding.bottom);
  const roomX = Math.max(1, viewport.width - left - right);
  const roomY = Math.max(1, viewport.height - top - bottom);
  // A box with no width (or height) fits at any scale along that axis: Infinity, then clamped.
  const scale = Math.min(roomX / Math.abs(x1 - x0), roomY / Math.abs(y1 - y0));
  const zoom = Math.min(maxZoom, Math.max(minZoom, Math.log2(scale)));
  // The box's centre goes to the middle of the padded area, which lies off the viewport's centre
  // by half the difference of opposite paddings.
  const k = 2 ** zoom;
  const [lon, lat] = unproject(
    [(x0 + x1) / 2 - (left - right) / 2 / k, (y0 + y1) / 2 - (top - bottom) / 2 / k],
    0,
  );
  return { lon, lat, zoom };
}
