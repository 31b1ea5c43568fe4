/**
 * The SVG export on the shipped geometry and data: a well-formed standalone document, a path for
 * each country and arc that shows and none for those that do not, the map's colours, MapLibre's
 * projection, escaped text, and the helpers it is built from (label lines, paints, fills).
 */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser, onWarningStopParsing } from '@xmldom/xmldom';
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { Topology } from 'topojson-specification';
import {
  readDatasetFolder,
  readFoundingText,
  REPO_ROOT,
  shippedGeometryIds,
} from '../../scripts/dataset-files.ts';
import { arcArrowheads, arcFeatures, visibleArcIds } from '../../src/lib/arcs.ts';
import {
  boundaryFeatures,
  countryFeatures,
  labelPoints,
  type CountryProps,
} from '../../src/lib/countries.ts';
import { engagementIndex, levelsOn, tensionsOn } from '../../src/lib/engagement.ts';
import { MOTIVE_COLORS } from '../../src/lib/palette.ts';
import { REGION_BOUNDS } from '../../src/lib/scene-view.ts';
import { MOTIVE_CATEGORIES } from '../../src/lib/schema.ts';
import { MAP_THEMES, type ThemeName } from '../../src/lib/style.ts';
import {
  countryPaintOf,
  escapeXml,
  labelLines,
  renderSvg,
  screenProjection,
  svgPaint,
  type SvgCamera,
  type SvgFurniture,
  type SvgMapInput,
} from '../../src/lib/svg-export.ts';
import { fitBounds, project } from '../../src/lib/viewport.ts';
import { formatProblem, validateDataset } from '../../src/lib/validate.ts';

const result = validateDataset(readDatasetFolder(join(REPO_ROOT, 'data')), {
  geometryIds: shippedGeometryIds(),
  foundingText: readFoundingText(),
});
if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
const dataset = result.dataset;
const topology = JSON.parse(
  readFileSync(join(REPO_ROOT, 'public/geo/countries.json'), 'utf8'),
) as Topology;
const countries = countryFeatures(topology);
const boundaries = boundaryFeatures(topology);
const names = new Map(dataset.countries.map((c) => [c.id, c.name]));
const labels = labelPoints(topology, names);
const index = engagementIndex(dataset);
const arcs = arcFeatures(dataset);

const KABUL: [number, number] = [69.17, 34.53];
/** Russia recognised the Islamic Emirate on 3 July 2025; the README's picture is of this day. */
const DATE = '2025-07-10';
const FULL_HD = { width: 1920, height: 1080 };
/** The app's default view: the region, 20 px clear of each edge. */
const regionCamera = (size: { width: number; height: number }): SvgCamera =>
  fitBounds(REGION_BOUNDS, size, { top: 20, right: 20, bottom: 20, left: 20 }, { minZoom: 0 });
const KABUL_CLOSE: SvgCamera = { lon: KABUL[0], lat: KABUL[1], zoom: 6 };

const FURNITURE: SvgFurniture = {
  plates: [{ x: 0, y: 0, width: 640, height: 96, fill: 'rgba(255,255,255,0.9)' }],
  title: { x: 24, y: 44, lines: ['Who engages with Kabul'], size: 28, weight: 700, lineHeight: 34 },
  subtitle: { x: 24, y: 72, lines: ['Levels of engagement'], size: 16, lineHeight: 20 },
  date: { x: 1896, y: 44, lines: ['10 July 2025'], size: 16, lineHeight: 20, anchor: 'end' },
  legend: {
    swatches: [{ x: 24, y: 900, width: 14, height: 14, fill: '#0b3c49' }],
    lines: [{ x1: 24, y1: 940, x2: 44, y2: 940, color: '#e6ae00', width: 2.5, casing: '#ffffff' }],
    texts: [{ x: 46, y: 912, lines: ['Formal recognition'], size: 13, lineHeight: 16 }],
  },
  source: { x: 24, y: 1060, lines: ['Source: Al Jazeera Net, 2025'], size: 12, lineHeight: 15 },
  credit: { x: 1896, y: 1060, lines: ['Kabul Engagement Atlas'], size: 12, lineHeight: 15 },
};

