/** The types the Export dialog and the page share. */
import type { ExportElement } from '../lib/export-layout.ts';
import type { ThemeName } from '../lib/style.ts';
import type { EditorialTexts } from './editorial.ts';

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
  /** The editor's words over the picture's own (headline, dek, note, source line, credit). */
  texts?: Partial<EditorialTexts>;
  /** An SVG's text as outlines (every glyph a path), for a file that needs no font. */
  outlineText?: boolean;
}

export interface ExportFile {
  blob: Blob;
  filename: string;
}
