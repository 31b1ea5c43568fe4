import { describe, expect, test } from 'vitest';
import {
  EXPORT_COLORS,
  exportLayout,
  exportMetrics,
  wrapText,
  type ExportElement,
  type ExportLayout,
  type ExportLayoutInput,
  type FontSpec,
  type Rect,
  type TextBlock,
} from '../../src/lib/export-layout.ts';
import { EXPORT_SIZES } from '../../src/lib/export-name.ts';
import type { Size } from '../../src/lib/viewport.ts';

/** A fixed-width stand-in for canvas measureText: bold a little wider, as in Noto Sans. */
const measure = (text: string, font: FontSpec) =>
  text.length * font.size * (font.weight === 700 ? 0.6 : 0.55);

const ALL_ON: Record<ExportElement, boolean> = {
  title: true,
  subtitle: true,
  legend: true,
  date: true,
  source: true,
  credit: true,
};
const ALL_OFF: Record<ExportElement, boolean> = {
  title: false,
  subtitle: false,
  legend: false,
  date: false,
  source: false,
  credit: false,
};

/** The shipped atlas's texts and legend, as the export dialog passes them. */
function input(size: Size, overrides: Partial<ExportLayoutInput> = {}): ExportLayoutInput {
  return {
    size,
    theme: 'light',
    show: ALL_ON,
    texts: {
      title: 'Kabul Engagement Atlas',
      subtitle:
        'Which states engage with the Taliban government in Kabul, how far they go without recognising it, and why',
      dateLabel: '30 June 2025',
      source:
        'Sources: Al Jazeera Net (2025; English machine translation of the Arabic original) and 27 later reports from 12 publishers. Boundaries: Natural Earth; disputed areas drawn neutrally.',
      credit: 'Kabul Engagement Atlas',
    },
    legend: {
      headings: { levels: 'Engagement with Kabul', motives: 'Why they engage' },
      levels: [
        { label: 'Formal recognition', color: '#0b3c49' },
        { label: 'Ambassador level', color: '#1f6f78' },
        { label: 'Taliban diplomats accepted', color: '#5aa3a8' },
        { label: 'Talks and contacts', color: '#b5d8d6' },
        { label: 'Isolation and sanctions', color: '#d9a89b' },
      ],
      extras: [
        { label: 'No data', color: '#dfdbd4', kind: 'swatch' },
        { label: 'Afghanistan', color: '#2b2b2b', kind: 'swatch' },
        { label: 'Tension', color: '#e08a2c', kind: 'dashed' },
        { label: 'Armed conflict', color: '#c0392b', kind: 'line' },
      ],
      motives: [
        { label: 'Economic', color: '#e6ae00' },
        { label: 'Security', color: '#2a6fdb' },
        { label: 'Geopolitical', color: '#a8204e' },
      ],
    },
    avoid: [],
    measure,
    ...overrides,
  };
}

const PRESETS: Size[] = EXPORT_SIZES.flatMap((s) =>
  s.width !== null && s.height !== null ? [{ width: s.width, height: s.height }] : [],
);
/** The four presets, the current view of a laptop, and a tall custom size. */
const SIZES: Size[] = [...PRESETS, { width: 1440, height: 900 }, { width: 800, height: 1400 }];
/** Extremes the dialog allows: the smallest, thin strips, a phone, a huge square. */
const EXTREMES: Size[] = [
  { width: 200, height: 200 },
  { width: 375, height: 667 },
  { width: 8192, height: 200 },
  { width: 200, height: 2048 },
  { width: 4096, height: 4096 },
];

const overlaps = (a: Rect, b: Rect) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const contains = (outer: Rect, inner: Rect) =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height;

const textBlocks = (l: ExportLayout): TextBlock[] =>
  [l.title, l.subtitle, l.dateStamp, l.sourceLine, l.credit].filter((b) => b !== undefined);

/** Every rectangle the furniture draws: panels, text blocks, legend marks. */
const allRects = (l: ExportLayout): Rect[] => [
  ...l.backgroundBoxes,
  ...textBlocks(l),
  ...(l.legend ? [l.legend, ...l.legend.items.flatMap((i) => (i.mark ? [i.mark] : []))] : []),
];

