/**
 * The map labels' font faces (declared in src/fonts.css). MapLibre rasterises each glyph once,
 * from whatever face the browser has at that moment, so the faces must be loaded before the
 * labels' layer is added, or the fallback font sticks.
 */
export const LABEL_REGULAR = 'Atlas Sans Regular';
export const LABEL_BOLD = 'Atlas Sans Bold';

let loading: Promise<unknown> | null = null;

/**
 * Loads both faces, once; never fails. main.ts starts it as the page loads: asked for only when the labels'
 * layer mounts, the faces were fetched after the dataset and held the labels back by ~300 ms.
 */
export function loadLabelFaces(): Promise<unknown> {
  loading ??= Promise.all([
    document.fonts.load(`24px "${LABEL_REGULAR}"`),
    document.fonts.load(`bold 24px "${LABEL_BOLD}"`),
  ]).catch(() => []); // a face that cannot load: the labels draw in the fallback font
  return loading;
}
