/**
 * The motive colours stay apart for every reader: under normal vision and under simulated
 * deuteranopia, protanopia and tritanopia (the Machado et al. 2009 simulations as culori
 * implements them, at full severity), and they stand apart from the fills the arcs cross.
 */
import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import {
  differenceCiede2000,
  filterDeficiencyDeuter,
  filterDeficiencyProt,
  filterDeficiencyTrit,
  parse,
  type Color,
} from 'culori';
import { readDatasetFolder, REPO_ROOT } from '../../scripts/dataset-files.ts';
import { MOTIVE_COLORS, MOTIVE_LABELS } from '../../src/lib/palette.ts';
import { MOTIVE_CATEGORIES, type Levels } from '../../src/lib/schema.ts';

/** A colour difference readers tell apart at a glance on a thin line; 2.3 is "just noticeable". */
const MIN_DELTA_E = 20;

const deltaE = differenceCiede2000();
const colour = (hex: string): Color => {
  const c = parse(hex);
  if (!c) throw new Error(`not a colour: ${hex}`);
  return c;
};

const visions: [string, (c: Color) => Color][] = [
  ['normal vision', (c) => c],
  ['deuteranopia', filterDeficiencyDeuter(1)],
  ['protanopia', filterDeficiencyProt(1)],
  ['tritanopia', filterDeficiencyTrit(1)],
];

const pairs = MOTIVE_CATEGORIES.flatMap((a, i) =>
  MOTIVE_CATEGORIES.slice(i + 1).map((b) => [a, b] as const),
);

const pairCases = visions.flatMap(([vision, simulate]) =>
  pairs.map(([a, b]) => ({ vision, simulate, a, b })),
);

describe('MOTIVE_COLORS', () => {
  test.each(pairCases)('$a and $b stay apart under $vision', ({ simulate, a, b }) => {
    const difference = deltaE(
      simulate(colour(MOTIVE_COLORS[a])),
      simulate(colour(MOTIVE_COLORS[b])),
    );
    expect(difference).toBeGreaterThanOrEqual(MIN_DELTA_E);
  });

  test.each(MOTIVE_CATEGORIES)('%s is a #rrggbb colour', (category) => {
    expect(MOTIVE_COLORS[category]).toMatch(/^#[0-9a-f]{6}$/);
  });

  // The fills an arc can cross: the shipped levels, no data, Afghanistan, and the ocean.
  const levels = JSON.parse(readDatasetFolder(join(REPO_ROOT, 'data'))['levels.json']!) as Levels;
  const fills = [
    ...levels.levels.map((l) => [l.label, l.color] as const),
    [levels.noData.label, levels.noData.color] as const,
    [levels.focus.label, levels.focus.color] as const,
    ['the ocean', '#f3f6f8'] as const,
  ];
  const fillCases = MOTIVE_CATEGORIES.flatMap((category) =>
    fills.map(([fill, hex]) => ({ category, fill, hex })),
  );

  test.each(fillCases)('$category stands apart from the fill of $fill', ({ category, hex }) => {
    expect(deltaE(colour(MOTIVE_COLORS[category]), colour(hex))).toBeGreaterThanOrEqual(
      MIN_DELTA_E,
    );
  });
});

describe('MOTIVE_LABELS', () => {
  test.each([
    { category: 'economic', label: 'Economic' },
    { category: 'security', label: 'Security' },
    { category: 'geopolitical', label: 'Geopolitical' },
  ] as const)('names $category "$label"', ({ category, label }) => {
    expect(MOTIVE_LABELS[category]).toBe(label);
  });
});
