import { flushSync } from 'svelte';
import { describe, expect, test } from 'vitest';
import { PLAY_SPAN_MS } from '../../src/lib/timeline.ts';
import { AtlasState } from '../../src/state/atlas.svelte.ts';
import { playClock } from '../../src/state/play-clock.svelte.ts';
import { ManualFrames } from './manual-clocks.ts';
import { shipped } from './helpers.ts';

const { dataset } = shipped();

/** An atlas with the play clock on manual frames, and a function that ends both. */
function playing(at?: string) {
  const frames = new ManualFrames();
  let atlas!: AtlasState;
  const stop = $effect.root(() => {
    atlas = new AtlasState(dataset);
    if (at) atlas.setDate(at);
    playClock(atlas, frames);
  });
  return { atlas, frames, stop };
}

describe('the play clock', () => {
  test('begun on the last day, play starts again from the first', () => {
    const { atlas, frames, stop } = playing();
    atlas.playing = true;
    flushSync();
    frames.advance(0);
    expect(atlas.date).toBe(atlas.context.start);
    stop();
  });

  test('the date moves forward as frames pass', () => {
    const { atlas, frames, stop } = playing('2023-01-01');
    atlas.playing = true;
    flushSync();
    frames.advance(PLAY_SPAN_MS / 10);
    expect(atlas.date > '2023-01-01').toBe(true);
    stop();
  });

  test('play stops on the last day', () => {
    const { atlas, frames, stop } = playing('2023-01-01');
    atlas.playing = true;
    flushSync();
    for (let i = 0; i < 20; i++) frames.advance(PLAY_SPAN_MS / 10);
    expect([atlas.date, atlas.playing]).toEqual([atlas.context.end, false]);
    stop();
  });

  test('a pause leaves no frame waiting', () => {
    const { atlas, frames, stop } = playing('2023-01-01');
    atlas.playing = true;
    flushSync();
    frames.advance(16);
    atlas.playing = false;
    flushSync();
    expect(frames.waiting).toBe(0);
    stop();
  });
});
