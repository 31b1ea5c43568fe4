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

/** The family for Arabic script, after the label faces (which are Latin only): fonts.css. */
export const SCRIPT_FAMILY = 'Noto Sans Arabic';

let nameImages: Promise<typeof import('./name-images.ts')> | null = null;

/**
 * The code that draws names as images (./name-images.ts), with the script's faces loaded: for the
 * editions written in Arabic script only, so an English page fetches neither.
 */
export function loadNameImages(): Promise<typeof import('./name-images.ts')> {
  nameImages ??= import('./name-images.ts').then(async (module) => {
    await module.loadScriptFaces();
    return module;
  });
  return nameImages;
}
