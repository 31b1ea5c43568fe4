/**
 * The timeline's play: while `atlas.playing`, the date runs through the whole span in
 * PLAY_SPAN_MS, from the start when play begins on the last day, and play stops there.
 */
import { untrack } from 'svelte';
import { playFrom, playStep, PLAY_SPAN_MS } from '../lib/timeline.ts';
import type { AtlasState } from './atlas.svelte.ts';
import { animationFrames, type FrameClock } from './frames.ts';

/** Runs the play clock for `atlas` in the calling component's (or effect root's) lifetime. */
export function playClock(atlas: AtlasState, frames: FrameClock = animationFrames): void {
  $effect(() => {
    if (!atlas.playing) return;
    const { start, end } = atlas.context;
    const from = untrack(() => playFrom(atlas.date, start, end));
    const began = frames.now();
    let frameId = 0;
    const tick = (now: number) => {
      const day = playStep(from, start, end, now - began, PLAY_SPAN_MS);
      if (day >= end) {
        atlas.setDate(end);
        atlas.playing = false;
        return;
      }
      atlas.setDate(day);
      frameId = frames.request(tick);
    };
    frameId = frames.request(tick);
    return () => frames.cancel(frameId);
  });
}
