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
  focusCapital,
  labelAnchorExpression,
  labelRank,
  labelScale,
  LABEL_SIZE,
  NAME_MIN_SPAN,
  nameFrom,
  pictureLabelScale,
  rankedLabels,
  rankKey,
  withShapedText,
  UNCOVERED_RANK,
} from '../../src/lib/labels.ts';
import { byZoom } from '../../src/lib/style.ts';
import { project } from '../../src/lib/viewport.ts';
import { sceneMapState } from '../../src/lib/scene-view.ts';
import {
  labelAnchorsFor,
  placeLabels,
  screenProjection,
  type SvgCamera,
} from '../../src/lib/svg-export.ts';

const { dataset, topology } = shipped();
const points = labelPoints(topology, new Map(dataset.countries.map((c) => [c.id, c.name])));
const frames = new Map(
  countryFeatures(topology).features.map((f) => [f.properties.id, frameOf(f.geometry)]),
);
const index = engagementIndex(dataset);
const capital = focusCapital(dataset);
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

/**
 * The ids of the labels written, given the labels that compete: centred while exploring, and in a
 * scene (`room`) at the stage's scale with the names moved aside as the presentation moves them.
 */
function written(
  camera: SvgCamera,
  size: { width: number; height: number },
  day: string,
  keep: (id: string) => boolean = () => true,
  room = false,
): string[] {
  const labels = rankedLabels(points, labelRank(dataset.levels, levelsOn(index, day)), frames);
  labels.features = labels.features.filter((f) => keep(f.properties.id));
  const input = { ...size, camera, labels, capital, labelScale: labelScale(size, room) };
  const labelAnchors = room ? labelAnchorsFor(input) : undefined;
  return placeLabels({ ...input, labelAnchors }).map((l) => l.id);
}

/** Every scene at the presentation's two screen sizes: [name, camera, size, date]. */
const SCENE_VIEWS = dataset.scenes.flatMap((scene, i) =>
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
);

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

describe('in every scene, every country with a level on the date is named', () => {
  // At the stage's scale (18 px and up at 1920 × 1080) the names crowd around Afghanistan's: Iran,
  // Pakistan, Qatar, Oman and Kyrgyzstan keep theirs by moving aside (labelAnchorsFor).
  test.each(SCENE_VIEWS)('%s', (_name, camera, size, day) => {
    const placed = new Set(written(camera, size, day, () => true, true));
    const shown = inPicture(camera, size);
    const missing = [...levelsOn(index, day).keys()].filter((id) => shown(id) && !placed.has(id));
    expect(missing).toEqual([]);
  });
});

describe('no country without a level takes the room of one with a level', () => {
  // Where the map is too small for every name (the Gulf at zoom 2), a level country may still lose
  // its label, but only to another level country: taking the uncovered countries away changes nothing.
  const cases = [
    ...DEFAULT_VIEWS.map(
      ([name, size]) =>
        [`the default view at ${name}`, defaultView(size), size, DATE, false] as const,
    ),
    ...SCENE_VIEWS.map((view) => [...view, true] as const),
  ];
  test.each(cases)('%s', (_name, camera, size, day, room) => {
    const levelOf = levelsOn(index, day);
    const covered = (id: string) => id === 'AFG' || levelOf.has(id);
    const alone = written(camera, size, day, covered, room);
    const withAll = written(camera, size, day, () => true, room).filter(covered);
    expect(withAll).toEqual(alone);
  });
});

describe('labelAnchorsFor', () => {
  const [, camera, size, day] = SCENE_VIEWS.find(([name]) => name === 'scene 12 at 1920×1080')!;
  const labels = rankedLabels(points, labelRank(dataset.levels, levelsOn(index, day)), frames);
  const input = { ...size, camera, labels, capital, labelScale: labelScale(size, true) };
  const anchors = labelAnchorsFor(input);

  test('moves only names the story needs, never a country the sources do not cover', () => {
    const rank = new Map(labels.features.map((f) => [f.properties.id, f.properties.rank]));
    const uncovered = [...anchors.keys()].filter((id) => rank.get(id)! >= UNCOVERED_RANK);
    expect({ moved: anchors.size > 0, uncovered }).toEqual({ moved: true, uncovered: [] });
  });

  test('placed with the anchors it found, each moved name is written where it found room', () => {
    const placed = new Map(placeLabels({ ...input, labelAnchors: anchors }).map((l) => [l.id, l]));
    const lost = [...anchors].filter(([id, anchor]) => placed.get(id)?.anchor !== anchor);
    expect(lost).toEqual([]);
  });

  test('a name set below its point is written half a line lower than centred', () => {
    const [id] = [...anchors].find(([, anchor]) => anchor === 'top')!;
    const centred = placeLabels(input).find((l) => l.id === id);
    const below = placeLabels({ ...input, labelAnchors: new Map([[id, 'top']]) }).find(
      (l) => l.id === id,
    );
    // Centred, the name collides and is dropped: that is why it moved.
    expect(centred).toBeUndefined();
    const point = screenProjection(
      camera,
      size,
    )(points.features.find((f) => f.properties.id === id)!.geometry.coordinates);
    // Centred, a line's baseline is (27.5 − 17) / 24 em below the point; below it, half the
    // line's 1.2 em more.
    expect(below!.baselines[0]! - point[1]).toBeCloseTo(below!.size * (0.6 + (27.5 - 17) / 24), 6);
  });
});

