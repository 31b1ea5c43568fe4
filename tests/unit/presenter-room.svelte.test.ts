import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { PresenterLink, PresenterMessage } from '../../src/lib/presenter-sync.ts';
import { AtlasState } from '../../src/state/atlas.svelte.ts';
import { PresenterRoom } from '../../src/state/presenter-room.svelte.ts';
import { shipped } from './helpers.ts';

const { dataset } = shipped();

/** A speaker-window link that keeps what it is sent and lets the test speak for the window. */
class FakeLink {
  sent: PresenterMessage[] = [];
  closed = false;
  #handlers: ((message: PresenterMessage) => void)[] = [];
  send(message: PresenterMessage) {
    this.sent.push(message);
  }
  onMessage(handler: (message: PresenterMessage) => void) {
    this.#handlers.push(handler);
    return () => (this.#handlers = this.#handlers.filter((h) => h !== handler));
  }
  close() {
    this.closed = true;
  }
  /** The speaker window says `message`. */
  hear(message: PresenterMessage) {
    for (const handler of this.#handlers) handler(message);
  }
}

const timers = {
  now: () => Date.now(),
  set: (work: () => void, ms: number) => setTimeout(work, ms),
  clear: (id: ReturnType<typeof setTimeout>) => clearTimeout(id),
};

function room(autoplay: number | null = null) {
  const link = new FakeLink();
  let atlas!: AtlasState;
  let presenter!: PresenterRoom;
  const stop = $effect.root(() => {
    atlas = new AtlasState(dataset);
    atlas.present(0);
    atlas.autoplay = autoplay;
    presenter = new PresenterRoom(
      atlas,
      () => atlas.mode === 'present',
      timers,
      () => link as unknown as PresenterLink,
    );
  });
  flushSync();
  return { atlas, presenter, link, stop };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the speaker window', () => {
  test('is told each scene', () => {
    const { atlas, link, stop } = room();
    atlas.nextScene();
    flushSync();
    expect(link.sent.map((m) => (m.type === 'scene' ? m.index : -1))).toEqual([0, 1]);
    stop();
  });

  test('moves the presentation when it asks for a scene', () => {
    const { atlas, link, stop } = room();
    link.hear({ type: 'go', index: 4 });
    expect(atlas.sceneIndex).toBe(4);
    stop();
  });

  test('is let go when the presentation ends', () => {
    const { atlas, link, stop } = room();
    atlas.explore(null);
    flushSync();
    expect(link.closed).toBe(true);
    stop();
  });
});

describe('the kiosk’s auto-advance', () => {
  test('moves to the next scene after the scene’s seconds', () => {
    const { atlas, stop } = room(10);
    vi.advanceTimersByTime(10_500);
    flushSync();
    expect(atlas.sceneIndex).toBe(1);
    stop();
  });

  test('input holds it, and Resume lets it run again', () => {
    const { atlas, presenter, stop } = room(10);
    presenter.input();
    vi.advanceTimersByTime(10_500);
    flushSync();
    const held = [atlas.sceneIndex, presenter.held];
    presenter.resume();
    flushSync();
    vi.advanceTimersByTime(10_500);
    flushSync();
    expect([...held, atlas.sceneIndex]).toEqual([0, true, 1]);
    stop();
  });

  test('does nothing without autoplay', () => {
    const { atlas, stop } = room(null);
    vi.advanceTimersByTime(120_000);
    flushSync();
    expect(atlas.sceneIndex).toBe(0);
    stop();
  });
});
