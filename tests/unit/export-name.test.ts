import { describe, expect, test } from 'vitest';
import {
  checkExportSize,
  EXPORT_SCALES,
  EXPORT_SIZES,
  exportFileName,
  MAX_EXPORT_SIDE,
  parseSize,
  type ExportNameState,
} from '../../src/lib/export-name.ts';

const explore = (country: string | null, date = '2025-06-30'): ExportNameState => ({
  mode: 'explore',
  country,
  date,
});
const scene = (sceneNumber: number, sceneId?: string): ExportNameState => ({
  mode: 'present',
  country: null,
  date: '2023-12-01',
  sceneNumber,
  sceneId,
});
const SLIDES = { width: 1920, height: 1080 };

describe('exportFileName', () => {
  test.each([
    {
      state: explore('CHN'),
      size: SLIDES,
      scale: 2,
      format: 'png',
      expected: 'kabul-atlas_CHN_2025-06-30_1920x1080@2x.png',
    },
    {
      state: explore(null),
      size: { width: 1200, height: 675 },
      scale: 1,
      format: 'png',
      expected: 'kabul-atlas_2025-06-30_1200x675@1x.png',
    },
    {
      state: explore('un', '2021-08-15'),
      size: { width: 1080, height: 1080 },
      scale: 3,
      format: 'svg',
      expected: 'kabul-atlas_un_2021-08-15_1080x1080@3x.svg',
    },
    {
      state: scene(3, 'china-2023'),
      size: SLIDES,
      scale: 2,
      format: 'png',
      expected: 'kabul-atlas_scene-03-china-2023_1920x1080@2x.png',
    },
    {
      state: scene(12, 'pakistan-conflict'),
      size: { width: 1200, height: 628 },
      scale: 4,
      format: 'svg',
      expected: 'kabul-atlas_scene-12-pakistan-conflict_1200x628@4x.svg',
    },
    {
      state: scene(7),
      size: SLIDES,
      scale: 1,
      format: 'png',
      expected: 'kabul-atlas_scene-07_1920x1080@1x.png',
    },
    {
      state: scene(3, 'china-2023'),
      size: SLIDES,
      scale: 2,
      format: 'zip',
      expected: 'kabul-atlas_scenes_1920x1080@2x.zip',
    },
    {
      state: scene(3, 'china-2023'),
      size: SLIDES,
      scale: 1,
      format: 'pdf',
      expected: 'kabul-atlas_scenes_1920x1080@1x.pdf',
    },
    {
      state: explore('CHN'),
      size: SLIDES,
      scale: 2,
      format: 'zip',
      expected: 'kabul-atlas_scenes_1920x1080@2x.zip',
    },
    {
      // Presentation mode without a scene number falls back to the date.
      state: { mode: 'present', country: null, date: '2025-07-03' },
      size: SLIDES,
      scale: 1,
      format: 'png',
      expected: 'kabul-atlas_2025-07-03_1920x1080@1x.png',
    },
  ] as const)('is $expected', ({ state, size, scale, format, expected }) => {
    expect(exportFileName(state, size, scale, format)).toBe(expected);
  });

  test.each([
    { state: explore('western countries'), part: '_western-countries_' },
    { state: explore('../../etc/passwd'), part: '_etc-passwd_' },
    { state: explore('a/b\\c:d*e?f"g<h>i|j'), part: '_a-b-c-d-e-f-g-h-i-j_' },
    { state: explore('Türkiye'), part: '_T-rkiye_' },
    { state: explore('x_y@z'), part: '_x-y-z_' },
    { state: scene(2, 'the <script> scene'), part: '_scene-02-the-script-scene_' },
    { state: explore('%%%'), part: 'kabul-atlas_2025-06-30_' },
  ])('sanitises $state.country$state.sceneId into $part', ({ state, part }) => {
    expect(exportFileName(state, SLIDES, 2, 'png')).toContain(part);
  });

  test.each([
    explore('../../etc/passwd'),
    explore('a b\tc\nd'),
    explore('日本', '2025/06/30'),
    scene(1, 'é è ê'),
    explore(null, '..'),
  ])('uses only [A-Za-z0-9._@-] for %j', (state) => {
    expect(exportFileName(state, SLIDES, 2, 'svg')).toMatch(/^[A-Za-z0-9._@-]+$/);
  });
});

