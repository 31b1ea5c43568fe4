/**
 * What covers the map (the panel or the sheet, the keys, the zoom buttons, a notice), measured as
 * boxes in the stage's pixels, so a selection's framing keeps clear of them. Each overlay marks
 * itself with the `attach` attachment; the boxes are read at most once a frame, after layout.
 */
import type { Box } from '../lib/framing.ts';

export class Overlays {
  /** The overlays' boxes, relative to the stage; a new array only when one moved. */
  boxes = $state.raw<Box[]>([]);
  // Not state: the boxes are the state, these are where they are read from.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #elements = new Set<HTMLElement>();
  readonly #watch = new ResizeObserver(() => this.measure());
  readonly #stage: () => HTMLElement | undefined;
  #frame = 0;

  /** For the calling component's lifetime; `size` is the stage's, read again when it changes. */
  constructor(stage: () => HTMLElement | undefined, size: () => unknown) {
    this.#stage = stage;
    // The stage's size moves the overlays (the keys sit at its bottom) without resizing them.
    $effect(() => {
      void size();
      this.measure();
    });
    $effect(() => () => {
      this.#watch.disconnect();
      cancelAnimationFrame(this.#frame);
    });
  }

  /** Attachment: the element covers part of the map. */
  attach = (element: HTMLElement) => {
    this.#elements.add(element);
    this.#watch.observe(element);
    this.measure();
    return () => {
      this.#elements.delete(element);
      this.#watch.unobserve(element);
      this.measure();
    };
  };

  /** Reads the boxes after the next layout (the stage's size moves them without resizing them). */
  measure() {
    if (this.#frame) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      const stage = this.#stage();
      if (!stage) return;
      const origin = stage.getBoundingClientRect();
      // MapLibre's zoom buttons: not ours to attach to.
      const controls = stage.querySelector<HTMLElement>('.maplibregl-ctrl-top-right');
      const boxes = [...this.#elements, ...(controls ? [controls] : [])]
        .map((el) => el.getBoundingClientRect())
        .filter((r) => r.width > 0 && r.height > 0)
        .map((r) => ({
          x: Math.round(r.x - origin.x),
          y: Math.round(r.y - origin.y),
          width: Math.round(r.width),
          height: Math.round(r.height),
        }));
      if (JSON.stringify(boxes) !== JSON.stringify(this.boxes)) this.boxes = boxes;
    });
  }
}
