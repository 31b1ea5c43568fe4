// polylabel 2 ships no types. Signature from its README.
declare module 'polylabel' {
  /** The pole of inaccessibility of a polygon (rings of [x, y]), to within `precision`. */
  export default function polylabel(
    polygon: number[][][],
    precision?: number,
  ): [number, number] & { distance: number };
}
