import { describe, expect, test } from 'vitest';
import {
  DEFAULT_VIEW_MARGIN,
  defaultView,
  overlayPadding,
  selectionBounds,
  selectionCamera,
  selectionPadding,
  SELECTION_MARGIN as M,
  SELECTION_MAX_ZOOM,
} from '../../src/lib/framing.ts';
import { REGION_BOUNDS } from '../../src/lib/scene-view.ts';
import { project, type Bounds, type Padding, type Size } from '../../src/lib/viewport.ts';

const DESKTOP: Size = { width: 1280, height: 623 };
const PHONE: Size = { width: 375, height: 520 };

describe('overlayPadding', () => {
  test.each([
    ['nothing over the map', DESKTOP, [], { top: M, right: M, bottom: M, left: M }],
    [
      'a side panel takes a column on the right',
      DESKTOP,
      [{ x: 880, y: 0, width: 400, height: 623 }],
      { top: M, right: 400 + M, bottom: M, left: M },
    ],
    [
      'a bottom sheet takes a band at the bottom',
      PHONE,
      [{ x: 0, y: 260, width: 375, height: 260 }],
      { top: M, right: M, bottom: 260 + M, left: M },
    ],
    [
      'a key in the bottom-left corner takes the cheaper strip (a column here)',
      DESKTOP,
      [{ x: 12, y: 400, width: 220, height: 211 }],
      { top: M, right: M, bottom: M, left: 232 + M },
    ],
    [
      'a wide, short notice at the top takes a band',
      DESKTOP,
      [{ x: 300, y: 10, width: 600, height: 40 }],
      { top: 50 + M, right: M, bottom: M, left: M },
    ],
    [
      'each edge keeps the widest cut of the overlays on it',
      DESKTOP,
      [
        { x: 880, y: 0, width: 400, height: 623 },
        { x: 1241, y: 10, width: 29, height: 58 },
      ],
      { top: M, right: 400 + M, bottom: M, left: M },
    ],
    [
      'zoom buttons beside a side panel widen its column rather than take a band',
      DESKTOP,
      [
        { x: 841, y: 0, width: 39, height: 68 },
        { x: 880, y: 0, width: 400, height: 623 },
      ],
      { top: M, right: 439 + M, bottom: M, left: M },
    ],
    [
      'a smaller box pays only for the clear map it takes: a band beside a bottom sheet',
      PHONE,
      [
        { x: 336, y: 0, width: 39, height: 68 },
        { x: 0, y: 260, width: 375, height: 260 },
        { x: 0, y: 0, width: 200, height: 60 },
      ],
      { top: 68 + M, right: M, bottom: 260 + M, left: M },
    ],
    [
      'a box off the map covers nothing',
      DESKTOP,
      [{ x: 1300, y: 0, width: 100, height: 100 }],
      { top: M, right: M, bottom: M, left: M },
    ],
    [
      'a box partly off the map counts only where it covers it',
      DESKTOP,
      [{ x: 1180, y: -50, width: 200, height: 800 }],
      { top: M, right: 100 + M, bottom: M, left: M },
    ],
  ] as [string, Size, { x: number; y: number; width: number; height: number }[], Padding][])(
    '%s',
    (_, map, overlays, expected) => {
      expect(overlayPadding(map, overlays)).toEqual(expected);
    },
  );
});

describe('selectionBounds', () => {
  test('spans every point, the arcs’ bulge included', () => {
    expect(
      selectionBounds([
        [116.4, 39.9],
        [95, 47.2],
        [69.2, 34.5],
      ]),
    ).toEqual([
      [69.2, 34.5],
      [116.4, 47.2],
    ]);
  });
});

/** Where a place lands on the map, in CSS pixels from its top left, for a camera. */
function screenOf(
  [lon, lat]: [number, number],
  camera: { lon: number; lat: number; zoom: number },
  map: Size,
) {
  const [cx, cy] = project([camera.lon, camera.lat], camera.zoom);
  const [x, y] = project([lon, lat], camera.zoom);
  return { x: x - cx + map.width / 2, y: y - cy + map.height / 2 };
}

