/**
 * The benchmark's arithmetic: medians, percentiles, blocking time from a list of long tasks, frame
 * intervals. Pure: numbers in, numbers out, so the figures in BENCHMARKS.md can be checked by tests.
 */

/** What one figure looks like over several runs. */
export interface Summary {
  median: number;
  min: number;
  max: number;
  /** How many values it summarises; 0 means the figure could not be measured. */
  n: number;
}

/** The value at percentile `p` (0–100), linearly interpolated between ranks; NaN for no values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (Math.min(100, Math.max(0, p)) / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (rank - low);
}

/**
 * The middle value (the mean of the two middle ones for an even count); NaN for no values.
 * @example median([3, 1, 2]) // 2
 */
export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Median, min and max of the values that are finite numbers (a failed measurement is NaN). */
export function summarize(values: readonly number[]): Summary {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return { median: Number.NaN, min: Number.NaN, max: Number.NaN, n: 0 };
  return {
    median: median(finite),
    min: Math.min(...finite),
    max: Math.max(...finite),
    n: finite.length,
  };
}

/** A long task as the browser reports it (PerformanceObserver 'longtask'), in ms. */
export interface LongTask {
  startTime: number;
  duration: number;
}

/** Tasks longer than this block input, in the sense of Total Blocking Time. */
export const LONG_TASK_MS = 50;

/** The tasks that start in [from, until). */
function startingIn(tasks: readonly LongTask[], from: number, until: number): LongTask[] {
  return tasks.filter((t) => t.startTime >= from && t.startTime < until);
}

/**
 * Main-thread blocking time: the sum of each long task's time beyond 50 ms, counting the tasks
 * that start in [from, until).
 * @example blockingTime([{ startTime: 0, duration: 120 }, { startTime: 200, duration: 60 }]) // 80
 */
export function blockingTime(
  tasks: readonly LongTask[],
  until = Number.POSITIVE_INFINITY,
  from = Number.NEGATIVE_INFINITY,
): number {
  return startingIn(tasks, from, until).reduce(
    (total, task) => total + Math.max(0, task.duration - LONG_TASK_MS),
    0,
  );
}

/** The longest task that starts in [from, until); 0 when there is none. */
export function longestTask(
  tasks: readonly LongTask[],
  from = Number.NEGATIVE_INFINITY,
  until = Number.POSITIVE_INFINITY,
): number {
  return startingIn(tasks, from, until).reduce((longest, t) => Math.max(longest, t.duration), 0);
}

/** How many tasks starting in [from, until) are longer than 50 ms. */
export function countLongTasks(
  tasks: readonly LongTask[],
  from = Number.NEGATIVE_INFINITY,
  until = Number.POSITIVE_INFINITY,
): number {
  return startingIn(tasks, from, until).filter((t) => t.duration > LONG_TASK_MS).length;
}

/**
 * The intervals between successive animation frames, from their timestamps.
 * @example frameIntervals([0, 16.7, 33.4, 60]) // [16.7, 16.7, 26.6] (to rounding)
 */
export function frameIntervals(timestamps: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < timestamps.length; i++) out.push(timestamps[i]! - timestamps[i - 1]!);
  return out;
}

/**
 * `a / b`, or NaN when either is not a finite number or `b` is 0: a ratio of two medians, where a
 * missing median must not turn into a verdict.
 */
export function ratio(a: number, b: number): number {
  if (!Number.isFinite(a) || !Number.isFinite(b) || b === 0) return Number.NaN;
  return a / b;
}
