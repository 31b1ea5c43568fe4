/**
 * One export, start to end, from the state alone: the picture engine's SVG of the state
 * (picture-of.ts works out what it shows, svg.ts draws it), as an SVG file or rasterised by the
 * browser into a PNG; or the whole deck, a picture per scene, as a zip of numbered PNGs or a PDF.
 * The command line draws the same pictures in Node (scripts/node-picture.ts). Loaded on demand by
 * the Export dialog.
 */
import { zipSync } from 'fflate';
import type { Topology } from 'topojson-specification';
import { pdfDeck, type PdfPicture } from '../lib/pdf-deck.ts';
import type { PictureText } from '../lib/picture-alt.ts';
import type { TextOutliner } from '../lib/svg-export.ts';
import type { Dataset } from '../lib/schema.ts';
import { embedFonts, filesFor, textNeeds } from '../lib/svg-fonts.ts';
import { DEFAULT_URL_STATE, type UrlState } from '../lib/url-state.ts';
import type { Size } from '../lib/viewport.ts';
import { loadExportFonts } from './text-measure.ts';
import { currentLocale, dateWords, numberWords } from '../i18n/catalog.svelte.ts';
import { m } from '../i18n/publish.ts';
import { loadScriptFaces, measureName } from '../map/name-images.ts';
import { pictureWordsFrom } from './picture-words.ts';
import { embeddable, NOTO_SANS_FILES, outlineFaces } from './font-files.ts';
import { editorialDefaults, type EditorialTexts } from './editorial.ts';
import { describedPng, describedSvg, pictureFileName, pictureWords } from './picture-file.ts';
import { pictureOf, pictureSource, type PictureSource } from './picture-of.ts';
import type { PictureOptions } from './plan.ts';
import { rasterSvg, type Encoding } from './raster.ts';
import { exportSvg } from './svg.ts';
import type { DeckFormat } from './types.ts';

export interface ExportFile {
  blob: Blob;
  filename: string;
}

/** What the pictures are drawn from: the loaded dataset and geometry. */
export interface Atlas {
  dataset: Dataset;
  topology: Topology;
}

/**
 * Each dataset's picture source (geometry decoded, events indexed), made at the first export. A
 * dataset is one edition's (src/lib/translation.ts): its pictures' words follow the messages on
 * screen, and in an edition written in Arabic script its names are measured as the map's are.
 */
const sources = new WeakMap<Dataset, PictureSource>();
function sourceOf({ dataset, topology }: Atlas): PictureSource {
  let source = sources.get(dataset);
  if (!source) {
    const words = pictureWordsFrom(m, dateWords, numberWords);
    const edition = currentLocale() === 'en' ? { words } : { words, measure: measureName };
    sources.set(dataset, (source = pictureSource(dataset, topology, edition)));
  }
  return source;
}

/** An SVG with the fonts its text needs inside it, so it reads the same wherever it is opened. */
async function withFonts(svg: string): Promise<string> {
  const files = filesFor(textNeeds(svg), NOTO_SANS_FILES);
  return embedFonts(svg, await embeddable(files));
}

/**
 * The picture drawn again with its text as outlines, in the cuts of Noto Sans its text needs (as
 * the SVG with fonts would embed them); the outliner's code and fonts come on first use.
 */
async function withTextOutlined(
  plain: string,
  draw: (outline: TextOutliner) => string,
): Promise<string> {
  const files = filesFor(textNeeds(plain), NOTO_SANS_FILES);
  const [{ textOutliner }, faces] = await Promise.all([
    import('./outline-text.ts'),
    outlineFaces(files),
  ]);
  return draw(textOutliner(faces));
}

/** The PNG with its words as its Description text. */
async function describedPngBlob(blob: Blob, words: PictureText): Promise<Blob> {
  const bytes = describedPng(new Uint8Array(await blob.arrayBuffer()), words);
  return new Blob([bytes], { type: 'image/png' });
}

