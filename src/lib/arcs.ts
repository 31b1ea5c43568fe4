/**
 * Motive arcs: for each motive of a country, a curved line from its capital to Kabul, built once
 * per dataset. Which arcs show on a day is a separate, cheap question (`visibleArcIds`), answered
 * through feature state, so a date change never rebuilds the geometry.
 *
 * Each arc follows the great circle (d3-geo `geoInterpolate`) and bows away from it, sideways, in
 * Web Mercator space, where the map draws it: the bow is a fraction of the arc's length on the
 * map, so an arc keeps its shape at every zoom, from Islamabad (~370 km) to Beijing (~4,200 km).
 * Each category has its own bow, all on the same side, so a country's two or three arcs nest
 * without touching. Coordinates run from the partner to Kabul, and an arrowhead at each arc's middle
 * (`arcArrowheads`) points that way.
 */
import { geoInterpolate } from 'd3-geo';
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import type { Day } from './dates.ts';
import { motiveCountsFrom } from './engagement.ts';
import type { Dataset, MotiveCategory } from './schema.ts';
import { FOCUS_ID } from './vocabulary.ts';

/** A position as `[longitude, latitude]` in degrees. */
export type LonLat = [number, number];

/** What an arc carries: enough to filter it by day, category and country, and to colour it. */
export interface ArcProps {
  /** The motive's id, also the feature's id (the map keys feature state on it). */
  id: string;
  /** The partner country, ISO alpha-3. */
  actor: string;
  category: MotiveCategory;
  /** The day the motive counts from on the map (`motiveCountsFrom`). */
  from: Day;
}

/**
 * Segments per arc. 64 keeps the longest arcs here (Moscow, Beijing: ~2,000 px at zoom 5) free of
 * visible corners: each segment turns the line by under 2°.
 */
export const ARC_SEGMENTS = 64;

/**
 * How far each category's arc bows from the great circle at its middle, as a fraction of the
 * distance between its ends on the map. The same category always bows the same, so readers learn the nesting:
 * economic innermost, geopolitical outermost. Short arcs bow more (see `arcBend`).
 */
export const ARC_BENDS: Readonly<Record<MotiveCategory, number>> = {
  economic: 0.1,
  security: 0.2,
  geopolitical: 0.3,
};

/**
 * Arcs shorter than this on the map (in radians of Web Mercator: ~2,400 km around Kabul's
 * latitude) bow more than `ARC_BENDS`, up to `MAX_SHORT_ARC_BOOST` times. A bow in proportion
 * alone puts Islamabad–Kabul's three arcs (~370 km, 30 px at the default view on a laptop) 3 px
 * apart, touching, so they read as one; boosted, they are 7.5 px apart there and Tashkent's 8 px
 * (tests/unit/arc-reading.test.ts).
 */
export const SHORT_ARC = 0.16;
export const MAX_SHORT_ARC_BOOST = 2.25;

// Web Mercator, in radians of longitude: x = λ, y = ln tan(π/4 + φ/2). The map's own projection,
// up to a scale that is the same on both axes, so lengths and right angles here are the map's.
const RAD = Math.PI / 180;
const MAX_LAT = 85.051129; // where Web Mercator stops

function project([lon, lat]: LonLat): [number, number] {
  const phi = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * RAD;
  return [lon * RAD, Math.log(Math.tan(Math.PI / 4 + phi / 2))];
}

function unproject([x, y]: [number, number]): LonLat {
  return [x / RAD, (2 * Math.atan(Math.exp(y)) - Math.PI / 2) / RAD];
}

/** Five decimals (about a metre): enough for any zoom, and the same bytes on every run. */
function round(value: number): number {
  return Math.round(value * 1e5) / 1e5 + 0; // + 0 turns -0 into 0
}

/**
 * The points of an arc from `from` to `to`: the great circle between them, bowed sideways on the
 * Web Mercator plane by `bend` times the distance between its ends there, most at the middle (a
 * parabola), not at all at the ends. A positive `bend` bows to the left of the direction of travel, a negative
 * one to the right. Longitudes are unwrapped, so an arc across the antimeridian runs past ±180
 * rather than jumping across the map. `ARC_SEGMENTS + 1` points, rounded to 5 decimals.
 * @example arcLine([73.05, 33.68], [69.17, 34.53], 0.1) // Islamabad to Kabul, bowing south
 */
