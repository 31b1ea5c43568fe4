import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { REPO_ROOT } from '../../scripts/dataset-files.ts';
import { textOutliner, type OutlineFace } from '../../src/export/outline-text.ts';

const FILES = join(REPO_ROOT, 'node_modules/@fontsource/noto-sans/files');
const ranges = JSON.parse(
  readFileSync(join(REPO_ROOT, 'node_modules/@fontsource/noto-sans/unicode.json'), 'utf8'),
) as Record<string, string>;

/** The Latin and Latin Extended cuts of Noto Sans, regular and bold, as the export fetches them. */
const faces: OutlineFace[] = readdirSync(FILES).flatMap((name) => {
  const [, subset = '', weight = ''] =
    /^noto-sans-(latin|latin-ext)-(400|700)-normal\.woff2$/.exec(name) ?? [];
  if (!subset) return [];
  return [
    {
      weight: Number(weight),
      unicodeRange: ranges[subset]!,
      bytes: readFileSync(join(FILES, name)),
    },
  ];
});
const outline = textOutliner(faces);

/** Every point of a path's `d` (its ends and control points), in absolute coordinates. */
function points(d: string): [number, number][] {
  const out: [number, number][] = [];
  let [x, y, startX, startY] = [0, 0, 0, 0];
  for (const [, letter, body] of d.matchAll(/([MmLlQqCcZz])([^MmLlQqCcZz]*)/g)) {
    const n = [...body!.matchAll(/-?(?:\d+\.?\d*|\.\d+)/g)].map((m) => Number(m[0]));
    const relative = letter === letter!.toLowerCase();
    const size = { m: 2, l: 2, q: 4, c: 6, z: 0 }[letter!.toLowerCase() as 'm'];
    if (size === 0) {
      [x, y] = [startX, startY];
      continue;
    }
    for (let i = 0; i < n.length; i += size) {
      const group = n.slice(i, i + size);
      const [bx, by] = relative ? [x, y] : [0, 0];
      for (let k = 0; k < size; k += 2) out.push([bx + group[k]!, by + group[k + 1]!]);
      [x, y] = out.at(-1)!;
      if (i === 0 && letter!.toLowerCase() === 'm') [startX, startY] = [x, y];
    }
  }
  return out;
}

/** The horizontal extent of a path's points. */
function xExtent(d: string): [number, number] {
  const xs = points(d).map(([px]) => px);
  return [Math.min(...xs), Math.max(...xs)];
}

const at = { x: 100, baseline: 50, size: 20, weight: 400, anchor: 'start' as const };

describe('text as outlines', () => {
  test('a word is a path that starts where the text does', () => {
    const [left] = xExtent(outline('Kabul', at));
    expect(left).toBeGreaterThanOrEqual(100);
    expect(left).toBeLessThan(104);
  });

  test.each([
    ['middle', (l: number, r: number) => (l + r) / 2],
    ['end', (_l: number, r: number) => r],
  ] as const)('anchored at the %s, the word’s glyphs sit about x', (anchor, point) => {
    const [l, r] = xExtent(outline('Kabul', { ...at, anchor }));
    expect(Math.abs(point(l, r) - 100)).toBeLessThan(3);
  });

  test('bold is wider than regular', () => {
    const [l1, r1] = xExtent(outline('Afghanistan', at));
    const [l2, r2] = xExtent(outline('Afghanistan', { ...at, weight: 700 }));
    expect(r2 - l2).toBeGreaterThan(r1 - l1);
  });

  test('a letter of another cut (Latin Extended) gets its glyph, not a blank', () => {
    expect(outline('Ș', at)).not.toBe('');
  });

  test('kerning as the font has it: “AV” is narrower than its two letters side by side', () => {
    const width = (text: string) => {
      const [l, r] = xExtent(outline(text, at));
      return r - l;
    };
    expect(width('AV')).toBeLessThan(width('A') + width('V'));
  });

  test('a space alone draws nothing', () => {
    expect(outline(' ', at)).toBe('');
  });
});

describe('Arabic script, right to left', () => {
  const ARABIC = join(REPO_ROOT, 'node_modules/@fontsource/noto-sans-arabic/files');
  const arabicRange = (
    JSON.parse(
      readFileSync(
        join(REPO_ROOT, 'node_modules/@fontsource/noto-sans-arabic/unicode.json'),
        'utf8',
      ),
    ) as Record<string, string>
  )['arabic']!;
  const withArabic = textOutliner([
    ...faces,
    ...[400, 700].map((weight) => ({
      weight,
      unicodeRange: arabicRange,
      bytes: readFileSync(join(ARABIC, `noto-sans-arabic-arabic-${weight}-normal.woff2`)),
    })),
  ]);
  const at = { x: 100, baseline: 50, size: 20, weight: 400, anchor: 'start' } as const;
  const leftmost = (d: string) => Math.min(...points(d).map(([x]) => x));
  const rightmost = (d: string) => Math.max(...points(d).map(([x]) => x));

  test('draws the Pashto letters that have no presentation form', () => {
    expect(points(withArabic('ښځه', at)).length).toBeGreaterThan(10);
  });

  test('puts a line’s first word on the right', () => {
    // «کابل» then «لاهور»: in a right-to-left line the first word is the rightmost.
    const line = withArabic('کابل لاهور', at);
    const first = withArabic('کابل', at);
    const width = rightmost(line) - leftmost(line);
    // Drawn alone from the same start, the first word sits at the line's left; in the line, at
    // its right, a word's width further on.
    expect(leftmost(line)).toBeLessThan(leftmost(first) + 1);
    expect(rightmost(line)).toBeGreaterThan(rightmost(first) + width / 3);
  });

  test('keeps digits left to right inside a right-to-left line', () => {
    // «تر ۱۰» is set as «۱۰ تر»: the number first from the left, its digits in their order.
    const line = withArabic('تر ۱۰', at);
    const digits = withArabic('۱۰', at);
    expect(line.startsWith(digits)).toBe(true);
  });

  test('leaves a Latin line as it was', () => {
    expect(withArabic('Kabul, 2025', at)).toBe(outline('Kabul, 2025', at));
  });
});
