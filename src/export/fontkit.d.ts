/**
 * The part of fontkit 2 the outliner uses (src/export/outline-text.ts): fontkit ships no types of
 * its own.
 */
declare module 'fontkit' {
  export interface PathCommand {
    command: 'moveTo' | 'lineTo' | 'quadraticCurveTo' | 'bezierCurveTo' | 'closePath';
    args: number[];
  }
  export interface Path {
    commands: PathCommand[];
    scale(sx: number, sy?: number): Path;
    translate(x: number, y: number): Path;
  }
  export interface Glyph {
    path: Path;
  }
  export interface GlyphPosition {
    xAdvance: number;
    yAdvance: number;
    xOffset: number;
    yOffset: number;
  }
  export interface GlyphRun {
    glyphs: Glyph[];
    positions: GlyphPosition[];
  }
  export interface Font {
    unitsPerEm: number;
    /** Shapes `text` (kerning, ligatures, Arabic joining) as the font's own layout features say, in `direction` (visual order). */
    layout(
      text: string,
      features?: string[],
      script?: string,
      language?: string,
      direction?: 'ltr' | 'rtl',
    ): GlyphRun;
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  /** Reads a TrueType, OpenType, WOFF or WOFF2 file. */
  export function create(buffer: Uint8Array): Font;
}
