/**
 * The map instance, handed by MapView (its only owner) to the layer components inside it.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { createContext, untrack } from 'svelte';

export class MapContext {
  /** The MapLibre map, once created. */
  map = $state.raw<MapLibreMap | null>(null);
  /** True once the style has loaded and layers can be added. */
  loaded = $state(false);
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
}

export const [getMapContext, setMapContext] = createContext<MapContext>();
