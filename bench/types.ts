/**
 * The shapes of a benchmark's results: what one run of one page records. Shared by the runner,
 * the figures and the report.
 */

export const PAGE_NAMES = ['app', 'floor', 'deck'] as const;
export type PageName = (typeof PAGE_NAMES)[number];

export interface ExportSample {
  format: 'png' | 'svg';
  /** The first export after the dialog opened (the off-screen map may still be warming up). */
  first: boolean;
  /** From the click on Download to the page's click on the link that saves the file. */
  ms: number;
  /** The page's `export:*` marks, ms after `export:start` (PNG only). */
  marks: Record<string, number>;
}

export interface ExplorationStep {
  /** e.g. `PageDown`, `select IRN`, `toggle economic`, `hover`. */
  what: string;
  /** How long it took to be drawn (a hover: to be sent, plus 100 ms); NaN: not within 15 s. */
  ms: number;
  /** The longest task that started from this interaction until the next one. */
  longestTask: number;
}

export interface TransitionSample {
  /** Intervals between animation frames, key press (or flyTo) to readiness. */
  intervals: number[];
  /** From the key press (or flyTo) to readiness. */
  duration: number;
  longestTask: number;
}

export interface PageRun {
  page: PageName;
  run: number;
  /** Navigation start to the first data-ready "true". */
  firstRender: number;
  /** Navigation start to the second frame after it, composited: the first render on screen. */
  firstPainted: number;
  /**
   * Navigation start to the picture engine's map on screen (two frames after it was drawn), the
   * app's first map; NaN for the comparison pages, and absent from results written before it.
   */
  staticPainted?: number;
  /** Sum of long tasks' time over 50 ms, before the first render. */
  blocking: number;
  /** URLs loaded before the first render (the document included), and all of them by the end. */
  shippedFirst: string[];
  shippedAll: string[];
  dateChanges: ChangeCost[];
  selections: ChangeCost[];
  motiveToggles: ChangeCost[];
  /**
   * The same kinds of change again, traced: script from the action to the end of the next frame
   * (trace.ts), ms. Absent from results written before it was measured.
   */
  nextFrame?: { date: number[]; selection: number[]; motive: number[] };
  exploration: {
    interactions: number;
    steps: ExplorationStep[];
    longestTask: number;
    longTasks: number;
  };
  transition: TransitionSample | null;
  exports: ExportSample[];
  consoleErrors: string[];
  offOrigin: string[];
}

/** What one change cost: script time from the action to the map's next readiness, and how long that took. */
export interface ChangeCost {
  script: number;
  /** From just before the action to data-ready "true", on the page's clock; NaN on timeout. */
  wall: number;
}

/** The machine a benchmark ran on. */
export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  os: string;
  node: string;
  chromium: string;
  /** The WebGL renderer string the page reads (SwiftShader on a machine without a GPU). */
  renderer: string;
  /** chrome://gpu's compositing status in the first pass's browser (absent in older results). */
  compositing?: string;
  /**
   * The 1-, 5- and 15-minute load averages before the runs and after them: anything else running
   * on the machine slows all three pages, which the interleaving spreads evenly but cannot undo.
   */
  load: { before: number[]; after: number[] };
}

/** Lighthouse's scores per preset (bench/lighthouse.ts), or why there are none. */
export type LighthouseSection =
  | { status: 'skipped'; note: string }
  | {
      status: 'measured';
      presets: Partial<
        Record<
          'desktop' | 'mobile',
          {
            scores: Record<'performance' | 'accessibility' | 'best-practices' | 'seo', number>;
            failing: { id: string; title: string; score: number | null }[];
            /** Every run's performance score when there were several; the scores are the median run's. */
            performanceRuns?: number[];
          }
        >
      >;
    };
