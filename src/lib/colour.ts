/**
 * Colour arithmetic on `#rrggbb` strings: blending a faded fill over its ground, WCAG contrast,
 * and CIELAB lightness, for the themes in style.ts and the tests that hold the palette to account.
 */

/** Red, green and blue, 0–255. */
export type Rgb = [number, number, number];

/**
 * `#rrggbb` (or `#rgb`) as [r, g, b].
 * @example rgbOfHex('#0e1217') // [14, 18, 23]
 */
export function rgbOfHex(hex: string): Rgb {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  const digits = m[1]!.length === 3 ? [...m[1]!].map((d) => d + d).join('') : m[1]!;
  return [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16)) as Rgb;
}

/** [r, g, b] (rounded, kept within 0–255) as `#rrggbb`. */
export function hexOfRgb(rgb: Rgb): string {
  return `#${rgb
    .map((v) =>
      Math.max(0, Math.min(255, Math.round(v)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/**
 * `color` drawn at `opacity` over `ground`, as the screen shows it (the map's fill-opacity).
 * @example blend('#000000', '#ffffff', 0.2) // '#cccccc'
 */
export function blend(color: string, ground: string, opacity: number): string {
  const c = rgbOfHex(color);
  const g = rgbOfHex(ground);
  return hexOfRgb([0, 1, 2].map((i) => c[i]! * opacity + g[i]! * (1 - opacity)) as Rgb);
}

const linear = (v: number) => {
  const s = v / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};
const gamma = (v: number) =>
  255 * (v <= 0.0031308 ? 12.92 * v : 1.055 * Math.max(0, v) ** (1 / 2.4) - 0.055);

/** WCAG 2 relative luminance, 0 (black) to 1 (white). */
export function relativeLuminance(color: string): number {
  const [r, g, b] = rgbOfHex(color).map(linear) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * WCAG 2 contrast ratio between two colours, 1 to 21. Graphics a reader needs, such as a country's
 * fill against the land and sea around it, want at least 3 (WCAG 1.4.11).
 * @example contrastRatio('#000000', '#ffffff') // 21
 */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [
    number,
    number,
  ];
  return (hi + 0.05) / (lo + 0.05);
}

// CIELAB under D65, for moving a colour's lightness while keeping its hue and chroma.
const WHITE = [0.95047, 1, 1.08883] as const;
const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 / 116) * t + 16 / 116);
const fInverse = (t: number) => (t ** 3 > 216 / 24389 ? t ** 3 : (116 * t - 16) / (24389 / 27));

/** `#rrggbb` as CIELAB [L*, a*, b*]. */
export function labOfHex(color: string): [number, number, number] {
  const [r, g, b] = rgbOfHex(color).map(linear) as Rgb;
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / WHITE[0];
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / WHITE[2];
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** CIELAB [L*, a*, b*] as `#rrggbb`, each channel clipped to the sRGB gamut. */
export function hexOfLab([l, a, bStar]: [number, number, number]): string {
  const fy = (l + 16) / 116;
  const x = WHITE[0] * fInverse(fy + a / 500);
  const y = fInverse(fy);
  const z = WHITE[2] * fInverse(fy - bStar / 200);
  return hexOfRgb([
    gamma(3.2406 * x - 1.5372 * y - 0.4986 * z),
    gamma(-0.9689 * x + 1.8758 * y + 0.0415 * z),
    gamma(0.0557 * x - 0.204 * y + 1.057 * z),
  ]);
}
