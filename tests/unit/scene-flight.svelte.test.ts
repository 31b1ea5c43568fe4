import { flushSync } from 'svelte';
import { describe, expect, test } from 'vitest';
import { countryFrames } from '../../src/lib/countries.ts';
import { sceneMapState } from '../../src/lib/scene-view.ts';
import { AtlasState } from '../../src/state/atlas.svelte.ts';
import { sceneFlight } from '../../src/state/scene-flight.svelte.ts';
import { ManualFrames } from './manual-clocks.ts';
import { shipped } from './helpers.ts';

const { dataset, topology } = shipped();
const frames = countryFrames(topology);
const screen = { width: 1280, height: 720 };

/** An atlas presenting scene `index`, with its flight on manual frames. */
function presenting(index: number, reducedMotion = false) {
  const clock = new ManualFrames();
  let atlas!: AtlasState;
  let flight!: ReturnType<typeof sceneFlight>;
  const stop = $effect.root(() => {
    atlas = new AtlasState(dataset);
    atlas.present(index);
    const scene = () =>
      atlas.mode === 'present' && atlas.scene ? sceneMapState(atlas.scene, screen, frames) : null;
    flight = sceneFlight(atlas, scene, () => reducedMotion, clock);
  });
  flushSync();
  return { atlas, flight, clock, stop };
}

const sceneDate = (index: number) => dataset.scenes[index]!.date;

describe('a presentation’s flights', () => {
  test('outside a presentation there is no flight', () => {
    const { atlas, flight, stop } = presenting(0);
    atlas.explore(null);
    flushSync();
    expect(flight.current).toBeNull();
    stop();
  });

  test('a new scene is a new flight', () => {
    const { atlas, flight, stop } = presenting(0);
    const first = flight.current!.key;
    atlas.nextScene();
    flushSync();
    expect(flight.current!.key).not.toBe(first);
    stop();
  });

  test('the flight goes to the scene’s camera', () => {
    const { flight, stop } = presenting(2);
    const { camera } = sceneMapState(dataset.scenes[2]!, screen, frames);
    expect(flight.current!.camera).toEqual(camera);
    stop();
  });

  test('the date eases to the scene’s over the flight, and lands on it', () => {
    const { atlas, flight, clock, stop } = presenting(0);
    // The first scene's flight lands first.
    clock.advance(0);
    clock.advance(10_000);
    atlas.goToScene(1);
    flushSync();
    const { duration } = flight.current!;
    clock.advance(0);
    clock.advance(duration / 2);
    const halfway = atlas.date;
    clock.advance(duration);
    expect([halfway > sceneDate(0) && halfway < sceneDate(1), atlas.date]).toEqual([
      true,
      sceneDate(1),
    ]);
    stop();
  });

  test('with reduced motion the flight takes no time and the date jumps', () => {
    const { atlas, flight, stop } = presenting(0, true);
    atlas.goToScene(1);
    flushSync();
    expect([flight.current!.duration, atlas.date]).toEqual([0, sceneDate(1)]);
    stop();
  });
});
