/**
 * Colour scales as MapLibre paint expressions, built from the dataset's levels. Plain data: the
 * map components pass these to MapLibre, and the export will draw with the same colours.
 * Colour changes with the date go through feature state, so a date change never rebuilds a source.
 */
import type { Levels } from './schema.ts';

/** A MapLibre expression, as JSON. */
export type Expression = [string, ...unknown[]];

/** The focus country: Afghanistan. */
export const FOCUS_ID = 'AFG';

/** The colour of each level, plus no-data and the focus, for legends and exports. */
export function levelColors(levels: Levels): Map<string, string> {
  return new Map(levels.levels.map((l) => [l.id, l.color]));
}

/**
 * The fill colour of a country: the focus colour for Afghanistan, else the colour of the level in
 * its `level` feature state, else no-data.
 */
export function countryFillColor(levels: Levels): Expression {
  const pairs = levels.levels.flatMap((l) => [l.id, l.color]);
  return [
    'case',
    ['==', ['get', 'id'], FOCUS_ID],
    levels.focus.color,
    ['match', ['coalesce', ['feature-state', 'level'], ''], ...pairs, levels.noData.color],
  ];
}

/** How faded a country the legend filter hides is drawn: still there, clearly set back. */
export const MUTED_OPACITY = 0.2;

/** Full opacity, or faded where the `muted` feature state is set. */
export function countryFillOpacity(): Expression {
  return ['case', ['boolean', ['feature-state', 'muted'], false], MUTED_OPACITY, 1];
}

/** Opacity 1 where a boolean feature state (`selected`, `hovered`) is set, else 0. */
export function flagOpacity(flag: 'selected' | 'hovered'): Expression {
  return ['case', ['boolean', ['feature-state', flag], false], 1, 0];
}

/** Opacity 1 where the country's `tension` feature state is `state`, else 0. */
export function tensionOpacity(state: 'tension' | 'conflict'): Expression {
  return ['case', ['==', ['feature-state', 'tension'], state], 1, 0];
}

/** The levels from the closest to the most distant, as the legend lists them. */
export function levelsByRank(levels: Levels): Levels['levels'] {
  return [...levels.levels].sort((a, b) => b.rank - a.rank);
}