export function arcLine(from: LonLat, to: LonLat, bend: number): LonLat[] {
  const greatCircle = geoInterpolate(from, to);
  const projected: [number, number][] = [];
  for (let i = 0; i <= ARC_SEGMENTS; i++) {
    const [lon, lat] = greatCircle(i / ARC_SEGMENTS);
    const [x, y] = project([lon, lat]);
    const prev = projected[i - 1];
    // Unwrap: keep each point within half a world of the one before it.
    const turns = prev ? Math.round((prev[0] - x) / (2 * Math.PI)) : 0;
    projected.push([x + turns * 2 * Math.PI, y]);
  }
  const [x0, y0] = projected[0]!;
  const [x1, y1] = projected[ARC_SEGMENTS]!;
  // The bow at the middle: the chord turned a quarter to the left, times the bend.
  const nx = -(y1 - y0) * bend;
  const ny = (x1 - x0) * bend;
  return projected.map(([x, y], i) => {
    const t = i / ARC_SEGMENTS;
    const k = 4 * t * (1 - t);
    const [lon, lat] = unproject([x + nx * k, y + ny * k]);
    return [round(lon), round(lat)];
  });
}

/**
 * One arc per motive of a country with a capital, from that capital to Kabul (Afghanistan's
 * capital), in the order of the motives. Motives of groups and institutions get none: they have
 * no capital to draw from. Each arc bows by `arcBend`.
 * @example arcFeatures(dataset).features[0].properties
 * // { id: 'chn-economic', actor: 'CHN', category: 'economic', from: '2025-05-30' }
 */
export function arcFeatures(
  dataset: Pick<Dataset, 'countries' | 'motives'>,
): FeatureCollection<LineString, ArcProps> {
  const capitals = new Map(
    dataset.countries.map((c) => [c.id, [c.capital.lon, c.capital.lat] as LonLat]),
  );
  const kabul = capitals.get(FOCUS_ID);
  const features: Feature<LineString, ArcProps>[] = [];
  if (!kabul) return { type: 'FeatureCollection', features };
  for (const motive of dataset.motives) {
    const capital = capitals.get(motive.actor);
    if (!capital || motive.actor === FOCUS_ID) continue;
    const bend = arcBend(capital, kabul, motive.category);
    features.push({
      type: 'Feature',
      id: motive.id,
      properties: {
        id: motive.id,
        actor: motive.actor,
        category: motive.category,
        from: motiveCountsFrom(motive),
      },
      geometry: { type: 'LineString', coordinates: arcLine(capital, kabul, bend) },
    });
  }
  return { type: 'FeatureCollection', features };
}

/** An arrowhead: its arc's properties, and the way the arc runs where the arrowhead sits. */
export interface ArrowheadProps extends ArcProps {
  /**
   * The first whole zoom at which the arc is at least `ARROW_MIN_ARC` pixels long, and so shows
   * its arrowhead (MapLibre evaluates a filter's zoom per tile, at whole zooms).
   */
  arrowFrom: number;
  /**
   * Degrees clockwise from east on the (north-up) map: MapLibre's `icon-rotate` for an icon that
   * points east, with `icon-rotation-alignment: map`.
   */
  rotate: number;
}

/**
 * How long an arc must be on screen, in pixels from end to end, to carry an arrowhead. A shorter
 * one (Islamabad–Kabul is 26 px at the default view) nests its arcs a few pixels apart, where
 * their arrowheads would pile up; its direction reads from Kabul's marker alone.
 */
export const ARROW_MIN_ARC = 60;

/** Web Mercator's world is 512 px wide at zoom 0, as the map's tiles are. */
const WORLD_PX = 512;

/**
 * One arrowhead per arc, at its middle point (where a country's arcs are furthest apart),
 * pointing along the arc toward Kabul. It carries its arc's id, so on a map source holding both
 * (with `promoteId: 'id'`) one feature state drives the arc and its arrowhead together.
 * MapLibre's own `symbol-placement: line-center` cannot do this: it centres a symbol on each
 * tile's piece of a line, so long arcs get one arrowhead per tile.
 * @example arcArrowheads(arcFeatures(dataset)).features[0].properties.rotate
 * // 171.34311 for Beijing to Kabul: west, a little south, where the arc bows south
 */
export function arcArrowheads(
  arcs: FeatureCollection<LineString, ArcProps>,
): FeatureCollection<Point, ArrowheadProps> {
  const features: Feature<Point, ArrowheadProps>[] = [];
  for (const arc of arcs.features) {
    const line = arc.geometry.coordinates as LonLat[];
    const mid = Math.floor((line.length - 1) / 2);
    const before = line[Math.max(0, mid - 1)];
    const after = line[Math.min(line.length - 1, mid + 1)];
    if (!before || !after) continue;
    const [x0, y0] = project(before);
    const [x1, y1] = project(after);
    // Screen y grows downward, so clockwise from east is atan2(-Δy, Δx) with Mercator's y up.
    const rotate = (Math.atan2(-(y1 - y0), x1 - x0) * 180) / Math.PI;
    const [ax, ay] = project(line[0]!);
    const [bx, by] = project(line[line.length - 1]!);
    const chord = (Math.hypot(bx - ax, by - ay) * WORLD_PX) / (2 * Math.PI); // pixels at zoom 0
    const arrowFrom = chord > 0 ? Math.max(0, Math.ceil(Math.log2(ARROW_MIN_ARC / chord))) : 24;
    features.push({
      type: 'Feature',
      id: arc.properties.id,
      properties: { ...arc.properties, arrowFrom, rotate: round(rotate) },
      geometry: { type: 'Point', coordinates: [...line[mid]!] },
    });
  }
  return { type: 'FeatureCollection', features };
}

