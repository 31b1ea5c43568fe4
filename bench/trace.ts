/**
 * Script time from a change to the end of the frame that first shows it, read from a Chromium
 * trace: what DESIGN.md budgets ("changing the date, selection or motive filter: next frame
 * within 16 ms of script time"). CDP's ScriptDuration (instrument.ts `scriptTime`) can only be
 * read before and after the whole change, tiles and later frames included; a trace says which
 * script ran before that first frame's commit. Pure: trace events in, milliseconds out.
 */

/**
 * What to record: the main thread's tasks and script (devtools.timeline), its frames' commits
 * (disabled-by-default-devtools.timeline), task boundaries (toplevel) and the mark set just
 * before the action (blink.user_timing). No V8 or cc categories: they slow every frame down.
 */
export const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'toplevel',
  'blink.user_timing',
];

/** The mark `measureNextFrame` sets just before the action; script before it is not the change's. */
export const ACTION_MARK = 'bench:action';

/** The fields of a Chrome trace event this module reads. */
export interface TraceEvent {
  name: string;
  /** Phase: 'X' a complete event (with `dur`), 'M' metadata, 'R'/'I' instants or marks… */
  ph: string;
  /** Microseconds. */
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

/** Events that are script running on the main thread; nested ones are counted once. */
const SCRIPT_EVENTS = new Set([
  'EventDispatch',
  'FunctionCall',
  'EvaluateScript',
  'FireAnimationFrame',
  'TimerFire',
  'RunMicrotasks',
  'FireIdleCallback',
]);
const TASK = 'ThreadControllerImpl::RunTask';
/** The main thread hands a frame to the compositor: the frame's main-thread work is done. */
const COMMIT = 'Commit';

type Interval = readonly [start: number, end: number];

/**
 * Milliseconds of script on the page's main thread from the action (the first script after
 * `ACTION_MARK`) to the end of the first frame after it: the action's own task, any task in
 * between, and that frame's task (its requestAnimationFrame callbacks, MapLibre's render among
 * them). NaN if the trace has no action or no frame after it.
 *
 * @example
 *   scriptToNextFrame(events) // 12.4: 8.1 in the keydown's task, 4.3 in the frame's rAF
 */
export function scriptToNextFrame(events: readonly TraceEvent[]): number {
  const thread = mainThread(events);
  if (thread === undefined) return Number.NaN;
  const mine = events
    .filter((e) => `${e.pid}:${e.tid}` === thread && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const mark = events.find((e) => e.name === ACTION_MARK && `${e.pid}:${e.tid}` === thread);
  const from = mark?.ts ?? -Infinity;
  const script = outermost(mine.filter((e) => SCRIPT_EVENTS.has(e.name))).filter(
    ([start]) => start >= from,
  );
  const first = script[0];
  if (first === undefined) return Number.NaN;

  const tasks = mine.filter((e) => e.name === TASK);
  const commits = mine.filter((e) => e.name === COMMIT);
  const within = (task: TraceEvent, t: number) => t >= task.ts && t < task.ts + task.dur!;
  const isFrame = (task: TraceEvent) => commits.some((c) => within(task, c.ts));
  const actionTask = tasks.find((t) => within(t, first[0]));
  const frame =
    actionTask && isFrame(actionTask)
      ? actionTask
      : tasks.find(
          (t) => t.ts >= (actionTask ? actionTask.ts + actionTask.dur! : first[1]) && isFrame(t),
        );
  if (frame === undefined) return Number.NaN;
  const until = frame.ts + frame.dur!;
  let total = 0;
  for (const [start, end] of script) if (start < until) total += Math.min(end, until) - start;
  return total / 1000;
}

/** The renderer main thread with the most script: the page's (others are extensions, workers). */
function mainThread(events: readonly TraceEvent[]): string | undefined {
  const mains = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const scriptCount = new Map<string, number>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (mains.has(key) && SCRIPT_EVENTS.has(e.name))
      scriptCount.set(key, (scriptCount.get(key) ?? 0) + 1);
  }
  return [...scriptCount].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** The time covered by `events` (sorted by start), each moment counted once. */
function outermost(events: readonly TraceEvent[]): Interval[] {
  const out: Interval[] = [];
  let reached = -Infinity;
  for (const e of events) {
    const end = e.ts + e.dur!;
    if (end <= reached) continue;
    out.push([Math.max(e.ts, reached), end]);
    reached = end;
  }
  return out;
}
