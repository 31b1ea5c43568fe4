/**
 * From the runs to the figures BENCHMARKS.md reports: each measurement summarised over the runs
 * (median, min, max) per page, and the bytes per kind. Pure: the runs in, the figures out.
 */
import type { Kind, Size } from './resources.ts';
import { PAGE_NAMES, type PageName, type PageRun } from './types.ts';
import { percentile, summarize, type Summary } from './stats.ts';

export type PerPage = Record<PageName, Summary>;

export interface ExportFigures {
  pngFirst: Summary;
  pngLater: Summary;
  svgFirst: Summary;
  svgLater: Summary;
  /** Each `export:*` mark's time after `export:start`, over every PNG export. */
  marks: Record<string, Summary>;
}

export interface Figures {
  runs: number;
  firstRender: PerPage;
  firstPainted: PerPage;
  /** The picture engine's map on screen: the app's first map (none on the comparison pages). */
  staticPainted: PerPage;
  blocking: PerPage;
  dateScript: PerPage;
  dateWall: PerPage;
  selectScript: PerPage;
  selectWall: PerPage;
  motiveScript: PerPage;
  /** Script from a change to the end of the frame after it (traced; DESIGN.md's budget). */
  dateNextFrame: PerPage;
  selectNextFrame: PerPage;
  motiveNextFrame: PerPage;
  exploreLongest: PerPage;
  exploreLongTasks: PerPage;
  exploreInteractions: PerPage;
  /** The longest task of each kind of interaction, per run, then over the runs. */
  exploreByKind: Record<InteractionKind, PerPage>;
  /** Per run, the median and the 95th percentile of the frame intervals; then over the runs. */
  frameMedian: PerPage;
  frameP95: PerPage;
  transitionTime: PerPage;
  transitionLongest: PerPage;
  exports: ExportFigures;
  /** Bytes per kind: up to the first render, and everything the runs loaded. */
  bytes: Record<PageName, { first: Record<Kind, Size>; all: Record<Kind, Size> }>;
  consoleErrors: Record<PageName, string[]>;
  offOrigin: Record<PageName, string[]>;
}

function perPage(runs: readonly PageRun[], pick: (run: PageRun) => number[]): PerPage {
  return Object.fromEntries(
    PAGE_NAMES.map((name) => [name, summarize(runs.filter((r) => r.page === name).flatMap(pick))]),
  ) as PerPage;
}

export const INTERACTION_KINDS = ['date', 'selection', 'motive', 'hover'] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

/**
 * The kind of an exploration step from its name.
 * @example interactionKind('select IRN') // 'selection'
 */
export function interactionKind(what: string): InteractionKind {
  if (what.startsWith('select')) return 'selection';
  if (what.startsWith('toggle')) return 'motive';
  if (what === 'hover') return 'hover';
  return 'date';
}

function longestOfKind(run: PageRun, kind: InteractionKind): number[] {
  const tasks = run.exploration.steps
    .filter((s) => interactionKind(s.what) === kind)
    .map((s) => s.longestTask);
  return tasks.length > 0 ? [Math.max(...tasks)] : [];
}

function exportFigures(runs: readonly PageRun[]): ExportFigures {
  const samples = runs.flatMap((r) => r.exports);
  const times = (format: 'png' | 'svg', first: boolean) =>
    summarize(samples.filter((s) => s.format === format && s.first === first).map((s) => s.ms));
  const names = [...new Set(samples.flatMap((s) => Object.keys(s.marks)))];
  const marks = Object.fromEntries(
    names.map((name) => [
      name,
      summarize(
        samples.filter((s) => s.format === 'png' && name in s.marks).map((s) => s.marks[name]!),
      ),
    ]),
  );
  return {
    pngFirst: times('png', true),
    pngLater: times('png', false),
    svgFirst: times('svg', true),
    svgLater: times('svg', false),
    marks,
  };
}

/** The figures of a benchmark, given its runs and the bytes it measured per page. */
export function figuresOf(runs: readonly PageRun[], bytes: Figures['bytes']): Figures {
  const transition = (pick: (t: NonNullable<PageRun['transition']>) => number) => (r: PageRun) =>
    r.transition ? [pick(r.transition)] : [];
  const listed = (pick: (r: PageRun) => string[]) =>
    Object.fromEntries(
      PAGE_NAMES.map((name) => [
        name,
        [...new Set(runs.filter((r) => r.page === name).flatMap(pick))],
      ]),
    ) as Record<PageName, string[]>;
  return {
    runs: Math.max(0, ...PAGE_NAMES.map((n) => runs.filter((r) => r.page === n).length)),
    firstRender: perPage(runs, (r) => [r.firstRender]),
    firstPainted: perPage(runs, (r) => [r.firstPainted]),
    staticPainted: perPage(runs, (r) =>
      r.staticPainted === undefined || Number.isNaN(r.staticPainted) ? [] : [r.staticPainted],
    ),
    blocking: perPage(runs, (r) => [r.blocking]),
    dateScript: perPage(runs, (r) => r.dateChanges.map((c) => c.script)),
    dateWall: perPage(runs, (r) => r.dateChanges.map((c) => c.wall)),
    selectScript: perPage(runs, (r) => r.selections.map((c) => c.script)),
    selectWall: perPage(runs, (r) => r.selections.map((c) => c.wall)),
    motiveScript: perPage(runs, (r) => r.motiveToggles.map((c) => c.script)),
    dateNextFrame: perPage(runs, (r) => r.nextFrame?.date ?? []),
    selectNextFrame: perPage(runs, (r) => r.nextFrame?.selection ?? []),
    motiveNextFrame: perPage(runs, (r) => r.nextFrame?.motive ?? []),
    exploreLongest: perPage(runs, (r) => [r.exploration.longestTask]),
    exploreLongTasks: perPage(runs, (r) => [r.exploration.longTasks]),
    exploreInteractions: perPage(runs, (r) => [r.exploration.interactions]),
    exploreByKind: Object.fromEntries(
      INTERACTION_KINDS.map((kind) => [kind, perPage(runs, (r) => longestOfKind(r, kind))]),
    ) as Record<InteractionKind, PerPage>,
    frameMedian: perPage(
      transitionRuns(runs),
      transition((t) => percentile(t.intervals, 50)),
    ),
    frameP95: perPage(
      transitionRuns(runs),
      transition((t) => percentile(t.intervals, 95)),
    ),
    transitionTime: perPage(
      runs,
      transition((t) => t.duration),
    ),
    transitionLongest: perPage(
      runs,
      transition((t) => t.longestTask),
    ),
    exports: exportFigures(runs),
    bytes,
    consoleErrors: listed((r) => r.consoleErrors),
    offOrigin: listed((r) => r.offOrigin),
  };
}

/** Runs whose transition recorded frames (a transition that timed out has none worth a percentile). */
function transitionRuns(runs: readonly PageRun[]): PageRun[] {
  return runs.filter((r) => (r.transition?.intervals.length ?? 0) > 0);
}
