import { describe, expect, test } from 'vitest';
import {
  fitBounds,
  MAX_LATITUDE,
  project,
  unionBounds,
  unproject,
  worldSize,
  type Bounds,
  type CenterZoom,
  type Padding,
  type Size,
} from '../../src/lib/viewport.ts';

const AFG: Bounds = [
  [60.484809696193935, 29.390311165598305],
  [74.89229784595693, 38.455864078219065],
];
const AFG_CHN: Bounds = [
  [60.484809696193935, 20.262261143660368],
  [134.75429508590173, 53.54544391669083],
];
const QAT: Bounds = [
  [50.757415148302954, 24.564145501660022],
  [51.607032140642815, 26.154349727619547],
];

/** Where the bounds' corners land on screen for a camera at bearing 0, in CSS pixels. */
function screenBox(bounds: Bounds, camera: CenterZoom, viewport: Size) {
  const [cx, cy] = project([camera.lon, camera.lat], camera.zoom);
  const [x0, y0] = project([bounds[0][0], bounds[1][1]], camera.zoom);
  const [x1, y1] = project([bounds[1][0], bounds[0][1]], camera.zoom);
  return {
    left: x0 - cx + viewport.width / 2,
    top: y0 - cy + viewport.height / 2,
    right: x1 - cx + viewport.width / 2,
    bottom: y1 - cy + viewport.height / 2,
  };
}

describe('project', () => {
  test.each([
    { at: [0, 0], zoom: 0, expected: [256, 256] },
    { at: [-180, MAX_LATITUDE], zoom: 0, expected: [0, 0] },
    { at: [180, -MAX_LATITUDE], zoom: 0, expected: [512, 512] },
    { at: [0, 0], zoom: 2, expected: [1024, 1024] },
    { at: [90, 0], zoom: 1, expected: [768, 512] },
  ])('puts $at at zoom $zoom at $expected world pixels', ({ at, zoom, expected }) => {
    const [x, y] = project(at as [number, number], zoom);
    expect(x).toBeCloseTo(expected[0]!, 3);
    expect(y).toBeCloseTo(expected[1]!, 3);
  });

  test.each([89.9, 90])('clamps latitude %d° to the top of the world', (lat) => {
    expect(project([10, lat], 3)).toEqual(project([10, MAX_LATITUDE], 3));
  });

  test('doubles the world with each zoom level', () => {
    expect(worldSize(3) / worldSize(2)).toBe(2);
  });
});

describe('unproject', () => {
  test.each([
    [0, 0, 0],
    [69.1776, 34.5553, 5.5],
    [-74.006, 40.7128, 3],
    [134.75, -53.5, 1.25],
    [-179.9, 85, 0],
  ])('undoes project for [%d, %d] at zoom %d', (lon, lat, zoom) => {
    const [l, p] = unproject(project([lon, lat], zoom), zoom);
    expect(l).toBeCloseTo(lon, 9);
    expect(p).toBeCloseTo(lat, 9);
  });
});

describe('unionBounds', () => {
  test.each<{ list: Bounds[]; expected: Bounds | null }>([
    { list: [], expected: null },
    { list: [AFG], expected: AFG },
    {
      list: [
        [
          [60, 29],
          [75, 38],
        ],
        [
          [73, 18],
          [135, 53],
        ],
      ],
      expected: [
        [60, 18],
        [135, 53],
      ],
    },
    {
      list: [
        [
          [-10, -40],
          [0, -30],
        ],
        [
          [5, 10],
          [6, 11],
        ],
        [
          [-20, 0],
          [-15, 5],
        ],
      ],
      expected: [
        [-20, -40],
        [6, 11],
      ],
    },
  ])('of $list.length bounds is $expected', ({ list, expected }) => {
    expect(unionBounds(list)).toEqual(expected);
  });
});

