/**
 * One export, start to end: the picture in the chosen format and its file name, or the whole deck
 * as a zip of numbered PNGs. Loaded on demand by the Export dialog.
 */
import { zipSync } from 'fflate';
import { exportFileName } from '../lib/export-name.ts';
import type { PictureOptions, PictureState } from './plan.ts';
import { exportPng, type FeatureIds, type RenderMap } from './png.ts';
import { exportSvg, type SvgScene } from './svg.ts';

export interface ExportFile {
  blob: Blob;
  filename: string;
}

function nameState(state: PictureState, country: string | null) {
  return state.scene
    ? {
        mode: 'present' as const,
        country: null,
        date: state.date,
        sceneNumber: state.scene.number,
        sceneId: state.scene.scene.id,
      }
    : { mode: 'explore' as const, country, date: state.date };
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
  const filename = exportFileName(
    nameState(state, country),
    options.size,
    options.scale,
    options.format,
  );
  const blob =
    options.format === 'svg'
      ? new Blob([exportSvg(state, options, svgScene)], { type: 'image/svg+xml' })
      : await exportPng(state, options, render, ids);
  return { blob, filename };
}

/**
 * Every scene as a PNG, numbered in deck order, zipped. `sceneState(i)` gives the state of scene
 * `i` (its date, motives and highlight), so each renders exactly as in the presentation.
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
): Promise<ExportFile> {
  const files: Record<string, Uint8Array> = {};
  for (let i = 0; i < count; i++) {
    const { state, ids, prepare } = sceneState(i);
    await prepare();
    const blob = await exportPng(state, { ...options, format: 'png' }, render, ids);
    files[exportFileName(nameState(state, null), options.size, options.scale, 'png')] =
      new Uint8Array(await blob.arrayBuffer());
    progress(i + 1, count);
  }
  const first = sceneState(0).state;
  const zipName = exportFileName(nameState(first, null), options.size, options.scale, 'zip');
  // PNGs are compressed already: store them.
  return {
    blob: new Blob([zipSync(files, { level: 0 })], { type: 'application/zip' }),
    filename: zipName,
  };
}
