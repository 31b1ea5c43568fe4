/**
 * Label priority: the names the story needs are written first. Measured in screen space with the
 * export's copy of MapLibre's placement (`placeLabels`), on the shipped dataset and geometry, at
 * the default view and in every scene.
 */
import { describe, expect, test } from 'vitest';
import { shipped } from './helpers.ts';
import { countryFeatures, frameOf, labelPoints } from '../../src/lib/countries.ts';
import { engagementIndex, levelsOn } from '../../src/lib/engagement.ts';
import { defaultView } from '../../src/lib/framing.ts';
import {
  labelRank,
  labelScale,
  rankedLabels,
  rankKey,
  UNCOVERED_RANK,
} from '../../src/lib/labels.ts';
import { sceneMapState } from '../../src/lib/scene-view.ts';
import { placeLabels, screenProjection, type SvgCamera } from '../../src/lib/svg-export.ts';

const { dataset, topology } = shipped();
const points = labelPoints(topology, new Map(dataset.countries.map((c) => [c.id, c.name])));
const frames = new Map(
  countryFeatures(topology).features.map((f) => [f.properties.id, frameOf(f.geometry)]),
);
const index = engagementIndex(dataset);
const DATE = '2025-07-10';

describe('labelRank', () => {
  const rankOf = labelRank(dataset.levels, levelsOn(index, DATE));
  test.each([
    ['AFG', 0, 'Afghanistan first'],
    ['RUS', 1, 'formal recognition, the strongest level, next'],
    ['MNG', UNCOVERED_RANK, 'a country the sources do not cover last'],
  ])('%s ranks %d: %s', (id, rank) => {
    expect(rankOf(id)).toBe(rank);
  });

  test('every country with a level ranks before every country without one', () => {
    const levelled = [...levelsOn(index, DATE).keys()].map(rankOf);
    expect(Math.max(...levelled)).toBeLessThan(UNCOVERED_RANK);
  });

  test('a stronger level ranks before a weaker one', () => {
    const strong = dataset.levels.levels.reduce((a, b) => (a.rank > b.rank ? a : b));
    const weak = dataset.levels.levels.reduce((a, b) => (a.rank < b.rank ? a : b));
    const rankOfLevel = (level: string) =>
      labelRank(dataset.levels, new Map([['XXX', { level }]]))('XXX');
    expect(rankOfLevel(strong.id)).toBeLessThan(rankOfLevel(weak.id));
  });
});

describe('rankKey', () => {
  test('is the same on two days with the same levels, so the map keeps its label data', () => {
    const key = (day: string) => rankKey(points, labelRank(dataset.levels, levelsOn(index, day)));
    expect(key('2025-07-10')).toBe(key('2025-07-11'));
  });

  test('changes on the day Russia’s level changes', () => {
    const key = (day: string) => rankKey(points, labelRank(dataset.levels, levelsOn(index, day)));
    expect(key('2025-07-02')).not.toBe(key('2025-07-04'));
  });
});

/** The label points that lie inside a picture. */
function inPicture(camera: SvgCamera, size: { width: number; height: number }) {
  const project = screenProjection(camera, size);
  return (id: string) => {
    const point = points.features.find((f) => f.properties.id === id);
    if (!point) return false;
    const [x, y] = project(point.geometry.coordinates);
    return x >= 0 && x <= size.width && y >= 0 && y <= size.height;
  };
}

/** The ids of the labels written, given the labels that compete. */
function written(
  camera: SvgCamera,
  size: { width: number; height: number },
  day: string,
  keep: (id: string) => boolean = () => true,
): string[] {
  const labels = rankedLabels(points, labelRank(dataset.levels, levelsOn(index, day)));
  labels.features = labels.features.filter((f) => keep(f.properties.id));
  return placeLabels({ ...size, camera, labels }).map((l) => l.id);
}

// The map's size under the masthead and above the timeline at these windows.
const DEFAULT_VIEWS = [
  ['1280×800', { width: 1280, height: 625 }],
  ['1920×1080', { width: 1920, height: 905 }],
] as const;

describe('at the default view, every country with a level on the date is labelled', () => {
  test.each(DEFAULT_VIEWS)('at %s', (_name, size) => {
    const camera = defaultView(size);
    const placed = new Set(written(camera, size, DATE));
    const shown = inPicture(camera, size);
    const missing = [...levelsOn(index, DATE).keys()].filter((id) => shown(id) && !placed.has(id));
    expect(missing).toEqual([]);
  });

  test.each(DEFAULT_VIEWS)('Russia, the one state that recognises Kabul, at %s', (_name, size) => {
    expect(written(defaultView(size), size, DATE)).toContain('RUS');
  });
});

describe('no country without a level takes the room of one with a level', () => {
  // Where the map is too small for every name (the Gulf at zoom 2), a level country may still lose
  // its label, but only to another level country: taking the uncovered countries away changes nothing.
  const cases = [
    ...DEFAULT_VIEWS.map(
      ([name, size]) => [`the default view at ${name}`, defaultView(size), size, DATE] as const,
    ),
    ...dataset.scenes.flatMap((scene, i) =>
      [
        { width: 1280, height: 720 },
        { width: 1920, height: 1080 },
      ].map(
        (size) =>
          [
            `scene ${i + 1} at ${size.width}×${size.height}`,
            sceneMapState(scene, size, frames).camera,
            size,
            scene.date,
          ] as const,
      ),
    ),
  ];
  test.each(cases)('%s', (_name, camera, size, day) => {
    const levelOf = levelsOn(index, day);
    const covered = (id: string) => id === 'AFG' || levelOf.has(id);
    const alone = written(camera, size, day, covered);
    const withAll = written(camera, size, day).filter(covered);
    expect(withAll).toEqual(alone);
  });
});

describe('labelScale', () => {
  test.each([
    ['exploring at 1920×1080', { height: 1080 }, false, 1],
    ['a presentation at 1280×720', { height: 720 }, true, 1.125],
    ['a presentation at 1920×1080', { height: 1080 }, true, 1.6875],
    ['a presentation on a phone, 375×667', { height: 667 }, true, 667 / 640],
    ['a presentation on a small window, 400 px tall', { height: 400 }, true, 1],
    ['a presentation at 3840×2160', { height: 2160 }, true, 2],
  ])('%s: %d', (_name, stage, room, scale) => {
    expect(labelScale(stage, room)).toBeCloseTo(scale, 6);
  });
});

describe('in a room, country names are at least 18 px at 1920×1080', () => {
  const size = { width: 1920, height: 1080 };
  test.each(dataset.scenes.map((scene, i) => [i + 1, scene] as const))('scene %d', (_n, scene) => {
    const { camera } = sceneMapState(scene, size, frames);
    const labels = rankedLabels(points, labelRank(dataset.levels, levelsOn(index, scene.date)));
    const placed = placeLabels({ ...size, camera, labels, labelScale: labelScale(size, true) });
    expect(Math.min(...placed.map((l) => l.size))).toBeGreaterThanOrEqual(18);
  });
});