describe('fitBounds', () => {
  // Reference cameras from MapLibre itself: maplibre-gl 5.24.1's `map.cameraForBounds(bounds,
  // { padding, maxZoom })` on a map of the given size, run once in headless Chromium
  // (/usr/bin/chromium through Playwright, a throwaway script) and copied here.
  test.each<{
    name: string;
    bounds: Bounds;
    viewport: Size;
    padding: Padding;
    maxZoom?: number;
    maplibre: CenterZoom;
  }>([
    {
      name: 'Afghanistan beside a side panel, at the zoom limit',
      bounds: AFG,
      viewport: { width: 1280, height: 720 },
      padding: { top: 20, right: 420, bottom: 20, left: 20 },
      maxZoom: 5,
      maplibre: { lon: 72.08308502107542, lat: 34.04407720269381, zoom: 5 },
    },
    {
      name: 'China and Afghanistan beside a card on the left',
      bounds: AFG_CHN,
      viewport: { width: 1920, height: 1080 },
      padding: { top: 64, right: 24, bottom: 64, left: 520 },
      maxZoom: 5.5,
      maplibre: { lon: 84.233773047554, lat: 38.80886482361416, zoom: 3.7034201741757022 },
    },
    {
      name: 'China and Afghanistan above a card on a phone',
      bounds: AFG_CHN,
      viewport: { width: 390, height: 844 },
      padding: { top: 64, right: 24, bottom: 430, left: 24 },
      maxZoom: 5.5,
      maplibre: { lon: 97.61955239104782, lat: 2.428466543845346, zoom: 1.695007934359502 },
    },
    {
      name: "the atlas's default view of the region",
      bounds: [
        [-12, 2],
        [128, 62],
      ],
      viewport: { width: 1280, height: 800 },
      padding: { top: 20, right: 20, bottom: 20, left: 20 },
      maxZoom: 10,
      maplibre: { lon: 58, lat: 37.726871934615275, zoom: 2.638694484658946 },
    },
    {
      name: 'a tall box across the equator, padding on every side different',
      bounds: [
        [-10, -40],
        [50, 70],
      ],
      viewport: { width: 800, height: 600 },
      padding: { top: 10, right: 30, bottom: 50, left: 70 },
      maplibre: { lon: 14.698390083809329, lat: 21.997409137249434, zoom: 1.4073506682545445 },
    },
    {
      name: 'Qatar, small, no padding',
      bounds: QAT,
      viewport: { width: 1024, height: 768 },
      padding: { top: 0, right: 0, bottom: 0, left: 0 },
      maplibre: { lon: 51.18222364447291, lat: 25.36186265080778, zoom: 8.261356703974768 },
    },
  ])('agrees with MapLibre: $name', ({ bounds, viewport, padding, maxZoom, maplibre }) => {
    const camera = fitBounds(bounds, viewport, padding, { maxZoom });
    expect(Math.abs(camera.zoom - maplibre.zoom)).toBeLessThan(1e-3);
    expect(Math.abs(camera.lon - maplibre.lon)).toBeLessThan(1e-4);
    expect(Math.abs(camera.lat - maplibre.lat)).toBeLessThan(1e-4);
  });

  test.each<{ viewport: Size; padding: Padding }>([
    {
      viewport: { width: 1920, height: 1080 },
      padding: { top: 64, right: 24, bottom: 64, left: 520 },
    },
    {
      viewport: { width: 390, height: 844 },
      padding: { top: 64, right: 24, bottom: 430, left: 24 },
    },
    { viewport: { width: 1080, height: 1080 }, padding: { top: 0, right: 0, bottom: 0, left: 0 } },
  ])(
    'fills the padded area of $viewport.width×$viewport.height along one side and stays inside it',
    ({ viewport, padding }) => {
      const box = screenBox(AFG_CHN, fitBounds(AFG_CHN, viewport, padding), viewport);
      const eps = 1e-6;
      expect(box.left).toBeGreaterThanOrEqual(padding.left - eps);
      expect(box.right).toBeLessThanOrEqual(viewport.width - padding.right + eps);
      expect(box.top).toBeGreaterThanOrEqual(padding.top - eps);
      expect(box.bottom).toBeLessThanOrEqual(viewport.height - padding.bottom + eps);
      const slack = Math.min(
        viewport.width - padding.left - padding.right - (box.right - box.left),
        viewport.height - padding.top - padding.bottom - (box.bottom - box.top),
      );
      expect(slack).toBeCloseTo(0, 6);
    },
  );

  test.each([
    { options: { maxZoom: 4 }, expected: 4 },
    { options: { minZoom: 9 }, expected: 9 },
    { options: { minZoom: 0, maxZoom: 10 }, expected: 8.261356703974768 },
  ])('clamps the zoom with $options', ({ options, expected }) => {
    const camera = fitBounds(
      QAT,
      { width: 1024, height: 768 },
      { top: 0, right: 0, bottom: 0, left: 0 },
      options,
    );
    expect(camera.zoom).toBeCloseTo(expected, 9);
  });

  test('zooms to maxZoom on a single point', () => {
    const point: Bounds = [
      [69.18, 34.53],
      [69.18, 34.53],
    ];
    const camera = fitBounds(
      point,
      { width: 800, height: 600 },
      { top: 10, right: 10, bottom: 10, left: 10 },
      { maxZoom: 7 },
    );
    expect(camera).toEqual({
      lon: expect.closeTo(69.18, 9),
      lat: expect.closeTo(34.53, 9),
      zoom: 7,
    });
  });

  test.each<{ viewport: Size; padding: Padding }>([
    {
      viewport: { width: 1280, height: 720 },
      padding: { top: 20, right: 20, bottom: 20, left: 2000 },
    },
    {
      viewport: { width: 300, height: 200 },
      padding: { top: 150, right: 0, bottom: 150, left: 0 },
    },
    { viewport: { width: 0, height: 0 }, padding: { top: 40, right: 40, bottom: 40, left: 40 } },
    {
      viewport: { width: 500, height: 500 },
      padding: { top: 250, right: 250, bottom: 250, left: 250 },
    },
  ])(
    'returns a camera when the padding of $padding leaves no room in $viewport.width×$viewport.height',
    ({ viewport, padding }) => {
      const camera = fitBounds(AFG, viewport, padding, { minZoom: 0, maxZoom: 10 });
      expect([camera.lon, camera.lat, camera.zoom].every(Number.isFinite)).toBe(true);
    },
  );

  test('shrinks padding that leaves no room in proportion, keeping the bounds on screen', () => {
    const viewport = { width: 1280, height: 720 };
    const camera = fitBounds(AFG, viewport, { top: 20, right: 500, bottom: 20, left: 1500 });
    const box = screenBox(AFG, camera, viewport);
    // 10% of the width is left, split 3:1 the way the padding was: 1500/2000 of 1152 on the left.
    expect(box.left).toBeCloseTo(864, 6);
    expect(box.right).toBeCloseTo(992, 6);
  });
});