/** Pairs of rectangles that share area. */
function overlappingPairs(rects: Rect[]): [Rect, Rect][] {
  const pairs: [Rect, Rect][] = [];
  rects.forEach((a, i) =>
    rects.slice(i + 1).forEach((b) => {
      if (overlaps(a, b)) pairs.push([a, b]);
    }),
  );
  return pairs;
}

const label = ({ width, height }: Size) => `${width}×${height}`;

describe('exportLayout at the preset sizes and a tall one', () => {
  test.each(SIZES.map((size) => ({ size, name: label(size) })))(
    '$name: no panel overlaps another',
    ({ size }) => {
      expect(overlappingPairs(exportLayout(input(size)).backgroundBoxes)).toEqual([]);
    },
  );

  test.each(SIZES.map((size) => ({ size, name: label(size) })))(
    '$name: no text block overlaps another',
    ({ size }) => {
      expect(overlappingPairs(textBlocks(exportLayout(input(size))))).toEqual([]);
    },
  );

  test.each(SIZES.map((size) => ({ size, name: label(size) })))(
    '$name: each text block sits on a panel',
    ({ size }) => {
      const layout = exportLayout(input(size));
      const loose = textBlocks(layout).filter(
        (b) => !layout.backgroundBoxes.some((box) => contains(box, b)),
      );
      expect(loose).toEqual([]);
    },
  );

  test.each(SIZES.map((size) => ({ size, name: label(size) })))(
    '$name: everything lies within the safe margin',
    ({ size }) => {
      const layout = exportLayout(input(size));
      const m = exportMetrics(size).margin;
      const safe = { x: m, y: m, width: size.width - 2 * m, height: size.height - 2 * m };
      expect(allRects(layout).filter((r) => !contains(safe, r))).toEqual([]);
    },
  );

  test.each(SIZES.map((size) => ({ size, name: label(size) })))(
    '$name: the safe margin is 3% of the short side',
    ({ size }) => {
      expect(exportMetrics(size).margin).toBeCloseTo(0.03 * Math.min(size.width, size.height), 0);
    },
  );

  test.each(SIZES.map((size) => ({ size, name: label(size) })))(
    '$name: every element switched on is drawn',
    ({ size }) => {
      const layout = exportLayout(input(size));
      expect({
        present: [
          layout.title,
          layout.subtitle,
          layout.dateStamp,
          layout.legend,
          layout.sourceLine,
          layout.credit,
        ].map((e) => e !== undefined),
        dropped: layout.dropped,
      }).toEqual({ present: [true, true, true, true, true, true], dropped: [] });
    },
  );

  test.each(SIZES.map((size) => ({ size, name: label(size) })))(
    '$name: the legend items lie inside the legend, and none overlaps another',
    ({ size }) => {
      const legend = exportLayout(input(size)).legend;
      const marks = legend?.items.flatMap((i) => (i.mark ? [i.mark] : [])) ?? [];
      expect({
        outside: marks.filter((m) => legend && !contains(legend, m)),
        overlapping: overlappingPairs(marks),
        count: marks.length,
      }).toEqual({ outside: [], overlapping: [], count: 12 });
    },
  );

  test.each(SIZES.map((size) => ({ size, name: label(size) })))(
    '$name: the legend sits at the bottom left, above the source band',
    ({ size }) => {
      const layout = exportLayout(input(size));
      const sourceTop = size.height - layout.mapInsets.bottom;
      expect({
        corner: layout.legend?.corner,
        x: layout.legend?.x,
        above: (layout.legend?.y ?? Infinity) + (layout.legend?.height ?? 0) < sourceTop,
      }).toEqual({ corner: 'bottom-left', x: exportMetrics(size).margin, above: true });
    },
  );

  test.each(SIZES.map((size) => ({ size, name: label(size) })))(
    '$name: the title block is top left, the date stamp top right, source left and credit right along the bottom',
    ({ size }) => {
      const l = exportLayout(input(size));
      const m = exportMetrics(size).margin;
      const bottom = size.height - m;
      const right = size.width - m;
      const rightOf = (r: Rect | undefined) => (r ? r.x + r.width : NaN);
      const below = (r: Rect | undefined) => (r ? r.y + r.height : NaN);
      const boxOf = (r: Rect | undefined) => l.backgroundBoxes.find((b) => r && contains(b, r));
      expect({
        titleBox: [boxOf(l.title)?.x, boxOf(l.title)?.y],
        dateBox: [rightOf(boxOf(l.dateStamp)), boxOf(l.dateStamp)?.y],
        sourceLeftOfCredit: rightOf(l.sourceLine) < (l.credit?.x ?? NaN),
        sourceBand: [boxOf(l.sourceLine)?.x, below(boxOf(l.sourceLine))],
        creditBand: [rightOf(boxOf(l.credit)), below(boxOf(l.credit))],
      }).toEqual({
        titleBox: [m, m],
        dateBox: [right, m],
        sourceLeftOfCredit: true,
        sourceBand: [m, bottom],
        creditBand: [right, bottom],
      });
    },
  );

  test.each(SIZES.map((size) => ({ size, name: label(size) })))(
    '$name: text blocks are ordered top to bottom as their baselines say',
    ({ size }) => {
      const blocks = textBlocks(exportLayout(input(size)));
      const bad = blocks.filter(
        (b) =>
          b.baselines.length !== b.lines.length ||
          b.baselines.some(
            (y, i) => y <= b.y + i * b.lineHeight || y >= b.y + (i + 1) * b.lineHeight,
          ),
      );
      expect(bad).toEqual([]);
    },
  );
});

