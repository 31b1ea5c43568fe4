/**
 * The SVG export: the same picture as the PNG (camera, colours, arcs, labels and furniture from
 * the same plan and layout), as real vectors.
 */
import type {
  Feature,
  FeatureCollection,
  Geometry,
  LineString,
  MultiPolygon,
  Point,
  Polygon,
} from 'geojson';
import type { ArcProps } from '../lib/arcs.ts';
import type { BoundaryKind, CountryProps } from '../lib/countries.ts';
import type { LevelOnDay, TensionOnDay } from '../lib/engagement.ts';
import { pictureLabelScale, type FocusCapitalProps, type LabelProps } from '../lib/labels.ts';
import {
  exportLayout,
  type ExportLayout,
  type MeasureText,
  type TextBlock,
} from '../lib/export-layout.ts';
import { MAP_THEMES } from '../lib/style.ts';
import {
  renderSvg,
  themedPaint,
  type SvgFurniture,
  type SvgTextBlock,
  type TextOutliner,
} from '../lib/svg-export.ts';
import { editorialDefaults, editorialTexts } from './editorial.ts';
import { canvasMeasure } from './text-measure.ts';
import {
  focusRects,
  pictureCamera,
  pictureLabelAnchors,
  pictureLayoutInput,
  type PictureOptions,
  type PictureState,
} from './plan.ts';

/** What the map draws, as data: the SVG is made from this, not read back from the map. */
export interface SvgScene {
  countries: FeatureCollection<Polygon | MultiPolygon, CountryProps>;
  boundaries: FeatureCollection<Geometry, { kind: BoundaryKind; name: string }>;
  /** The labels with their ranks on the date (`rankedLabels`). */
  labels: FeatureCollection<Point, LabelProps>;
  /** Kabul's marker (`focusCapital`). */
  capital: FeatureCollection<Point, FocusCapitalProps>;
  /** The arcs drawn on the date with the motives shown. */
  arcs: Feature<LineString, ArcProps>[];
  levelOf: ReadonlyMap<string, LevelOnDay>;
  tensionOf: ReadonlyMap<string, TensionOnDay>;
  muted: ReadonlySet<string>;
  highlight: readonly string[] | null;
  selected: string | null;
}

/**
 * A line with right-to-left letters in it, isolated (FSI … PDI): its direction from its first
 * strong letter, so an Arabic line reads right to left (a source line's Latin publishers in their
 * places) while its block keeps its place in the picture. A line without any stays as it is.
 */
function isolated(line: string): string {
  return /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/.test(line) ? `\u2068${line}\u2069` : line;
}

function text(block: TextBlock | undefined): SvgTextBlock | undefined {
  if (!block) return undefined;
  return {
    x: block.anchorX,
    y: block.baselines[0] ?? block.y,
    lines: block.lines.map(isolated),
    size: block.size,
    weight: block.weight,
    lineHeight: block.lineHeight,
    color: block.color,
    anchor: block.align === 'right' ? 'end' : 'start',
  };
}

/** The export layout as the SVG renderer's furniture. */
export function svgFurniture(layout: ExportLayout): SvgFurniture {
  const legend = layout.legend;
  return {
    plates: layout.backgroundBoxes.map((box) => ({
      ...box,
      fill: layout.colors.panel,
      opacity: layout.colors.panelOpacity,
    })),
    title: text(layout.title),
    subtitle: text(layout.subtitle),
    date: text(layout.dateStamp),
    source: text(layout.sourceLine),
    credit: text(layout.credit),
    legend: legend && {
      swatches: legend.items.flatMap((item) =>
        item.kind === 'swatch' && item.mark
          ? [{ ...item.mark, fill: item.color, stroke: 'rgba(0,0,0,0.15)', strokeWidth: 1 }]
          : [],
      ),
      lines: legend.items.flatMap((item) => {
        const m = item.mark;
        if (!m || (item.kind !== 'line' && item.kind !== 'dashed' && item.kind !== 'arc'))
          return [];
        const y = m.y + m.height / 2;
        return [
          {
            x1: m.x,
            y1: y,
            x2: m.x + m.width,
            y2: y,
            color: item.color,
            width: item.kind === 'arc' ? 2.5 : Math.max(2, m.height / 3),
            ...(item.kind === 'dashed' ? { dash: [4, 3] } : {}),
            ...(item.kind === 'arc' ? { casing: '#ffffff', round: true } : {}),
          },
        ];
      }),
      texts: legend.items.map((item) => ({
        x: item.text.x,
        y: item.text.baseline,
        lines: [isolated(item.label)],
        size: legend.size,
        weight: item.text.weight,
        lineHeight: legend.lineHeight,
        color: item.kind === 'heading' ? item.color : legend.textColor,
      })),
    },
  };
}

/**
 * The picture as an SVG document. Its text is measured with `measure`: the canvas's in a browser,
 * the font's advances (`advanceMeasure`) where there is none.
 */
export function exportSvg(
  state: PictureState,
  options: PictureOptions,
  scene: SvgScene,
  measure: MeasureText = canvasMeasure(),
  /** Given, the text is drawn as outlines (`TextOutliner`). */
  outline?: TextOutliner,
): string {
  const { size } = options;
  const camera = pictureCamera(state, size);
  const layout = exportLayout(
    pictureLayoutInput(
      state,
      options,
      focusRects(state, size, camera),
      measure,
      editorialTexts(editorialDefaults(state, scene), options.texts),
    ),
  );
  return renderSvg({
    width: size.width,
    height: size.height,
    camera,
    ...themedPaint(MAP_THEMES[options.theme], state.dataset.levels, {
      levelOf: scene.levelOf,
      tensionOf: scene.tensionOf,
      muted: scene.muted,
      highlight: scene.highlight,
    }),
    countries: scene.countries,
    highlight: scene.highlight,
    selected: scene.selected,
    boundaries: scene.boundaries,
    arcs: scene.arcs,
    labels: scene.labels,
    capital: scene.capital,
    labelScale: pictureLabelScale(size, camera.zoom),
    labelAnchors: pictureLabelAnchors(state, size, camera, layout.backgroundBoxes),
    keepClear: layout.backgroundBoxes,
    // An edition in Arabic script (its names measured as the browser shapes them): its text in
    // Noto Sans Arabic, after Noto Sans, which has no Arabic.
    labelFont: {
      regular: 'Noto Sans',
      bold: 'Noto Sans',
      ...(scene.labels.features.some((f) => f.properties.lines) && { script: 'Noto Sans Arabic' }),
    },
    furniture: svgFurniture(layout),
    outline,
  });
}
