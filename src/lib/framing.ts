/**
 * The camera a selection gets: its capital, Kabul and the arcs between them framed in the part of
 * the map a reader can see, clear of whatever covers the map (the side panel or the bottom sheet,
 * the key, the zoom buttons, a notice). Pure: the page measures the overlays' boxes and hands them
 * in, so the same state and the same screen always give the same camera, and the URL need carry
 * only the selection, never a camera the reader did not choose.
 */
import { REGION_BOUNDS } from './scene-view.ts';
import { ZOOM_RANGE, type Camera } from './url-state.ts';
import {
  fitBounds,
  project,
  unionBounds,
  type Bounds,
  type LonLat,
  type Padding,
  type Size,
} from './viewport.ts';

/** A box over the map, in CSS pixels from the map's top left. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Clear space between the framed relation and the overlays and the map's edges. */
export const SELECTION_MARGIN = 24;

/**
 * How far a selection zooms in at most: Kabul and a neighbour's capital (Islamabad is 380 km
 * away) still show the countries around them.
 */
export const SELECTION_MAX_ZOOM = 5;

/**
 * The padding that keeps the framed relation clear of the overlays: each overlay that covers part
 * of the map is cut off along the edge whose strip costs the map least (a panel along the right
 * edge takes a column, a sheet along the bottom a band, a key in a corner whichever is smaller),
 * and each edge keeps the widest cut, plus `margin`. The largest overlays are cut first, and a
 * smaller one costs only the strip it adds to what is still clear: the zoom buttons beside a side
 * panel widen the panel's column by their own width rather than take a band across the map.
 * @example
 * // A 400-pixel panel on the right of a 1280×623 map, and the zoom buttons at its top right:
 * overlayPadding({ width: 1280, height: 623 }, [
 *   { x: 880, y: 0, width: 400, height: 623 },
 *   { x: 1241, y: 10, width: 29, height: 58 },
 * ]) // { top: 24, right: 424, bottom: 24, left: 24 }
 * // The zoom buttons beside the panel instead (their box 39 px wide with its margin):
 * overlayPadding({ width: 1280, height: 623 }, [
 *   { x: 880, y: 0, width: 400, height: 623 },
 *   { x: 841, y: 0, width: 39, height: 68 },
 * ]) // { top: 24, right: 463, bottom: 24, left: 24 }
 */
export function overlayPadding(
  map: Size,
  overlays: readonly Box[],
  margin = SELECTION_MARGIN,
): Padding {
  const covers = coversOf(map, overlays);
  const cut = { top: 0, right: 0, bottom: 0, left: 0 };
  for (const { x0, y0, x1, y1 } of covers) {
    // What is still clear across each way, and the area a deeper cut on each edge would add.
    const clearHeight = Math.max(0, map.height - cut.top - cut.bottom);
    const clearWidth = Math.max(0, map.width - cut.left - cut.right);
    const options: [keyof Padding, number, number][] = (
      [
        ['left', x1, clearHeight],
        ['right', map.width - x0, clearHeight],
        ['top', y1, clearWidth],
        ['bottom', map.height - y0, clearWidth],
      ] as const
    ).map(([side, depth, span]) => [side, depth, Math.max(0, depth - cut[side]) * span]);
    const [side, depth] = options.reduce((best, o) => (o[2] < best[2] ? o : best));
    cut[side] = Math.max(cut[side], depth);
  }
  return withMargin(cut, margin);
}

