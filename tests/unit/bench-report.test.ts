import { describe, expect, test } from 'vitest';
import { figuresOf, interactionKind, type Figures } from '../../bench/figures.ts';
import { judgeTargets, renderReport } from '../../bench/report.ts';
import { KINDS, type Kind, type Size } from '../../bench/resources.ts';
import { runOrder, type Plan } from '../../bench/scenarios.ts';
import { TARGETS } from '../../bench/targets.ts';
import type { LighthouseSection, PageName, PageRun } from '../../bench/types.ts';

function run(
  page: PageName,
  i: number,
  firstRender: number,
  extra: Partial<PageRun> = {},
): PageRun {
  return {
    page,
    run: i,
    firstRender,
    firstPainted: firstRender + 300,
    blocking: 100,
    shippedFirst: [],
    shippedAll: [],
    dateChanges: [{ script: 10 + i, wall: 40 }],
    selections: [{ script: 12, wall: 60 }],
    motiveToggles: [{ script: 8, wall: 30 }],
    nextFrame: { date: [5], selection: [14 + i], motive: [6] },
    exploration: {
      interactions: 3,
      steps: [
        { what: 'PageDown', ms: 30, longestTask: 20 },
        { what: 'select IRN', ms: 300, longestTask: 40 + i },
        { what: 'hover', ms: 120, longestTask: 0 },
      ],
      longestTask: 40,
      longTasks: 0,
    },
    transition: { intervals: [16, 17, 16, 50], duration: 2200, longestTask: 30 },
    exports: [],
    consoleErrors: [],
    offOrigin: [],
    ...extra,
  };
}

function bytes(appJsGzip: number): Figures['bytes'] {
  const totals = (gzip: Partial<Record<Kind, number>>) =>
    Object.fromEntries(
      KINDS.map((k) => [k, { raw: (gzip[k] ?? 0) * 3, gzip: gzip[k] ?? 0 }]),
    ) as Record<Kind, Size>;
  const page = { first: totals({ 'app-js': appJsGzip, geometry: 100_000 }), all: totals({}) };
  return { app: page, floor: page, deck: page };
}

const RUNS = [
  run('app', 0, 1000),
  run('floor', 0, 1000),
  run('deck', 0, 1200),
  run('app', 1, 1040, {
    exports: [
      { format: 'png', first: true, ms: 1400, marks: { 'export:start': 0, 'export:drawn': 900 } },
      { format: 'png', first: false, ms: 450, marks: { 'export:start': 0, 'export:drawn': 300 } },
    ],
  }),
  run('floor', 1, 980),
  run('deck', 1, 1300),
  run('app', 2, 1100),
  run('floor', 2, 1000),
  run('deck', 2, 1250),
];
const SKIPPED: LighthouseSection = { status: 'skipped', note: 'test' };
const figures = figuresOf(RUNS, bytes(50_000));

describe('runOrder', () => {
  test.each([
    [0, ['app', 'floor', 'deck']],
    [1, ['floor', 'deck', 'app']],
    [2, ['deck', 'app', 'floor']],
    [3, ['app', 'floor', 'deck']],
  ])('run %d opens %j', (i, order) => {
    expect(runOrder(i)).toEqual(order);
  });
});

describe('interactionKind', () => {
  test.each([
    ['PageDown', 'date'],
    ['End', 'date'],
    ['select CHN', 'selection'],
    ['toggle economic', 'motive'],
    ['hover', 'hover'],
  ])('%s is a %s', (what, kind) => {
    expect(interactionKind(what)).toBe(kind);
  });
});

describe('figuresOf', () => {
  test('summarises each page over its runs', () => {
    expect(figures.firstRender.app).toEqual({ median: 1040, min: 1000, max: 1100, n: 3 });
  });

  test('pools every sample of a change', () => {
    expect(figures.dateScript.app).toEqual({ median: 11, min: 10, max: 12, n: 3 });
  });

  test('pools the traced samples of each kind of change', () => {
    expect(figures.selectNextFrame.app).toEqual({ median: 15, min: 14, max: 16, n: 3 });
  });

  test('leaves the traced figures unmeasured for runs saved before they were traced', () => {
    const older = RUNS.map((r) => ({ ...r, nextFrame: undefined }));
    expect(figuresOf(older, bytes(50_000)).selectNextFrame.app.n).toBe(0);
  });

  test('takes the median and 95th percentile of each run’s frames', () => {
    expect([figures.frameMedian.floor.median, figures.frameP95.floor.median]).toEqual([
      16.5,
      expect.closeTo(45.05, 9),
    ]);
  });

  test('keeps the first export after opening apart from the later ones', () => {
    expect([figures.exports.pngFirst.median, figures.exports.pngLater.median]).toEqual([1400, 450]);
  });

  test('summarises the export marks', () => {
    expect(figures.exports.marks['export:drawn']!.median).toBe(600);
  });

  test('finds the longest task of each kind of interaction', () => {
    expect(figures.exploreByKind.selection.app).toEqual({ median: 41, min: 40, max: 42, n: 3 });
  });

  test('counts the runs per page', () => {
    expect(figures.runs).toBe(3);
  });
});

