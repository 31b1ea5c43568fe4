/**
 * Every level's fill stands out from the land and the sea around it, in both map themes, by at
 * least 3:1 (WCAG 1.4.11, non-text contrast), while the levels keep their order and stay apart
 * from each other and from the motive colours. The colours come from the shipped levels through
 * the themes, as the map and the exports draw them.
 */
import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { differenceCiede2000, parse, type Color } from 'culori';
import { readDatasetFolder, REPO_ROOT } from '../../scripts/dataset-files.ts';
import {
  blend,
  contrastRatio,
  hexOfLab,
  labOfHex,
  relativeLuminance,
} from '../../src/lib/colour.ts';
import { MOTIVE_COLORS } from '../../src/lib/palette.ts';
import { MOTIVE_CATEGORIES, type Levels } from '../../src/lib/schema.ts';
import { MAP_THEMES, onDarkMap, type ThemeName } from '../../src/lib/style.ts';

/** WCAG 1.4.11: graphics a reader needs to understand the content. */
const MIN_CONTRAST = 3;
/** Levels side by side on the map are told apart at a glance (2.3 is "just noticeable"). */
const MIN_LEVEL_DELTA_E = 10;
/** As palette.test.ts asks of motives against the light fills. */
const MIN_MOTIVE_DELTA_E = 20;

const shipped = JSON.parse(readDatasetFolder(join(REPO_ROOT, 'data'))['levels.json']!) as Levels;
const THEMES: ThemeName[] = ['light', 'dark'];
const deltaE = differenceCiede2000();
const colour = (hex: string): Color => parse(hex)!;

describe('colour arithmetic', () => {
  test.each([
    { a: '#000000', b: '#ffffff', ratio: 21 },
    { a: '#ffffff', b: '#ffffff', ratio: 1 },
    // WebAIM's checker: #767676 on white is the lightest grey with 4.5:1.
    { a: '#767676', b: '#ffffff', ratio: 4.54 },
    { a: '#ffffff', b: '#767676', ratio: 4.54 },
  ])('contrast of $a and $b is $ratio', ({ a, b, ratio }) => {
    expect(contrastRatio(a, b)).toBeCloseTo(ratio, 2);
  });

  test.each([
    { color: '#000000', luminance: 0 },
    { color: '#ffffff', luminance: 1 },
    { color: '#ff0000', luminance: 0.2126 },
    { color: '#808080', luminance: 0.2159 },
  ])('relative luminance of $color is $luminance', ({ color, luminance }) => {
    expect(relativeLuminance(color)).toBeCloseTo(luminance, 4);
  });

  test.each([
    { color: '#000000', ground: '#ffffff', opacity: 0.2, seen: '#cccccc' },
    { color: '#000000', ground: '#ffffff', opacity: 1, seen: '#000000' },
    { color: '#ff0000', ground: '#0000ff', opacity: 0.5, seen: '#800080' },
  ])('$color at $opacity over $ground is $seen', ({ color, ground, opacity, seen }) => {
    expect(blend(color, ground, opacity)).toBe(seen);
  });

  test.each(['#03344a', '#6c5b7b', '#f3f6f8', '#0e1217', '#e6ae00'])(
    '%s comes back from CIELAB unchanged',
    (hex) => {
      expect(hexOfLab(labOfHex(hex))).toBe(hex);
    },
  );
});

describe('level fills against land and sea', () => {
  const cases = THEMES.flatMap((theme) => {
    const t = MAP_THEMES[theme];
    const levels = t.levels(shipped);
    const grounds = { land: t.noData(shipped), sea: t.ocean };
    return levels.levels.flatMap((level) =>
      (['land', 'sea'] as const).map((ground) => ({
        theme,
        level: level.label,
        fill: level.color,
        ground,
        behind: grounds[ground],
      })),
    );
  });

  test.each(cases)(
    '$level ($fill) on the $theme map keeps 3:1 against the $ground ($behind)',
    ({ fill, behind }) => {
      expect(contrastRatio(fill, behind)).toBeGreaterThanOrEqual(MIN_CONTRAST);
    },
  );

  test('the themes agree on the land colour', () => {
    for (const theme of THEMES) {
      const t = MAP_THEMES[theme];
      expect(t.levels(shipped).noData.color).toBe(t.noData(shipped));
      expect(t.levels(shipped).focus.color).toBe(t.focus(shipped));
    }
  });
});

describe('levels stay ordered and apart', () => {
  // The closer levels form one scale (one hue family); isolation is its own hue, apart.
  const scale = [...shipped.levels].filter((l) => l.rank >= 2).sort((a, b) => b.rank - a.rank);

  test.each(THEMES)(
    'on the %s map, the scale runs in lightness from the closest level',
    (theme) => {
      const colors = MAP_THEMES[theme].levels({ ...shipped, levels: scale }).levels;
      const lightness = colors.map((l) => labOfHex(l.color)[0]);
      const sorted = [...lightness].sort((a, b) => (theme === 'light' ? a - b : b - a));
      expect(lightness).toEqual(sorted);
    },
  );

  const pairs = THEMES.flatMap((theme) => {
    const levels = MAP_THEMES[theme].levels(shipped).levels;
    return levels.flatMap((a, i) =>
      levels.slice(i + 1).map((b) => ({ theme, a: a.label, b: b.label, ca: a.color, cb: b.color })),
    );
  });
  test.each(pairs)('on the $theme map, $a and $b stay apart', ({ ca, cb }) => {
    expect(deltaE(colour(ca), colour(cb))).toBeGreaterThanOrEqual(MIN_LEVEL_DELTA_E);
  });

  const motiveCases = MOTIVE_CATEGORIES.flatMap((category) =>
    MAP_THEMES.dark
      .levels(shipped)
      .levels.map((l) => ({ category, level: l.label, fill: l.color })),
  );
  test.each(motiveCases)(
    'the $category arc stands apart from $level on the dark map',
    ({ category, fill }) => {
      expect(deltaE(colour(MOTIVE_COLORS[category]), colour(fill))).toBeGreaterThanOrEqual(
        MIN_MOTIVE_DELTA_E,
      );
    },
  );
});

describe('onDarkMap', () => {
  test.each([
    // The light map's darkest and lightest allowed levels become the dark map's brightest and dimmest.
    { light: '#000000', lightness: 94 },
    { light: hexOfLab([52, 0, 0]), lightness: 50 },
    { light: hexOfLab([26, 0, 0]), lightness: 72 },
  ])('turns lightness over: $light becomes L* $lightness', ({ light, lightness }) => {
    expect(labOfHex(onDarkMap(light))[0]).toBeCloseTo(lightness, 0);
  });

  test('keeps the hue', () => {
    const [, a, b] = labOfHex('#006d63');
    const [, a2, b2] = labOfHex(onDarkMap('#006d63'));
    expect(Math.atan2(b2, a2)).toBeCloseTo(Math.atan2(b, a), 1);
  });
});
