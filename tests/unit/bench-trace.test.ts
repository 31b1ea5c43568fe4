import { describe, expect, test } from 'vitest';
import { ACTION_MARK, scriptToNextFrame, type TraceEvent } from '../../bench/trace.ts';

// A page's main thread (1:1), a worker (1:2), and times in ms (the trace counts µs).
const MAIN = { pid: 1, tid: 1 };
const meta = (tid: number, name: string): TraceEvent => ({
  name: 'thread_name',
  ph: 'M',
  ts: 0,
  pid: 1,
  tid,
  args: { name },
});
const x = (name: string, at: number, ms: number, where = MAIN): TraceEvent => ({
  name,
  ph: 'X',
  ts: at * 1000,
  dur: ms * 1000,
  ...where,
});
const task = (at: number, ms: number, where = MAIN) =>
  x('ThreadControllerImpl::RunTask', at, ms, where);
const mark = (at: number): TraceEvent => ({ name: ACTION_MARK, ph: 'R', ts: at * 1000, ...MAIN });
const THREADS = [meta(1, 'CrRendererMain'), meta(2, 'DedicatedWorker thread')];

/** A key press handled in 10 ms of script, then a frame with 4 ms of rAF, then a later frame. */
const KEYPRESS: TraceEvent[] = [
  ...THREADS,
  mark(100),
  task(101, 12),
  x('EventDispatch', 101, 10),
  x('FunctionCall', 102, 8),
  task(115, 30),
  x('FireAnimationFrame', 116, 4),
  x('Commit', 125, 2),
  task(150, 30),
  x('FireAnimationFrame', 151, 6),
  x('Commit', 160, 2),
];

describe('scriptToNextFrame', () => {
  test('counts the action’s task and the next frame’s script, not later frames', () => {
    expect(scriptToNextFrame(KEYPRESS)).toBeCloseTo(14, 6);
  });

  test.each([
    ['script before the action’s mark', [x('TimerFire', 50, 20)]],
    ['script on a worker thread', [x('FunctionCall', 116, 30, { pid: 1, tid: 2 })]],
    ['script nested in script already counted', [x('RunMicrotasks', 105, 3)]],
    ['a task with no script in between', [task(113, 1)]],
  ])('leaves out %s', (_, extra) => {
    expect(scriptToNextFrame([...KEYPRESS, ...extra])).toBeCloseTo(14, 6);
  });

  test('counts a task of script between the action and the frame', () => {
    expect(scriptToNextFrame([...KEYPRESS, task(113, 1.5), x('TimerFire', 113, 1.5)])).toBeCloseTo(
      15.5,
      6,
    );
  });

  test('stops at the first frame that commits, not at a frame that does not', () => {
    const noCommit = KEYPRESS.filter((e) => !(e.name === 'Commit' && e.ts === 125_000));
    expect(scriptToNextFrame(noCommit)).toBeCloseTo(20, 6);
  });

  test('is the action’s own task when the action runs inside a frame', () => {
    const inFrame = [
      ...THREADS,
      mark(0),
      task(1, 20),
      x('FireAnimationFrame', 2, 7),
      x('Commit', 15, 2),
    ];
    expect(scriptToNextFrame(inFrame)).toBeCloseTo(7, 6);
  });

  test.each([
    ['no frame after the action', KEYPRESS.filter((e) => e.name !== 'Commit')],
    ['no script after the mark', [...THREADS, mark(500), task(501, 3), x('Commit', 502, 1)]],
    ['no renderer main thread', KEYPRESS.filter((e) => e.ph !== 'M')],
  ])('is NaN with %s', (_, events) => {
    expect(scriptToNextFrame(events)).toBeNaN();
  });
});
