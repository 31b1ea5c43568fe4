import { readFileSync } from 'node:fs';
import type { Topology } from 'topojson-specification';
import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { countryFeatures, frameOf } from '../../src/lib/countries.ts';
import {
  cardSide,
  DEFAULT_SCENE_MAX_ZOOM,
  easedDay,
  easeInOut,
  PROGRESS_HEIGHT,
  REGION_BOUNDS,
  sceneCardRect,
  sceneMapState,
  sceneSources,
  scenePadding,
  SOURCE_LINE_HEIGHT,
  TRANSITION_MS,
  transitionDuration,
  type MapCamera,
  type Rect,
} from '../../src/lib/scene-view.ts';
import { Scenes, type Scene, type SceneCamera } from '../../src/lib/schema.ts';
import type { Camera } from '../../src/lib/url-state.ts';
import { project, type Bounds, type Size } from '../../src/lib/viewport.ts';
import { shipped as shippedAtlas } from './helpers.ts';

const readJson = (path: string): unknown =>
  JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));

// Frames from the shipped geometry, as the page builds them.
const topology = readJson('../../public/geo/countries.json') as Topology;
const FRAMES: ReadonlyMap<string, Bounds> = new Map(
  countryFeatures(topology).features.map((f) => [f.properties.id, frameOf(f.geometry)]),
);

function sceneWith(camera: SceneCamera): Scene {
  return {
    id: 'china',
    title: 'China',
    body: 'China accepts an ambassador.',
    camera,
    date: '2023-12-01',
    motives: ['economic', 'security'],
    highlight: ['CHN', 'AFG'],
    cites: [{ source: 'article' }],
  };
}

const CHINA_AND_AFGHANISTAN = sceneWith({ fit: ['CHN', 'AFG'] });

/** Where the bounds' corners land on screen under a bearing-0 camera, in CSS pixels. */
function screenRect(bounds: Bounds, camera: MapCamera, viewport: Size): Rect {
  const [cx, cy] = project([camera.lon, camera.lat], camera.zoom);
  const [x0, y0] = project([bounds[0][0], bounds[1][1]], camera.zoom);
  const [x1, y1] = project([bounds[1][0], bounds[0][1]], camera.zoom);
  const x = x0 - cx + viewport.width / 2;
  const y = y0 - cy + viewport.height / 2;
  return { x, y, width: x1 - x0, height: y1 - y0 };
}

/** Whether two rectangles share any area (touching edges do not count). */
const overlaps = (a: Rect, b: Rect) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Whether `inner` lies within the map between the progress bar and the source line. */
const onMap = (inner: Rect, viewport: Size) =>
  inner.x >= 0 &&
  inner.x + inner.width <= viewport.width &&
  inner.y >= PROGRESS_HEIGHT &&
  inner.y + inner.height <= viewport.height - SOURCE_LINE_HEIGHT;

const VIEWPORTS: Size[] = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
  { width: 390, height: 844 },
  { width: 1080, height: 1080 },
  { width: 1200, height: 628 },
  { width: 768, height: 1024 },
];

describe('sceneCardRect', () => {
  test.each([
    {
      viewport: { width: 1920, height: 1080 },
      expected: { side: 'left', x: 24, y: 64, width: 691, height: 952 },
    },
    {
      viewport: { width: 1280, height: 720 },
      expected: { side: 'left', x: 24, y: 64, width: 461, height: 592 },
    },
    {
      // The stage of a 1280×720 window, under the source line: still the full share.
      viewport: { width: 1280, height: 690 },
      expected: { side: 'left', x: 24, y: 64, width: 461, height: 562 },
    },
    {
      // Squarer: a smaller share, so a fixed-zoom scene's east stays on screen.
      viewport: { width: 1024, height: 768 },
      expected: { side: 'left', x: 24, y: 64, width: 320, height: 640 },
    },
    {
      viewport: { width: 1440, height: 900 },
      expected: { side: 'left', x: 24, y: 64, width: 467, height: 772 },
    },
    {
      viewport: { width: 800, height: 600 },
      expected: { side: 'left', x: 24, y: 64, width: 320, height: 472 },
    },
    {
      viewport: { width: 1280, height: 300 },
      expected: { side: 'left', x: 24, y: 64, width: 461, height: 172 },
    },
    {
      viewport: { width: 390, height: 844 },
      expected: { side: 'bottom', x: 12, y: 370, width: 366, height: 422 },
    },
    {
      // A short phone's stage (375×667 less the source line): the band's floor, not half.
      viewport: { width: 375, height: 602 },
      expected: { side: 'bottom', x: 12, y: 210, width: 351, height: 340 },
    },
    {
      viewport: { width: 768, height: 1024 },
      expected: { side: 'bottom', x: 12, y: 562, width: 744, height: 410 },
    },
    {
      viewport: { width: 300, height: 120 },
      expected: { side: 'bottom', x: 12, y: 52, width: 276, height: 16 },
    },
  ])('at $viewport.width×$viewport.height is $expected', ({ viewport, expected }) => {
    expect(sceneCardRect(viewport)).toEqual(expected);
  });

  test.each([
    { viewport: { width: 1920, height: 1080 }, side: 'left' },
    { viewport: { width: 1080, height: 1080 }, side: 'left' },
    { viewport: { width: 720, height: 600 }, side: 'left' },
    { viewport: { width: 719, height: 600 }, side: 'bottom' },
    { viewport: { width: 1080, height: 1920 }, side: 'bottom' },
  ])('is on the $side at $viewport.width×$viewport.height', ({ viewport, side }) => {
    expect(cardSide(viewport)).toBe(side);
  });

  test.each([...VIEWPORTS, { width: 300, height: 120 }, { width: 1280, height: 200 }])(
    'stays between the progress bar and the source line at $width×$height',
    (viewport) => {
      expect(onMap(sceneCardRect(viewport), viewport)).toBe(true);
    },
  );
});

