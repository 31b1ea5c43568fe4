import { describe, expect, test } from 'vitest';
import {
  autoplayDueIn,
  autoplayNext,
  isAutoplayPaused,
  parseAutoplay,
  type AutoplayState,
} from '../../src/lib/autoplay.ts';

// Times in ms from a pinned origin: 10 s per scene, the scene shown at t = 100 s, never touched.
const T0 = 100_000;
const S = 10_000;
function state(extra: Partial<AutoplayState> = {}): AutoplayState {
  return { seconds: 10, lastInputAt: 0, sceneShownAt: T0, paused: false, ...extra };
}

describe('autoplayNext', () => {
  test.each<[string, AutoplayState, number, number, number, boolean, number]>([
    // name, state, now, scene, total, advance, nextIndex
    ['stays while the scene is fresh', state(), T0, 2, 5, false, 2],
    ['stays a millisecond before its time', state(), T0 + S - 1, 2, 5, false, 2],
    ['moves on when the scene has had its time', state(), T0 + S, 2, 5, true, 3],
    ['moves on when the tick comes late', state(), T0 + 3 * S, 2, 5, true, 3],
    ['loops from the last scene to the first', state(), T0 + S, 4, 5, true, 0],
    ['moves on from the first scene', state(), T0 + S, 0, 5, true, 1],
    ['alternates in a deck of two', state(), T0 + S, 1, 2, true, 0],
    ['never moves a deck of one', state(), T0 + S, 0, 1, false, 0],
    ['never moves an empty deck', state(), T0 + S, 0, 0, false, 0],
    ['reads a scene past the end as the last', state(), T0 + S, 9, 5, true, 0],
    ['reads a negative scene as the first', state(), T0 + S, -1, 5, true, 1],
    ['does nothing if the clock went back', state(), T0 - S, 2, 5, false, 2],
    ['never moves with zero seconds', state({ seconds: 0 }), T0 + S, 2, 5, false, 2],
    ['never moves with NaN seconds', state({ seconds: NaN }), T0 + S, 2, 5, false, 2],
    ['never moves with Infinity seconds', state({ seconds: Infinity }), T0 + S, 2, 5, false, 2],
  ])('%s', (_, st, now, scene, total, advance, nextIndex) => {
    expect(autoplayNext(st, now, scene, total)).toEqual({ advance, nextIndex });
  });

  // Input at T0 + 4 s pauses; the pause ends by itself at T0 + 4 s + 2 × 10 s.
  const touched = state({ lastInputAt: T0 + 4_000, paused: true });
  test.each<[string, AutoplayState, number, boolean]>([
    ['holds a paused scene past its time', touched, T0 + S, false],
    ['holds a paused scene a full scene time after the input', touched, T0 + 4_000 + S, false],
    [
      'holds a paused scene just before the quiet period ends',
      touched,
      T0 + 4_000 + 2 * S - 1,
      false,
    ],
    ['moves on when the quiet period ends', touched, T0 + 4_000 + 2 * S, true],
    ['moves on long after the quiet period', touched, T0 + 60 * S, true],
    [
      'after the reader moved to a new scene, holds it until the quiet period ends',
      state({ lastInputAt: T0, sceneShownAt: T0, paused: true }),
      T0 + 2 * S - 1,
      false,
    ],
    [
      'after Resume (paused cleared, scene time restarted), waits a full scene time',
      state({ lastInputAt: T0 + 4_000, sceneShownAt: T0 + 5_000 }),
      T0 + 5_000 + S - 1,
      false,
    ],
    [
      'after Resume, moves on a scene time later',
      state({ lastInputAt: T0 + 4_000, sceneShownAt: T0 + 5_000 }),
      T0 + 5_000 + S,
      true,
    ],
    [
      'if Resume cleared the pause only, counts the scene time from the input',
      state({ lastInputAt: T0 + 4_000 }),
      T0 + 4_000 + S,
      true,
    ],
    [
      'after the quiet period, a scene shown by autoplay gets its usual time with paused still set',
      state({ lastInputAt: T0 - 5 * S, sceneShownAt: T0, paused: true }),
      T0 + S,
      true,
    ],
  ])('%s', (_, st, now, advance) => {
    expect(autoplayNext(st, now, 2, 5).advance).toBe(advance);
  });
});

describe('autoplayDueIn', () => {
  test.each<[string, AutoplayState, number, number]>([
    ['a fresh scene: its whole time', state(), T0, S],
    ['part way: the rest of it', state(), T0 + 4_000, 6_000],
    ['due: zero', state(), T0 + S, 0],
    ['overdue: zero', state(), T0 + 5 * S, 0],
    [
      'paused: until the quiet period ends',
      state({ lastInputAt: T0 + 4_000, paused: true }),
      T0 + 5_000,
      19_000,
    ],
    ['no positive time: never', state({ seconds: 0 }), T0, Infinity],
  ])('%s', (_, st, now, expected) => {
    expect(autoplayDueIn(st, now)).toBe(expected);
  });

  test.each([0, 1, 4_999, 5_000, 9_999, 10_000, 24_000, 25_000])(
    'agrees with autoplayNext at T0 + %d ms',
    (offset) => {
      const st = state({ lastInputAt: T0 + 5_000, paused: true });
      const now = T0 + offset;
      expect(autoplayDueIn(st, now) === 0).toBe(autoplayNext(st, now, 0, 3).advance);
    },
  );
});

describe('isAutoplayPaused', () => {
  test.each<[string, AutoplayState, number, boolean]>([
    ['not after no input', state(), T0 + S, false],
    ['right after input', state({ lastInputAt: T0, paused: true }), T0, true],
    ['through the quiet period', state({ lastInputAt: T0, paused: true }), T0 + 2 * S - 1, true],
    [
      'not once the quiet period is over',
      state({ lastInputAt: T0, paused: true }),
      T0 + 2 * S,
      false,
    ],
    ['not after Resume', state({ lastInputAt: T0, paused: false }), T0 + 1, false],
  ])('%s', (_, st, now, expected) => {
    expect(isAutoplayPaused(st, now)).toBe(expected);
  });
});

describe('parseAutoplay', () => {
  test.each<[string | null, number | null]>([
    ['3', 3],
    ['10', 10],
    ['600', 600],
    ['7.5', 7.5],
    ['010', 10],
    [null, null],
    ['', null],
    ['2', null],
    ['2.99', null],
    ['600.5', null],
    ['601', null],
    ['0', null],
    ['-10', null],
    [' 10', null],
    ['10 ', null],
    ['1e2', null],
    ['0x10', null],
    ['10s', null],
    ['.5', null],
    ['10.', null],
    ['Infinity', null],
    ['NaN', null],
    ['true', null],
  ])('%j → %j', (value, expected) => {
    expect(parseAutoplay(value)).toBe(expected);
  });
});
