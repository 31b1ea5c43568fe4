/** The types the Export dialog, the page and the map's export bridge share. */
import type { ExportElement } from '../lib/export-layout.ts';
import type { ThemeName } from '../lib/style.ts';
import type { Camera } from '../lib/url-state.ts';
import type { MapPictureRequest, PictureDraft } from './render-map.ts';

/** The whole deck: numbered PNGs in a zip, or a PDF with a page per scene. */
export type DeckFormat = 'zip' | 'pdf';

/** What the reader chose in the dialog. */
export interface ExportChoice {
  format: 'png' | 'svg';
  /** CSS pixels before scale. */
  size: { width: number; height: number };
  scale: number;
  theme: ThemeName;
  show: Record<ExportElement, boolean>;
}

export interface ExportFile {
  blob: Blob;
  filename: string;
}

/** What an export needs from the visible map, handed over by the map's export bridge. */
export interface MapAccess {
  /**
   * Gets the off-screen renderer ready while the reader chooses: for the view on screen when the
   * Export dialog opens (no draft), then for each size and theme chosen (`pictureDraft`).
   */
  warm: (draft?: PictureDraft) => void;
  render: (request: Omit<MapPictureRequest, 'source'>) => Promise<HTMLCanvasElement>;
  camera: () => Camera;
}
