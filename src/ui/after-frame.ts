/**
 * Runs `fn` in a task of its own just after the next frame: work the reader need not see in that
 * frame (the URL, a panel's long lists) no longer holds it up. A hidden page draws no frames, so
 * there it runs in the next task. Returns a function that cancels it.
 */
export function afterNextFrame(fn: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let frame = 0;
  if (document.hidden) timer = setTimeout(fn);
  else frame = requestAnimationFrame(() => (timer = setTimeout(fn)));
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
