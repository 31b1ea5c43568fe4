/**
 * When an embed's live map is wanted: once any of it is in view in the host's window, or at the
 * reader's first touch, click, key or wheel in the frame, whichever comes first. Until then the
 * picture engine's SVG is the map, and the article's reader does not pay for MapLibre's script
 * and a WebGL context for a map below the fold.
 */

/** The interactions that mean the reader is using the embed. */
const INTERACTIONS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Calls `wanted` once, when `element` first comes into view (in an iframe, the host's viewport
 * is the root) or the reader first interacts with the frame. Returns what stops watching.
 */
export function whenMapWanted(element: Element, wanted: () => void): () => void {
  let done = false;
  const fire = () => {
    if (done) return;
    done = true;
    stop();
    wanted();
  };
  const observer = new IntersectionObserver((entries) => {
    if (entries.some((entry) => entry.isIntersecting)) fire();
  });
  observer.observe(element);
  for (const type of INTERACTIONS) addEventListener(type, fire, { capture: true, passive: true });
  function stop() {
    observer.disconnect();
    for (const type of INTERACTIONS) removeEventListener(type, fire, { capture: true });
  }
  return stop;
}