describe('type scales with the picture', () => {
  test.each([
    { size: { width: 1920, height: 1080 }, title: 55, source: 18 },
    { size: { width: 1200, height: 675 }, title: 35, source: 12 },
    { size: { width: 1080, height: 1080 }, title: 44, source: 15 },
    { size: { width: 1200, height: 628 }, title: 32, source: 11 },
    { size: { width: 800, height: 1400 }, title: 41, source: 14 },
    { size: { width: 200, height: 200 }, title: 20, source: 11 },
    { size: { width: 8192, height: 8192 }, title: 56, source: 18 },
  ])('$size.width×$size.height: title $title px, source $source px', ({ size, title, source }) => {
    const metrics = exportMetrics(size);
    expect([metrics.title, metrics.source]).toEqual([title, source]);
  });

  test('a 1080 px square’s title is at least 4% of its height, for a feed', () => {
    expect(exportMetrics({ width: 1080, height: 1080 }).title).toBeGreaterThanOrEqual(0.04 * 1080);
  });

  test.each(SIZES.map((size) => ({ size, name: label(size) })))(
    '$name: the title is the largest type, the source line the smallest',
    ({ size }) => {
      const { title, subtitle, date, legend, source } = exportMetrics(size);
      expect(
        title > subtitle &&
          subtitle >= legend &&
          date >= legend &&
          legend >= source &&
          source >= 11,
      ).toBe(true);
    },
  );
});

