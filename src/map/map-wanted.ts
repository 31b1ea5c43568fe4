/**
 * When the live map is wanted where the page leaves it until then (the picture engine's map
 * stands in meanwhile): at the reader's first touch, click, key or wheel on the page, or, for an
 * embed, once any of it is in view in the host's window. A phone or an article's reader does not
 * pay for MapLibre's script and a WebGL context for a map they only read.
 */

/** The interactions that mean the reader is using the page. */
const INTERACTIONS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/** Calls `fire` once, at the reader's first interaction with the page. Returns what stops watching. */
export function onFirstInteraction(fire: () => void): () => void {
  const once = () => {
    stop();
    fire();
  };
  const stop = () => {
    for (const type of INTERACTIONS) removeEventListener(type, once, { capture: true });
  };
  for (const type of INTERACTIONS) addEventListener(type, once, { capture: true, passive: true });
  return stop;
}

/**
 * Calls `wanted` once, when `element` first comes into view (in an iframe, the host's viewport
 * is the root) or the reader first interacts with the frame. Returns what stops watching.
 */
export function whenMapWanted(element: Element, wanted: () => void): () => void {
  const observer = new IntersectionObserver((entries) => {
    if (entries.some((entry) => entry.isIntersecting)) fire();
  });
  const stopInteraction = onFirstInteraction(() => fire());
  function stop() {
    observer.disconnect();
    stopInteraction();
  }
  let done = false;
  function fire() {
    if (done) return;
    done = true;
    stop();
    wanted();
  }
  observer.observe(element);
  return stop;
}
