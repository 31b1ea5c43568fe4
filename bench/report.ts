/**
 * BENCHMARKS.md from the figures: the machine, the targets with computed verdicts (and, for a
 * missed one, the why and the fix from targets.ts), then every figure per page with the ratios
 * app ÷ floor and app ÷ deck.gl. Pure: the same figures always give the same text.
 */
import type { ExportFigures, Figures, PerPage } from './figures.ts';
import { kb, ms, range, table, times } from './markdown.ts';
import { KIND_LABELS, KINDS, type Kind, type Size } from './resources.ts';
import type { Plan } from './scenarios.ts';
import { cliSection, cliSummaryLines, type CliFigures } from './cli-report.ts';
import { scaleSection, scaleSummaryLines, type ScaleFigures } from './scale-report.ts';
import { ratio, type Summary } from './stats.ts';
import { TARGETS, type Target } from './targets.ts';
import { PAGE_NAMES, type LighthouseSection, type Machine, type PageName } from './types.ts';
import { judge, marginText, type Verdict } from './verdict.ts';

export interface ReportInput {
  date: Date;
  machine: Machine;
  plan: Plan;
  figures: Figures;
  lighthouse: LighthouseSection;
  /**
   * The second pass, with Chromium's GPU process compositing (on SwiftShader here); absent from
   * benches run before it existed or with --gpu-runs 0.
   */
  gpu?: GpuPass | null;
  /** The scale pass (bench/scale-report.ts); absent from benches before it or with --scale-runs 0. */
  scale?: ScaleFigures | null;
  /** The command line's pictures (bench/cli-report.ts); absent before it or with --cli-runs 0. */
  cli?: CliFigures | null;
  /** How long the whole bench took, builds included. */
  minutes: number;
}

/** The same runs again in a browser that composites on the GPU process. */
export interface GpuPass {
  /** chrome://gpu's compositing status in that browser. */
  compositing: string;
  figures: Figures;
}

const PAGE_LABELS: Readonly<Record<PageName, string>> = {
  app: 'app',
  floor: 'bare MapLibre (floor)',
  deck: 'MapLibre + deck.gl',
};

/** Each target with its value and computed verdict. */
export function judgeTargets(
  figures: Figures,
  lighthouse: LighthouseSection,
): { target: Target; value: number | null; verdict: Verdict }[] {
  return TARGETS.map((target) => {
    const value = target.value(figures, lighthouse);
    return { target, value, verdict: judge(value, target.limit, target.comparison) };
  });
}

const VERDICT_WORDS: Readonly<Record<Verdict['status'], string>> = {
  met: '**met**',
  missed: '**missed**',
  unmeasured: 'not measured',
};

const LIMIT_WORDS = { 'at-most': '≤', below: '<', 'at-least': '≥' } as const;

/** Prose from targets.ts as a sentence: with its full stop. */
function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** A target's value as shown: formatted, or a dash when it was not measured. */
function shown(target: Target, value: number | null): string {
  return value === null || !Number.isFinite(value) ? '–' : target.format(value);
}

function countLine(judged: readonly { verdict: Verdict }[]): string {
  const met = judged.filter((j) => j.verdict.status === 'met').length;
  const missed = judged.filter((j) => j.verdict.status === 'missed').length;
  const unmeasured = judged.length - met - missed;
  return (
    `${met} of ${judged.length} met, ${missed} missed` +
    (unmeasured > 0 ? `, ${unmeasured} not measured` : '')
  );
}

