/**
 * The view the app opens on (`REGION_BOUNDS` in src/lib/scene-view.ts, framed with 20 px of
 * padding by MapView), written out here so the comparison pages know it before any fetch and
 * import no app code. tests/unit/bench-page-data.test.ts holds the two equal.
 */
export const OPENING_BOUNDS: [[number, number], [number, number]] = [
  [-12, 2],
  [128, 62],
];
export const OPENING_PADDING = 20;
