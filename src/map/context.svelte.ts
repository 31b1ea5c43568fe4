/**
 * The map instance, handed by MapView (its only owner) to the layer components inside it.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { createContext, untrack } from 'svelte';
import { afterNextFrame } from '../ui/after-frame.ts';

export class MapContext {
  /** The MapLibre map, once created. */
  map = $state.raw<MapLibreMap | null>(null);
  /** True once the style has loaded and layers can be added. */
  loaded = $state(false);
  /** True once the map has drawn the state for the first time: layers may fill in what waited. */
  drawn = $state(false);
  /** Layer work still under way (fonts, first data); the map is not ready while this is above 0. */
  pending = $state(0);

  /** Holds readiness until `work` settles, e.g. a font a label layer needs. */
  async hold<T>(work: Promise<T>): Promise<T> {
    // Untracked: a layer's effect that calls this must not come to depend on `pending`.
    untrack(() => this.pending++);
    try {
      return await work;
    } finally {
      untrack(() => this.pending--);
    }
  }

  /**
   * Runs `work` just after the next frame, holding readiness until it has run: for a change the
   * reader cannot tell a frame late (which label wins a collision), so that frame shows the
   * date's colours without waiting for it. A later call replaces one not yet run, so a play or a
   * held key sends the worker one change per frame, not one per step. Returns a cancel.
   */
  afterFrame(key: string, work: () => void): () => void {
    this.#deferred.get(key)?.();
    let done: () => void = () => {};
    void this.hold(new Promise<void>((resolve) => (done = resolve)));
    const cancelFrame = afterNextFrame(() => {
      this.#deferred.delete(key);
      try {
        work();
      } finally {
        done();
      }
    });
    const cancel = () => {
      cancelFrame();
      this.#deferred.delete(key);
      done();
    };
    this.#deferred.set(key, cancel);
    return cancel;
  }
  // Bookkeeping of the runs waiting for a frame, not state anything renders from.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #deferred = new Map<string, () => void>();
}

export const [getMapContext, setMapContext] = createContext<MapContext>();
