/**
 * The kiosk clock (`?mode=present&autoplay=SECONDS`): when to move to the next scene, as a pure
 * function of a few timestamps, so the page only keeps the state and asks.
 *
 * The rules:
 * - a scene stays for `seconds`, counted from when it was shown or from the last input, whichever
 *   is later; then the deck moves on, and after the last scene it loops back to the first (a kiosk
 *   runs unattended all day);
 * - any input (a key, a click, a touch, the wheel) pauses: someone is reading or exploring, and
 *   the deck must not move under them;
 * - the pause ends when the reader presses Resume, or by itself after a quiet period of
 *   `2 × seconds` with no input: the reader has most likely walked away, and a kiosk left paused
 *   would stay still for the rest of the day. Twice the scene time is long enough to finish
 *   reading a scene, short enough that the next visitor finds it moving.
 *
 * The page keeps an `AutoplayState` and updates it:
 * - on any input: `lastInputAt = now`, `paused = true`;
 * - on Resume: `paused = false` and `sceneShownAt = now` (the scene gets its full time again;
 *   Resume's own pointer or key input comes before its click, so the click wins);
 * - whenever the scene changes, by autoplay or by the reader: `sceneShownAt = now`.
 * It can leave `paused` set after the quiet period: `autoplayNext` and `isAutoplayPaused` both
 * treat a pause that old as over.
 *
 * All times are milliseconds from one clock (`Date.now()` or `performance.now()`, not a mix).
 */

/** The shortest time a scene can be given: less and nobody can read the card. */
export const AUTOPLAY_MIN_SECONDS = 3;
/** The longest time a scene can be given: ten minutes. */
export const AUTOPLAY_MAX_SECONDS = 600;
/** A pause ends by itself after this many times the scene time without input. */
export const AUTOPLAY_QUIET_FACTOR = 2;

/** What the kiosk clock needs to know. */
export interface AutoplayState {
  /** How long each scene stays, in seconds (see `parseAutoplay`). */
  seconds: number;
  /** When the reader last touched the page (ms); any time before `sceneShownAt` if never. */
  lastInputAt: number;
  /** When the current scene was shown (ms). */
  sceneShownAt: number;
  /** Whether input paused the clock (see the module's rules for how a pause ends). */
  paused: boolean;
}

/** What the kiosk clock says at a moment. */
export interface AutoplayStep {
  /** Whether to move now. */
  advance: boolean;
  /** The scene to show: the next one (the first after the last) when advancing, else the current one. */
  nextIndex: number;
}

/**
 * The kiosk clock at `now`, on scene `sceneIndex` (0-based) of a deck of `total`. A deck of one
 * scene never moves; a `seconds` that is not a positive number never advances.
 * @example
 * const state = { seconds: 10, lastInputAt: 0, sceneShownAt: 1_000, paused: false };
 * autoplayNext(state, 11_000, 4, 5) // { advance: true, nextIndex: 0 }
 * autoplayNext({ ...state, lastInputAt: 5_000, paused: true }, 15_000, 4, 5)
 * // { advance: false, nextIndex: 4 }: paused, and quiet for 10 s of the 20 s that end a pause
 */
export function autoplayNext(
  state: AutoplayState,
  now: number,
  sceneIndex: number,
  total: number,
): AutoplayStep {
  const current = Math.min(Math.max(0, sceneIndex), Math.max(0, total - 1));
  const advance = total > 1 && autoplayDueIn(state, now) === 0;
  return { advance, nextIndex: advance ? (current + 1) % total : current };
}

/**
 * How long until the clock moves on, in ms (0 if due now), so the page can set one timer rather
 * than poll; `Infinity` if `seconds` is not a positive number. Input or a scene change reschedules.
 * @example
 * autoplayDueIn({ seconds: 10, lastInputAt: 0, sceneShownAt: 1_000, paused: false }, 4_000) // 7_000
 */
export function autoplayDueIn(state: AutoplayState, now: number): number {
  const { seconds, lastInputAt, sceneShownAt, paused } = state;
  if (!(seconds > 0) || !Number.isFinite(seconds)) return Infinity;
  const span = seconds * 1000;
  // The scene's time counts from its showing or from the last input, whichever is later.
  const shownDue = Math.max(sceneShownAt, lastInputAt) + span;
  const due = paused ? Math.max(shownDue, lastInputAt + AUTOPLAY_QUIET_FACTOR * span) : shownDue;
  return Math.max(0, due - now);
}

/**
 * Whether the clock is held by input at `now`: paused, and the quiet period not over yet. The page
 * shows its Resume control while this is true.
 * @example isAutoplayPaused({ seconds: 10, lastInputAt: 5_000, sceneShownAt: 0, paused: true }, 24_999) // true
 * @example isAutoplayPaused({ seconds: 10, lastInputAt: 5_000, sceneShownAt: 0, paused: true }, 25_000) // false
 */
export function isAutoplayPaused(state: AutoplayState, now: number): boolean {
  return state.paused && now - state.lastInputAt < AUTOPLAY_QUIET_FACTOR * state.seconds * 1000;
}

/**
 * The `autoplay` URL value as seconds per scene: a plain decimal number from 3 to 600, else `null`
 * (no autoplay; the page notes the bad value).
 * @example parseAutoplay('12') // 12
 * @example parseAutoplay('7.5') // 7.5
 * @example parseAutoplay('2') // null: too short to read
 * @example parseAutoplay('1e2') // null: not written as seconds
 */
export function parseAutoplay(value: string | null): number | null {
  // Strict digits: Number() would also take '', ' 12 ', '0x10' and '1e2'.
  if (value === null || !/^\d{1,4}(\.\d+)?$/.test(value)) return null;
  const seconds = Number(value);
  return seconds >= AUTOPLAY_MIN_SECONDS && seconds <= AUTOPLAY_MAX_SECONDS ? seconds : null;
}