function targetsSection(
  figures: Figures,
  lighthouse: LighthouseSection,
  gpu: GpuPass | null,
): string[] {
  const judged = judgeTargets(figures, lighthouse);
  const gpuJudged = gpu
    ? judgeTargets(gpu.figures, lighthouse).filter(({ target }) => target.perPass !== false)
    : [];
  const gpuOf = new Map(gpuJudged.map((j) => [j.target.id, j]));
  const rows = judged.map(({ target, value, verdict }) => {
    const second = gpuOf.get(target.id);
    return [
      target.label,
      target.source,
      `${LIMIT_WORDS[target.comparison]} ${target.format(target.limit)}`,
      shown(target, value),
      VERDICT_WORDS[verdict.status],
      marginText(verdict, target.format),
      ...(gpu
        ? [
            second ? shown(target, second.value) : 'same',
            second ? VERDICT_WORDS[second.verdict.status] : '',
          ]
        : []),
    ];
  });
  const counts = gpu
    ? `Software compositing (the first pass, ${figures.runs} runs): ${countLine(judged)}. ` +
      `GPU compositing (the second pass, ${gpu.figures.runs} runs, below; the targets it can ` +
      `change): ${countLine(gpuJudged)}.`
    : `${countLine(judged)}.`;
  const out = [
    '## Targets',
    '',
    `${counts} Verdicts are computed from the medians below; ratios compare medians of the same run.`,
    '',
  ];
  out.push(
    table(
      [
        'target',
        'set by',
        'limit',
        'measured',
        'verdict',
        'margin',
        ...(gpu ? ['GPU compositing', 'verdict'] : []),
      ],
      rows,
      [
        'left',
        'left',
        'right',
        'right',
        'left',
        'left',
        ...(gpu ? (['right', 'left'] as const) : []),
      ],
    ),
  );
  const missed = [
    ...judged.filter((j) => j.verdict.status === 'missed').map((j) => ({ ...j, pass: '' })),
    ...gpuJudged
      .filter((j) => j.verdict.status === 'missed')
      .map((j) => ({ ...j, pass: ' (GPU compositing)' })),
  ];
  if (missed.length > 0) {
    out.push('', '### Missed targets: why, and what would close them', '');
    for (const { target, value, verdict, pass } of missed) {
      const prose = pass && target.gpu ? target.gpu : target;
      out.push(
        `- **${target.label}${pass}**: ${shown(target, value)}, ` +
          `${marginText(verdict, target.format)}. ${sentence(prose.why)} ` +
          `*To close it:* ${sentence(prose.close)}`,
      );
    }
  }
  return out;
}

function perPageRow(label: string, figure: PerPage, format: (v: number) => string): string[] {
  return [
    label,
    ...PAGE_NAMES.map((p) => range(figure[p], format)),
    times(ratio(figure.app.median, figure.floor.median)),
    times(ratio(figure.app.median, figure.deck.median)),
  ];
}

/** Each change's script, until the map is drawn and to the next frame: rows for both passes. */
function changeScriptRows(f: Figures): string[][] {
  return [
    perPageRow('date change: script until drawn', f.dateScript, ms),
    perPageRow('date change: script to the next frame', f.dateNextFrame, ms),
    perPageRow('selection: script until drawn', f.selectScript, ms),
    perPageRow('selection: script to the next frame', f.selectNextFrame, ms),
    perPageRow('motive toggle: script until drawn', f.motiveScript, ms),
    perPageRow('motive toggle: script to the next frame', f.motiveNextFrame, ms),
  ];
}

const PER_PAGE_HEADERS = [
  'figure',
  ...PAGE_NAMES.map((p) => PAGE_LABELS[p]),
  'app ÷ floor',
  'app ÷ deck.gl',
];
const PER_PAGE_ALIGN = ['left', 'right', 'right', 'right', 'right', 'right'] as const;

function bytesTable(bytes: Figures['bytes'], when: 'first' | 'all'): string {
  const cellOf = (size: Size) => (size.raw === 0 ? '–' : `${kb(size.raw)} / ${kb(size.gzip)}`);
  const shown = KINDS.filter((k) => PAGE_NAMES.some((p) => bytes[p][when][k].raw > 0));
  const total = (p: PageName) =>
    shown.reduce(
      (sum, k) => ({
        raw: sum.raw + bytes[p][when][k].raw,
        gzip: sum.gzip + bytes[p][when][k].gzip,
      }),
      { raw: 0, gzip: 0 },
    );
  const rows = shown.map((k: Kind) => [
    KIND_LABELS[k],
    ...PAGE_NAMES.map((p) => cellOf(bytes[p][when][k])),
  ]);
  rows.push(['**total**', ...PAGE_NAMES.map((p) => `**${cellOf(total(p))}**`)]);
  return table(['kind (raw / gzip)', ...PAGE_NAMES.map((p) => PAGE_LABELS[p])], rows, [
    'left',
    'right',
    'right',
    'right',
  ]);
}