describe('parseSize', () => {
  test.each([
    { text: '1920x1080', expected: { width: 1920, height: 1080 } },
    { text: '1200X675', expected: { width: 1200, height: 675 } },
    { text: '1080 × 1080', expected: { width: 1080, height: 1080 } },
    { text: ' 800x1400 ', expected: { width: 800, height: 1400 } },
    { text: '0x0', expected: { width: 0, height: 0 } },
    { text: '1920', expected: null },
    { text: '1920x', expected: null },
    { text: 'x1080', expected: null },
    { text: '-1920x1080', expected: null },
    { text: '1920.5x1080', expected: null },
    { text: '1920x1080x2', expected: null },
    { text: 'wide', expected: null },
    { text: '', expected: null },
    { text: '1e3x1e3', expected: null },
  ])('reads "$text" as $expected', ({ text, expected }) => {
    expect(parseSize(text)).toEqual(expected);
  });
});

describe('checkExportSize', () => {
  test.each([
    { size: { width: 1920, height: 1080 }, scale: 4 },
    { size: { width: 2048, height: 2048 }, scale: 4 },
    { size: { width: 8192, height: 200 }, scale: 1 },
    { size: { width: 100, height: 100 }, scale: 2 },
    { size: { width: 1200, height: 628 }, scale: 1 },
  ])('accepts $size.width×$size.height at $scale x', ({ size, scale }) => {
    expect(checkExportSize(size, scale)).toBeNull();
  });

  test.each([
    {
      size: { width: 3000, height: 1080 },
      scale: 3,
      reason: /^Too large: .*9000 × 3240.*8192.*2730 px wide/,
    },
    { size: { width: 1080, height: 2049 }, scale: 4, reason: /^Too large: .*8196.*2048 px tall/ },
    { size: { width: 8193, height: 1000 }, scale: 1, reason: /^Too large/ },
    { size: { width: 199, height: 1080 }, scale: 1, reason: /^Too small: .*at least 200/ },
    { size: { width: 1080, height: 99 }, scale: 2, reason: /^Too small/ },
    { size: { width: 1920.5, height: 1080 }, scale: 1, reason: /whole numbers/ },
    { size: { width: 1920, height: Number.NaN }, scale: 1, reason: /whole numbers/ },
    {
      size: { width: 1920, height: 1080 },
      scale: 5,
      reason: /^Scale must be 1, 2, 3 or 4 \(got 5\)/,
    },
    { size: { width: 1920, height: 1080 }, scale: 1.5, reason: /^Scale must be/ },
  ])('refuses $size.width×$size.height at $scale x: $reason', ({ size, scale, reason }) => {
    expect(checkExportSize(size, scale)).toMatch(reason);
  });

  test.each([
    { size: { width: 3000, height: 1080 }, scale: 3 },
    { size: { width: 10, height: 10 }, scale: 1 },
    { size: { width: 1.5, height: 2 }, scale: 7 },
  ])('gives a one-line reason for $size.width×$size.height at $scale x', ({ size, scale }) => {
    expect(checkExportSize(size, scale)).toMatch(/^[^\n]+$/);
  });

  test('allows exactly MAX_EXPORT_SIDE after scale', () => {
    expect(checkExportSize({ width: MAX_EXPORT_SIDE / 4, height: 1000 }, 4)).toBeNull();
  });
});

describe('presets', () => {
  test('EXPORT_SIZES carry the dialog labels, in order', () => {
    expect(EXPORT_SIZES.map((s) => s.label)).toEqual([
      'Current view',
      '1920 × 1080 (slides)',
      '1200 × 675 (social)',
      '1080 × 1080 (square)',
      '1200 × 628 (link preview)',
      'Custom',
    ]);
  });

  test.each(EXPORT_SIZES.filter((s) => s.width !== null))(
    '$label is $width×$height, as its label says',
    ({ label, width, height }) => {
      expect(label.startsWith(`${width} × ${height} `)).toBe(true);
    },
  );

  test.each(['current', 'custom'])('%s has no fixed size', (id) => {
    const preset = EXPORT_SIZES.find((s) => s.id === id);
    expect([preset?.width, preset?.height]).toEqual([null, null]);
  });

  test.each(EXPORT_SIZES.filter((s) => s.width !== null))(
    '$label exports at every scale',
    ({ width, height }) => {
      const reasons = EXPORT_SCALES.map((scale) =>
        checkExportSize({ width: width ?? 0, height: height ?? 0 }, scale),
      );
      expect(reasons).toEqual(EXPORT_SCALES.map(() => null));
    },
  );

  test('EXPORT_SCALES are 1x to 4x', () => {
    expect(EXPORT_SCALES).toEqual([1, 2, 3, 4]);
  });
});
