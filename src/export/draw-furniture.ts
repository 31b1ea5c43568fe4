/**
 * Draws the export's furniture (title, subtitle, date, legend, source line, credit) on a canvas,
 * from the layout the SVG export uses too, so both pictures carry the same text in the same places.
 */
import type { ExportLayout, LegendItem, TextBlock } from '../lib/export-layout.ts';

/** The CSS font family of the exported text: the app's bundled Noto Sans. */
export const EXPORT_FONT = '"Noto Sans", sans-serif';

/** Waits for the faces the furniture uses, so no fallback font is burnt into a picture. */
export async function loadExportFonts(): Promise<void> {
  await Promise.all([
    document.fonts.load(`400 16px ${EXPORT_FONT}`),
    document.fonts.load(`700 16px ${EXPORT_FONT}`),
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

function drawText(g: CanvasRenderingContext2D, block: TextBlock | undefined) {
  if (!block) return;
  g.font = `${block.weight} ${block.size}px ${EXPORT_FONT}`;
  g.fillStyle = block.color;
  g.textAlign = block.align;
  g.textBaseline = 'alphabetic';
  block.lines.forEach((line, i) => g.fillText(line, block.anchorX, block.baselines[i] ?? block.y));
}

function drawMark(g: CanvasRenderingContext2D, item: LegendItem) {
  const m = item.mark;
  if (!m) return;
  g.save();
  switch (item.kind) {
    case 'swatch':
      g.fillStyle = item.color;
      g.fillRect(m.x, m.y, m.width, m.height);
      g.strokeStyle = 'rgba(0,0,0,0.15)';
      g.lineWidth = 1;
      g.strokeRect(m.x + 0.5, m.y + 0.5, m.width - 1, m.height - 1);
      break;
    case 'line':
    case 'dashed':
      g.strokeStyle = item.color;
      g.lineWidth = Math.max(2, m.height / 3);
      if (item.kind === 'dashed') g.setLineDash([4, 3]);
      g.beginPath();
      g.moveTo(m.x, m.y + m.height / 2);
      g.lineTo(m.x + m.width, m.y + m.height / 2);
      g.stroke();
      break;
    case 'arc':
      g.strokeStyle = item.color;
      g.lineWidth = 2.5;
      g.lineCap = 'round';
      g.beginPath();
      g.moveTo(m.x, m.y + m.height);
      g.quadraticCurveTo(m.x + m.width / 2, m.y - m.height / 2, m.x + m.width, m.y + m.height);
      g.stroke();
      break;
    case 'heading':
      break;
  }
  g.restore();
}

/** Draws `layout` on `g`, whose transform maps CSS pixels of the picture (scale applied by the caller). */
export function drawFurniture(g: CanvasRenderingContext2D, layout: ExportLayout) {
  g.save();
  g.globalAlpha = layout.colors.panelOpacity;
  g.fillStyle = layout.colors.panel;
  for (const box of layout.backgroundBoxes) g.fillRect(box.x, box.y, box.width, box.height);
  g.restore();
  for (const block of [
    layout.title,
    layout.subtitle,
    layout.dateStamp,
    layout.sourceLine,
    layout.credit,
  ]) {
    drawText(g, block);
  }
  const legend = layout.legend;
  if (legend) {
    for (const item of legend.items) {
      drawMark(g, item);
      g.font = `${item.text.weight} ${legend.size}px ${EXPORT_FONT}`;
      g.fillStyle = item.kind === 'heading' ? item.color : legend.textColor;
      g.textAlign = 'left';
      g.textBaseline = 'alphabetic';
      g.fillText(item.label, item.text.x, item.text.baseline);
    }
  }
}