/**
 * The `bend` of `arcLine` for a category's arc from `from` to `to`: the category's `ARC_BENDS`,
 * boosted for short arcs (by √(SHORT_ARC / length), at most `MAX_SHORT_ARC_BOOST`), and always to
 * the left of the direction of travel. Arcs converging on Kabul then all turn the same way round it,
 * like the blades of a pinwheel, so arcs from neighbouring capitals run side by side instead of
 * crossing.
 * @example arcBend([37.62, 55.75], [69.17, 34.53], 'security') // 0.2 (Moscow: long, no boost)
 * @example arcBend([73.05, 33.68], [69.17, 34.53], 'security') // 0.3 (Islamabad: short)
 */
export function arcBend(from: LonLat, to: LonLat, category: MotiveCategory): number {
  const [x0, y0] = project(from);
  const [x1, y1] = project(to);
  // The shorter way round in longitude: only short arcs are boosted, and they never go the long way.
  const dx = x1 - x0 - 2 * Math.PI * Math.round((x1 - x0) / (2 * Math.PI));
  const length = Math.hypot(dx, y1 - y0);
  const boost = length > 0 ? SHORT_ARC / length : MAX_SHORT_ARC_BOOST;
  return ARC_BENDS[category] * Math.min(MAX_SHORT_ARC_BOOST, Math.max(1, boost));
}

/**
 * The ids of the arcs shown on a day: those whose motive counts by then, whose category is
 * switched on, and whose country passes `shownActor` (the legend's level filter), if given.
 * @example visibleArcIds(arcs, '2025-06-01', new Set(['economic'])) // Set { 'chn-economic', … }
 */
export function visibleArcIds(
  arcs: readonly ArcProps[],
  day: Day,
  categories: ReadonlySet<MotiveCategory>,
  shownActor?: (actor: string) => boolean,
): Set<string> {
  const ids = new Set<string>();
  for (const arc of arcs) {
    if (arc.from > day || !categories.has(arc.category)) continue;
    if (shownActor && !shownActor(arc.actor)) continue;
    ids.add(arc.id);
  }
  return ids;
}

/**
 * The most arcs the map draws at once. Twenty (the shipped data's every motive) read apart; past
 * about forty the lines into Kabul merge into one yellow mass where no arc can be followed, so
 * the rest are left to the country panels and the table, and the key says how many.
 */
export const ARC_LIMIT = 40;

/** The arcs drawn, and how many shown arcs were left out to keep them legible. */
export interface DrawnArcs {
  ids: Set<string>;
  leftOut: number;
}

/**
 * The strongest `limit` of the shown arcs: by `strength` of their country (higher first: its
 * level's rank, then its events so far), ties in data order. The selected country's arcs are
 * always drawn, besides the limit: a reader who picked it wants to see why it engages. Under the
 * limit nothing changes.
 * @example strongestArcs(arcs, shown, (actor) => rankOf(actor), 40, 'PAK') // { ids, leftOut: 109 }
 */
export function strongestArcs(
  arcs: readonly ArcProps[],
  shown: ReadonlySet<string>,
  strength: (actor: string) => number,
  limit: number = ARC_LIMIT,
  selected: string | null = null,
): DrawnArcs {
  const candidates = arcs.filter((a) => shown.has(a.id));
  if (candidates.length <= limit) return { ids: new Set(shown), leftOut: 0 };
  const strengthOf = new Map<string, number>();
  for (const a of candidates)
    if (!strengthOf.has(a.actor)) strengthOf.set(a.actor, strength(a.actor));
  const ranked = candidates
    .map((arc, order) => ({ arc, order }))
    .sort(
      (a, b) => strengthOf.get(b.arc.actor)! - strengthOf.get(a.arc.actor)! || a.order - b.order,
    );
  const ids = new Set(ranked.slice(0, limit).map((r) => r.arc.id));
  for (const a of candidates) if (a.actor === selected) ids.add(a.id);
  return { ids, leftOut: candidates.length - ids.size };
}