describe('scenePadding', () => {
  test.each(VIEWPORTS)('keeps the card out of the framed area at $width×$height', (viewport) => {
    const p = scenePadding(viewport);
    const framed = {
      x: p.left,
      y: p.top,
      width: viewport.width - p.left - p.right,
      height: viewport.height - p.top - p.bottom,
    };
    expect(overlaps(framed, sceneCardRect(viewport))).toBe(false);
  });
});

describe('sceneMapState', () => {
  describe.each(VIEWPORTS)('China and Afghanistan at $width×$height', (viewport) => {
    const { camera } = sceneMapState(CHINA_AND_AFGHANISTAN, viewport, FRAMES);
    const card = sceneCardRect(viewport);

    test.each(['CHN', 'AFG'])('%s is on the map, clear of the bars', (id) => {
      expect(onMap(screenRect(FRAMES.get(id)!, camera, viewport), viewport)).toBe(true);
    });

    test.each(['CHN', 'AFG'])('%s is clear of the card', (id) => {
      expect(overlaps(screenRect(FRAMES.get(id)!, camera, viewport), card)).toBe(false);
    });
  });

  test.each(VIEWPORTS)('gives the same numbers every time at $width×$height', (viewport) => {
    const first = sceneMapState(CHINA_AND_AFGHANISTAN, viewport, FRAMES);
    const again = sceneMapState(structuredClone(CHINA_AND_AFGHANISTAN), viewport, new Map(FRAMES));
    expect(again).toEqual(first);
  });

  test.each([
    CHINA_AND_AFGHANISTAN,
    sceneWith({ center: [69.18, 34.53], zoom: 4.3, bearing: 12.5, pitch: 20 }),
  ])('rounds the camera to six decimals (%#)', (scene) => {
    const { camera } = sceneMapState(scene, { width: 1366, height: 768 }, FRAMES);
    expect(Object.values(camera)).toEqual(Object.values(camera).map((n) => Number(n.toFixed(6))));
  });

  test('zooms a single small country in no further than the default', () => {
    const { camera } = sceneMapState(
      sceneWith({ fit: ['QAT'] }),
      { width: 1920, height: 1080 },
      FRAMES,
    );
    expect(camera.zoom).toBe(DEFAULT_SCENE_MAX_ZOOM);
  });

  test("zooms in no further than the scene's maxZoom", () => {
    const scene = sceneWith({ fit: ['AFG'], maxZoom: 4 });
    expect(sceneMapState(scene, { width: 1920, height: 1080 }, FRAMES).camera.zoom).toBe(4);
  });

  test('frames a fit camera with no rotation or tilt', () => {
    const { camera } = sceneMapState(CHINA_AND_AFGHANISTAN, { width: 1280, height: 720 }, FRAMES);
    expect([camera.bearing, camera.pitch]).toEqual([0, 0]);
  });

  test('leaves out a country with no frame', () => {
    const viewport = { width: 1280, height: 720 };
    const withUnknown = sceneWith({ fit: ['CHN', 'XXX', 'AFG'] });
    expect(sceneMapState(withUnknown, viewport, FRAMES)).toEqual(
      sceneMapState(CHINA_AND_AFGHANISTAN, viewport, FRAMES),
    );
  });

  test('frames the region when no country has a frame', () => {
    const viewport = { width: 1280, height: 720 };
    const region = sceneMapState(
      sceneWith({ fit: ['AFG'] }),
      viewport,
      new Map([['AFG', REGION_BOUNDS]]),
    );
    expect(sceneMapState(sceneWith({ fit: ['XXX'] }), viewport, FRAMES)).toEqual(region);
  });

  test('passes the date, motives and highlight through as copies', () => {
    const state = sceneMapState(CHINA_AND_AFGHANISTAN, { width: 1280, height: 720 }, FRAMES);
    expect(state).toMatchObject({
      date: '2023-12-01',
      motives: ['economic', 'security'],
      highlight: ['CHN', 'AFG'],
    });
    expect(state.highlight).not.toBe(CHINA_AND_AFGHANISTAN.highlight);
  });

  describe('a centre-and-zoom camera', () => {
    const cases = [
      { viewport: { width: 1920, height: 1080 }, bearing: 0 },
      { viewport: { width: 1280, height: 720 }, bearing: 30 },
      { viewport: { width: 390, height: 844 }, bearing: 0 },
      { viewport: { width: 390, height: 844 }, bearing: -90 },
    ];

    test.each(cases)(
      'keeps zoom, bearing and pitch at $viewport.width×$viewport.height, bearing $bearing',
      ({ viewport, bearing }) => {
        const scene = sceneWith({ center: [69.18, 34.53], zoom: 4.25, bearing, pitch: 0 });
        const { camera } = sceneMapState(scene, viewport, FRAMES);
        expect([camera.zoom, camera.bearing, camera.pitch]).toEqual([4.25, bearing, 0]);
      },
    );

    test.each(cases)(
      'shows its centre in the middle of the uncovered map at $viewport.width×$viewport.height, bearing $bearing',
      ({ viewport, bearing }) => {
        const center: [number, number] = [69.18, 34.53];
        const scene = sceneWith({ center, zoom: 4.25, bearing, pitch: 0 });
        const { camera } = sceneMapState(scene, viewport, FRAMES);
        // World to screen under a bearing, as MapLibre turns it: rotate by −bearing about the centre.
        const [cx, cy] = project([camera.lon, camera.lat], camera.zoom);
        const [px, py] = project(center, camera.zoom);
        const a = (-bearing * Math.PI) / 180;
        const sx = Math.cos(a) * (px - cx) - Math.sin(a) * (py - cy) + viewport.width / 2;
        const sy = Math.sin(a) * (px - cx) + Math.cos(a) * (py - cy) + viewport.height / 2;
        const p = scenePadding(viewport);
        expect(sx).toBeCloseTo((p.left + viewport.width - p.right) / 2, 2);
        expect(sy).toBeCloseTo((p.top + viewport.height - p.bottom) / 2, 2);
      },
    );
  });

  // The shipped deck: every "fit" scene keeps its countries on the map and clear of the card.
  const shipped = v.parse(Scenes, readJson('../../data/scenes.json')).scenes;
  const fitCases = shipped.flatMap((scene) =>
    'fit' in scene.camera
      ? [
          { width: 1920, height: 1080 },
          { width: 1280, height: 720 },
          { width: 390, height: 844 },
        ].flatMap((viewport) =>
          (scene.camera as { fit: string[] }).fit.map((id) => ({ scene, id, viewport })),
        )
      : [],
  );
  test.each(fitCases)(
    'shipped scene $scene.id keeps $id clear of the card at $viewport.width×$viewport.height',
    ({ scene, id, viewport }) => {
      const { camera } = sceneMapState(scene, viewport, FRAMES);
      const box = screenRect(FRAMES.get(id)!, camera, viewport);
      expect(onMap(box, viewport) && !overlaps(box, sceneCardRect(viewport))).toBe(true);
    },
  );
});

