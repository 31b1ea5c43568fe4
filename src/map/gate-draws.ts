/**
 * Holding back a WebGL context's drawing. Under software WebGL (no GPU) every frame MapLibre draws
 * costs the renderer tens to hundreds of milliseconds, and the page waits for it when the frame is
 * composited. A map whose frames are wanted only at some moments (the first complete picture on
 * screen, the frame an export reads) draws nothing in between.
 */

/** The WebGL calls that draw; `gateDraws` holds them back. */
const DRAW_CALLS = [
  'drawArrays',
  'drawElements',
  'drawArraysInstanced',
  'drawElementsInstanced',
  'drawRangeElements',
] as const;

/**
 * Makes a WebGL context's draw calls do nothing while `gate.open` is false. Everything else
 * (uploads, programs, state, clears) goes through, so a frame drawn with the gate shut leaves the
 * map exactly as ready for the next one and costs the renderer nothing. Returns `release`, which
 * gives the context its own draw calls back, for a gate that will not shut again: every draw call
 * of every later frame then skips the check.
 * @example const gate = { open: false }; gateDraws(gl, gate); // gate.open = true around the frame to read
 */
export function gateDraws(gl: object, gate: { open: boolean }): () => void {
  const calls = gl as Record<string, unknown>;
  const restores: (() => void)[] = [];
  for (const name of DRAW_CALLS) {
    const call = calls[name];
    if (typeof call !== 'function') continue;
    const own = Object.prototype.hasOwnProperty.call(gl, name);
    calls[name] = (...args: unknown[]): unknown => (gate.open ? call.apply(gl, args) : undefined);
    restores.push(() => (own ? (calls[name] = call) : delete calls[name]));
  }
  return () => {
    for (const restore of restores.splice(0)) restore();
  };
}

/** A map canvas's WebGL context, as MapLibre made it (WebGL 2, or 1 where 2 is missing). */
export function contextOf(
  canvas: HTMLCanvasElement,
): WebGLRenderingContext | WebGL2RenderingContext | null {
  return canvas.getContext('webgl2') ?? canvas.getContext('webgl');
}
