/**
 * The scene card never hides the countries a scene is about: at common screen sizes, every
 * highlighted country's label point lands on the map, outside the card and the bars.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Topology } from 'topojson-specification';
import { describe, expect, test } from 'vitest';
import { readDatasetFolder, REPO_ROOT, shippedGeometryIds } from '../../scripts/dataset-files.ts';
import { countryFeatures, frameOf, labelPoints } from '../../src/lib/countries.ts';
import {
  PROGRESS_HEIGHT,
  SOURCE_LINE_HEIGHT,
  sceneCardRect,
  sceneMapState,
} from '../../src/lib/scene-view.ts';
import { validateDataset } from '../../src/lib/validate.ts';
import { project } from '../../src/lib/viewport.ts';

const result = validateDataset(readDatasetFolder(join(REPO_ROOT, 'data')), {
  geometryIds: shippedGeometryIds(),
});
if (!result.ok) throw new Error('the shipped dataset is not valid');
const dataset = result.dataset;
const topology = JSON.parse(
  readFileSync(join(REPO_ROOT, 'public/geo/countries.json'), 'utf8'),
) as Topology;
const features = countryFeatures(topology).features;
const frames = new Map(features.map((f) => [f.properties.id, frameOf(f.geometry)]));
const labels = new Map(
  labelPoints(topology, new Map(dataset.countries.map((c) => [c.id, c.name]))).features.map((f) => [
    f.properties.id,
    f.geometry.coordinates as [number, number],
  ]),
);

const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
  { width: 1024, height: 768 },
];

const cases = dataset.scenes.flatMap((scene) =>
  SIZES.flatMap((size) =>
    scene.highlight
      .filter((id) => labels.has(id))
      .map((id) => [scene.id, `${size.width}x${size.height}`, id, scene, size] as const),
  ),
);

describe('highlighted countries are clear of the scene card', () => {
  test.each(cases)('%s at %s: %s', (_id, _label, country, scene, size) => {
    const { camera } = sceneMapState(scene, size, frames);
    const [cx, cy] = project([camera.lon, camera.lat], camera.zoom);
    const [px, py] = project(labels.get(country)!, camera.zoom);
    const x = px - cx + size.width / 2;
    const y = py - cy + size.height / 2;
    const card = sceneCardRect(size);
    const onMap =
      x >= 0 && x <= size.width && y >= PROGRESS_HEIGHT && y <= size.height - SOURCE_LINE_HEIGHT;
    const underCard =
      x >= card.x && x <= card.x + card.width && y >= card.y && y <= card.y + card.height;
    expect({ onMap, underCard }).toEqual({ onMap: true, underCard: false });
  });
});
