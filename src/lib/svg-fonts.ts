/**
 * Fonts inside an exported SVG, so it reads the same wherever it is opened (a browser, Inkscape,
 * Illustrator, a newsroom's CMS) rather than falling back to whatever sans-serif is installed.
 *
 * The atlas ships its face (Noto Sans) as @fontsource files cut by script (latin, latin-ext,
 * cyrillic…), each with the `unicode-range` it covers. An SVG embeds only the files its text
 * needs, in the weights its text uses, as `@font-face` rules with `data:` URLs: the files are the
 * subsets, so a picture in English carries the latin cut of three weights (about 55 KB in base64),
 * not the whole family. Pure: the caller fetches the chosen files and hands their bytes in.
 */

/** One font file of a family: a weight and style, and the characters it covers. */
export interface FontFile {
  family: string;
  weight: number;
  style: 'normal' | 'italic';
  /** As CSS writes it: `U+0000-00FF,U+0131,…`. */
  unicodeRange: string;
  url: string;
}

/** A chosen file with its bytes, base64-encoded, ready to embed. */
export interface EmbeddedFont extends Omit<FontFile, 'url'> {
  base64: string;
  format: 'woff2';
}

/**
 * The code point ranges of a CSS `unicode-range`, inclusive.
 * @example unicodeRanges('U+0000-00FF,U+0131') // [[0, 255], [305, 305]]
 */
export function unicodeRanges(range: string): [number, number][] {
  return range
    .split(',')
    .map((part) => part.trim().replace(/^U\+/i, ''))
    .filter((part) => part !== '')
    .map((part) => {
      if (part.includes('?')) {
        // `U+4??`: every digit the wildcards stand for.
        return [parseInt(part.replace(/\?/g, '0'), 16), parseInt(part.replace(/\?/g, 'F'), 16)];
      }
      const [lo = '', hi = lo] = part.split('-');
      return [parseInt(lo, 16), parseInt(hi, 16)];
    });
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML text with its entities and character references resolved. */
function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code =
        ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref] ?? whole;
  });
}

/** What an SVG's text needs: its characters, and the weights it sets them in (400 unless said). */
export interface TextNeeds {
  codePoints: Set<number>;
  weights: Set<number>;
}

/**
 * The characters and weights of an SVG's `<text>`: what a font must cover for it to read. A
 * `<tspan>` takes its `<text>`'s weight; titles and descriptions are not drawn and do not count.
 * @example textNeeds('<text font-weight="700"><tspan>Kabul</tspan></text>').weights // Set {700}
 */
export function textNeeds(svg: string): TextNeeds {
  const codePoints = new Set<number>();
  const weights = new Set<number>();
  for (const [, attributes = '', body = ''] of svg.matchAll(/<text\b([^>]*)>([\s\S]*?)<\/text>/g)) {
    const weight = /\bfont-weight="(\d+)"/.exec(attributes)?.[1];
    weights.add(weight ? Number(weight) : 400);
    const words = unescapeXml(body.replace(/<[^>]*>/g, ''));
    for (const char of words) codePoints.add(char.codePointAt(0)!);
  }
  return { codePoints, weights };
}

/**
 * The files an SVG's text needs: of the weights it uses (the nearest the family has, where it
 * lacks one), those whose range covers at least one of its characters.
 */
export function filesFor(needs: TextNeeds, files: readonly FontFile[]): FontFile[] {
  const weightsHad = [...new Set(files.map((f) => f.weight))];
  const nearest = (weight: number) =>
    weightsHad.reduce((best, w) => (Math.abs(w - weight) < Math.abs(best - weight) ? w : best));
  const weights = new Set([...needs.weights].map(nearest));
  const points = [...needs.codePoints];
  return files.filter(
    (file) =>
      weights.has(file.weight) &&
      unicodeRanges(file.unicodeRange).some(([lo, hi]) => points.some((p) => p >= lo && p <= hi)),
  );
}

/** The `@font-face` rules that embed the fonts, one per file. */
export function fontFaceRules(fonts: readonly EmbeddedFont[]): string {
  return fonts
    .map(
      (f) =>
        `@font-face{font-family:'${f.family.replace(/['\\]/g, '')}';font-style:${f.style};font-weight:${f.weight};` +
        `unicode-range:${f.unicodeRange};src:url(data:font/${f.format};base64,${f.base64}) format('${f.format}')}`,
    )
    .join('\n');
}

/**
 * The SVG with the fonts in a `<style>` at the head of its drawing. The rules hold only base64,
 * names, numbers and ranges, none of which XML would read as markup.
 */
export function embedFonts(svg: string, fonts: readonly EmbeddedFont[]): string {
  if (fonts.length === 0) return svg;
  return atSvgHead(svg, `<defs><style>${fontFaceRules(fonts)}</style></defs>`);
}

/** The SVG with `markup` as the first thing inside its root element. */
export function atSvgHead(svg: string, markup: string): string {
  const open = /<svg\b[^>]*>/.exec(svg);
  if (!open) return svg;
  const at = open.index + open[0].length;
  return `${svg.slice(0, at)}${markup}${svg.slice(at)}`;
}
