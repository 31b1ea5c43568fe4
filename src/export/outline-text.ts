/**
 * Text as outlines (see `TextOutliner` in src/lib/svg-export.ts): the app's Noto Sans shaped by
 * fontkit, with the fonts' own kerning and ligatures, as a browser sets the same `<text>`, a line
 * split into runs by the script cut that has its characters. The same in the browser (the Export
 * dialog, the files fetched from the app) and in Node (the command line, read from disk).
 */
import bidiFactory from 'bidi-js';
import { create, type Font, type PathCommand } from 'fontkit';
import type { TextOutliner } from '../lib/svg-export.ts';
import { unicodeRanges } from '../lib/svg-fonts.ts';

/** A font file in one weight, the characters it covers (a CSS unicode-range), and its bytes. */
export interface OutlineFace {
  weight: number;
  unicodeRange: string;
  /** A WOFF2 file, as the SVG with fonts embeds it (or WOFF, TrueType, OpenType). */
  bytes: Uint8Array;
}

const bidi = bidiFactory();
/** The directional isolates and their end: U+2066–2069. */
const ISOLATES = /[\u2066-\u2069]/;

/** The faces opened for shaping: each with the code points it covers. */
function openFaces(faces: readonly OutlineFace[]) {
  const fonts = faces.map((face) => ({
    weight: face.weight,
    ranges: unicodeRanges(face.unicodeRange),
    font: create(face.bytes),
  }));
  if (fonts.length === 0) throw new Error('Text as outlines needs at least one font file.');
  /** The cut with the character in the weight asked for; else in any weight; else the first. */
  const fontFor = (codePoint: number, weight: number): Font => {
    const covers = (f: (typeof fonts)[number]) =>
      f.ranges.some(([lo, hi]) => codePoint >= lo && codePoint <= hi);
    return (
      fonts.find((f) => f.weight === weight && covers(f)) ??
      fonts.find(covers) ??
      fonts.find((f) => f.weight === weight) ??
      fonts[0]!
    ).font;
  };
  /**
   * A line shaped run by run, in visual order: each run in the cut that has its characters and in
   * its direction (the Unicode bidirectional algorithm, `bidi-js`), so an Arabic line with Latin
   * names and digits in it reads as a browser sets it. fontkit lays a right-to-left run out in
   * visual order itself; the runs are put in visual order here.
   */
  const shape = (line: string, size: number, weight: number) => {
    const embedding = bidi.getEmbeddingLevels(line);
    const mirrored = bidi.getMirroredCharactersMap(line, embedding.levels);
    const runs: { font: Font; text: string; level: number }[] = [];
    let at = 0;
    for (const char of line) {
      const level = embedding.levels[at]!;
      const shown = mirrored.get(at) ?? char;
      at += char.length;
      // Isolates (FSI, PDI…) direct the algorithm and draw nothing.
      if (ISOLATES.test(char)) continue;
      const font = fontFor(char.codePointAt(0)!, weight);
      const last = runs.at(-1);
      if (last && last.font === font && last.level === level) last.text += shown;
      else runs.push({ font, text: shown, level });
    }
    // The bidirectional algorithm's rule L2: from the highest level down to the lowest odd one,
    // every stretch of runs at that level or higher is reversed.
    const highest = Math.max(0, ...runs.map((r) => r.level));
    const lowestOdd = Math.min(...runs.map((r) => (r.level % 2 === 1 ? r.level : Infinity)));
    for (let level = highest; level >= lowestOdd; level--) {
      for (let i = 0; i < runs.length;) {
        if (runs[i]!.level < level) {
          i++;
          continue;
        }
        let j = i;
        while (j < runs.length && runs[j]!.level >= level) j++;
        runs.splice(i, j - i, ...runs.slice(i, j).reverse());
        i = j;
      }
    }
    return runs.map(({ font, text, level }) => ({
      scale: size / font.unitsPerEm,
      ...font.layout(text, undefined, undefined, undefined, level % 2 === 1 ? 'rtl' : 'ltr'),
    }));
  };
  const widthOf = (shaped: ReturnType<typeof shape>) =>
    shaped.reduce(
      (sum, run) => sum + run.positions.reduce((w, p) => w + p.xAdvance * run.scale, 0),
      0,
    );
  return { shape, widthOf };
}

