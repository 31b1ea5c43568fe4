/**
 * The command line's pictures (issue 18, item 7): `npm run export` drawing in Node alone, and the
 * path it replaced (`--browser`: the app's Export dialog in headless Chromium) as the comparison,
 * timed in the same bench. Its figures, its targets and its section of BENCHMARKS.md. Pure: the
 * runs in, the text out.
 */
import { ms, range, table, times } from './markdown.ts';
import { ratio, summarize, type Summary } from './stats.ts';
import {
  judgeSection,
  missedLines,
  summaryOf,
  targetsTable,
  type Judged,
  type SectionTarget,
} from './section-targets.ts';

export const CLI_ENGINES = ['node', 'browser'] as const;
export type CliEngine = (typeof CLI_ENGINES)[number];

/** One run of the command line with one engine: wall times in ms, from start to exit. */
export interface CliRun {
  engine: CliEngine;
  run: number;
  /** One 1920×1080 PNG at 2x. */
  picture: number;
  /** Every scene of the deck at 1920×1080 (2x PNGs), `--all-scenes`. */
  scenes: number;
}

export type PerEngine = Record<CliEngine, Summary>;

export interface CliFigures {
  runs: number;
  /** How many scenes the deck has. */
  sceneCount: number;
  picture: PerEngine;
  scenes: PerEngine;
}

function perEngine(runs: readonly CliRun[], pick: (run: CliRun) => number): PerEngine {
  return Object.fromEntries(
    CLI_ENGINES.map((e) => [e, summarize(runs.filter((r) => r.engine === e).map(pick))]),
  ) as PerEngine;
}

export function cliFiguresOf(runs: readonly CliRun[], sceneCount: number): CliFigures {
  return {
    runs: Math.max(0, ...CLI_ENGINES.map((e) => runs.filter((r) => r.engine === e).length)),
    sceneCount,
    picture: perEngine(runs, (r) => r.picture),
    scenes: perEngine(runs, (r) => r.scenes),
  };
}

export type CliTarget = SectionTarget<CliFigures>;

const median = (s: Summary) => (s.n > 0 ? s.median : null);

export const CLI_TARGETS: readonly CliTarget[] = [
  {
    id: 'cli-picture',
    label: 'Command line: one 1920×1080 PNG at 2x, wall',
    limit: 2000,
    comparison: 'below',
    format: ms,
    value: (f) => median(f.picture.node),
    why: 'tsx compiles the scripts, the dataset is validated and indexed, and resvg rasterises the picture',
    close: 'Profile the run (`--cpu-prof`): validation and the geometry’s decoding come first',
  },
  {
    id: 'cli-scenes',
    label: 'Command line: every scene at 1920×1080 (2x PNGs), wall',
    limit: 10_000,
    comparison: 'below',
    format: ms,
    value: (f) => median(f.scenes.node),
    why: 'Each scene is drawn and rasterised in turn, on one core',
    close: 'Rasterise the scenes in worker threads',
  },
];

export function judgeCli(figures: CliFigures): Judged<CliFigures>[] {
  return judgeSection(CLI_TARGETS, figures);
}

/** BENCHMARKS.md's section on the command line: its targets, then both engines' figures. */
export function cliSection(f: CliFigures): string[] {
  const judged = judgeCli(f);
  const row = (label: string, s: PerEngine) => [
    label,
    range(s.node, ms),
    range(s.browser, ms),
    times(ratio(s.node.median, s.browser.median)),
  ];
  const out = [
    '## Command line: pictures without a browser',
    '',
    `\`npm run export\` as a person runs it (the wall time of \`tsx scripts/export.ts\`, start to ` +
      `exit), ${f.runs} run${f.runs === 1 ? '' : 's'} per engine: drawn in Node alone (the ` +
      'default), and with `--browser`, the path it replaced, through the Export dialog of the ' +
      'built app in headless Chromium with software WebGL.',
    '',
    targetsTable(judged),
    '',
    table(
      ['figure', 'Node (picture engine, resvg)', '--browser (Chromium)', 'Node ÷ browser'],
      [
        row('one 1920×1080 PNG at 2x', f.picture),
        row(`the ${f.sceneCount} scenes at 1920×1080, 2x PNGs`, f.scenes),
      ],
      ['left', 'right', 'right', 'right'],
    ),
  ];
  out.push(...missedLines(judged));
  return out;
}

/** Lines for the terminal's summary. */
export function cliSummaryLines(f: CliFigures): string[] {
  return summaryOf(judgeCli(f));
}
