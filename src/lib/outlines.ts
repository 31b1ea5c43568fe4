/**
 * The countries the map outlines: the one under the pointer, the selected one, those a scene is
 * about, and those in tension or conflict on the date.
 *
 * The outlines' source keeps every country it has ever outlined, each with one flag per role, and
 * each outline layer draws only the countries whose flag is up. So an outline that comes and goes
 * (the pointer, a selection) changes a flag: the shape is copied to MapLibre's worker once, the
 * first time its country is outlined, not on every change, where copying Russia's shape cost a
 * few milliseconds of the selection's frame. Countries never outlined stay out of the source:
 * without a GPU, every layer drawn over every country costs its share of each frame.
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { CountryFeature } from './countries.ts';

export type OutlineRole = 'hovered' | 'selected' | 'highlight' | 'tension' | 'conflict';

/** Drawing order, bottom to top: the map's outline layers, one per role. */
export const OUTLINE_ROLES: readonly OutlineRole[] = [
  'hovered',
  'selected',
  'highlight',
  'tension',
  'conflict',
];

/** A country in the outlines' source: its id and whether it is outlined in each role. */
export type OutlineProps = { id: string } & Record<OutlineRole, boolean>;

export type OutlineFeature = Feature<Polygon | MultiPolygon, OutlineProps>;

export interface OutlineMarks {
  hovered: string | null;
  selected: string | null;
  highlight: readonly string[] | null;
  /** Each country's tension or conflict on the date; countries at peace are absent. */
  tension: ReadonlyMap<string, { tension: 'tension' | 'conflict' }>;
}

/**
 * Each outlined country's roles, in the layers' order; a country can have two (selected and in
 * conflict). The pointer's outline is left out on the selected country, whose own covers it.
 * @example outlinedRoles({ hovered: 'PAK', selected: 'PAK', highlight: null, tension: new Map() })
 *   // Map { 'PAK' => ['selected'] }
 */
export function outlinedRoles(marks: OutlineMarks): Map<string, OutlineRole[]> {
  const roles = new Map<string, OutlineRole[]>();
  const mark = (id: string, role: OutlineRole) => {
    const of = roles.get(id);
    if (!of) roles.set(id, [role]);
    else if (!of.includes(role)) of.push(role);
  };
  if (marks.hovered && marks.hovered !== marks.selected) mark(marks.hovered, 'hovered');
  if (marks.selected) mark(marks.selected, 'selected');
  for (const id of marks.highlight ?? []) mark(id, 'highlight');
  for (const [id, { tension }] of marks.tension) mark(id, tension);
  return roles;
}

/** A change to one country's flags, as MapLibre's `updateData` takes it. */
export interface OutlineUpdate {
  id: string;
  addOrUpdateProperties: { key: OutlineRole; value: boolean }[];
}

export interface OutlineChanges {
  /** Countries outlined for the first time, with their shapes. */
  add: OutlineFeature[];
  /** Countries already in the source whose flags change. */
  update: OutlineUpdate[];
  /** What the source holds once the changes are made. */
  held: Map<string, OutlineProps>;
}

/** A country's flags in the outlines' source, from its roles. */
export const flagsOf = (id: string, roles: readonly OutlineRole[]): OutlineProps => ({
  id,
  hovered: roles.includes('hovered'),
  selected: roles.includes('selected'),
  highlight: roles.includes('highlight'),
  tension: roles.includes('tension'),
  conflict: roles.includes('conflict'),
});

/**
 * What to send the outlines' source to go from the flags it `held` to the `wanted` roles: new
 * countries with their shapes, and only the flags that change on the others. Countries no longer
 * outlined stay, every flag down. Ids the geometry lacks are passed over.
 * @example outlineChanges(new Map(), new Map([['CHN', ['selected']]]), byId)
 *   // add: CHN's shape with { id: 'CHN', selected: true, others false }; update: []
 */
export function outlineChanges(
  held: ReadonlyMap<string, OutlineProps>,
  wanted: ReadonlyMap<string, readonly OutlineRole[]>,
  byId: ReadonlyMap<string, CountryFeature>,
): OutlineChanges {
  const next = new Map(held);
  const add: OutlineFeature[] = [];
  const update: OutlineUpdate[] = [];
  for (const id of new Set([...held.keys(), ...wanted.keys()])) {
    const props = flagsOf(id, wanted.get(id) ?? []);
    const before = held.get(id);
    if (!before) {
      const country = byId.get(id);
      if (!country) continue;
      add.push({ type: 'Feature', geometry: country.geometry, properties: props });
      next.set(id, props);
      continue;
    }
    const changed = OUTLINE_ROLES.filter((role) => before[role] !== props[role]);
    if (changed.length === 0) continue;
    update.push({ id, addOrUpdateProperties: changed.map((key) => ({ key, value: props[key] })) });
    next.set(id, props);
  }
  return { add, update, held: next };
}

/**
 * Whether going from the flags a source `held` to the `wanted` roles changes tension and conflict
 * flags only: what a date step changes, which the map may draw a frame after the colours, unlike
 * the pointer's or the selection's outline.
 */
export function onlyTension(
  held: ReadonlyMap<string, OutlineProps>,
  wanted: ReadonlyMap<string, readonly OutlineRole[]>,
): boolean {
  const others = (roles: readonly OutlineRole[]) =>
    roles.filter((r) => r !== 'tension' && r !== 'conflict').join();
  const heldOthers = (p: OutlineProps | undefined) =>
    p ? others(OUTLINE_ROLES.filter((r) => p[r])) : '';
  for (const [id, roles] of wanted) if (others(roles) !== heldOthers(held.get(id))) return false;
  for (const [id, p] of held) if (!wanted.has(id) && heldOthers(p) !== '') return false;
  return true;
}
