import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, test } from 'vitest';
import {
  embedFonts,
  filesFor,
  fontFaceRules,
  textNeeds,
  unicodeRanges,
  type EmbeddedFont,
  type FontFile,
} from '../../src/lib/svg-fonts.ts';

// The ranges of @fontsource/noto-sans/unicode.json, as the export's catalogue reads them.
const LATIN =
  'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD';
const LATIN_EXT =
  'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF';
const CYRILLIC = 'U+0301,U+0400-045F,U+0490-0491,U+04B0-04B1,U+2116';

const file = (subset: string, weight: number, unicodeRange: string): FontFile => ({
  family: 'Noto Sans',
  weight,
  style: 'normal',
  unicodeRange,
  url: `/assets/noto-sans-${subset}-${weight}-normal.woff2`,
});
const FILES = [400, 700].flatMap((w) => [
  file('latin', w, LATIN),
  file('latin-ext', w, LATIN_EXT),
  file('cyrillic', w, CYRILLIC),
]);

describe('unicodeRanges', () => {
  test.each([
    [
      'U+0000-00FF,U+0131',
      [
        [0, 0xff],
        [0x131, 0x131],
      ],
    ],
    ['u+2000-206F', [[0x2000, 0x206f]]],
    ['U+4??', [[0x400, 0x4ff]]],
    [
      'U+0301, U+0400-045F',
      [
        [0x301, 0x301],
        [0x400, 0x45f],
      ],
    ],
    ['', []],
  ])('%s', (range, expected) => {
    expect(unicodeRanges(range)).toEqual(expected);
  });
});

describe('textNeeds', () => {
  test('the characters of every <text>, entities resolved', () => {
    const svg = '<svg><text><tspan>A&amp;B</tspan><tspan>&#x15E;&#305;</tspan></text></svg>';
    expect([...textNeeds(svg).codePoints].sort((a, b) => a - b)).toEqual(
      ['A', '&', 'B', 'Ş', 'ı'].map((c) => c.codePointAt(0)).sort((a, b) => a! - b!),
    );
  });

  test.each([
    ['<text>x</text>', [400]],
    ['<text font-weight="700">x</text><text>y</text>', [400, 700]],
    ['<text font-weight="600"><tspan>x</tspan></text>', [600]],
  ])('weights of %s', (svg, weights) => {
    expect([...textNeeds(`<svg>${svg}</svg>`).weights].sort()).toEqual(weights);
  });

  test('what is not drawn does not count', () => {
    const needs = textNeeds('<svg><title>Москва</title><desc>ж</desc><text>Kabul</text></svg>');
    expect([...needs.codePoints].some((p) => p >= 0x400 && p <= 0x4ff)).toBe(false);
  });
});

describe('filesFor', () => {
  const chosen = (svg: string) =>
    filesFor(textNeeds(`<svg>${svg}</svg>`), FILES).map((f) =>
      f.url.replace(/^.*sans-|-normal.*$/g, ''),
    );

  test.each([
    ['English', '<text>Kabul Engagement Atlas</text>', ['latin-400']],
    ['a name with ü, still latin', '<text>Türkiye</text>', ['latin-400']],
    ['Ş needs latin-ext', '<text>Şanlıurfa</text>', ['latin-400', 'latin-ext-400']],
    ['Cyrillic in bold', '<text font-weight="700">Москва</text>', ['cyrillic-700']],
    [
      'two weights',
      '<text>Kabul</text><text font-weight="700">Kabul</text>',
      ['latin-400', 'latin-700'],
    ],
    [
      'a weight the family lacks takes the nearest',
      '<text font-weight="600">Kabul</text>',
      ['latin-700'],
    ],
    ['no text, no fonts', '<rect/>', []],
  ])('%s', (_, svg, expected) => {
    expect(chosen(svg).sort()).toEqual(expected);
  });
});

describe('embedFonts', () => {
  const font: EmbeddedFont = {
    family: 'Noto Sans',
    weight: 400,
    style: 'normal',
    unicodeRange: 'U+0000-00FF',
    base64: 'd09GMgABAAAAAA==',
    format: 'woff2',
  };
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><text>Kabul</text></svg>';

  test('puts the rules first in the drawing, and the document stays well formed', () => {
    const out = embedFonts(svg, [font]);
    expect(out.indexOf('<defs><style>@font-face{')).toBe(svg.indexOf('>') + 1);
    const doc = new DOMParser({
      onError: (level, message) => {
        throw new Error(`${level}: ${message}`);
      },
    }).parseFromString(out, 'image/svg+xml');
    expect(doc.getElementsByTagName('style')[0]?.textContent).toBe(fontFaceRules([font]));
  });

  test('a rule names the family, weight, range and the bytes as woff2', () => {
    expect(fontFaceRules([font])).toBe(
      "@font-face{font-family:'Noto Sans';font-style:normal;font-weight:400;unicode-range:U+0000-00FF;src:url(data:font/woff2;base64,d09GMgABAAAAAA==) format('woff2')}",
    );
  });

  test('no fonts leave the SVG as it was', () => {
    expect(embedFonts(svg, [])).toBe(svg);
  });
});
