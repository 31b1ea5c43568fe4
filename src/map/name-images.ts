/**
 * Names the browser shapes, for the editions written in Arabic script. MapLibre's canvas text
 * joins Arabic only through Unicode's presentation forms, and the Pashto letters (ټ ډ ړ ږ ښ ګ ڼ
 * ۍ ځ څ) have none: on MapLibre's own text their words fall apart. So in those editions each name
 * is drawn by the canvas's own text (HarfBuzz, as every other text on the page) into an image the
 * map places as an icon, with MapLibre's collisions and ordering as before. The names' lines are
 * measured here too, with the same faces, and the picture engine sets the same lines
 * (`shapeNames`), so the first picture and the map agree.
 */
import { NAME_BLOCK, wrapName, type NameMeasure } from '../lib/labels.ts';
import { NAME_TEXT } from '../lib/style.ts';
import { LABEL_BOLD, LABEL_REGULAR, SCRIPT_FAMILY } from './label-faces.ts';

/**
 * The size a name is drawn at in its image, in CSS pixels: the largest the map writes names
 * (`LABEL_SIZE`), so the map shrinks images rather than blowing them up.
 */
export const IMAGE_SIZE = 15;

/** An image's id starts with this; the rest says how to draw it (`nameImageId`). */
const PREFIX = 'name|';

const font = (bold: boolean, size: number) =>
  `${bold ? 700 : 400} ${size}px "${bold ? LABEL_BOLD : LABEL_REGULAR}", "${SCRIPT_FAMILY}", sans-serif`;

let faces: Promise<unknown> | null = null;

/** Loads the script's faces in both weights, once; never fails (the fallback font draws). */
export function loadScriptFaces(): Promise<unknown> {
  faces ??= Promise.all([
    document.fonts.load(`400 ${IMAGE_SIZE}px "${SCRIPT_FAMILY}"`, 'ښ'),
    document.fonts.load(`700 ${IMAGE_SIZE}px "${SCRIPT_FAMILY}"`, 'ښ'),
  ]).catch(() => []);
  return faces;
}

let measuring: CanvasRenderingContext2D | null = null;
// Bookkeeping, not state: the same line always measures the same.
const widths = new Map<string, number>();

/** A line's width in ems as the canvas sets it (after `loadScriptFaces`). */
export const measureName: NameMeasure = (line, bold) => {
  const key = `${bold ? 1 : 0}${line}`;
  let ems = widths.get(key);
  if (ems === undefined) {
    measuring ??= document.createElement('canvas').getContext('2d')!;
    measuring.font = font(bold, 100);
    ems = measuring.measureText(line).width / 100;
    widths.set(key, ems);
  }
  return ems;
};

/** A name's lines as the map's images break it, measured as above. */
export function nameLines(name: string, bold: boolean): string[] {
  return wrapName(name, (line) => measureName(line, bold)).lines;
}

/**
 * The id of a name's image: its weight, colours and lines. An id says everything the image
 * shows, so a theme or a name never meets a stale image.
 */
export function nameImageId(lines: string, bold: boolean, fill: string, halo: string): string {
  return `${PREFIX}${bold ? 1 : 0}|${fill}|${halo}|${lines}`;
}

/**
 * The `icon-image` of a layer of names: each feature's `shaped` lines (joined by line feeds) in
 * the colours of its kind, as `nameImageId` writes them.
 */
export function nameImageExpression(
  paint: (kind: 'focus' | 'quiet' | 'plain') => { fill: string; halo: string; bold: boolean },
  kindOf: unknown[],
): unknown[] {
  const id = (kind: 'focus' | 'quiet' | 'plain') => {
    const { fill, halo, bold } = paint(kind);
    return ['concat', nameImageId('', bold, fill, halo), ['get', 'shaped']];
  };
  return ['match', kindOf, 'focus', id('focus'), 'quiet', id('quiet'), id('plain')];
}

/** `icon-size` for names drawn at `IMAGE_SIZE`, shown at `sizes` ([zoom, px] stops). */
export function nameImageSize(sizes: readonly (readonly [number, number])[]): unknown[] {
  return ['interpolate', ['linear'], ['zoom'], ...sizes.flatMap(([z, s]) => [z, s / IMAGE_SIZE])];
}

/** Where the text starts inside an image: its padding, in the image's CSS pixels. */
export const IMAGE_PADDING = NAME_BLOCK.padding;

/**
 * Draws the image an id names (`nameImageId`), or null for an id that is not a name's. Its box
 * is the block of lines and `NAME_BLOCK.padding` around it, the box MapLibre and the picture
 * engine give a name, each line centred, the halo a stroke under the fill.
 */
export function drawNameImage(
  id: string,
  pixelRatio: number,
): { width: number; height: number; data: Uint8ClampedArray } | null {
  if (!id.startsWith(PREFIX)) return null;
  const [weight, fill, halo, ...rest] = id.slice(PREFIX.length).split('|');
  const lines = rest.join('|').split('\n');
  const bold = weight === '1';
  const size = IMAGE_SIZE;
  const ems = Math.max(...lines.map((line) => measureName(line, bold)));
  const pad = IMAGE_PADDING;
  const cssWidth = ems * size + 2 * pad;
  const cssHeight = lines.length * NAME_BLOCK.lineHeight * size + 2 * pad;
  const width = Math.ceil(cssWidth * pixelRatio);
  const height = Math.ceil(cssHeight * pixelRatio);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const g = canvas.getContext('2d')!;
  g.scale(pixelRatio, pixelRatio);
  g.font = font(bold, size);
  g.textAlign = 'center';
  g.direction = 'rtl';
  g.lineJoin = 'round';
  // MapLibre's halo is `NAME_TEXT.halo` pixels at the size shown; drawn at the largest size.
  g.lineWidth = 2 * NAME_TEXT.halo;
  g.strokeStyle = halo ?? '#fff';
  g.fillStyle = fill ?? '#000';
  const first = NAME_BLOCK.baseline - (NAME_BLOCK.lineHeight * (lines.length - 1)) / 2;
  lines.forEach((line, i) => {
    const y = cssHeight / 2 + (first + i * NAME_BLOCK.lineHeight) * size;
    g.strokeText(line, cssWidth / 2, y);
    g.fillText(line, cssWidth / 2, y);
  });
  return { width, height, data: g.getImageData(0, 0, width, height).data };
}

/**
 * A map's `styleimagemissing` listener: draws each name image as MapLibre first asks for it, at
 * the screen's density and at least twice the CSS size, so a presentation's larger names stay
 * sharp.
 */
export function nameImageListener(
  map: Pick<import('maplibre-gl').Map, 'hasImage' | 'addImage'>,
): (e: { id: string }) => void {
  return (e) => {
    if (map.hasImage(e.id)) return;
    const ratio = Math.max(2, devicePixelRatio);
    const image = drawNameImage(e.id, ratio);
    if (image) map.addImage(e.id, image, { pixelRatio: ratio });
  };
}