describe('transitionDuration', () => {
  const kabul: Camera = { lon: 69.18, lat: 34.53, zoom: 5 };

  test.each<[Camera, Camera]>([
    [kabul, kabul],
    [kabul, { lon: 105, lat: 35, zoom: 3.5 }],
    [
      { lon: -100, lat: 40, zoom: 2 },
      { lon: 120, lat: -30, zoom: 9 },
    ],
  ])('is 0 with reduced motion (%#)', (from, to) => {
    expect(transitionDuration(from, to, true)).toBe(0);
  });

  test('gives a camera that stays the shortest transition, for the date to ease', () => {
    expect(transitionDuration(kabul, kabul, false)).toBe(TRANSITION_MS.min);
  });

  test('grows with the distance', () => {
    const durations = [0, 1, 2, 4, 8, 16, 32, 64].map((east) =>
      transitionDuration(kabul, { ...kabul, lon: kabul.lon + east }, false),
    );
    expect(durations).toEqual([...durations].sort((a, b) => a - b));
    expect(new Set(durations).size).toBe(durations.length);
  });

  test('grows with the change of zoom', () => {
    const durations = [0, 0.5, 1, 2, 3, 4].map((dz) =>
      transitionDuration(kabul, { ...kabul, zoom: kabul.zoom - dz }, false),
    );
    expect(new Set(durations).size).toBe(durations.length);
    expect(durations).toEqual([...durations].sort((a, b) => a - b));
  });

  test.each<{ name: string; to: Camera; range: [number, number] }>([
    { name: 'a nudge', to: { lon: 69.6, lat: 34.5, zoom: 5 }, range: [900, 1000] },
    { name: 'to Pakistan', to: { lon: 70, lat: 30, zoom: 5.5 }, range: [900, 1500] },
    { name: 'to China', to: { lon: 105, lat: 35, zoom: 3.5 }, range: [2000, 2800] },
    { name: 'to Washington', to: { lon: -77, lat: 38.9, zoom: 4 }, range: [2700, 2800] },
  ])('takes $range ms from Kabul $name', ({ to, range }) => {
    const ms = transitionDuration(kabul, to, false);
    expect(ms).toBeGreaterThanOrEqual(range[0]);
    expect(ms).toBeLessThanOrEqual(range[1]);
  });

  test('is the same both ways', () => {
    const china: Camera = { lon: 105, lat: 35, zoom: 3.5 };
    expect(transitionDuration(kabul, china, false)).toBe(transitionDuration(china, kabul, false));
  });
});

