/**
 * Export sizes and file names: the presets the export dialog offers, the limits a size must keep,
 * and the name a downloaded picture gets from the state it shows. Shared by the dialog and the
 * command line, so both accept the same sizes and name files alike.
 */

/** The name every exported file starts with. */
export const FILE_PREFIX = 'kabul-atlas';

/** One entry of the dialog's "Size" select. */
export interface ExportSizePreset {
  id: 'current' | 'slides' | 'social' | 'square' | 'link-preview' | 'custom';
  /** The option's text in the dialog, e.g. `1920 × 1080 (slides)`. */
  label: string;
  /** CSS pixels before scale; `null` for the current view and custom sizes, which have none of their own. */
  width: number | null;
  height: number | null;
}

/** The dialog's "Size" options, in order. */
export const EXPORT_SIZES: readonly ExportSizePreset[] = [
  { id: 'current', label: 'Current view', width: null, height: null },
  { id: 'slides', label: '1920 × 1080 (slides)', width: 1920, height: 1080 },
  { id: 'social', label: '1200 × 675 (social)', width: 1200, height: 675 },
  { id: 'square', label: '1080 × 1080 (square)', width: 1080, height: 1080 },
  { id: 'link-preview', label: '1200 × 628 (link preview)', width: 1200, height: 628 },
  { id: 'custom', label: 'Custom', width: null, height: null },
];

/** The dialog's "Scale" options: device pixels per CSS pixel. */
export const EXPORT_SCALES = [1, 2, 3, 4] as const;

/**
 * The longest side a picture may have, in pixels after scale: twice MapLibre's default canvas
 * limit (4096), and within what Chromium allows a WebGL drawing buffer on common GPUs.
 */
export const MAX_EXPORT_SIDE = 8192;

/** The shortest side a picture may have, in pixels after scale: below it the furniture cannot fit. */
export const MIN_EXPORT_SIDE = 200;

/** What a file name is made from. */
export interface ExportNameState {
  mode: 'explore' | 'present';
  /** The selected country or institution, if any (explore mode). */
  country: string | null;
  /** The day shown, `YYYY-MM-DD`. */
  date: string;
  /** The scene, counted from 1 (presentation mode). */
  sceneNumber?: number;
  /** The scene's id, e.g. `china-2023`. */
  sceneId?: string;
}

/** A picture's size in CSS pixels, before scale. */
export interface ExportSize {
  width: number;
  height: number;
}

/**
 * An id or date made safe for a file name: anything but letters, digits, `.` and `-` becomes `-`
 * (so `_` and `@` keep their meaning as separators), runs collapse, and ends are trimmed.
 * @example safePart('western countries') // 'western-countries'
 * @example safePart('../etc/passwd') // 'etc-passwd'
 */
function safePart(text: string): string {
  return text
    .replace(/[^A-Za-z0-9.-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[.-]+|[.-]+$/g, '');
}

/**
 * The file name for an export of a state at a size and scale: the country (if any) and date in
 * exploration, the numbered scene in presentation mode, `scenes` for the whole deck (zip or PDF). Only
 * `[A-Za-z0-9._@-]` appear in it.
 * @example exportFileName({ mode: 'explore', country: 'CHN', date: '2025-06-30' }, { width: 1920, height: 1080 }, 2, 'png')
 *   // 'kabul-atlas_CHN_2025-06-30_1920x1080@2x.png'
 * @example exportFileName({ mode: 'present', country: null, date: '2023-12-01', sceneNumber: 3, sceneId: 'china-2023' }, { width: 1920, height: 1080 }, 2, 'png')
 *   // 'kabul-atlas_scene-03-china-2023_1920x1080@2x.png'
 * @example exportFileName(anyState, { width: 1920, height: 1080 }, 2, 'zip')
 *   // 'kabul-atlas_scenes_1920x1080@2x.zip'
 */
export function exportFileName(
  state: ExportNameState,
  size: ExportSize,
  scale: number,
  format: 'png' | 'svg' | 'zip' | 'pdf',
): string {
  let subject: string[];
  if (format === 'zip' || format === 'pdf') {
    subject = ['scenes'];
  } else if (state.mode === 'present' && state.sceneNumber !== undefined) {
    const number = String(Math.max(0, Math.round(state.sceneNumber))).padStart(2, '0');
    const id = safePart(state.sceneId ?? '');
    subject = [id ? `scene-${number}-${id}` : `scene-${number}`];
  } else {
    subject = [safePart(state.country ?? ''), safePart(state.date)];
  }
  const dimensions = `${Math.round(size.width)}x${Math.round(size.height)}@${safePart(String(scale))}x`;
  return (
    [FILE_PREFIX, ...subject.filter((part) => part !== ''), dimensions].join('_') + `.${format}`
  );
}

/**
 * A size written `WIDTHxHEIGHT` (as the command line takes it; `×` and `X` also do, and spaces
 * around them), in whole CSS pixels; `null` if it is not one. Limits are `checkExportSize`'s job.
 * @example parseSize('1920x1080') // { width: 1920, height: 1080 }
 * @example parseSize('1200 × 675') // { width: 1200, height: 675 }
 * @example parseSize('1920') // null
 */
export function parseSize(text: string): ExportSize | null {
  const match = /^\s*(\d{1,9})\s*[x×X]\s*(\d{1,9})\s*$/.exec(text);
  if (!match) return null;
  return { width: Number(match[1]), height: Number(match[2]) };
}

/**
 * Why a size and scale cannot be exported, in one line, or `null` if they can: sides must be whole
 * CSS pixels, the scale one of `EXPORT_SCALES`, and each side after scale between
 * `MIN_EXPORT_SIDE` and `MAX_EXPORT_SIDE` pixels.
 * @example checkExportSize({ width: 1920, height: 1080 }, 4) // null
 * @example checkExportSize({ width: 3000, height: 1080 }, 3)
 *   // 'Too large: 3000 × 1080 at 3x is 9000 × 3240 pixels, and no side may exceed 8192 (at most 2730 px wide at 3x).'
 */
export function checkExportSize(size: ExportSize, scale: number): string | null {
  const { width, height } = size;
  if (!Number.isInteger(width) || !Number.isInteger(height)) {
    return `Width and height must be whole numbers of pixels (got ${width} × ${height}).`;
  }
  if (!(EXPORT_SCALES as readonly number[]).includes(scale)) {
    return `Scale must be ${EXPORT_SCALES.slice(0, -1).join(', ')} or ${EXPORT_SCALES.at(-1)} (got ${scale}).`;
  }
  const pixels = `${width} × ${height} at ${scale}x is ${width * scale} × ${height * scale} pixels`;
  const longest = Math.max(width, height);
  if (longest * scale > MAX_EXPORT_SIDE) {
    const side = width >= height ? 'wide' : 'tall';
    const most = Math.floor(MAX_EXPORT_SIDE / scale);
    return `Too large: ${pixels}, and no side may exceed ${MAX_EXPORT_SIDE} (at most ${most} px ${side} at ${scale}x).`;
  }
  if (Math.min(width, height) * scale < MIN_EXPORT_SIDE) {
    return `Too small: ${pixels}, and every side needs at least ${MIN_EXPORT_SIDE}.`;
  }
  return null;
}
