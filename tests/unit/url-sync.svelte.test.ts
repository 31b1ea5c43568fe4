import { flushSync } from 'svelte';
import { describe, expect, test } from 'vitest';
import { AtlasState } from '../../src/state/atlas.svelte.ts';
import { syncUrl, type UrlPage } from '../../src/state/url-sync.svelte.ts';
import { shipped } from './helpers.ts';

const { dataset } = shipped();

/** A page whose URL, history and frames the test holds. */
class FakePage implements UrlPage {
  url: string;
  writes: string[] = [];
  frames: (() => void)[] = [];
  #navigate: (() => void) | null = null;
  constructor(url = '') {
    this.url = url;
  }
  search = () => this.url;
  replace = (search: string) => {
    this.url = search;
    this.writes.push(search);
  };
  onNavigate = (read: () => void) => {
    this.#navigate = read;
    return () => (this.#navigate = null);
  };
  afterFrame = (work: () => void) => {
    this.frames.push(work);
    return () => (this.frames = this.frames.filter((w) => w !== work));
  };
  /** The next frame has been drawn: what waited for it runs. */
  frame() {
    const due = this.frames;
    this.frames = [];
    for (const work of due) work();
  }
  /** Back or forward to `url`. */
  navigate(url: string) {
    this.url = url;
    this.#navigate?.();
  }
  get listening() {
    return this.#navigate !== null;
  }
}

function synced(url = '') {
  const page = new FakePage(url);
  let atlas!: AtlasState;
  const stop = $effect.root(() => {
    atlas = new AtlasState(dataset);
    syncUrl(atlas, page);
  });
  flushSync();
  return { atlas, page, stop };
}

describe('the URL and the state', () => {
  test('the atlas opens on the URL’s state', () => {
    const { atlas, stop } = synced('?date=2024-02-02&country=CHN');
    expect([atlas.date, atlas.selected]).toEqual(['2024-02-02', 'CHN']);
    stop();
  });

  test('a bad value in the URL falls back with a notice', () => {
    const { atlas, stop } = synced('?date=2099-13-40');
    expect([atlas.date, atlas.notices.length]).toEqual([atlas.context.end, 1]);
    stop();
  });

  test('a change is written after the next frame, not before', () => {
    const { atlas, page, stop } = synced();
    atlas.select('CHN');
    flushSync();
    expect(page.url).toBe('');
    page.frame();
    expect(page.url).toBe('?country=CHN');
    stop();
  });

  test('several changes in one frame are one write, of the last state', () => {
    const { atlas, page, stop } = synced();
    atlas.select('CHN');
    flushSync();
    atlas.setDate('2024-02-02');
    flushSync();
    page.frame();
    expect(page.writes).toEqual(['?date=2024-02-02&country=CHN']);
    stop();
  });

  test('back and forward set the state from the URL', () => {
    const { atlas, page, stop } = synced();
    page.navigate('?country=PAK');
    expect(atlas.selected).toBe('PAK');
    stop();
  });

  test('a state the URL already says is not written again', () => {
    const { page, stop } = synced('?country=CHN');
    page.frame();
    expect(page.writes).toEqual([]);
    stop();
  });

  test('when the atlas goes, it stops listening and cancels its waiting frame', () => {
    const { atlas, page, stop } = synced();
    atlas.select('CHN');
    flushSync();
    stop();
    expect([page.listening, page.frames.length]).toEqual([false, 0]);
  });

  // Another edition makes a new atlas from the URL (App.svelte), before the next frame.
  test('another edition is written at once, not after the frame', () => {
    const { atlas, page, stop } = synced('?country=CHN');
    atlas.lang = 'ps';
    flushSync();
    expect([page.writes, page.frames.length]).toEqual([['?country=CHN&lang=ps'], 0]);
    stop();
  });

  // The old atlas's last change must be in the URL the next one opens on.
  test('when the atlas goes, its waiting write is made at once', () => {
    const { atlas, page, stop } = synced();
    atlas.select('CHN');
    flushSync();
    stop();
    expect(page.writes).toEqual(['?country=CHN']);
  });
});