describe('wrapping', () => {
  const LONG_TITLE =
    'How China, Russia, Pakistan, the United Arab Emirates and Uzbekistan came to accept ambassadors of a government almost no one recognises';

  test.each(SIZES.map((size) => ({ size, name: label(size) })))(
    '$name: a long title wraps within its max width',
    ({ size }) => {
      const layout = exportLayout(
        input(size, { texts: { ...input(size).texts, title: LONG_TITLE } }),
      );
      const title = layout.title;
      const font = { size: title?.size ?? 0, weight: 700 } as const;
      const titleBox = layout.backgroundBoxes[0];
      const pad = exportMetrics(size).pad;
      const maxWidth = Math.min(22 * font.size, (titleBox?.width ?? 0) - 2 * pad);
      expect({
        wrapped: (title?.lines.length ?? 0) > 1,
        tooWide: title?.lines.filter((line) => measure(line, font) > maxWidth),
      }).toEqual({ wrapped: true, tooWide: [] });
    },
  );

  test.each(SIZES.map((size) => ({ size, name: label(size) })))(
    '$name: a long title does not run into the date stamp',
    ({ size }) => {
      const layout = exportLayout(
        input(size, { texts: { ...input(size).texts, title: LONG_TITLE } }),
      );
      expect(overlappingPairs(layout.backgroundBoxes)).toEqual([]);
    },
  );

  // 10 px type at 0.55 em a character: 5.5 px each, e.g. 'Kabul' 27.5 px, 'Engagement' 55 px.
  test.each([
    {
      text: 'Kabul Engagement Atlas',
      max: 60,
      lines: 3,
      expected: ['Kabul', 'Engagement', 'Atlas'],
    },
    { text: 'Kabul Engagement Atlas', max: 100, lines: 3, expected: ['Kabul Engagement', 'Atlas'] },
    { text: 'Kabul Engagement Atlas', max: 1000, lines: 3, expected: ['Kabul Engagement Atlas'] },
    { text: '  spaced   out\ttext ', max: 1000, lines: 3, expected: ['spaced out text'] },
    { text: 'Kabul Engagement Atlas', max: 60, lines: 2, expected: ['Kabul', 'Engagemen…'] },
    { text: 'Afghanistan', max: 25, lines: 5, expected: ['Afgh', 'anis', 'tan'] },
    { text: 'Afghanistan', max: 1, lines: 20, expected: [...'Afghanistan'] },
    { text: '', max: 100, lines: 3, expected: [] },
    { text: 'Kabul', max: 100, lines: 0, expected: [] },
  ])('"$text" in $max px, at most $lines lines: $expected', ({ text, max, lines, expected }) => {
    expect(wrapText(text, max, { size: 10, weight: 400 }, measure, lines)).toEqual(expected);
  });

  test.each([
    { text: 'Kabul Engagement Atlas', max: 60 },
    { text: 'Sources: Al Jazeera Net and 27 later reports from 12 publishers', max: 90 },
  ])('wrapping "$text" to $max px keeps every word', ({ text, max }) => {
    expect(wrapText(text, max, { size: 10, weight: 400 }, measure, 10).join(' ')).toBe(text);
  });
});

describe('the legend keeps clear of what the view is about', () => {
  test.each(SIZES.map((size) => ({ size, name: label(size) })))(
    '$name: a country under the bottom-left corner sends the legend bottom right',
    ({ size }) => {
      const home = exportLayout(input(size)).legend as Rect;
      const country = { x: home.x + 10, y: home.y + 10, width: 40, height: 30 };
      const legend = exportLayout(input(size, { avoid: [country] })).legend;
      expect({ corner: legend?.corner, clear: legend && !overlaps(legend, country) }).toEqual({
        corner: 'bottom-right',
        clear: true,
      });
    },
  );

  test.each(SIZES.map((size) => ({ size, name: label(size) })))(
    '$name: countries under both bottom corners send the legend top right',
    ({ size }) => {
      const m = exportMetrics(size).margin;
      const low = { width: 40, height: 30, y: size.height / 2 + 0.2 * size.height };
      const avoid = [
        { ...low, x: m + 5 },
        { ...low, x: size.width - m - 45 },
      ];
      const legend = exportLayout(input(size, { avoid })).legend;
      expect({
        corner: legend?.corner,
        clear: avoid.every((r) => legend && !overlaps(legend, r)),
      }).toEqual({ corner: 'top-right', clear: true });
    },
  );

  test.each(SIZES.map((size) => ({ size, name: label(size) })))(
    '$name: in the top right the legend stays below the title band',
    ({ size }) => {
      const whole = [{ x: 0, y: size.height / 2, width: size.width, height: size.height / 2 }];
      const layout = exportLayout(input(size, { avoid: whole }));
      expect({
        corner: layout.legend?.corner,
        overlapping: overlappingPairs(layout.backgroundBoxes),
        belowBand: (layout.legend?.y ?? 0) > layout.mapInsets.top,
      }).toEqual({ corner: 'top-right', overlapping: [], belowBand: true });
    },
  );

  test('covering every corner, the legend takes the one that hides least', () => {
    const size = { width: 1920, height: 1080 };
    const home = exportLayout(input(size)).legend as Rect;
    // Most of the bottom left, a sliver of the bottom right, all of the top right.
    const avoid = [
      { x: 0, y: 0, width: size.width, height: size.height },
      { ...home, width: home.width / 2 },
    ];
    expect(exportLayout(input(size, { avoid })).legend?.corner).toBe('bottom-right');
  });

  test.each(SIZES.map((size) => ({ size, name: label(size) })))(
    '$name: the title and source bands do not move for `avoid`',
    ({ size }) => {
      const avoid = [{ x: 0, y: 0, width: size.width, height: size.height }];
      const plain = exportLayout(input(size));
      const avoiding = exportLayout(input(size, { avoid }));
      expect([avoiding.mapInsets, avoiding.title, avoiding.sourceLine]).toEqual([
        plain.mapInsets,
        plain.title,
        plain.sourceLine,
      ]);
    },
  );
});

