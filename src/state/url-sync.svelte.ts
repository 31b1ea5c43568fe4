/**
 * The URL is the outside world's copy of the state: read when the atlas opens and on back and
 * forward, written when the state changes. Written just after the frame that shows the change,
 * at most once a frame: replaceState takes a few milliseconds that frame need not wait for.
 */
import {
  ENGLISH_NOTICES,
  formatUrlState,
  parseUrlState,
  type NoticeWords,
} from '../lib/url-state.ts';
import { afterNextFrame } from '../ui/after-frame.ts';
import type { AtlasState } from './atlas.svelte.ts';

/** What the sync needs of the page: its query string, its history, and the next frame. */
export interface UrlPage {
  search(): string;
  replace(search: string): void;
  /** Calls `read` on back and forward; returns a function that stops. */
  onNavigate(read: () => void): () => void;
  /** Runs `work` after the next frame; returns a cancel. */
  afterFrame(work: () => void): () => void;
}

export const browserPage: UrlPage = {
  search: () => location.search,
  replace: (search) => history.replaceState(history.state, '', `${location.pathname}${search}`),
  onNavigate(read) {
    addEventListener('popstate', read);
    return () => removeEventListener('popstate', read);
  },
  afterFrame: afterNextFrame,
};

/**
 * Sets `atlas` from the page's URL now, and keeps the two in step for the caller's lifetime. What
 * the URL held that the atlas ignores is told in `words` (the edition's, src/i18n/shell.ts).
 */
export function syncUrl(
  atlas: AtlasState,
  page: UrlPage = browserPage,
  words: NoticeWords = ENGLISH_NOTICES,
): void {
  const read = () => {
    const parsed = parseUrlState(page.search(), atlas.context, words);
    atlas.applyUrl(parsed.state, parsed.notices);
  };
  read();
  $effect(() => page.onNavigate(read));

  let search = '';
  let pending: (() => void) | null = null;
  let lang = atlas.lang;
  $effect(() => {
    search = formatUrlState(atlas.urlState);
    // Another edition is written at once: the page makes a new atlas in its language from the
    // URL (App.svelte), before the next frame.
    if (atlas.lang !== lang) {
      lang = atlas.lang;
      pending?.();
      pending = null;
      if (search !== page.search()) page.replace(search);
      return;
    }
    pending ??= page.afterFrame(() => {
      pending = null;
      if (search !== page.search()) page.replace(search);
    });
  });
  // A write still waiting when the atlas goes is made now: the atlas goes when the page shows
  // another edition (App.svelte), and the next atlas opens on this URL.
  $effect(() => () => {
    if (pending === null) return;
    pending();
    pending = null;
    if (search !== page.search()) page.replace(search);
  });
}