describe('judgeTargets', () => {
  const verdicts = new Map(judgeTargets(figures, SKIPPED).map((j) => [j.target.id, j]));

  test('every target gets a verdict', () => {
    expect(verdicts.size).toBe(TARGETS.length);
  });

  test.each([
    ['render-vs-floor', 'met'],
    ['render-vs-deck', 'met'],
    ['app-js', 'met'],
    ['date-script', 'met'],
    ['date-next-frame', 'met'],
    ['select-script', 'met'],
    ['png-export', 'met'],
    ['png-export-engine', 'met'],
    ['svg-export', 'unmeasured'],
    ['lighthouse-performance', 'unmeasured'],
  ])('%s is %s on these runs', (id, status) => {
    expect(verdicts.get(id)!.verdict.status).toBe(status);
  });

  test('the first-render ratio is of the medians', () => {
    expect(verdicts.get('render-vs-floor')!.value).toBeCloseTo(1040 / 1000, 9);
  });

  test('a selection’s script to the next frame over 16 ms is a miss', () => {
    const slow = RUNS.map((r) => ({
      ...r,
      nextFrame: { date: [5], selection: [17], motive: [6] },
    }));
    const judged = judgeTargets(figuresOf(slow, bytes(50_000)), SKIPPED);
    expect(judged.find((j) => j.target.id === 'select-script')!.verdict.status).toBe('missed');
  });

  test('too much app JS is a miss', () => {
    const heavy = judgeTargets(figuresOf(RUNS, bytes(61_000)), SKIPPED);
    expect(heavy.find((j) => j.target.id === 'app-js')!.verdict.status).toBe('missed');
  });
});

describe('renderReport', () => {
  const plan: Plan = {
    urls: { app: 'http://a/', floor: 'http://f/', deck: 'http://d/' },
    mapSize: { width: 1280, height: 637 },
    presentSize: { width: 1280, height: 770 },
    flight: { from: { lon: 1, lat: 2, zoom: 3 }, to: { lon: 4, lat: 5, zoom: 4 }, duration: 2139 },
    countries: [],
  };
  const input = {
    date: new Date('2026-11-24T12:00:00Z'),
    machine: {
      cpu: 'Test CPU',
      cores: 2,
      memoryGb: 8,
      os: 'Linux',
      node: 'v20',
      chromium: '156',
      renderer: 'SwiftShader',
      load: { before: [0.5, 0.6, 0.7], after: [1.2, 0.9, 0.8] },
    },
    plan,
    figures,
    lighthouse: SKIPPED,
    minutes: 9.5,
  };

  test.each(['Test CPU, 2 cores', '2026-11-24', '0.50, 0.60, 0.70 before; 1.20, 0.90, 0.80 after'])(
    'says “%s”',
    (text) => {
      expect(renderReport(input)).toContain(text);
    },
  );

  test('explains no target when none is missed', () => {
    expect(renderReport(input)).not.toContain('Missed targets');
  });

  test('explains a missed target with its why and its fix', () => {
    const text = renderReport({ ...input, figures: figuresOf(RUNS, bytes(61_000)) });
    const appJs = TARGETS.find((t) => t.id === 'app-js')!;
    expect(text).toContain(`*To close it:* ${appJs.close}.`);
  });

  test('gives every Lighthouse run’s performance score beside the median run’s', () => {
    const preset = {
      scores: { performance: 94, accessibility: 100, 'best-practices': 100, seo: 100 },
      failing: [],
      performanceRuns: [83, 94, 95, 94, 96],
    };
    const text = renderReport({
      ...input,
      lighthouse: { status: 'measured', presets: { desktop: preset } },
    });
    expect(text).toMatch(/\| performance, each run +\| 83, 94, 95, 94, 96 \|/);
  });

  test('says why Lighthouse is missing', () => {
    expect(renderReport(input)).toContain('Not run: test');
  });

  describe('with a second pass (GPU compositing)', () => {
    // The same runs, but the app's first render slower: a miss on this pass only.
    const slower = RUNS.map((r) =>
      r.page === 'app' ? { ...r, firstRender: r.firstRender * 1.5 } : r,
    );
    const gpu = { compositing: 'Hardware accelerated', figures: figuresOf(slower, bytes(50_000)) };
    const text = renderReport({ ...input, gpu });
    const targetRows = text.split('\n').filter((line) => line.startsWith('| '));

    test('shows its compositing status', () => {
      expect(text).toContain('compositing is "Hardware accelerated"');
    });

    test('judges the targets it can change in a column of their own', () => {
      const render = targetRows.find((l) => l.startsWith('| First complete render, app ÷ bare'))!;
      expect(render.split('|').map((c) => c.trim())).toEqual(
        expect.arrayContaining(['1.04x', '**met**', '1.56x', '**missed**']),
      );
    });

    test('marks the targets it cannot change as the same', () => {
      const geometry = targetRows.find((l) => l.startsWith('| Geometry, gzip'))!;
      expect(geometry).toMatch(/\| +same \|/);
    });

    test('explains its misses apart from the first pass’s', () => {
      expect(text).toContain('**First complete render, app ÷ bare MapLibre (GPU compositing)**');
    });

    test('has its own figures section', () => {
      expect(text).toContain('## Second pass: GPU compositing');
    });

    test('is left out when there was none', () => {
      expect(renderReport(input)).not.toContain('GPU compositing');
    });
  });
});
