/**
 * The phone's bottom sheet (the country panel under the map): where it rests, how a drag of its
 * handle moves it, and where it settles when let go. Pure: the page measures the stage and the
 * pointer and hands them in.
 */

/** Where the sheet rests: half the map's height (the map above it frames the selection), or all of it. */
export type SheetSnap = 'half' | 'full';

/**
 * The share of the stage the sheet takes at "half" height: a little under half, so that on a
 * 375×667 phone Canberra and Kabul, the tallest pair, fit above it with their margin (at 0.5 the
 * map above is one pixel short of them at the atlas's widest zoom).
 */
export const SHEET_HALF = 0.45;

/**
 * How fast a drag must end to count as a flick towards its direction whatever the height, in CSS
 * pixels per millisecond (0.5 is 500 px/s, a brisk swipe, as in the platforms' own sheets).
 */
export const SHEET_FLICK = 0.5;

/** The sheet's height in CSS pixels at a snap, for a stage `stage` pixels high. */
export function sheetHeight(snap: SheetSnap, stage: number): number {
  return snap === 'full' ? stage : Math.round(stage * SHEET_HALF);
}

/**
 * The sheet's height while its handle is dragged from `startY` (the pointer's y when the drag began,
 * the sheet then `startHeight` high, as measured on screen) to `y`: it follows the pointer pixel
 * for pixel, no lower than a little under half height and no higher than the stage. Where the drag
 * began outside those bounds (a sheet caught while it settled) they widen to take it in, so the
 * sheet never leaps from where the finger found it.
 * @example dragHeight({ startHeight: 180, startY: 400, y: 300, stage: 400 }) // 280
 * @example dragHeight({ startHeight: 399.6, startY: 20, y: 70, stage: 400 }) // 349.6
 */
export function dragHeight(drag: {
  startHeight: number;
  startY: number;
  y: number;
  stage: number;
}): number {
  const min = Math.min(Math.round(sheetHeight('half', drag.stage) * 0.75), drag.startHeight);
  const max = Math.max(drag.stage, drag.startHeight);
  const height = drag.startHeight + (drag.startY - drag.y);
  return Math.min(max, Math.max(min, height));
}

/**
 * Where a dragged sheet settles: a flick goes the way it went; a slow release goes to the nearer
 * snap. `velocity` is the pointer's speed at release in pixels per millisecond, negative upwards
 * (screen y grows downwards).
 * @example snapAfterDrag({ height: 260, velocity: 0, stage: 400 }) // 'half' (nearer 180 than 400)
 * @example snapAfterDrag({ height: 220, velocity: -0.8, stage: 400 }) // 'full' (a flick up)
 */
export function snapAfterDrag(drag: {
  height: number;
  velocity: number;
  stage: number;
}): SheetSnap {
  if (drag.velocity <= -SHEET_FLICK) return 'full';
  if (drag.velocity >= SHEET_FLICK) return 'half';
  const half = sheetHeight('half', drag.stage);
  const full = sheetHeight('full', drag.stage);
  return drag.height - half > full - drag.height ? 'full' : 'half';
}

/**
 * The snap a key on the handle asks for, or `null` for a key the handle leaves alone. Up and End
 * raise the sheet, Down and Home lower it (the window-splitter keys); Enter and Space toggle,
 * through the handle's click.
 */
export function snapForKey(key: string): SheetSnap | null {
  switch (key) {
    case 'ArrowUp':
    case 'PageUp':
    case 'End':
      return 'full';
    case 'ArrowDown':
    case 'PageDown':
    case 'Home':
      return 'half';
    default:
      return null;
  }
}

/** A pointer's y (CSS pixels) at a time (milliseconds), as a drag records it. */
export interface PointerSample {
  y: number;
  t: number;
}

/** How far back a release looks for its speed: older moves say nothing of the flick. */
export const VELOCITY_WINDOW_MS = 100;

/**
 * The pointer's speed at release in pixels per millisecond, negative upwards: the distance over
 * the samples of the last `VELOCITY_WINDOW_MS` before the last one; 0 for a pointer that stopped
 * before letting go.
 * @example pointerVelocity([{ y: 500, t: 0 }, { y: 450, t: 50 }, { y: 400, t: 100 }]) // -1
 */
export function pointerVelocity(samples: readonly PointerSample[]): number {
  const last = samples.at(-1);
  if (!last) return 0;
  const recent = samples.filter((s) => last.t - s.t <= VELOCITY_WINDOW_MS);
  const first = recent[0]!;
  const dt = last.t - first.t;
  return dt > 0 ? (last.y - first.y) / dt : 0;
}
