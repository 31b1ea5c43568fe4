/**
 * The picture's text as the browser sets it: the faces loaded before anything is measured, and a
 * canvas to measure lines with, so the layout's boxes fit the text the picture draws.
 */

/** The CSS font family of the exported text: the app's bundled Noto Sans. */
export const EXPORT_FONT = '"Noto Sans", "Noto Sans Arabic", sans-serif';

/**
 * Waits for the faces the furniture uses, so no fallback font is burnt into a picture; the Arabic
 * script's too in the editions written in it (`script`).
 */
export async function loadExportFonts(script = false): Promise<void> {
  await Promise.all([
    document.fonts.load(`400 16px ${EXPORT_FONT}`),
    document.fonts.load(`700 16px ${EXPORT_FONT}`),
    script && document.fonts.load(`400 16px ${EXPORT_FONT}`, 'ښ'),
    script && document.fonts.load(`700 16px ${EXPORT_FONT}`, 'ښ'),
  ]);
}

/** Measures text as the canvas will draw it. */
export function canvasMeasure(): (
  text: string,
  font: { size: number; weight: 400 | 700 },
) => number {
  const g = document.createElement('canvas').getContext('2d')!;
  return (text, font) => {
    g.font = `${font.weight} ${font.size}px ${EXPORT_FONT}`;
    return g.measureText(text).width;
  };
}