/**
 * Measures text as the fonts set it, shaped (Arabic joined), for the command line, where there is
 * no canvas: the width in pixels of a line at `size` in `weight`.
 */
export function textMeasurer(
  faces: readonly OutlineFace[],
): (text: string, font: { size: number; weight: 400 | 700 }) => number {
  const { shape, widthOf } = openFaces(faces);
  return (text, { size, weight }) => widthOf(shape(text, size, weight));
}

export function textOutliner(faces: readonly OutlineFace[]): TextOutliner {
  const { shape, widthOf } = openFaces(faces);
  return (line, { x, baseline, size, weight, anchor }) => {
    const shaped = shape(line, size, weight);
    const width = widthOf(shaped);
    let pen = anchor === 'middle' ? x - width / 2 : anchor === 'end' ? x - width : x;
    let d = '';
    for (const { glyphs, positions, scale } of shaped) {
      glyphs.forEach((glyph, i) => {
        const { xAdvance, xOffset, yOffset } = positions[i]!;
        // Font units have y up; the picture's pixels, y down.
        const path = glyph.path
          .scale(scale, -scale)
          .translate(pen + xOffset * scale, baseline - yOffset * scale);
        d += compactPathData(path.commands);
        pen += xAdvance * scale;
      });
    }
    return d;
  };
}

/** A tenth of a pixel: finer than a screen or a print shows a glyph's edge. */
const round = (v: number) => Math.round(v * 10) / 10;
/** A number as short as SVG reads it: `0.5` as `.5`, `-0.5` as `-.5`. */
const short = (v: number) => String(round(v) || 0).replace(/^(-?)0\./, '$1.');

/** Numbers one after another, spaced only where the next would run into the last. */
function joined(numbers: readonly string[], after = ''): string {
  let out = '';
  let last = after;
  for (const n of numbers) {
    const needsSpace =
      last !== '' &&
      /[\d.]$/.test(last) &&
      (/^\d/.test(n) || (n.startsWith('.') && !last.includes('.')));
    out += (needsSpace ? ' ' : '') + n;
    last = n;
  }
  return out;
}

/**
 * A path's `d` as short as SVG allows: every point relative to the last (glyphs are small, their
 * numbers short), to a tenth of a pixel, a command's letter written once for a run of the same.
 * Under a third of the size of opentype.js's own `toPathData(2)`.
 */
export function compactPathData(commands: readonly PathCommand[]): string {
  let out = '';
  let letter = '';
  let lastNumber = '';
  // Where the pen is, as the file's reader rounds it: each step is measured from there, so the
  // rounding does not add up along a contour.
  let [x, y] = [0, 0];
  let [startX, startY] = [0, 0];
  const write = (next: string, points: readonly (readonly [number, number])[]) => {
    const numbers = points.flatMap(([px, py]) => {
      const step = [short(round(px) - x), short(round(py) - y)];
      return step;
    });
    // Each pair relative to the pen before the command, as SVG reads it.
    if (next === letter) out += joined(numbers, lastNumber);
    else out += next + joined(numbers);
    letter = next;
    lastNumber = numbers.at(-1) ?? '';
  };
  for (const { command, args } of commands) {
    if (command === 'closePath') {
      out += 'z';
      letter = 'z';
      lastNumber = '';
      [x, y] = [startX, startY];
      continue;
    }
    const points: [number, number][] = [];
    for (let i = 0; i < args.length; i += 2) points.push([args[i]!, args[i + 1]!]);
    // The first move absolute: paths are joined (glyphs, lines), and a relative one would start
    // from wherever the last left the pen.
    if (command === 'moveTo' && out === '') {
      [x, y] = [0, 0];
      write('M', points);
    } else if (command === 'moveTo') write('m', points);
    else if (command === 'lineTo') write('l', points);
    else if (command === 'quadraticCurveTo') write('q', points);
    else write('c', points);
    const [ex, ey] = points.at(-1)!;
    [x, y] = [round(ex), round(ey)];
    if (command === 'moveTo') [startX, startY] = [x, y];
  }
  return out;
}
