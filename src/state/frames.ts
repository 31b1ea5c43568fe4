/**
 * The clocks the state modules run on, passed in so tests can drive them by hand: animation
 * frames for what moves on screen, timers for what waits.
 */
export interface FrameClock {
  request(callback: (now: number) => void): number;
  cancel(id: number): void;
  now(): number;
}

export const animationFrames: FrameClock = {
  request: (callback) => requestAnimationFrame(callback),
  cancel: (id) => cancelAnimationFrame(id),
  now: () => performance.now(),
};