function exportsTable(exports: ExportFigures): string[] {
  const row = (label: string, s: Summary) => [label, range(s, ms), String(s.n)];
  const out = [
    table(
      ['export (click on Download → download starts)', 'median (min–max)', 'n'],
      [
        row('PNG 1920×1080 @2x, first after opening the dialog', exports.pngFirst),
        row('PNG 1920×1080 @2x, later', exports.pngLater),
        row('SVG 1920×1080, first after opening the dialog', exports.svgFirst),
        row('SVG 1920×1080, later', exports.svgLater),
      ],
      ['left', 'right', 'right'],
    ),
  ];
  const marks = Object.entries(exports.marks).sort(([, a], [, b]) => a.median - b.median);
  if (marks.length > 0) {
    out.push(
      '',
      'The page’s own marks during the PNG exports (time after `export:start`, every PNG export):',
      '',
      table(
        ['mark', 'median (min–max)'],
        marks.map(([name, s]) => [`\`${name}\``, range(s, ms)]),
        ['left', 'right'],
      ),
    );
  }
  return out;
}

/** The second pass's figures, for the pages side by side as in the first. */
function gpuSection(gpu: GpuPass | null): string[] {
  if (!gpu) return [];
  const g = gpu.figures;
  const count = (v: number) => String(Math.round(v));
  return [
    '## Second pass: GPU compositing',
    '',
    `The same runs again, ${g.runs} per page, interleaved, in a second browser started without ` +
      '`--disable-gpu` and with `--use-angle=swiftshader --enable-unsafe-swiftshader ' +
      `--ignore-gpu-blocklist\`; its chrome://gpu says compositing is "${gpu.compositing}". ` +
      'In the first pass Chromium composites in software, so its compositor reads each WebGL ' +
      'frame back, and the page’s main thread waits while SwiftShader draws it: a browser with a ' +
      'GPU never does that. Here Chromium’s GPU process draws and composites the frames, as it ' +
      'would on a GPU, but still on this machine’s CPU, where it competes with the page for the ' +
      'cores.',
    '',
    table(
      PER_PAGE_HEADERS,
      [
        perPageRow('navigation → first complete render (data-ready)', g.firstRender, ms),
        perPageRow('… and that frame on screen (two frames later)', g.firstPainted, ms),
        perPageRow('main-thread blocking time before it', g.blocking, ms),
        ...changeScriptRows(g),
        perPageRow('exploration: longest task', g.exploreLongest, ms),
        perPageRow('exploration: tasks over 50 ms', g.exploreLongTasks, count),
        perPageRow('scene transition: frame interval, median', g.frameMedian, ms),
        perPageRow('scene transition: frame interval, 95th percentile', g.frameP95, ms),
        perPageRow('scene transition: longest task', g.transitionLongest, ms),
      ],
      [...PER_PAGE_ALIGN],
    ),
    '',
    `Exports (app): PNG 1920×1080 @2x ${range(g.exports.pngLater, ms)} later, ` +
      `${range(g.exports.pngFirst, ms)} first; SVG ${range(g.exports.svgLater, ms)} later, ` +
      `${range(g.exports.svgFirst, ms)} first.`,
  ];
}