interface Options {
  date?: string;
  size?: { width: number; height: number };
  camera?: SvgCamera;
  theme?: ThemeName;
  highlight?: string[] | null;
  selected?: string | null;
  labels?: FeatureCollection<Point, CountryProps>;
  furniture?: SvgFurniture;
}

/** The input the export gets for a state, built from the same functions the map uses. */
function inputFor(options: Options = {}): SvgMapInput {
  const { date = DATE, size = FULL_HD, highlight = null, selected = null } = options;
  const theme = MAP_THEMES[options.theme ?? 'light'];
  const levelOf = levelsOn(index, date);
  const tensions = tensionsOn(index, date);
  const shown = visibleArcIds(
    arcs.features.map((f) => f.properties),
    date,
    new Set(MOTIVE_CATEGORIES),
  );
  const tensionColor = (id: 'tension' | 'conflict') =>
    dataset.levels.tensions.find((t) => t.id === id)!.color;
  return {
    ...size,
    camera: options.camera ?? regionCamera(size),
    theme,
    countries,
    fill: countryPaintOf({
      levels: dataset.levels,
      levelOf,
      noDataColor: theme.noData(dataset.levels),
      focusColor: theme.focus(dataset.levels),
      highlight,
    }),
    tension: (id) => tensions.get(id)?.tension ?? null,
    tensionColors: { tension: tensionColor('tension'), conflict: tensionColor('conflict') },
    highlight,
    selected,
    boundaries,
    neutral: theme.noData(dataset.levels),
    arcs: arcs.features.filter((f) => shown.has(f.properties.id)),
    arcColors: MOTIVE_COLORS,
    labels: options.labels ?? labels,
    labelFont: { regular: 'Noto Sans', bold: 'Noto Sans' },
    furniture: options.furniture ?? FURNITURE,
  };
}

/** Parses strictly: any error or warning throws. */
function parse(svg: string) {
  return new DOMParser({ onError: onWarningStopParsing }).parseFromString(svg, 'image/svg+xml');
}

type Doc = ReturnType<typeof parse>;
type El = ReturnType<Doc['getElementsByTagName']>[number];

function elements(doc: Pick<Doc, 'getElementsByTagName'>, tag: string): El[] {
  return Array.from(doc.getElementsByTagName(tag));
}

/** The country ids with a path, from their `country-XXX` ids. */
function countryIds(doc: Doc): string[] {
  return elements(doc, 'path')
    .map((p) => p.getAttribute('id') ?? '')
    .filter((id) => id.startsWith('country-'))
    .map((id) => id.slice('country-'.length));
}

/** The points of a path's data, as [x, y] pairs. */
function pathPoints(d: string): [number, number][] {
  const numbers = (d.match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number);
  const points: [number, number][] = [];
  for (let i = 0; i + 1 < numbers.length; i += 2) points.push([numbers[i]!, numbers[i + 1]!]);
  return points;
}

/** Where a place lands in the picture according to viewport.ts, MapLibre's own numbers. */
function expectedPixel(
  place: [number, number],
  camera: SvgCamera,
  size = FULL_HD,
): [number, number] {
  const [x, y] = project(place, camera.zoom);
  const [cx, cy] = project([camera.lon, camera.lat], camera.zoom);
  return [x - cx + size.width / 2, y - cy + size.height / 2];
}

