/** The shipped dataset and what the app derives from it, computed here in Node for the browser tests. */
import { readDatasetFolder, shippedGeometryIds } from '../../scripts/dataset-files.ts';
import { arcFeatures } from '../../src/lib/arcs.ts';
import type { Dataset } from '../../src/lib/schema.ts';
import { MAP_THEMES, type ThemeName } from '../../src/lib/style.ts';
import { validateDataset } from '../../src/lib/validate.ts';

function load(): Dataset {
  const result = validateDataset(readDatasetFolder('data'), { geometryIds: shippedGeometryIds() });
  if (!result.ok) throw new Error('the shipped dataset is not valid; run npm run validate');
  return result.dataset;
}

export const dataset = load();

/** The colour of a level id, `focus` (Afghanistan) or `none` (no data), on the map in `theme`. */
export function levelColour(id: string, theme: ThemeName = 'light'): string {
  const levels = MAP_THEMES[theme].levels(dataset.levels);
  if (id === 'focus') return levels.focus.color;
  if (id === 'none') return levels.noData.color;
  const level = levels.levels.find((l) => l.id === id);
  if (!level) throw new Error(`no level ${id}`);
  return level.color;
}

/** A point a quarter of the way along a motive's arc (away from the arrowhead at its middle). */
export function pointOnArc(motiveId: string, fraction = 0.25): [number, number] {
  const arc = arcFeatures(dataset).features.find((f) => f.properties.id === motiveId);
  if (!arc) throw new Error(`no arc for motive ${motiveId}`);
  const points = arc.geometry.coordinates;
  return points[Math.round((points.length - 1) * fraction)] as [number, number];
}