describe('selectionCamera', () => {
  const KABUL: [number, number] = [69.18, 34.53];
  const cases: [string, [number, number], Size, Padding][] = [
    [
      'Beijing, beside a desktop panel',
      [116.4, 39.9],
      DESKTOP,
      { top: M, right: 424, bottom: M, left: M },
    ],
    [
      'Washington, beside a desktop panel',
      [-77.04, 38.9],
      DESKTOP,
      { top: M, right: 424, bottom: M, left: M },
    ],
    [
      'Canberra, beside a desktop panel',
      [149.13, -35.28],
      DESKTOP,
      { top: M, right: 424, bottom: M, left: M },
    ],
    [
      'Islamabad, above a phone’s sheet',
      [73.05, 33.68],
      PHONE,
      { top: M, right: M, bottom: 284, left: M },
    ],
    [
      'Ottawa, above a phone’s sheet',
      [-75.7, 45.42],
      PHONE,
      { top: M, right: M, bottom: 284, left: M },
    ],
  ];
  test.each(cases)('%s: both ends lie in the clear part of the map', (_, capital, map, padding) => {
    const camera = selectionCamera(selectionBounds([capital, KABUL]), map, padding);
    for (const place of [capital, KABUL]) {
      const { x, y } = screenOf(place, camera, map);
      // Half a pixel: the camera is rounded to six decimals.
      expect(x).toBeGreaterThanOrEqual(padding.left - 0.5);
      expect(x).toBeLessThanOrEqual(map.width - padding.right + 0.5);
      expect(y).toBeGreaterThanOrEqual(padding.top - 0.5);
      expect(y).toBeLessThanOrEqual(map.height - padding.bottom + 0.5);
    }
  });

  test('a neighbour is not zoomed in past SELECTION_MAX_ZOOM', () => {
    const bounds: Bounds = selectionBounds([[73.05, 33.68], KABUL]);
    expect(selectionCamera(bounds, DESKTOP, overlayPadding(DESKTOP, [])).zoom).toBe(
      SELECTION_MAX_ZOOM,
    );
  });

  test('the relation sits in the middle of the clear part of the map', () => {
    const padding = overlayPadding(DESKTOP, [{ x: 880, y: 0, width: 400, height: 623 }]);
    const [[w, s], [e, n]] = selectionBounds([[116.4, 39.9], KABUL]);
    const camera = selectionCamera(
      [
        [w, s],
        [e, n],
      ],
      DESKTOP,
      padding,
    );
    const a = screenOf([w, n], camera, DESKTOP);
    const b = screenOf([e, s], camera, DESKTOP);
    expect((a.x + b.x) / 2).toBeCloseTo((padding.left + DESKTOP.width - padding.right) / 2, 0);
    expect((a.y + b.y) / 2).toBeCloseTo((padding.top + DESKTOP.height - padding.bottom) / 2, 0);
  });
});

describe('selectionPadding', () => {
  const KABUL: [number, number] = [69.18, 34.53];
  // An upright tablet's map (768×1024), as measured: the panel on the right, the key low in the
  // left corner, the zoom buttons beside the panel.
  const TABLET: Size = { width: 768, height: 727 };
  const TABLET_OVERLAYS = [
    { x: 368, y: 0, width: 400, height: 727 },
    { x: 12, y: 305, width: 216, height: 410 },
    { x: 329, y: 0, width: 39, height: 68 },
  ];
  /** Whether both ends lie in the clear part of the map, away from every overlay. */
  const clearOfAll = (capital: [number, number], map: Size, overlays: typeof TABLET_OVERLAYS) => {
    const bounds = selectionBounds([capital, KABUL]);
    const camera = selectionCamera(bounds, map, selectionPadding(bounds, map, overlays));
    return [capital, KABUL].every((place) => {
      const { x, y } = screenOf(place, camera, map);
      const onMap = x >= 0 && x <= map.width && y >= 0 && y <= map.height;
      const under = overlays.some(
        (b) => x >= b.x && x <= b.x + b.width && y >= b.y && y <= b.y + b.height,
      );
      return onMap && !under;
    });
  };

  test.each([
    ['Washington', [-77.04, 38.9]],
    ['Ottawa', [-75.7, 45.42]],
    ['Canberra', [149.13, -35.28]],
    ['Islamabad', [73.05, 33.68]],
    ['Beijing', [116.4, 39.9]],
  ] as [string, [number, number]][])(
    '%s and Kabul both show beside an upright tablet’s panel and key',
    (_, capital) => {
      expect(clearOfAll(capital, TABLET, TABLET_OVERLAYS)).toBe(true);
    },
  );

  test('Washington and Kabul take the column’s whole width: the zoom buttons cut as a band', () => {
    const bounds = selectionBounds([[-77.04, 38.9], KABUL]);
    expect(selectionPadding(bounds, TABLET, TABLET_OVERLAYS)).toEqual({
      top: 68 + M,
      right: 400 + M,
      bottom: TABLET.height - 305 + M,
      left: M,
    });
  });

  test('a relation that fits at the closest zoom keeps the usual cut', () => {
    const bounds = selectionBounds([[73.05, 33.68], KABUL]);
    expect(selectionPadding(bounds, TABLET, TABLET_OVERLAYS)).toEqual(
      overlayPadding(TABLET, TABLET_OVERLAYS),
    );
  });
});

describe('defaultView', () => {
  test.each([
    [{ width: 1280, height: 623 }],
    [{ width: 1280, height: 624 }],
    [{ width: 1920, height: 900 }],
    [{ width: 390, height: 573 }],
  ])('at %o the region fills the map, within the margin, and touches it on one axis', (map) => {
    const camera = defaultView(map);
    const [[w, s], [e, n]] = REGION_BOUNDS;
    const a = screenOf([w, n], camera, map);
    const b = screenOf([e, s], camera, map);
    const m = DEFAULT_VIEW_MARGIN;
    for (const p of [a, b]) {
      expect(p.x).toBeGreaterThanOrEqual(m - 0.5);
      expect(p.x).toBeLessThanOrEqual(map.width - m + 0.5);
      expect(p.y).toBeGreaterThanOrEqual(m - 0.5);
      expect(p.y).toBeLessThanOrEqual(map.height - m + 0.5);
    }
    const snug = Math.min(map.width - 2 * m - (b.x - a.x), map.height - 2 * m - (b.y - a.y));
    expect(snug).toBeCloseTo(0, 0);
  });
});
