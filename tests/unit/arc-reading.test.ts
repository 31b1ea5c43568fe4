/**
 * Arcs that read at a glance, measured in screen space at the default view and in every scene
 * (the camera and projection the map and the SVG export share): no two arrowheads overlap, and no
 * arc runs under Afghanistan's name.
 */
import { describe, expect, test } from 'vitest';
import { shipped } from './helpers.ts';
import { arcArrowheads, arcFeatures, visibleArcIds } from '../../src/lib/arcs.ts';
import { countryFeatures, frameOf, labelPoints } from '../../src/lib/countries.ts';
import { engagementIndex, latestEventDay, levelsOn } from '../../src/lib/engagement.ts';
import { defaultView } from '../../src/lib/framing.ts';
import { labelRank, rankedLabels } from '../../src/lib/labels.ts';
import { sceneMapState } from '../../src/lib/scene-view.ts';
import { MOTIVE_CATEGORIES, type MotiveCategory } from '../../src/lib/schema.ts';
import {
  labelLines,
  placeLabels,
  screenProjection,
  type SvgCamera,
} from '../../src/lib/svg-export.ts';

const { dataset, topology } = shipped();
const frames = new Map(
  countryFeatures(topology).features.map((f) => [f.properties.id, frameOf(f.geometry)]),
);
const points = labelPoints(topology, new Map(dataset.countries.map((c) => [c.id, c.name])));
const index = engagementIndex(dataset);
const arcs = arcFeatures(dataset);
const heads = arcArrowheads(arcs).features;

/** The arrowhead is 9 px from tip to notch, scaled 0.85 at zoom 3 to 1.15 at zoom 6 (ArcsLayer). */
const arrowLength = (zoom: number) => 9 * Math.min(1.15, Math.max(0.85, 0.85 + (zoom - 3) * 0.1));

type Size = { width: number; height: number };
interface View {
  name: string;
  camera: SvgCamera;
  size: Size;
  day: string;
  motives: readonly MotiveCategory[];
}

const DATE = '2025-07-10';
const LAST = latestEventDay(dataset.events)!;
const views: View[] = [
  ...[
    { width: 1280, height: 625 },
    { width: 1920, height: 905 },
  ].flatMap((size) =>
    // The README's day, and the dataset's last, with every arc there is.
    [DATE, LAST].map((day) => ({
      name: `the default view at ${size.width}×${size.height} on ${day}`,
      camera: defaultView(size),
      size,
      day,
      motives: MOTIVE_CATEGORIES,
    })),
  ),
  ...dataset.scenes.flatMap((scene, i) =>
    [
      { width: 1280, height: 720 },
      { width: 1920, height: 1080 },
    ].map((size) => ({
      name: `scene ${i + 1} at ${size.width}×${size.height}`,
      camera: sceneMapState(scene, size, frames).camera,
      size,
      day: scene.date,
      motives: scene.motives,
    })),
  ),
];

const shownOn = (view: View) =>
  visibleArcIds(
    arcs.features.map((f) => f.properties),
    view.day,
    new Set(view.motives),
  );

describe('no two arrowheads overlap', () => {
  test.each(views.map((v) => [v.name, v] as const))('%s', (_name, view) => {
    const shown = shownOn(view);
    const project = screenProjection(view.camera, view.size);
    const tileZoom = Math.floor(view.camera.zoom);
    const drawn = heads
      .filter((h) => shown.has(h.properties.id) && h.properties.arrowFrom <= tileZoom)
      .map((h) => ({ id: h.properties.id, at: project(h.geometry.coordinates) }));
    const length = arrowLength(view.camera.zoom);
    const overlapping = drawn.flatMap((a, i) =>
      drawn
        .slice(i + 1)
        .filter((b) => Math.hypot(a.at[0] - b.at[0], a.at[1] - b.at[1]) < length)
        .map((b) => `${a.id} and ${b.id}`),
    );
    expect(overlapping).toEqual([]);
  });
});

describe('no arc runs under Afghanistan’s name', () => {
  test.each(views.map((v) => [v.name, v] as const))('%s', (_name, view) => {
    const labels = rankedLabels(points, labelRank(dataset.levels, levelsOn(index, view.day)));
    const name = placeLabels({ ...view.size, camera: view.camera, labels }).find(
      (l) => l.id === 'AFG',
    );
    if (!name) throw new Error('Afghanistan’s name is not written');
    // The text block as drawn: its lines' width, from the first line's cap height to the last baseline.
    const half = (labelLines('Afghanistan', true).width * name.size) / 2;
    const top = name.baselines[0]! - 0.75 * name.size;
    const bottom = name.baselines[name.baselines.length - 1]! + 0.25 * name.size;
    const project = screenProjection(view.camera, view.size);
    const shown = shownOn(view);
    const under = arcs.features
      .filter((arc) => shown.has(arc.properties.id))
      .filter((arc) => {
        const line = arc.geometry.coordinates.map((c) => project(c));
        // Every segment sampled at 1 px or finer.
        return line.slice(1).some(([x1, y1], i) => {
          const [x0, y0] = line[i]!;
          const steps = Math.max(1, Math.ceil(Math.hypot(x1 - x0, y1 - y0)));
          for (let s = 0; s <= steps; s++) {
            const x = x0 + ((x1 - x0) * s) / steps;
            const y = y0 + ((y1 - y0) * s) / steps;
            if (Math.abs(x - name.x) <= half && y >= top && y <= bottom) return true;
          }
          return false;
        });
      })
      .map((arc) => arc.properties.id);
    expect(under).toEqual([]);
  });
});

describe('a country’s short arcs are told apart', () => {
  // Lines 2 px wide in a white casing 1 px each side: 4 px, and a gap of 2 px between two arcs.
  const APART = 6;
  const countries = [...new Set(arcs.features.map((a) => a.properties.actor))];
  const defaults = views.filter((v) => v.name.startsWith('the default view') && v.day === DATE);
  test.each(defaults.flatMap((v) => countries.map((c) => [c, v.name, v] as const)))(
    '%s at %s',
    (country, _name, view) => {
      const project = screenProjection(view.camera, view.size);
      const middles = heads
        .filter((h) => h.properties.actor === country)
        .map((h) => project(h.geometry.coordinates));
      const gaps = middles.flatMap((a, i) =>
        middles.slice(i + 1).map((b) => Math.hypot(a[0] - b[0], a[1] - b[1])),
      );
      expect(Math.min(Infinity, ...gaps)).toBeGreaterThanOrEqual(APART);
    },
  );
});