describe('easeInOut', () => {
  test.each([
    [-1, 0],
    [0, 0],
    [0.5, 0.5],
    [1, 1],
    [2, 1],
  ])('at %d is %d', (t, expected) => {
    expect(easeInOut(t)).toBeCloseTo(expected, 12);
  });

  test('starts and ends slowly', () => {
    expect([easeInOut(0.1), 1 - easeInOut(0.9)]).toEqual([
      expect.closeTo(0.004, 9),
      expect.closeTo(0.004, 9),
    ]);
  });
});

describe('easedDay', () => {
  test.each([
    { from: '2023-01-01', to: '2023-01-31', t: 0, expected: '2023-01-01' },
    { from: '2023-01-01', to: '2023-01-31', t: 1, expected: '2023-01-31' },
    { from: '2023-01-01', to: '2023-01-31', t: 0.5, expected: '2023-01-16' },
    { from: '2025-07-03', to: '2021-08-15', t: 1, expected: '2021-08-15' },
    { from: '2025-07-03', to: '2021-08-15', t: 0, expected: '2025-07-03' },
    { from: '2024-02-28', to: '2024-03-01', t: 0.5, expected: '2024-02-29' },
    { from: '2023-05-05', to: '2023-05-05', t: 0.7, expected: '2023-05-05' },
    { from: '2023-01-01', to: '2023-01-31', t: 1.5, expected: '2023-01-31' },
  ])('from $from to $to at $t is $expected', ({ from, to, t, expected }) => {
    expect(easedDay(from, to, t)).toBe(expected);
  });

  test.each([
    { from: '2021-08-15', to: '2025-07-03' },
    { from: '2025-07-03', to: '2021-08-15' },
  ])('moves one way only from $from to $to', ({ from, to }) => {
    const days = Array.from({ length: 101 }, (_, i) => easedDay(from, to, i / 100));
    const sorted = [...days].sort();
    expect(days).toEqual(from < to ? sorted : sorted.reverse());
  });
});

describe('a scene’s sources', () => {
  const { dataset } = shippedAtlas();
  test('each cited source once, in the order the scene first cites it', () => {
    const scene = dataset.scenes.find((s) => new Set(s.cites.map((c) => c.source)).size > 1)!;
    const firstCited = [...new Set(scene.cites.map((c) => c.source))];
    expect(sceneSources(scene, dataset.sources).map((s) => s.id)).toEqual(firstCited);
  });

  test('no scene, no sources', () => {
    expect(sceneSources(null, dataset.sources)).toEqual([]);
  });
});