describe('renderSvg: a standalone, well-formed document', () => {
  test.each([
    ['the region, light', {}],
    ['a scene, dark, highlighted', { theme: 'dark', highlight: ['CHN', 'RUS'] }],
    ['China selected, close to Kabul', { selected: 'CHN', camera: KABUL_CLOSE }],
    ['a square, no furniture', { size: { width: 1080, height: 1080 }, furniture: {} }],
  ] as [string, Options][])('%s parses as XML with an svg root', (_, options) => {
    const doc = parse(renderSvg(inputFor(options)));
    expect(doc.documentElement?.localName).toBe('svg');
    expect(doc.documentElement?.namespaceURI).toBe('http://www.w3.org/2000/svg');
  });

  test('has no character or entity reference the parser lets through but XML forbids', () => {
    const svg = renderSvg(inputFor());
    expect(svg.match(/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[\da-f]+);)/gi)).toBeNull();
    // eslint-disable-next-line no-control-regex
    expect(svg.match(/[\x00-\x08\x0B\x0C\x0E-\x1F]/g)).toBeNull();
  });

  test('the strict parser rejects a malformed document (so the test above has teeth)', () => {
    expect(() =>
      parse('<svg xmlns="http://www.w3.org/2000/svg"><text>a <b</text></svg>'),
    ).toThrow();
  });

  test('states its size as width, height and a viewBox from 0 0', () => {
    const svg = parse(renderSvg(inputFor({ size: { width: 1200, height: 675 } }))).documentElement!;
    expect([svg.getAttribute('width'), svg.getAttribute('height')]).toEqual(['1200', '675']);
    expect(svg.getAttribute('viewBox')).toBe('0 0 1200 675');
  });

  test('embeds no raster and references nothing outside itself', () => {
    const svg = renderSvg(inputFor());
    expect(svg).not.toMatch(/<image|<foreignObject|href=|@import|url\((?!#map-clip\))/);
    expect(svg.match(/https?:\/\/[^"]*/g)).toEqual(['http://www.w3.org/2000/svg']);
  });

  test('draws the ocean as a background rect in the theme colour', () => {
    const ocean = parse(renderSvg(inputFor({ theme: 'dark' }))).getElementById('ocean')!;
    expect(ocean.localName).toBe('rect');
    expect(ocean.getAttribute('fill')).toBe(MAP_THEMES.dark.ocean);
  });

  test('gives the same bytes for the same input', () => {
    expect(renderSvg(inputFor())).toBe(renderSvg(inputFor()));
  });

  test('stays well under 1.5 MB for 1920 × 1080 of the whole region', () => {
    expect(renderSvg(inputFor()).length).toBeLessThan(1_000_000);
  });

  test.each([
    [0, 1080],
    [1920, Number.NaN],
    [-5, 100],
  ])('refuses a %s × %s picture', (width, height) => {
    expect(() => renderSvg(inputFor({ size: { width, height } }))).toThrow(RangeError);
  });
});

describe('renderSvg: countries', () => {
  test('draws every country whose label point is in the picture', () => {
    const camera = regionCamera(FULL_HD);
    const inView = labels.features
      .map((f) => ({
        id: f.properties.id,
        at: expectedPixel(f.geometry.coordinates as [number, number], camera),
      }))
      .filter(({ at: [x, y] }) => x > 0 && x < 1920 && y > 0 && y < 1080)
      .map(({ id }) => id);
    expect(inView.length).toBeGreaterThan(15);
    expect(countryIds(parse(renderSvg(inputFor({ camera }))))).toEqual(
      expect.arrayContaining(inView),
    );
  });

  test('draws each country once at most', () => {
    const ids = countryIds(parse(renderSvg(inputFor())));
    expect(ids.length).toBe(new Set(ids).size);
  });

  test.each([
    ['the region', regionCamera(FULL_HD), ['USA', 'CAN', 'AUS', 'BRA']],
    ['Kabul close up', KABUL_CLOSE, ['RUS', 'NOR', 'SAU', 'USA']],
  ])('leaves out countries entirely outside the picture (%s)', (_, camera, outside) => {
    const ids = countryIds(parse(renderSvg(inputFor({ camera }))));
    expect(ids).toContain('AFG');
    expect(ids.filter((id) => outside.includes(id))).toEqual([]);
  });

  test('cuts geometry reaching out of the picture at a small margin around it', () => {
    const doc = parse(renderSvg(inputFor({ camera: KABUL_CLOSE })));
    const points = elements(doc, 'path').flatMap((p) => pathPoints(p.getAttribute('d') ?? ''));
    const xs = points.map(([x]) => x);
    const ys = points.map(([, y]) => y);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(-16.1);
    expect(Math.max(...xs)).toBeLessThanOrEqual(1920 + 16.1);
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(-16.1);
    expect(Math.max(...ys)).toBeLessThanOrEqual(1080 + 16.1);
  });

  test('fills a country that covers the whole picture edge to edge', () => {
    const camera = { lon: 100, lat: 62, zoom: 6 }; // Siberia
    const d = parse(renderSvg(inputFor({ camera })))
      .getElementById('country-RUS')!
      .getAttribute('d');
    expect(d).toBe('M-16,-16L1936,-16L1936,1096L-16,1096Z');
  });

  test.each([
    ['light', null],
    ['dark', null],
    ['dark', ['CHN', 'UZB']],
  ] as [ThemeName, string[] | null][])(
    'fills each country with the colour and opacity the input gives (%s, highlight %j)',
    (theme, highlight) => {
      const input = inputFor({ theme, highlight });
      const fill = input.fill as (id: string) => { color: string; opacity: number };
      const drawn = elements(parse(renderSvg(input)), 'path')
        .filter((p) => p.getAttribute('id')?.startsWith('country-'))
        .map((p) => ({
          id: p.getAttribute('data-id')!,
          color: p.getAttribute('fill'),
          opacity: Number(p.getAttribute('fill-opacity') ?? 1),
        }));
      expect(drawn).toEqual(drawn.map(({ id }) => ({ id, ...fill(id) })));
    },
  );

  test('fills Afghanistan in the focus colour', () => {
    const doc = parse(renderSvg(inputFor()));
    expect(doc.getElementById('country-AFG')!.getAttribute('fill')).toBe(
      dataset.levels.focus.color,
    );
  });

  test('takes fills from a Map as well as from a function', () => {
    const input = { ...inputFor(), fill: new Map([['CHN', { color: '#123456', opacity: 0.5 }]]) };
    const china = parse(renderSvg(input)).getElementById('country-CHN')!;
    expect([china.getAttribute('fill'), china.getAttribute('fill-opacity')]).toEqual([
      '#123456',
      '0.5',
    ]);
  });

  test('fills disputed areas with the neutral colour, never a country colour', () => {
    const areas = elements(parse(renderSvg(inputFor())), 'path').filter(
      (p) => p.getAttribute('class') === 'disputed-area',
    );
    expect(areas.length).toBeGreaterThan(0);
    expect(new Set(areas.map((p) => p.getAttribute('fill')))).toEqual(
      new Set([dataset.levels.noData.color]),
    );
  });

  test('strokes the land borders as one mesh in the theme colour', () => {
    const borders = parse(renderSvg(inputFor({ theme: 'dark' }))).getElementById('borders')!;
    expect([borders.getAttribute('fill'), borders.getAttribute('stroke')]).toEqual([
      'none',
      MAP_THEMES.dark.border,
    ]);
  });

  test('dashes the disputed boundaries', () => {
    const disputed = parse(renderSvg(inputFor())).getElementById('disputed-boundaries')!;
    expect(disputed.getAttribute('stroke-dasharray')).toBe('2 1.5');
  });

  test.each([
    ['2025-10-20', 'tension', '#e08a2c', '6 3'], // MapLibre dashes 3, 1.5 line widths of 2 px
    ['2026-02-23', 'conflict', '#c0392b', null],
  ])('outlines Pakistan on %s for %s', (date, kind, stroke, dash) => {
    const outline = elements(parse(renderSvg(inputFor({ date }))), 'path').find(
      (p) => p.getAttribute('class') === kind,
    )!;
    expect(outline.getAttribute('data-id')).toBe('PAK');
    expect([outline.getAttribute('stroke'), outline.getAttribute('stroke-dasharray')]).toEqual([
      stroke,
      dash,
    ]);
  });

  test('outlines the countries a scene highlights, and only those', () => {
    const doc = parse(renderSvg(inputFor({ theme: 'dark', highlight: ['CHN', 'UZB'] })));
    const outlined = elements(doc, 'path')
      .filter((p) => p.getAttribute('class') === 'highlight')
      .map((p) => [p.getAttribute('data-id'), p.getAttribute('stroke')]);
    expect(outlined).toEqual([
      ['CHN', MAP_THEMES.dark.outline],
      ['UZB', MAP_THEMES.dark.outline],
    ]);
  });
});

describe('renderSvg: arcs', () => {
  test('draws every visible arc as a path in its category colour, over a white casing', () => {
    const input = inputFor();
    const doc = parse(renderSvg(input));
    expect(input.arcs.length).toBeGreaterThan(10);
    for (const arc of input.arcs) {
      const { id, category } = arc.properties;
      const line = doc.getElementById(`arc-${id}`);
      const casing = elements(doc.getElementById('arc-casings')!, 'path').find(
        (p) => p.getAttribute('data-id') === id,
      );
      expect([line?.getAttribute('stroke'), casing?.getAttribute('stroke')]).toEqual([
        MOTIVE_COLORS[category],
        '#ffffff',
      ]);
    }
  });

  test('draws an arrowhead for every visible arc long enough at the tile’s zoom', () => {
    const input = inputFor();
    const tileZoom = Math.floor(input.camera.zoom);
    const heads = elements(parse(renderSvg(input)), 'path')
      .filter((p) => p.getAttribute('class') === 'arrowhead')
      .map((p) => p.getAttribute('data-id'));
    const long = arcArrowheads({ type: 'FeatureCollection', features: [...input.arcs] })
      .features.filter((h) => h.properties.arrowFrom <= tileZoom)
      .map((h) => h.properties.id);
    expect(heads.sort()).toEqual(long.sort());
  });

  test('leaves out the arrowheads of Islamabad’s arcs at the default view, and draws them at zoom 4', () => {
    const heads = (camera?: SvgCamera) =>
      elements(parse(renderSvg(inputFor({ camera }))), 'path')
        .filter((p) => p.getAttribute('class') === 'arrowhead')
        .map((p) => p.getAttribute('data-id'))
        .filter((id) => id?.startsWith('pak-'));
    expect([heads().length, heads({ lon: 70, lat: 34, zoom: 4 }).length]).toEqual([0, 3]);
  });

  test('draws no arc that is not in the input', () => {
    const input = { ...inputFor(), arcs: [] };
    const svg = renderSvg(input);
    expect(svg).not.toContain('id="arc-');
  });

  test('ends each arc at Kabul, where viewport.ts puts it (0.5 px)', () => {
    const camera = regionCamera(FULL_HD);
    const doc = parse(renderSvg(inputFor({ camera })));
    const [kx, ky] = expectedPixel(KABUL, camera);
    const ends = elements(doc.getElementById('arc-lines')!, 'path').map((p) =>
      pathPoints(p.getAttribute('d')!).at(-1)!,
    );
    expect(ends.length).toBeGreaterThan(10);
    for (const [x, y] of ends) {
      expect(Math.abs(x - kx)).toBeLessThan(0.5);
      expect(Math.abs(y - ky)).toBeLessThan(0.5);
    }
  });

  test("thickens the selected country's arcs and dims the others", () => {
    const doc = parse(renderSvg(inputFor({ selected: 'CHN', camera: KABUL_CLOSE })));
    const lines = elements(doc.getElementById('arc-lines')!, 'path');
    const style = (p: El) => [p.getAttribute('stroke-width'), p.getAttribute('stroke-opacity')];
    const china = lines.filter((p) => p.getAttribute('data-id')!.startsWith('chn-'));
    const others = lines.filter((p) => !p.getAttribute('data-id')!.startsWith('chn-'));
    expect(new Set(china.map((p) => style(p).join()))).toEqual(new Set(['4,']));
    expect(new Set(others.map((p) => style(p).join()))).toEqual(new Set(['3,0.3']));
  });
});

describe('renderSvg: labels and furniture', () => {
  test('writes the country labels in Noto Sans, the halo a stroke under the fill', () => {
    const doc = parse(renderSvg(inputFor()));
    const group = doc.getElementById('labels')!;
    const texts = elements(group, 'text');
    expect(texts.length).toBeGreaterThan(10);
    expect(new Set(texts.map((t) => t.getAttribute('font-family')))).toEqual(
      new Set(['Noto Sans, sans-serif']),
    );
    expect(group.getAttribute('paint-order')).toBe('stroke');
  });

  test("writes Afghanistan's label in bold, in the focus label colour", () => {
    const doc = parse(renderSvg(inputFor()));
    const afghanistan = elements(doc, 'text').find((t) => t.getAttribute('data-id') === 'AFG')!;
    expect([
      afghanistan.getAttribute('font-weight'),
      afghanistan.getAttribute('fill'),
      afghanistan.textContent,
    ]).toEqual(['700', MAP_THEMES.light.focusLabel, 'Afghanistan']);
  });

  test.each([
    [1, '10'],
    [2.5, '11.5'],
    [4, '13'],
    [5, '14'],
    [6, '15'],
    [7, '15'],
  ])('sizes labels as the map does at zoom %s: %s px', (zoom, size) => {
    // Centred on Afghanistan's name, which at zoom 7 is a screen away from Kabul.
    const [lon, lat] = labels.features.find((f) => f.properties.id === 'AFG')!.geometry.coordinates;
    const doc = parse(renderSvg(inputFor({ camera: { lon: lon!, lat: lat!, zoom } })));
    const afghanistan = elements(doc, 'text').find((t) => t.getAttribute('data-id') === 'AFG')!;
    expect(afghanistan.getAttribute('font-size')).toBe(size);
  });

  test('centres a label on its point, the first baseline 0.4375 em below it', () => {
    const camera = regionCamera(FULL_HD);
    const doc = parse(renderSvg(inputFor({ camera })));
    const point = labels.features.find((f) => f.properties.id === 'AFG')!.geometry.coordinates;
    const [x, y] = expectedPixel(point as [number, number], camera);
    const tspan = elements(doc, 'text')
      .find((t) => t.getAttribute('data-id') === 'AFG')!
      .getElementsByTagName('tspan')[0]!;
    const size = 10 + (3 * (camera.zoom - 1)) / 3;
    expect(Number(tspan.getAttribute('x'))).toBeCloseTo(x, 1);
    expect(Number(tspan.getAttribute('y'))).toBeCloseTo(y + 0.4375 * size, 1);
  });

  test('breaks a long name into lines, as MapLibre does', () => {
    const doc = parse(renderSvg(inputFor()));
    const uae = elements(doc, 'text').find((t) => t.getAttribute('data-id') === 'ARE')!;
    expect(Array.from(uae.getElementsByTagName('tspan')).map((t) => t.textContent)).toEqual([
      'United Arab',
      'Emirates',
    ]);
  });

  // Checked against the app in Chromium, 1280 × 637 map at center=60,35&zoom=1.6: MapLibre places
  // the western tile's labels first, so the United Kingdom wins over Germany, and Afghanistan's
  // label hides Iran's.
  test.each([
    ['GBR', true],
    ['DEU', false],
    ['IRN', false],
    ['FRA', true],
  ])('at zoom 1.6, where labels crowd, shows %s: %s', (id, shown) => {
    const input = inputFor({
      size: { width: 1280, height: 637 },
      camera: { lon: 60, lat: 35, zoom: 1.6 },
      furniture: {},
    });
    const ids = elements(parse(renderSvg(input)), 'text').map((t) => t.getAttribute('data-id'));
    expect(ids.includes(id)).toBe(shown);
  });

  test('burns in the title, subtitle, date stamp, legend, source line and credit', () => {
    const doc = parse(renderSvg(inputFor()));
    const text = (id: string) => doc.getElementById(id)?.textContent;
    expect([
      text('title'),
      text('subtitle'),
      text('date'),
      text('legend-text-1'),
      text('source'),
      text('credit'),
    ]).toEqual([
      'Who engages with Kabul',
      'Levels of engagement',
      '10 July 2025',
      'Formal recognition',
      'Source: Al Jazeera Net, 2025',
      'Kabul Engagement Atlas',
    ]);
  });

  test('writes the furniture in Noto Sans, at the size and weight the layout gives', () => {
    const title = parse(renderSvg(inputFor())).getElementById('title')!;
    expect([
      title.getAttribute('font-family'),
      title.getAttribute('font-size'),
      title.getAttribute('font-weight'),
    ]).toEqual(['Noto Sans, sans-serif', '28', '700']);
  });

  test('leaves out the parts of the furniture switched off', () => {
    const doc = parse(renderSvg(inputFor({ furniture: { title: FURNITURE.title } })));
    expect(
      ['subtitle', 'date', 'legend', 'source', 'credit'].map((id) => doc.getElementById(id)),
    ).toEqual([null, null, null, null, null]);
  });

  test('names the document after its title', () => {
    const doc = parse(renderSvg(inputFor()));
    expect(elements(doc, 'title')[0]?.textContent).toBe('Who engages with Kabul');
  });

  test('splits an rgba colour into a colour and an opacity', () => {
    const plate = parse(renderSvg(inputFor()))
      .getElementById('furniture')!
      .getElementsByTagName('rect')[0]!;
    expect([plate.getAttribute('fill'), plate.getAttribute('fill-opacity')]).toEqual([
      'rgb(255,255,255)',
      '0.9',
    ]);
  });
});

describe('renderSvg: escaping', () => {
  const EVIL = '<script>&"\'Evil';
  const evilLabel: Feature<Point, CountryProps> = {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: KABUL },
    properties: { id: 'AFG', name: EVIL },
  };

  test('keeps a label name with markup in it as text', () => {
    const svg = renderSvg(
      inputFor({ labels: { type: 'FeatureCollection', features: [evilLabel] } }),
    );
    const label = elements(parse(svg), 'text').find((t) => t.getAttribute('data-id') === 'AFG')!;
    expect(label.textContent).toBe(EVIL);
    expect(svg).not.toContain('<script>');
  });

  test('keeps a title with markup in it as text', () => {
    const svg = renderSvg(
      inputFor({ furniture: { title: { ...FURNITURE.title!, lines: [EVIL] } } }),
    );
    expect(parse(svg).getElementById('title')!.textContent).toBe(EVIL);
    expect(svg).not.toContain('<script>');
  });

  test('drops characters XML forbids, so the document still parses', () => {
    const svg = renderSvg(
      inputFor({ furniture: { source: { ...FURNITURE.source!, lines: ['a\u0001b\uD800c'] } } }),
    );
    expect(parse(svg).getElementById('source')!.textContent).toBe('abc');
  });
});

describe('escapeXml', () => {
  test.each([
    ['<script>&"', '&lt;script&gt;&amp;&quot;'],
    ["Côte d'Ivoire", 'Côte d&apos;Ivoire'],
    ['Türkiye', 'Türkiye'],
    ['a\tb\nc', 'a\tb\nc'],
    ['\u0000\u0008\u000B\uFFFE', ''],
    ['😀', '😀'],
  ])('%j → %j', (text, expected) => {
    expect(escapeXml(text)).toBe(expected);
  });
});

describe('svgPaint', () => {
  test.each([
    ['#2b2b2b', { color: '#2b2b2b', opacity: 1 }],
    ['rgba(255,255,255,0.85)', { color: 'rgb(255,255,255)', opacity: 0.85 }],
    ['rgba(14, 18, 23, 0.9)', { color: 'rgb(14,18,23)', opacity: 0.9 }],
    ['#ff000080', { color: '#ff0000', opacity: 128 / 255 }],
  ])('%s → %j', (color, expected) => {
    expect(svgPaint(color)).toEqual(expected);
  });
});

describe('labelLines', () => {
  test.each([
    ['Afghanistan', true, ['Afghanistan']],
    ['China', false, ['China']],
    ['Turkmenistan', false, ['Turkmenistan']],
    ['United States', false, ['United States']],
    ['United Kingdom', false, ['United', 'Kingdom']],
    ['United Arab Emirates', false, ['United Arab', 'Emirates']],
    ['Bosnia and Herzegovina', false, ['Bosnia and', 'Herzegovina']],
  ])('%s (bold: %s) → %j', (name, bold, lines) => {
    expect(labelLines(name, bold).lines).toEqual(lines);
  });

  test.each([
    ['China', false, 0.632 + 0.618 + 0.258 + 0.618 + 0.561],
    ['Iran', true, 0.389 + 0.447 + 0.599 + 0.65],
  ])("measures %s (bold: %s) with Noto Sans' advances", (name, bold, width) => {
    expect(labelLines(name, bold).width).toBeCloseTo(width, 6);
  });
});

describe('screenProjection', () => {
  test.each([
    [regionCamera(FULL_HD)],
    [KABUL_CLOSE],
    [{ lon: 100, lat: 30, zoom: 2.75 }],
    [{ lon: -170, lat: 60, zoom: 1 }],
  ])('puts Kabul where viewport.ts project does, relative to the centre (%j)', (camera) => {
    const [x, y] = screenProjection(camera, FULL_HD)(KABUL);
    const [ex, ey] = expectedPixel(KABUL, camera);
    expect(Math.abs(x - ex)).toBeLessThan(0.5);
    expect(Math.abs(y - ey)).toBeLessThan(0.5);
  });

  test('puts the camera centre in the middle of the picture', () => {
    const camera = { lon: 58, lat: 37.7, zoom: 3.2 };
    const [x, y] = screenProjection(camera, FULL_HD)([camera.lon, camera.lat]);
    expect(x).toBeCloseTo(960, 6);
    expect(y).toBeCloseTo(540, 6);
  });

  test('moves a place by one world width per 360° of shift', () => {
    const camera = { lon: 0, lat: 0, zoom: 2 };
    const place = screenProjection(camera, FULL_HD);
    expect(place(KABUL, 360)[0] - place(KABUL)[0]).toBeCloseTo(512 * 4, 6);
  });
});

describe('countryPaintOf', () => {
  const levelOf = new Map([
    ['CHN', { level: 'ambassador' }],
    ['AFG', { level: 'recognition' }],
  ]);
  const colors = { noDataColor: '#dfdbd4', focusColor: '#2b2b2b' };
  const ambassador = dataset.levels.levels.find((l) => l.id === 'ambassador')!.color;

  test.each([
    ['AFG', {}, { color: '#2b2b2b', opacity: 1 }],
    ['CHN', {}, { color: ambassador, opacity: 1 }],
    ['NOR', {}, { color: '#dfdbd4', opacity: 1 }],
    ['CHN', { muted: new Set(['CHN']) }, { color: ambassador, opacity: 0.2 }],
    ['CHN', { highlight: ['RUS'] }, { color: ambassador, opacity: 0.35 }],
    ['CHN', { highlight: ['CHN'] }, { color: ambassador, opacity: 1 }],
    ['AFG', { highlight: ['RUS'] }, { color: '#2b2b2b', opacity: 1 }],
    ['CHN', { muted: new Set(['CHN']), highlight: [] }, { color: ambassador, opacity: 0.2 * 0.35 }],
  ])('%s with %j → %j', (id, options, expected) => {
    const paint = countryPaintOf({ levels: dataset.levels, levelOf, ...colors, ...options })(id);
    expect(paint.color).toBe(expected.color);
    expect(paint.opacity).toBeCloseTo(expected.opacity, 10);
  });
});
