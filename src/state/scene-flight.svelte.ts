/**
 * A presentation's move from scene to scene: a flight to the scene's camera, and the date (so the
 * colours) eased from the last scene's to this one's over the same time.
 */
import { untrack } from 'svelte';
import {
  easedDay,
  transitionDuration,
  type MapCamera,
  type SceneMapState,
} from '../lib/scene-view.ts';
import type { Camera } from '../lib/url-state.ts';
import type { AtlasState } from './atlas.svelte.ts';
import { animationFrames, type FrameClock } from './frames.ts';

/** A camera to fly to; a new `key` is a new flight (see MapView). */
export interface Flight {
  camera: MapCamera;
  duration: number;
  key: string;
}

/**
 * The flight to the scene on screen, `null` outside a presentation, and the date easing that
 * goes with it, for the caller's lifetime.
 * @param scene the scene's picture for the screen now (`sceneMapState`), or `null`
 */
export function sceneFlight(
  atlas: AtlasState,
  scene: () => SceneMapState | null,
  reducedMotion: () => boolean = () => matchMedia('(prefers-reduced-motion: reduce)').matches,
  frames: FrameClock = animationFrames,
): { readonly current: Flight | null } {
  // A new flight only for a new scene or a new camera: a resize that leaves the scene's camera
  // where it was must not start the flight again (MapView keeps a flight under way on course).
  const key = $derived.by(() => {
    const state = scene();
    return state ? JSON.stringify([atlas.sceneIndex, state.camera]) : null;
  });
  const flight = $derived.by((): Flight | null => {
    if (key === null) return null;
    // From the last settled camera: where the map is now, for the flight's length.
    const to = { ...untrack(scene)!.camera };
    const from: Camera = untrack(() => atlas.camera) ?? to;
    return { camera: to, duration: transitionDuration(from, to, reducedMotion()), key };
  });

  $effect(() => {
    if (!flight) return;
    // Untracked: a new scene is a new flight; a resize is neither.
    const target = untrack(scene)!.date;
    const from = untrack(() => atlas.date);
    if (flight.duration === 0 || from === target) {
      atlas.setDate(target);
      return;
    }
    const { duration } = flight;
    const began = frames.now();
    let frameId = frames.request(function step(now) {
      const t = Math.min(1, (now - began) / duration);
      atlas.setDate(easedDay(from, target, t));
      if (t < 1) frameId = frames.request(step);
    });
    return () => frames.cancel(frameId);
  });

  return {
    get current() {
      return flight;
    },
  };
}