/** A box's part over the map, as edges. */
interface Cover {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The part of each box over the map, largest first; a box off the map, or empty, covers nothing. */
function coversOf(map: Size, overlays: readonly Box[]): Cover[] {
  return overlays
    .map((box) => ({
      x0: Math.max(0, box.x),
      y0: Math.max(0, box.y),
      x1: Math.min(map.width, box.x + box.width),
      y1: Math.min(map.height, box.y + box.height),
    }))
    .filter((b) => b.x1 > b.x0 && b.y1 > b.y0)
    .sort((a, b) => (b.x1 - b.x0) * (b.y1 - b.y0) - (a.x1 - a.x0) * (a.y1 - a.y0));
}

function withMargin(cut: Padding, margin: number): Padding {
  return {
    top: Math.round(cut.top + margin),
    right: Math.round(cut.right + margin),
    bottom: Math.round(cut.bottom + margin),
    left: Math.round(cut.left + margin),
  };
}

/**
 * The zoom at which `bounds` just fits the map less `padding`, unclamped (higher shows it larger);
 * `-Infinity` where the padding leaves no room at all.
 */
function fitZoom([[west, south], [east, north]]: Bounds, map: Size, padding: Padding): number {
  const roomX = map.width - padding.left - padding.right;
  const roomY = map.height - padding.top - padding.bottom;
  if (roomX <= 0 || roomY <= 0) return -Infinity;
  const [x0, y0] = project([west, north], 0);
  const [x1, y1] = project([east, south], 0);
  return Math.log2(Math.min(roomX / Math.abs(x1 - x0), roomY / Math.abs(y1 - y0)));
}

/**
 * The padding a selection is framed in: the overlays cut as `overlayPadding` cuts them, unless
 * that leaves the relation too small to fit at `SELECTION_MAX_ZOOM` and another choice of edges
 * shows it larger. Which strip costs the map least depends on the shape of what is framed: on an
 * upright tablet the zoom buttons beside the panel cost least as a slice of the panel's column,
 * but Washington and Kabul, side by side, need the column's whole width and fit below the
 * buttons. Every choice of edge for every overlay is tried (a handful of overlays: at most 4⁴
 * choices), and the one that frames the relation largest wins.
 * @example
 * // 768×727, an upright tablet's map: the panel, the key low on the left, the zoom buttons.
 * selectionPadding(selectionBounds([[-77.04, 38.9], [69.18, 34.53]]), { width: 768, height: 727 }, [
 *   { x: 368, y: 0, width: 400, height: 727 },
 *   { x: 12, y: 305, width: 216, height: 410 },
 *   { x: 329, y: 0, width: 39, height: 68 },
 * ]) // { top: 92, right: 424, bottom: 446, left: 24 } (overlayPadding's right: 463)
 */
export function selectionPadding(
  bounds: Bounds,
  map: Size,
  overlays: readonly Box[],
  margin = SELECTION_MARGIN,
): Padding {
  const usual = overlayPadding(map, overlays, margin);
  if (fitZoom(bounds, map, usual) >= SELECTION_MAX_ZOOM) return usual;
  const covers = coversOf(map, overlays);
  const depth = (c: Cover, side: keyof Padding) =>
    ({ left: c.x1, right: map.width - c.x0, top: c.y1, bottom: map.height - c.y0 })[side];
  let best = { padding: usual, zoom: fitZoom(bounds, map, usual) };
  const sides = ['left', 'right', 'top', 'bottom'] as const;
  const tryFrom = (i: number, cut: Padding) => {
    if (i === covers.length) {
      const padding = withMargin(cut, margin);
      const zoom = fitZoom(bounds, map, padding);
      if (zoom > best.zoom) best = { padding, zoom };
      return;
    }
    for (const side of sides) {
      tryFrom(i + 1, { ...cut, [side]: Math.max(cut[side], depth(covers[i]!, side)) });
    }
  };
  tryFrom(0, { top: 0, right: 0, bottom: 0, left: 0 });
  return best.padding;
}

/**
 * The bounds of the places a selection is about (at least one): its capital, Kabul, and every
 * point of the arcs between them (great circles bulge north of both ends). Longitudes are taken
 * as they come: the arcs are drawn without crossing the antimeridian.
 * @example selectionBounds([[116.4, 39.9], [69.2, 34.5]]) // [[69.2, 34.5], [116.4, 39.9]]
 */
export function selectionBounds(points: readonly LonLat[]): Bounds {
  // Each point as a box of its own, so the union is the points' bounds.
  return unionBounds(points.map((p): Bounds => [p, p]))!;
}

/**
 * The camera that shows `bounds` as large as it can in the map less `padding`, zoomed in at most
 * to `SELECTION_MAX_ZOOM`. Where both ends of a long relation (Washington or Canberra to Kabul)
 * cannot fit at a zoom where countries read, the view widens, down to the whole world: the reader
 * must see the relation, and the map never crops one end of it. Six decimals, as scenes.
 * @example
 * // China selected at 1280×623, its panel on the right:
 * selectionCamera([[69.2, 34.5], [116.4, 39.9]], { width: 1280, height: 623 },
 *   { top: 24, right: 424, bottom: 24, left: 24 })
 * // { lon: 104.146154, lat: 37.248348, zoom: 3.631578 }: Beijing and Kabul left of the panel
 */
export function selectionCamera(bounds: Bounds, map: Size, padding: Padding): Camera {
  const { lon, lat, zoom } = fitBounds(bounds, map, padding, {
    minZoom: ZOOM_RANGE[0],
    maxZoom: SELECTION_MAX_ZOOM,
  });
  return { lon: round6(lon), lat: round6(lat), zoom: round6(zoom) };
}

/** The margin around the region in the default view, in CSS pixels. */
export const DEFAULT_VIEW_MARGIN = 20;

/**
 * The view the atlas opens on while nothing is selected and the reader has not moved the map:
 * the region from the Atlantic to the Pacific (`REGION_BOUNDS`) as large as the map allows.
 * It follows the map's size, so a resize frames it anew.
 * @example defaultView({ width: 1280, height: 623 }) // { lon: 58, lat: 37.726872, zoom: 2.401543 }
 */
export function defaultView(map: Size): Camera {
  const m = DEFAULT_VIEW_MARGIN;
  const { lon, lat, zoom } = fitBounds(
    REGION_BOUNDS,
    map,
    { top: m, right: m, bottom: m, left: m },
    { minZoom: ZOOM_RANGE[0], maxZoom: ZOOM_RANGE[1] },
  );
  return { lon: round6(lon), lat: round6(lat), zoom: round6(zoom) };
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6 || 0;
}