describe('map insets', () => {
  test.each(SIZES.map((size) => ({ size, name: label(size) })))(
    '$name: the insets are the title band and the source band',
    ({ size }) => {
      const l = exportLayout(input(size));
      const [titleBox, dateBox] = l.backgroundBoxes;
      const sourceBox = l.backgroundBoxes.find((b) => l.sourceLine && contains(b, l.sourceLine));
      expect(l.mapInsets).toEqual({
        top: Math.max(
          (titleBox?.y ?? 0) + (titleBox?.height ?? 0),
          (dateBox?.y ?? 0) + (dateBox?.height ?? 0),
        ),
        right: 0,
        bottom: size.height - (sourceBox?.y ?? 0),
        left: 0,
      });
    },
  );

  test.each(SIZES.map((size) => ({ size, name: label(size) })))(
    '$name: the map keeps most of the height between the bands',
    ({ size }) => {
      const { top, bottom } = exportLayout(input(size)).mapInsets;
      expect((size.height - top - bottom) / size.height).toBeGreaterThan(0.6);
    },
  );

  test.each([
    { off: 'source and credit', show: { ...ALL_ON, source: false, credit: false }, edge: 'bottom' },
    {
      off: 'title, subtitle and date',
      show: { ...ALL_ON, title: false, subtitle: false, date: false },
      edge: 'top',
    },
  ] as const)('with $off off, the $edge inset is 0', ({ show, edge }) => {
    expect(exportLayout(input({ width: 1920, height: 1080 }, { show })).mapInsets[edge]).toBe(0);
  });
});

describe('switching elements off', () => {
  test.each(SIZES.map((size) => ({ size, name: label(size) })))(
    '$name: with everything off there are no elements and the insets are 0',
    ({ size }) => {
      const layout = exportLayout(input(size, { show: ALL_OFF }));
      expect(layout).toEqual({
        size,
        colors: EXPORT_COLORS.light,
        backgroundBoxes: [],
        mapInsets: { top: 0, right: 0, bottom: 0, left: 0 },
        dropped: [],
      });
    },
  );

  test.each([
    { element: 'title', key: 'title' },
    { element: 'subtitle', key: 'subtitle' },
    { element: 'date', key: 'dateStamp' },
    { element: 'legend', key: 'legend' },
    { element: 'source', key: 'sourceLine' },
    { element: 'credit', key: 'credit' },
  ] as const)('with only $element off, $key is absent and the rest drawn', ({ element, key }) => {
    const layout = exportLayout(
      input({ width: 1200, height: 675 }, { show: { ...ALL_ON, [element]: false } }),
    );
    const present = (
      ['title', 'subtitle', 'dateStamp', 'legend', 'sourceLine', 'credit'] as const
    ).filter((k) => layout[k] !== undefined);
    expect(present).toEqual(
      ['title', 'subtitle', 'dateStamp', 'legend', 'sourceLine', 'credit'].filter((k) => k !== key),
    );
  });

  test.each([
    { element: 'title', show: { ...ALL_OFF, title: true } },
    { element: 'date', show: { ...ALL_OFF, date: true } },
    { element: 'credit', show: { ...ALL_OFF, credit: true } },
  ])('$element alone takes one panel', ({ show }) => {
    expect(
      exportLayout(input({ width: 1920, height: 1080 }, { show })).backgroundBoxes,
    ).toHaveLength(1);
  });

  test('with the title and subtitle off, the date stamp stays top right', () => {
    const size = { width: 1080, height: 1080 };
    const layout = exportLayout(
      input(size, { show: { ...ALL_ON, title: false, subtitle: false } }),
    );
    const m = exportMetrics(size).margin;
    const date = layout.dateStamp;
    expect(date && date.x + date.width + exportMetrics(size).pad).toBe(size.width - m);
  });

  test('a blank text draws nothing and is not reported as dropped', () => {
    const size = { width: 1920, height: 1080 };
    const layout = exportLayout(input(size, { texts: { ...input(size).texts, subtitle: '  ' } }));
    expect([layout.subtitle, layout.dropped]).toEqual([undefined, []]);
  });

  test('an empty legend draws nothing and is not reported as dropped', () => {
    const legend = { levels: [], extras: [], motives: [] };
    const layout = exportLayout(input({ width: 1920, height: 1080 }, { legend }));
    expect([layout.legend, layout.dropped]).toEqual([undefined, []]);
  });
});