function lighthouseSection(section: LighthouseSection): string[] {
  const out = ['## Lighthouse', ''];
  if (section.status === 'skipped') return [...out, `Not run: ${section.note}`];
  const presets = (['desktop', 'mobile'] as const).filter((p) => section.presets[p]);
  const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
  const runs = Math.max(...presets.map((p) => section.presets[p]!.performanceRuns?.length ?? 1));
  const rows = categories.map((c) => [
    c,
    ...presets.map((p) => String(section.presets[p]!.scores[c])),
  ]);
  if (runs > 1) {
    rows.push([
      'performance, each run',
      ...presets.map((p) => (section.presets[p]!.performanceRuns ?? []).join(', ')),
    ]);
  }
  out.push(
    'Lighthouse against the built app in the same headless Chromium (bench/lighthouse.ts), ' +
      (runs > 1
        ? `${runs} runs per preset. The scores are those of Lighthouse’s median run ` +
          '(`computeMedianRun`: the run closest to the median first contentful paint and time ' +
          'to interactive), as Lighthouse advises against the variance of one run.'
        : 'once per preset.'),
    '',
    table(['category', ...presets], rows, ['left', 'right', 'right']),
  );
  for (const preset of presets) {
    const failing = section.presets[preset]!.failing;
    out.push(
      '',
      failing.length === 0
        ? `No failing audits (${preset}).`
        : `Failing audits (${preset}): ${failing
            .map(
              (a) => `${a.title} (\`${a.id}\`, ${a.score === null ? 'error' : a.score.toFixed(2)})`,
            )
            .join('; ')}.`,
    );
  }
  return out;
}

/** The whole of BENCHMARKS.md. */
export function renderReport(input: ReportInput): string {
  const { machine, plan, figures: f } = input;
  const lines: string[] = [
    '# Benchmarks',
    '',
    `Written by \`npm run bench\` (bench/run.ts) on ${input.date.toISOString().slice(0, 10)}; ` +
      'do not edit by hand: run it again. What the pages are and how to read the figures: ' +
      '[bench/README.md](bench/README.md).',
    '',
    '## Machine and method',
    '',
    table(
      ['', ''],
      [
        ['CPU', `${machine.cpu}, ${machine.cores} cores`],
        ['memory', `${machine.memoryGb.toFixed(1)} GB`],
        ['OS', machine.os],
        ['Node', machine.node],
        ['Chromium', `${machine.chromium}, headless`],
        ['WebGL renderer', machine.renderer],
        ...(machine.compositing ? [['compositing', machine.compositing]] : []),
        [
          'load average (1, 5, 15 min)',
          `${machine.load.before.map((v) => v.toFixed(2)).join(', ')} before; ` +
            `${machine.load.after.map((v) => v.toFixed(2)).join(', ')} after`,
        ],
        [
          'runs',
          `${f.runs} per page, interleaved (run i opens the three pages in a rotating order), ` +
            `each in a fresh browser context; the bench took ${input.minutes.toFixed(1)} min`,
        ],
        [
          'viewport',
          `1280×800; the app's map is ${plan.mapSize.width}×${plan.mapSize.height} and the ` +
            'comparison pages draw at that size; in presentation mode ' +
            `${plan.presentSize.width}×${plan.presentSize.height}`,
        ],
      ],
    ),
    '',
    'The three pages: **app**, the atlas’s production build (into bench/dist/app); **floor**, a bare MapLibre page drawing ' +
      'the same geometry in the same colours on the same date (bench/pages/floor); **deck.gl**, ' +
      'the floor plus the same motive arcs as a deck.gl ArcLayer interleaved through ' +
      'MapboxOverlay (bench/pages/deck). All three are served by scripts/serve.ts, with the ' +
      "app's Content-Security-Policy.",
    '',
    ...targetsSection(f, input.lighthouse, input.gpu ?? null),
    '',
    '## Figures',
    '',
    'Each cell is the median over the runs, with the lowest and highest in brackets. Script time ' +
      "is the main thread's (CDP `ScriptDuration`) from the action until the map is drawn again " +
      '(data-ready), MapLibre’s own frame included.',
    '',
    '### First complete render',
    '',
    'The first complete render is when the map element’s data-ready first turns "true": MapLibre ' +
      'is idle with the data drawn. Without a GPU, that frame reaches the screen when Chromium’s ' +
      'compositor has read it back from SwiftShader; the second row is the second animation frame ' +
      'after it, once that read-back is done. Before it, the app shows the picture engine’s map ' +
      'of the same state (an SVG, src/map/StaticMap.svelte), which MapLibre replaces where it ' +
      'stands; its row is compared with the other pages’ first complete render.',
    '',
    table(
      PER_PAGE_HEADERS,
      [
        perPageRow('navigation → first complete render (data-ready)', f.firstRender, ms),
        perPageRow('… and that frame on screen (two frames later)', f.firstPainted, ms),
        [
          'navigation → the picture engine’s map on screen (the app’s first map; ÷ their first render)',
          ...PAGE_NAMES.map((p) => range(f.staticPainted[p], ms)),
          times(ratio(f.staticPainted.app.median, f.firstRender.floor.median)),
          times(ratio(f.staticPainted.app.median, f.firstRender.deck.median)),
        ],
        perPageRow('main-thread blocking time before it (long tasks beyond 50 ms)', f.blocking, ms),
      ],
      [...PER_PAGE_ALIGN],
    ),
    '',
    '### Bytes shipped up to the first render (raw / gzip level 9)',
    '',
    bytesTable(f.bytes, 'first'),
    '',
    'Everything loaded over a whole run (the app loads its export code and dialog on demand):',
    '',
    bytesTable(f.bytes, 'all'),
    '',
    '### Changes after the first render',
    '',
    'App: Page Down on the timeline’s date slider (a month back), Enter on a country’s hotspot ' +
      '(China, Russia, Pakistan), Enter on the Economic motive toggle (off, then on). Floor and ' +
      'deck.gl: the same date’s fill as a new `match` (`setPaintProperty`), the selection outline ' +
      'by `setFilter`, and for deck.gl new ArcLayer props (the arcs of the date; the selected ' +
      'country’s thicker; the motive filtered), each called in a task of its own.',
    '',
    '*Script until drawn* is CDP’s ScriptDuration from just before the action until the map is ' +
      'ready again: the change, the tiles it makes MapLibre cut, and every frame up to the last. ' +
      '*Script to the next frame* is what DESIGN.md budgets: the same changes made again under a ' +
      'trace (bench/trace.ts), counting the script from the action to the end of the first frame ' +
      'the main thread commits after it: the action’s own task and that frame’s animation-frame ' +
      'callbacks, MapLibre’s render among them, whether or not that frame already shows all of ' +
      'the change (the app’s outline waits for MapLibre’s worker; deck.gl may draw its arcs a ' +
      'frame later).',
    '',
    table(
      PER_PAGE_HEADERS,
      [
        ...changeScriptRows(f),
        perPageRow('date change: until drawn', f.dateWall, ms),
        perPageRow('selection: until drawn', f.selectWall, ms),
      ],
      [...PER_PAGE_ALIGN],
    ),
    '',
    '### Exploration after the first render',
    '',
    'Date steps, selections, motive toggles (not on the floor, which has no arcs) and pointer ' +
      'moves over the map, each waited for; long tasks from a PerformanceObserver.',
    '',
    table(
      PER_PAGE_HEADERS,
      [
        perPageRow('interactions', f.exploreInteractions, (v) => String(Math.round(v))),
        perPageRow('longest task', f.exploreLongest, ms),
        perPageRow('tasks over 50 ms', f.exploreLongTasks, (v) => String(Math.round(v))),
        perPageRow('longest task after a date step', f.exploreByKind.date, ms),
        perPageRow('longest task after a selection', f.exploreByKind.selection, ms),
        perPageRow('longest task after a motive toggle', f.exploreByKind.motive, ms),
        perPageRow('longest task after a pointer move', f.exploreByKind.hover, ms),
      ],
      [...PER_PAGE_ALIGN],
    ),
    '',
    '### Scene transition',
    '',
    `App: the Present button (\`?mode=present&scene=1\`), then → (scene 2: a ${plan.flight.duration} ms flight, the ` +
      'date and highlight easing with it), from the key press until the map is ready again. ' +
      'Floor and deck.gl: the same camera move as `map.flyTo` with the same duration. Frame ' +
      'intervals from requestAnimationFrame; per run the median and the 95th percentile, then ' +
      'over the runs.',
    '',
    table(
      PER_PAGE_HEADERS,
      [
        perPageRow('frame interval, median', f.frameMedian, ms),
        perPageRow('frame interval, 95th percentile', f.frameP95, ms),
        perPageRow('key press → ready', f.transitionTime, ms),
        perPageRow('longest task', f.transitionLongest, ms),
      ],
      [...PER_PAGE_ALIGN],
    ),
    '',
    '### Exports (app)',
    '',
    'Through the Export dialog: 1920 × 1080 (slides), 2x; Download is clicked as soon as the ' +
      'choices are made. Half the runs export a PNG first, half an SVG first.',
    '',
    ...exportsTable(f.exports),
    '',
    ...(input.gpu ? [...gpuSection(input.gpu), ''] : []),
    ...(input.scale ? [...scaleSection(input.scale), ''] : []),
    ...(input.cli ? [...cliSection(input.cli), ''] : []),
    ...lighthouseSection(input.lighthouse),
  ];
  const errors = PAGE_NAMES.flatMap((p) => f.consoleErrors[p].map((e) => `${p}: ${e}`));
  const away = PAGE_NAMES.flatMap((p) => f.offOrigin[p].map((u) => `${p}: ${u}`));
  if (errors.length + away.length > 0) {
    lines.push('', '## Console errors and requests to other origins', '');
    for (const line of [...errors, ...away]) lines.push(`- ${line.replace(/\s+/g, ' ')}`);
  }
  return `${lines.join('\n')}\n`;
}