/** The SVG of `url` seen in a map of `view`'s size, with its fonts, and what it was made from. */
async function drawn(
  atlas: Atlas,
  url: UrlState,
  view: Size,
  options: PictureOptions,
  marked = true,
) {
  // The bench reads these marks (bench/scenarios.ts); the dialog's previews leave none.
  const mark = (name: string) => marked && performance.mark(name);
  mark('export:start');
  const script = currentLocale() !== 'en';
  await Promise.all([loadExportFonts(script), script && loadScriptFaces()]);
  const picture = pictureOf(sourceOf(atlas), url, view);
  mark('export:state');
  const plain = exportSvg(picture.state, options, picture.scene);
  const svg =
    options.format === 'svg' && options.outlineText
      ? await withTextOutlined(plain, (outline) =>
          exportSvg(picture.state, options, picture.scene, undefined, outline),
        )
      : await withFonts(plain);
  mark('export:svg');
  return { ...picture, svg };
}

/** The headline, dek, note, source line and credit a picture of `url` gets unless edited. */
export function pictureDefaultsOf(atlas: Atlas, url: UrlState, view: Size): EditorialTexts {
  const { state, scene } = pictureOf(sourceOf(atlas), url, view);
  return editorialDefaults(state, scene);
}

/** The picture of `url` as the SVG the dialog previews: the file's drawing, fonts and all. */
export async function previewSvg(
  atlas: Atlas,
  url: UrlState,
  view: Size,
  options: PictureOptions,
): Promise<string> {
  return (await drawn(atlas, url, view, options, false)).svg;
}

/**
 * The words for the picture of `url` (src/lib/picture-alt.ts): its title and alt text.
 * @param view the map the state is seen in, as for `exportPicture`
 */
export function pictureWordsOf(atlas: Atlas, url: UrlState, view: Size): PictureText {
  const { state, selected } = pictureOf(sourceOf(atlas), url, view);
  return pictureWords(state, selected);
}

/**
 * The picture of `url` (the app's state, with the camera the map shows) as a PNG or an SVG file.
 * @param view the map on screen: a picture of another size keeps what the reader sees in it
 */
export async function exportPicture(
  atlas: Atlas,
  url: UrlState,
  view: Size,
  options: PictureOptions,
): Promise<ExportFile> {
  const { state, selected, svg } = await drawn(atlas, url, view, options);
  const words = pictureWords(state, selected);
  const filename = pictureFileName(state, selected, options, options.format);
  const blob =
    options.format === 'svg'
      ? new Blob([describedSvg(svg, words)], { type: 'image/svg+xml' })
      : await describedPngBlob(await rasterSvg(svg, options.size, options.scale), words);
  return { blob, filename };
}

/** The JPEG quality of the PDF's pages: no visible loss on flat map colours and text. */
const PDF_JPEG_QUALITY = 0.92;

/**
 * Every scene, in deck order, as a zip of numbered PNGs or as a PDF: each scene's picture worked
 * out from the data, as the presentation shows it, without moving the map on screen.
 */
export async function exportDeck(
  atlas: Atlas,
  options: PictureOptions,
  progress: (done: number, total: number) => void,
  format: DeckFormat = 'zip',
): Promise<ExportFile> {
  const pngs: Record<string, Uint8Array> = {};
  const pages: PdfPicture[] = [];
  const { size, scale } = options;
  const count = atlas.dataset.scenes.length;
  const png = { ...options, format: 'png' as const };
  let filename = '';
  for (let i = 0; i < count; i++) {
    const url: UrlState = { ...DEFAULT_URL_STATE, mode: 'present', scene: i + 1 };
    const { state, svg } = await drawn(atlas, url, size, png);
    filename ||= pictureFileName(state, null, options, format);
    if (format === 'pdf') {
      const encoding: Encoding = { type: 'image/jpeg', quality: PDF_JPEG_QUALITY };
      const blob = await rasterSvg(svg, size, scale, encoding);
      pages.push({
        jpeg: new Uint8Array(await blob.arrayBuffer()),
        pixelWidth: Math.round(size.width * scale),
        pixelHeight: Math.round(size.height * scale),
        ...size,
      });
    } else {
      const blob = await describedPngBlob(
        await rasterSvg(svg, size, scale),
        pictureWords(state, null),
      );
      pngs[pictureFileName(state, null, options, 'png')] = new Uint8Array(await blob.arrayBuffer());
    }
    progress(i + 1, count);
  }
  const blob =
    format === 'pdf'
      ? new Blob([pdfDeck(pages, 'Kabul Engagement Atlas: the scenes')], {
          type: 'application/pdf',
        })
      : // PNGs are compressed already: store them.
        new Blob([zipSync(pngs, { level: 0 })], { type: 'application/zip' });
  return { blob, filename };
}