describe('labelAnchorExpression', () => {
  test.each([
    ['no name moved', new Map(), 'center'],
    [
      'Pakistan below its point, Iran above',
      new Map([
        ['PAK', 'top'],
        ['IRN', 'bottom'],
      ] as const),
      ['match', ['get', 'id'], 'PAK', 'top', 'IRN', 'bottom', 'center'],
    ],
  ])('%s', (_name, anchors, expected) => {
    expect(labelAnchorExpression(anchors)).toEqual(expected);
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

describe('pictureLabelScale', () => {
  /** The names' size in a picture at `zoom`, in pixels. */
  const written = (size: { width: number; height: number }, zoom: number) =>
    byZoom(zoom, LABEL_SIZE) * pictureLabelScale(size, zoom);

  test.each([
    ['a 1080 px square, zoomed out', { width: 1080, height: 1080 }, 1.5],
    ['a 1080 px square, at the default view', { width: 1080, height: 1080 }, 2.4],
    ['a 1080 px square, close in', { width: 1080, height: 1080 }, 5],
    ['a 1920×1080 slide', { width: 1920, height: 1080 }, 2.4],
    ['a 1080×1920 story', { width: 1080, height: 1920 }, 2.4],
  ])('%s: names are at least 2.2%% of the short side', (_name, size, zoom) => {
    expect(written(size, zoom)).toBeGreaterThanOrEqual(0.022 * Math.min(size.width, size.height));
  });

  test.each([
    ['1200×628', { width: 1200, height: 628 }],
    ['1920×1080', { width: 1920, height: 1080 }],
  ])('%s: never smaller than a presentation of that size', (_name, size) => {
    expect(pictureLabelScale(size, 6)).toBeGreaterThanOrEqual(labelScale(size, true));
  });
});

describe('in a room, country names are at least 18 px at 1920×1080', () => {
  const size = { width: 1920, height: 1080 };
  test.each(dataset.scenes.map((scene, i) => [i + 1, scene] as const))('scene %d', (_n, scene) => {
    const { camera } = sceneMapState(scene, size, frames);
    const labels = rankedLabels(
      points,
      labelRank(dataset.levels, levelsOn(index, scene.date)),
      frames,
    );
    const placed = placeLabels({ ...size, camera, labels, labelScale: labelScale(size, true) });
    expect(Math.min(...placed.map((l) => l.size))).toBeGreaterThanOrEqual(18);
  });
});

describe('nameFrom: a country the sources do not cover is named once it is more than a speck', () => {
  const from = (id: string) => nameFrom(frames.get(id)!);
  test.each([
    ['MNG', 'Mongolia, from the world view', 0, 0],
    ['GRL', 'Greenland, from the world view', 0, 0],
    ['CYP', 'Cyprus, from zoom 3', 3, 3],
    ['MLT', 'Malta, from zoom 5 or 6', 5, 6],
    ['GGY', 'Guernsey, from zoom 7 or later', 7, 9],
    ['CCK', 'the Cocos Islands, a single point, only at the closest zoom', 24, 24],
  ])('%s: %s', (id, _what, least, most) => {
    expect(from(id)).toBeGreaterThanOrEqual(least);
    expect(from(id)).toBeLessThanOrEqual(most);
  });

  test('at the zoom it is named from, its land spans at least NAME_MIN_SPAN pixels', () => {
    for (const [id, frame] of frames) {
      const z = nameFrom(frame);
      const [x0, y1] = project(frame[0], z);
      const [x1, y0] = project(frame[1], z);
      if (z > 0 && z < 24) {
        expect(Math.max(x1 - x0, y1 - y0), id).toBeGreaterThanOrEqual(NAME_MIN_SPAN);
      }
    }
  });

  test('a name the story needs is written from the world view, however small its country', () => {
    const labels = rankedLabels(points, labelRank(dataset.levels, levelsOn(index, DATE)), frames);
    const needed = labels.features.filter((f) => f.properties.rank < UNCOVERED_RANK);
    expect(needed.filter((f) => f.properties.from !== 0).map((f) => f.properties.id)).toEqual([]);
    // Qatar is one such small country: without a level it would wait for zoom 3.
    expect(nameFrom(frames.get('QAT')!)).toBeGreaterThan(0);
  });

  test('placement leaves out a name before its zoom, as the layer’s filter does', () => {
    const size = { width: 1280, height: 625 };
    const camera = defaultView(size);
    const labels = rankedLabels(points, labelRank(dataset.levels, levelsOn(index, DATE)), frames);
    const early = labels.features.filter((f) => f.properties.from > Math.floor(camera.zoom));
    const placed = new Set(placeLabels({ ...size, camera, labels }).map((l) => l.id));
    expect(early.length).toBeGreaterThan(0);
    expect(early.filter((f) => placed.has(f.properties.id))).toEqual([]);
  });
});

describe('withShapedText', () => {
  const points = {
    type: 'FeatureCollection' as const,
    features: [
      {
        type: 'Feature' as const,
        geometry: { type: 'Point' as const, coordinates: [0, 0] },
        properties: { name: 'متحده عرب امارات', lines: ['متحده عرب', 'امارات'] },
      },
    ],
  };
  test.each([
    ['a name’s lines, a line feed between', '\n', 'متحده عرب\nامارات'],
    ['one line, a space between', ' ', 'متحده عرب امارات'],
  ])('keys each name by %s', (_, separator, shaped) => {
    const out = withShapedText(points, (p) => p.lines, separator);
    expect(out.features[0]!.properties.shaped).toBe(shaped);
  });
});