/** A few lines for the terminal at the end of a run. */
export function summaryLines(
  figures: Figures,
  lighthouse: LighthouseSection,
  gpu: GpuPass | null = null,
  scale: ScaleFigures | null = null,
  cli: CliFigures | null = null,
): string[] {
  const f = figures;
  const judged = judgeTargets(f, lighthouse);
  const g = gpu?.figures;
  return [
    `First render: app ${ms(f.firstRender.app.median)}, floor ${ms(f.firstRender.floor.median)}, ` +
      `deck.gl ${ms(f.firstRender.deck.median)} (app ÷ floor ${times(ratio(f.firstRender.app.median, f.firstRender.floor.median))}, ` +
      `app ÷ deck.gl ${times(ratio(f.firstRender.app.median, f.firstRender.deck.median))})`,
    `App JS besides maplibre-gl ${kb(f.bytes.app.first['app-js'].gzip)} gzip; geometry ${kb(f.bytes.app.first.geometry.gzip)} gzip`,
    `Date change ${ms(f.dateScript.app.median)} script; selection ${ms(f.selectScript.app.median)}; ` +
      `longest task exploring ${ms(f.exploreLongest.app.median)}`,
    `PNG export ${ms(f.exports.pngLater.median)} (first ${ms(f.exports.pngFirst.median)}); ` +
      `SVG ${ms(f.exports.svgLater.median)} (first ${ms(f.exports.svgFirst.median)})`,
    ...(g
      ? [
          `GPU compositing: first render app ÷ floor ` +
            `${times(ratio(g.firstRender.app.median, g.firstRender.floor.median))}, ` +
            `longest task exploring app ${ms(g.exploreLongest.app.median)}, ` +
            `floor ${ms(g.exploreLongest.floor.median)}, deck.gl ${ms(g.exploreLongest.deck.median)}`,
        ]
      : []),
    ...judged.map(
      ({ target, value, verdict }) =>
        `${verdict.status.padEnd(10)} ${target.label}: ${value === null ? '–' : target.format(value)}`,
    ),
    ...(g
      ? judgeTargets(g, lighthouse)
          .filter(({ target }) => target.perPass !== false)
          .map(
            ({ target, value, verdict }) =>
              `${verdict.status.padEnd(10)} ${target.label} (GPU compositing): ${value === null ? '–' : target.format(value)}`,
          )
      : []),
    ...(scale ? scaleSummaryLines(scale) : []),
    ...(cli ? cliSummaryLines(cli) : []),
  ];
}
