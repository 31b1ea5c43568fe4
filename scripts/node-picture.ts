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
import { textMeasurer, textOutliner, type OutlineFace } from '../src/export/outline-text.ts';
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
import { compileMessages } from './messages.ts';
import { pathToFileURL } from 'node:url';
import type { CalendarId } from '../src/lib/calendar-ids.ts';
import { formatPartialDate } from '../src/lib/calendars.ts';
import type { NameMeasure } from '../src/lib/labels.ts';
import { localize, type TranslationFile } from '../src/lib/translation.ts';
import { localDigits, type Locale } from '../src/i18n/locales.ts';
import { pictureWordsFrom, type PictureMessages } from '../src/export/picture-words.ts';

const FONT_DIR = join(REPO_ROOT, 'node_modules/@fontsource/noto-sans/files');
/** The weights the pictures set text in. */
const WEIGHTS = new Set(['400', '600', '700']);
const FACE = /^noto-sans-([a-z-]+)-(\d+)-normal\.(woff2?)$/;

const ARABIC_DIR = join(REPO_ROOT, 'node_modules/@fontsource/noto-sans-arabic/files');
const ARABIC_FACE = /^noto-sans-arabic-arabic-(\d+)-normal\.(woff2?)$/;

/**
 * The Noto Sans files of the weights the pictures use, by subset, then Noto Sans Arabic's Arabic
 * cut (for the editions written in it), as `filesFor` takes them.
 */
function fontFiles(extension: 'woff' | 'woff2'): FontFile[] {
  return [...notoSansFiles(extension), ...arabicFiles(extension)];
}

function arabicFiles(extension: 'woff' | 'woff2'): FontFile[] {
  const ranges = JSON.parse(
    readFileSync(join(REPO_ROOT, 'node_modules/@fontsource/noto-sans-arabic/unicode.json'), 'utf8'),
  ) as Record<string, string>;
  return readdirSync(ARABIC_DIR).flatMap((name) => {
    const [, weight = '', ext] = ARABIC_FACE.exec(name) ?? [];
    if (ext !== extension || !WEIGHTS.has(weight)) return [];
    return [
      {
        family: 'Noto Sans Arabic',
        weight: Number(weight),
        style: 'normal' as const,
        unicodeRange: ranges['arabic']!,
        url: join(ARABIC_DIR, name),
      },
    ];
  });
}

function notoSansFiles(extension: 'woff' | 'woff2'): FontFile[] {
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

/**
 * How a picture's furniture is measured: by the font's advances (`advanceMeasure`, Latin, as
 * always), or, in an edition written in Arabic script, as the fonts shape it.
 */
function measureFor(source: PictureSource) {
  return source.edition.measure ? shapedMeasure() : advanceMeasure;
}

/**
 * The SVG resvg is given: as it is, or, in an edition written in Arabic script, with its text as
 * outlines. resvg falls back from font to font by run, and a run that mixes Arabic with Latin
 * (a source line: “سرچینې: Al Jazeera Net…”) comes out as empty boxes; fontkit picks a font per
 * character (outline-text.ts).
 */
function rasterisable(
  source: PictureSource,
  svg: string,
  outlined: (outline: ReturnType<typeof textOutliner>) => string,
): string {
  return source.edition.measure ? outlined(textOutliner(outlineFacesFor(svg))) : svg;
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

/**
 * Everything one run draws from: the dataset and geometry, decoded once, in an edition (`--lang`,
 * and the state's calendar): its translation (data/translations/<lang>.json), the picture's words
 * from the compiled messages of its language, and its names measured as the fonts shape them.
 */
export async function nodeSource(
  dataset: Dataset,
  topology: Topology,
  { lang = 'en', calendar = 'gregory' }: { lang?: Locale; calendar?: CalendarId } = {},
): Promise<PictureSource> {
  if (lang === 'en' && calendar === 'gregory') return pictureSource(dataset, topology);
  const translation =
    lang === 'en'
      ? null
      : (JSON.parse(
          readFileSync(join(REPO_ROOT, 'data/translations', `${lang}.json`), 'utf8'),
        ) as TranslationFile);
  const localized = localize(dataset, topology, translation);
  const messagesFile = join(REPO_ROOT, 'src/i18n/paraglide/publish/messages', `${lang}.js`);
  if (!existsSync(messagesFile)) await compileMessages();
  const messages = (await import(pathToFileURL(messagesFile).href)) as PictureMessages;
  const words = pictureWordsFrom(
    messages,
    (date) => formatPartialDate(date, { locale: lang, calendar }),
    (n) => localDigits(String(n), lang),
  );
  const measure = lang === 'en' ? undefined : nameMeasure();
  return pictureSource(localized.dataset, localized.topology, { words, measure });
}

/** Every face a picture may set text in, shaped by fontkit: for measuring where there is no canvas. */
let measurer: ReturnType<typeof textMeasurer> | null = null;
function shapedMeasure(): ReturnType<typeof textMeasurer> {
  measurer ??= textMeasurer(
    fontFiles('woff2').map(({ url, weight, unicodeRange }) => ({
      weight,
      unicodeRange,
      bytes: readFileSync(url),
    })),
  );
  return measurer;
}

/** A name's line in ems, as the browser would set it (`shapeNames`). */
function nameMeasure(): NameMeasure {
  const measure = shapedMeasure();
  return (line, bold) => measure(line, { size: 1, weight: bold ? 700 : 400 });
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
  const measure = measureFor(source);
  const svg = exportSvg(state, options, scene, measure);
  const filename = pictureFileName(state, selected, options, options.format);
  if (options.format === 'svg') {
    const file = outlineText
      ? exportSvg(state, options, scene, measure, textOutliner(outlineFacesFor(svg)))
      : withFonts(svg);
    return { bytes: Buffer.from(describedSvg(file, words)), filename, words };
  }
  const raster = rasterisable(source, svg, (outline) =>
    exportSvg(state, options, scene, measure, outline),
  );
  return { bytes: describedPng(rasterise(raster, options.scale).asPng(), words), filename, words };
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
    const measure = measureFor(source);
    const svg = exportSvg(state, options, scene, measure);
    const raster = rasterisable(source, svg, (outline) =>
      exportSvg(state, options, scene, measure, outline),
    );
    const image = rasterise(raster, options.scale);
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