describe('narrow layouts', () => {
  test('on a tall picture the legend is not wider than the picture allows', () => {
    const size = { width: 800, height: 1400 };
    const legend = exportLayout(input(size)).legend;
    expect((legend?.width ?? Infinity) <= size.width - 2 * exportMetrics(size).margin).toBe(true);
  });

  test('when the title needs the width, the date goes under the subtitle', () => {
    const size = { width: 375, height: 667 };
    const long = { ...input(size).texts, dateLabel: 'Thursday 30 June 2025, as reported' };
    const layout = exportLayout(input(size, { texts: long }));
    expect((layout.dateStamp?.y ?? 0) > (layout.subtitle?.y ?? Infinity)).toBe(true);
  });

  test('when the credit cannot share a line with the source, it goes under it', () => {
    const size = { width: 300, height: 600 };
    const layout = exportLayout(input(size));
    const source = layout.sourceLine;
    expect((layout.credit?.y ?? 0) >= (source ? source.y + source.height : Infinity)).toBe(true);
  });

  test.each(EXTREMES.map((size) => ({ size, name: label(size) })))(
    '$name: nothing overlaps and everything is inside the picture',
    ({ size }) => {
      const layout = exportLayout(input(size));
      const picture = { x: 0, y: 0, ...size };
      expect({
        overlapping: overlappingPairs([...layout.backgroundBoxes, ...textBlocks(layout)]).filter(
          ([a, b]) => !contains(a, b) && !contains(b, a),
        ),
        outside: allRects(layout).filter((r) => !contains(picture, r)),
      }).toEqual({ overlapping: [], outside: [] });
    },
  );

  test.each([
    { width: 480, height: 360 },
    { width: 600, height: 338 },
  ])('a $width×$height picture keeps the whole source line', (size) => {
    const lines = exportLayout(input(size)).sourceLine?.lines ?? [];
    expect(lines.join(' ').replace(/-\s/g, '')).toBe(input(size).texts.source);
  });

  test('on the smallest picture the subtitle and legend give way, and say so', () => {
    const layout = exportLayout(input({ width: 200, height: 200 }));
    expect(layout.dropped).toEqual(['subtitle', 'legend']);
  });
});

describe('themes', () => {
  test.each(['light', 'dark'] as const)('%s: text is drawn in the theme’s colours', (theme) => {
    const layout = exportLayout(input({ width: 1920, height: 1080 }, { theme }));
    expect([layout.title?.color, layout.subtitle?.color, layout.legend?.textColor]).toEqual([
      EXPORT_COLORS[theme].text,
      EXPORT_COLORS[theme].muted,
      EXPORT_COLORS[theme].text,
    ]);
  });

  test('the theme changes colours, not places', () => {
    const size = { width: 1200, height: 628 };
    const light = exportLayout(input(size, { theme: 'light' }));
    const dark = exportLayout(input(size, { theme: 'dark' }));
    expect([dark.backgroundBoxes, dark.mapInsets]).toEqual([
      light.backgroundBoxes,
      light.mapInsets,
    ]);
  });
});
