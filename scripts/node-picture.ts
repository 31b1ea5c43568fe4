/**
 * Pictures drawn in Node alone, for `npm run export`: the picture engine's SVG of a state
 * (src/export/picture-of.ts → src/export/svg.ts), with the fonts its text needs embedded, and
 * PNGs rasterised from that SVG by resvg (`@resvg/resvg-js`) in the app's own Noto Sans. No
 * browser and no server: the map's look comes from the same modules the app's SVG export uses.
 */
import { Resvg } from '@resvg/resvg-js';
import { encode as encodeJpeg } from 'jpeg-js';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Topology } from 'topojson-specification';
import { toSfnt } from 'woff2sfnt-sfnt2woff';
import {
  describedPng,
  describedSvg,
  pictureFileName,
  pictureWords,
} from '../src/export/picture-file.ts';
import { pictureOf, pictureSource, type PictureSource } from '../src/export/picture-of.ts';
import type { PictureOptions } from '../src/export/plan.ts';
import { textOutliner, type OutlineFace } from '../src/export/outline-text.ts';
import { exportSvg } from '../src/export/svg.ts';
import { pdfDeck, type PdfPicture } from '../src/lib/pdf-deck.ts';
import type { PictureText } from '../src/lib/picture-alt.ts';
import type { Dataset } from '../src/lib/schema.ts';
import { advanceMeasure } from '../src/lib/svg-export.ts';
import {
  embedFonts,
  filesFor,
  textNeeds,
  type EmbeddedFont,
  type FontFile,
} from '../src/lib/svg-fonts.ts';
import type { UrlState } from '../src/lib/url-state.ts';
import { REPO_ROOT } from './dataset-files.ts';

const FONT_DIR = join(REPO_ROOT, 'node_modules/@fontsource/noto-sans/files');
/** The weights the pictures set text in. */
const WEIGHTS = new Set(['400', '600', '700']);
const FACE = /^noto-sans-([a-z-]+)-(\d+)-normal\.(woff2?)$/;

/** The Noto Sans files of the weights the pictures use, by subset, as `filesFor` takes them. */
function fontFiles(extension: 'woff' | 'woff2'): FontFile[] {
  const ranges = JSON.parse(
    readFileSync(join(REPO_ROOT, 'node_modules/@fontsource/noto-sans/unicode.json'), 'utf8'),
  ) as Record<string, string>;
  return readdirSync(FONT_DIR).flatMap((name) => {
    const [, subset = '', weight = '', ext] = FACE.exec(name) ?? [];
    const unicodeRange = ranges[subset];
    if (ext !== extension || !WEIGHTS.has(weight) || !unicodeRange) return [];
    return [
      {
        family: 'Noto Sans',
        weight: Number(weight),
        style: 'normal' as const,
        unicodeRange,
        url: join(FONT_DIR, name),
      },
    ];
  });
}

/** The SVG with the font files its text needs inside it, as the app's SVG export carries them. */
function withFonts(svg: string): string {
  const fonts: EmbeddedFont[] = filesFor(textNeeds(svg), fontFiles('woff2')).map(
    ({ url, ...face }) => ({
      ...face,
      base64: readFileSync(url).toString('base64'),
      format: 'woff2',
    }),
  );
  return embedFonts(svg, fonts);
}

/** Where the TrueType copies of the fonts are kept between runs. */
const FONT_CACHE = join(REPO_ROOT, 'node_modules/.cache/kabul-atlas/fonts');

/**
 * Noto Sans as resvg reads fonts (TrueType files: it takes no WOFF), converted from the
 * @fontsource WOFF files the app serves, once, into a cache folder.
 */
let truetype: string[] | null = null;
function fontPaths(): string[] {
  if (truetype) return truetype;
  mkdirSync(FONT_CACHE, { recursive: true });
  // resvg takes the first face of a family and weight it was given, and fills a glyph that face
  // lacks from the default family's regular: the Latin cuts go first, so bold text is bold.
  const latinFirst = (file: FontFile) => (/-latin-\d/.test(file.url) ? 0 : 1);
  const files = fontFiles('woff').sort((a, b) => latinFirst(a) - latinFirst(b));
  truetype = files.map((file) => {
    const path = join(FONT_CACHE, basename(file.url).replace(/\.woff$/, '.ttf'));
    if (!existsSync(path)) writeFileSync(path, toSfnt(readFileSync(file.url)));
    return path;
  });
  return truetype;
}

/** A picture's pixels as resvg draws them from its SVG (no fonts embedded: resvg reads its own). */
function rasterise(svg: string, scale: number) {
  return new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: { fontFiles: fontPaths(), loadSystemFonts: false, defaultFontFamily: 'Noto Sans' },
  }).render();
}

/**
 * The cuts of Noto Sans a picture's text needs, with their bytes, for text as outlines: the same
 * files the SVG with fonts embeds, read from disk.
 */
function outlineFacesFor(svg: string): OutlineFace[] {
  return filesFor(textNeeds(svg), fontFiles('woff2')).map(({ url, weight, unicodeRange }) => ({
    weight,
    unicodeRange,
    bytes: readFileSync(url),
  }));
}

/** Everything one run draws from: the dataset and geometry, decoded once. */
export function nodeSource(dataset: Dataset, topology: Topology): PictureSource {
  return pictureSource(dataset, topology);
}

export interface NodePicture {
  bytes: Uint8Array;
  /** The name the app gives the same picture. */
  filename: string;
  words: PictureText;
}

/**
 * The picture of `url` as a PNG or an SVG file. The state is seen in a map of the picture's own
 * size: the camera the app opens on there (or the URL's, or the scene's).
 */
export function nodePicture(
  source: PictureSource,
  url: UrlState,
  options: PictureOptions,
  /** An SVG's text as outlines rather than text in embedded fonts. */
  outlineText = false,
): NodePicture {
  const { state, scene, selected } = pictureOf(source, url, options.size);
  const words = pictureWords(state, selected);
  const svg = exportSvg(state, options, scene, advanceMeasure);
  const filename = pictureFileName(state, selected, options, options.format);
  if (options.format === 'svg') {
    const file = outlineText
      ? exportSvg(state, options, scene, advanceMeasure, textOutliner(outlineFacesFor(svg)))
      : withFonts(svg);
    return { bytes: Buffer.from(describedSvg(file, words)), filename, words };
  }
  return { bytes: describedPng(rasterise(svg, options.scale).asPng(), words), filename, words };
}

/** The JPEG quality of the PDF's pages, as the app's deck uses: no visible loss on flat colours. */
const PDF_JPEG_QUALITY = 92;

/**
 * Every scene of the deck as one PDF, a page per scene at the picture's size and scale, as the
 * app's Export dialog makes it in presentation mode.
 */
export function nodeDeck(
  source: PictureSource,
  scenes: readonly UrlState[],
  options: PictureOptions,
): { bytes: Uint8Array; filename: string } {
  const pages: PdfPicture[] = [];
  let filename = '';
  for (const url of scenes) {
    const { state, scene } = pictureOf(source, url, options.size);
    filename ||= pictureFileName(state, null, options, 'pdf');
    const image = rasterise(exportSvg(state, options, scene, advanceMeasure), options.scale);
    const jpeg = encodeJpeg(
      { data: image.pixels, width: image.width, height: image.height },
      PDF_JPEG_QUALITY,
    );
    pages.push({
      jpeg: jpeg.data,
      pixelWidth: image.width,
      pixelHeight: image.height,
      ...options.size,
    });
  }
  return { bytes: pdfDeck(pages, 'Kabul Engagement Atlas: the scenes'), filename };
}
