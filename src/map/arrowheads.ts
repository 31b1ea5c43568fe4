/**
 * The arcs' arrowhead icons, drawn at run time on a canvas so the map needs no sprite and makes no
 * request. Their shape is style.ts's ARROWHEAD, which the picture engine draws too.
 */
import { MOTIVE_COLORS } from '../lib/palette.ts';
import type { MotiveCategory } from '../lib/schema.ts';
import { MOTIVE_CATEGORIES } from '../lib/vocabulary.ts';
import { ARROWHEAD } from '../lib/style.ts';

/** The icon name of a category's arrowhead. */
export const arrowImage = (category: MotiveCategory) => `arc-arrow-${category}`;

/**
 * An arrowhead pointing east (as `icon-rotate` expects, see arcArrowheads), in the category's
 * colour with a white outline, drawn at twice its CSS size for sharp screens.
 */
export function arrowhead(colour: string): ImageData {
  const scale = 2;
  const { box, shape, edge } = ARROWHEAD;
  const size = box * scale;
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  // Read back at once: a canvas kept in memory, not on the GPU, where the read would wait for
  // the GPU to draw it (150 ms and more of the first render with GPU compositing on SwiftShader).
  const g = canvas.getContext('2d', { willReadFrequently: true })!;
  g.scale(scale, scale);
  // The notched head, from the box's centre.
  g.beginPath();
  for (const [x, y] of shape) g.lineTo(box / 2 + x, box / 2 + y);
  g.closePath();
  g.lineJoin = 'round';
  g.lineWidth = edge;
  g.strokeStyle = '#ffffff';
  g.stroke();
  g.fillStyle = colour;
  g.fill();
  return g.getImageData(0, 0, size, size);
}

/** Adds the three arrowheads to a map (skipping any it has). */
export function addArrowheads(map: {
  hasImage(id: string): boolean;
  addImage(id: string, image: ImageData, options: { pixelRatio: number }): void;
}) {
  for (const category of MOTIVE_CATEGORIES) {
    const id = arrowImage(category);
    if (!map.hasImage(id)) map.addImage(id, arrowhead(MOTIVE_COLORS[category]), { pixelRatio: 2 });
  }
}
