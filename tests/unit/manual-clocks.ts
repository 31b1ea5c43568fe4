/** Clocks a test drives by hand, for the state modules that run on frames (src/state/frames.ts). */
import type { FrameClock } from '../../src/state/frames.ts';

export class ManualFrames implements FrameClock {
  time = 0;
  #next = 1;
  #callbacks = new Map<number, (now: number) => void>();

  request(callback: (now: number) => void): number {
    const id = this.#next++;
    this.#callbacks.set(id, callback);
    return id;
  }
  cancel(id: number): void {
    this.#callbacks.delete(id);
  }
  now(): number {
    return this.time;
  }
  /** Frames waiting to run. */
  get waiting(): number {
    return this.#callbacks.size;
  }
  /** Moves time on by `ms` and runs the frames that were waiting, as one frame. */
  advance(ms: number): void {
    this.time += ms;
    const due = [...this.#callbacks];
    this.#callbacks.clear();
    for (const [, callback] of due) callback(this.time);
  }
}
