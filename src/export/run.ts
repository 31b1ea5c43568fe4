/**
 * One export, start to end: the picture in the chosen format and its file name, or the whole deck
 * as a zip of numbered PNGs or a PDF. Loaded on demand by the Export dialog.
 */
import { zipSync } from 'fflate';
import { pdfDeck, type PdfPicture } from '../lib/pdf-deck.ts';
import type { PictureText } from '../lib/picture-alt.ts';
import { embedFonts, filesFor, textNeeds } from '../lib/svg-fonts.ts';
import { describedPng, describedSvg, pictureFileName, pictureWords } from './picture-file.ts';
import type { PictureOptions, PictureState } from './plan.ts';
import { exportPng, mapDraft, type FeatureIds, type RenderMap } from './png.ts';
import type { PictureDraft } from './render-map.ts';
import { embeddable, NOTO_SANS_FILES } from './font-files.ts';
import { exportSvg, type SvgScene } from './svg.ts';
import type { DeckFormat } from './types.ts';

export { pictureWords };

export interface ExportFile {
  blob: Blob;
  filename: string;
}

/** An SVG with the fonts its text needs inside it, so it reads the same wherever it is opened. */
async function withFonts(svg: string): Promise<string> {
  const files = filesFor(textNeeds(svg), NOTO_SANS_FILES);
  return embedFonts(svg, await embeddable(files));
}

/** The PNG with its words as its Description text. */
async function describedPngBlob(blob: Blob, words: PictureText): Promise<Blob> {
  const bytes = describedPng(new Uint8Array(await blob.arrayBuffer()), words);
  return new Blob([bytes], { type: 'image/png' });
}

/** The picture of `state` as a PNG or an SVG file. */
export async function exportPicture(
  state: PictureState,
  options: PictureOptions,
  render: RenderMap,
  ids: FeatureIds,
  svgScene: SvgScene,
  country: string | null,
): Promise<ExportFile> {
  const filename = pictureFileName(state, country, options, options.format);
  const words = pictureWords(state, country);
  const blob =
    options.format === 'svg'
      ? new Blob([describedSvg(await withFonts(exportSvg(state, options, svgScene)), words)], {
          type: 'image/svg+xml',
        })
      : await describedPngBlob(await exportPng(state, options, render, ids), words);
  return { blob, filename };
}

/**
 * What the off-screen map can get ready for while the reader is still choosing (`MapAccess.warm`),
 * or null when the choice needs no map: an SVG is drawn from the data alone.
 * @example const draft = pictureDraft(state, choice, ids); if (draft) access.warm(draft);
 */
export function pictureDraft(
  state: PictureState,
  options: PictureOptions,
  ids: FeatureIds,
): PictureDraft | null {
  return options.format === 'png' ? mapDraft(state, options, ids) : null;
}

/** The JPEG quality of the PDF's pages: no visible loss on flat map colours and text. */
const PDF_JPEG_QUALITY = 0.92;

/**
 * Every scene, in deck order, as a zip of numbered PNGs or as a PDF. `sceneState(i)` gives the
 * state of scene `i` (its date, motives and highlight), so each renders exactly as in the
 * presentation.
 */
export async function exportDeck(
  count: number,
  sceneState: (index: number) => {
    state: PictureState;
    ids: FeatureIds;
    prepare: () => Promise<void>;
  },
  options: PictureOptions,
  render: RenderMap,
  progress: (done: number, total: number) => void,
  format: DeckFormat = 'zip',
): Promise<ExportFile> {
  const pngs: Record<string, Uint8Array> = {};
  const pages: PdfPicture[] = [];
  const { size, scale } = options;
  for (let i = 0; i < count; i++) {
    const { state, ids, prepare } = sceneState(i);
    await prepare();
    const png = { ...options, format: 'png' as const };
    if (format === 'pdf') {
      const encoding = { type: 'image/jpeg' as const, quality: PDF_JPEG_QUALITY };
      const blob = await exportPng(state, png, render, ids, encoding);
      pages.push({
        jpeg: new Uint8Array(await blob.arrayBuffer()),
        pixelWidth: Math.round(size.width * scale),
        pixelHeight: Math.round(size.height * scale),
        ...size,
      });
    } else {
      const blob = await describedPngBlob(
        await exportPng(state, png, render, ids),
        pictureWords(state, null),
      );
      pngs[pictureFileName(state, null, options, 'png')] = new Uint8Array(await blob.arrayBuffer());
    }
    progress(i + 1, count);
  }
  const filename = pictureFileName(sceneState(0).state, null, options, format);
  const blob =
    format === 'pdf'
      ? new Blob([pdfDeck(pages, 'Kabul Engagement Atlas: the scenes')], {
          type: 'application/pdf',
        })
      : // PNGs are compressed already: store them.
        new Blob([zipSync(pngs, { level: 0 })], { type: 'application/zip' });
  return { blob, filename };
}
