/**
 * What surrounds a presentation: the speaker window, told the scene on every change (and heard
 * when it asks for another), and the kiosk's auto-advance, which any input pauses until Resume or
 * a quiet spell lets it run again.
 */
import { untrack } from 'svelte';
import { autoplayDueIn, isAutoplayPaused, type AutoplayState } from '../lib/autoplay.ts';
import { PresenterLink } from '../lib/presenter-sync.ts';
import type { AtlasState } from './atlas.svelte.ts';

/** Wall-clock time and timers, passed in so tests can drive them. */
export interface Timers {
  now(): number;
  set(work: () => void, ms: number): ReturnType<typeof setTimeout>;
  clear(id: ReturnType<typeof setTimeout>): void;
}

const browserTimers: Timers = {
  now: () => Date.now(),
  set: (work, ms) => setTimeout(work, ms),
  clear: (id) => clearTimeout(id),
};

export class PresenterRoom {
  /** Whether input is holding the kiosk's clock (the Resume control shows). */
  held = $state(false);
  #resumes = $state(0);
  #lastInputAt = 0;
  #inputPaused = false;
  #startedAt: number | null = null;
  #link: PresenterLink | null = null;
  readonly #atlas: AtlasState;
  readonly #timers: Timers;

  /** Runs for the calling component's lifetime, while `presenting()`. */
  constructor(
    atlas: AtlasState,
    presenting: () => boolean,
    timers: Timers = browserTimers,
    link: () => PresenterLink = () => new PresenterLink(),
  ) {
    this.#atlas = atlas;
    this.#timers = timers;

    $effect(() => {
      if (!presenting()) return;
      this.#startedAt ??= timers.now();
      const current = link();
      this.#link = current;
      const stop = current.onMessage((message) => {
        if (message.type === 'go') atlas.goToScene(message.index);
        if (message.type === 'hello') this.#announce();
      });
      return () => {
        stop();
        current.close();
        this.#link = null;
      };
    });
    $effect(() => {
      if (!presenting()) return;
      void atlas.sceneIndex;
      untrack(() => this.#announce());
    });

    $effect(() => {
      const seconds = atlas.autoplay;
      if (!presenting() || seconds === null) return;
      void atlas.sceneIndex; // a new scene, or a resume, starts the scene's time afresh
      void this.#resumes;
      const sceneShownAt = timers.now();
      let timer: ReturnType<typeof setTimeout> | undefined;
      const tick = () => {
        const now = timers.now();
        const state: AutoplayState = {
          seconds,
          lastInputAt: this.#lastInputAt,
          sceneShownAt,
          paused: this.#inputPaused,
        };
        this.held = isAutoplayPaused(state, now);
        const due = autoplayDueIn(state, now);
        if (due === 0) {
          this.#inputPaused = false;
          atlas.goToScene((atlas.sceneIndex + 1) % atlas.dataset.scenes.length);
          return;
        }
        timer = timers.set(tick, Math.min(1000, due));
      };
      timer = timers.set(tick, 0);
      return () => {
        if (timer !== undefined) timers.clear(timer);
      };
    });
  }

  /** The room touched the presentation: the kiosk's clock holds. */
  input() {
    if (this.#atlas.autoplay === null) return;
    this.#lastInputAt = this.#timers.now();
    this.#inputPaused = true;
    this.held = true;
  }

  /** Resume: the kiosk's clock runs again, the scene's time afresh. */
  resume() {
    this.#inputPaused = false;
    this.held = false;
    this.#resumes++;
  }

  /** Opens the speaker window (notes, next scene, clock) on the scene on screen. */
  openSpeaker() {
    window.open(
      `${location.pathname}?mode=speaker&scene=${this.#atlas.sceneIndex + 1}`,
      'kabul-atlas-speaker',
      'popup,width=900,height=640',
    );
  }

  #announce() {
    this.#link?.send({
      type: 'scene',
      index: this.#atlas.sceneIndex,
      total: this.#atlas.dataset.scenes.length,
      startedAt: this.#startedAt ?? this.#timers.now(),
    });
  }
}
