/**
 * The PNG export (and the JPEG pages of the PDF deck): the map drawn off screen at the picture's size and scale, then the furniture
 * drawn over it on the same canvas.
 */
import { exportLayout } from '../lib/export-layout.ts';
import { labelLayout, pictureLabelScale } from '../lib/labels.ts';
import { themePaint } from '../lib/style.ts';
import { drawFurniture, canvasMeasure, loadExportFonts } from './draw-furniture.ts';
import {
  focusRects,
  pictureCamera,
  pictureLabelAnchors,
  pictureLayoutInput,
  type PictureOptions,
  type PictureState,
} from './plan.ts';
import type { MapPictureRequest, PictureDraft } from './render-map.ts';

/** Renders the map for a request (the page binds it to the visible map). */
export type RenderMap = (request: Omit<MapPictureRequest, 'source'>) => Promise<HTMLCanvasElement>;

/** Feature state the off-screen map needs: every country and every arc. */
export interface FeatureIds {
  countries: readonly string[];
  arcs: readonly string[];
}

/**
 * What the off-screen map draws for a picture, but its scale: size, camera, feature state and
 * theme. The warm-up and the picture use the same, so the picture finds the map ready.
 */
export function mapDraft(
  state: PictureState,
  options: PictureOptions,
  ids: FeatureIds,
): PictureDraft {
  const { size } = options;
  const camera = pictureCamera(state, size);
  return {
    width: size.width,
    height: size.height,
    camera,
    featureState: [
      { source: 'countries', ids: ids.countries },
      { source: 'motive-arcs', ids: ids.arcs },
    ],
    paint: themePaint(options.theme, state.dataset.levels),
    layout: labelLayout(
      pictureLabelScale(size, camera.zoom),
      pictureLabelAnchors(state, size, camera),
    ),
  };
}

/**
 * The picture as a PNG blob of `size × scale` pixels.
 * @example const blob = await exportPng(state, { format: 'png', size: { width: 1920, height: 1080 }, scale: 2, theme: 'light', show }, render, ids)
 */
export async function exportPng(
  state: PictureState,
  options: PictureOptions,
  render: RenderMap,
  ids: FeatureIds,
  encoding: { type: 'image/png' } | { type: 'image/jpeg'; quality: number } = { type: 'image/png' },
): Promise<Blob> {
  await loadExportFonts();
  const { size, scale } = options;
  const draft = mapDraft(state, options, ids);
  const layout = exportLayout(
    pictureLayoutInput(state, options, focusRects(state, size, draft.camera), canvasMeasure()),
  );
  const canvas = await render({ ...draft, scale });
  performance.mark('export:read');
  const g = canvas.getContext('2d')!;
  g.setTransform(scale, 0, 0, scale, 0, 0);
  drawFurniture(g, layout);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => {
        performance.mark('export:encoded');
        if (blob) resolve(blob);
        else reject(new Error(`the browser could not encode the ${encoding.type}`));
      },
      encoding.type,
      'quality' in encoding ? encoding.quality : undefined,
    ),
  );
}
