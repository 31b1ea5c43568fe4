/**
 * The colours of the three motive categories, shared by the map's arcs, the legend, the side
 * panel and the exports, so a category is the same colour everywhere.
 *
 * Started from Okabe–Ito (orange #E69F00, blue #0072B2, reddish purple #CC79A7), which fails
 * here: under protanopia its blue and reddish purple are only ΔE2000 13 apart, and under
 * tritanopia its orange and reddish purple 15. So each hue is kept and moved:
 * - economic, amber: a shade more golden than Okabe–Ito's orange, so it does not read as the
 *   orange of the map's tension outlines (#e08a2c);
 * - security, blue: brighter than Okabe–Ito's, away from the teal level fills;
 * - geopolitical, crimson: darker and redder than Okabe–Ito's reddish purple, so it parts from the
 *   other two by lightness, which no colour-vision deficiency takes away.
 * tests/unit/palette.test.ts holds the three apart (ΔE2000 ≥ 20) under normal vision and simulated
 * deuteranopia, protanopia and tritanopia, and apart from every fill they are drawn on. The arcs
 * also get a white casing, which carries them across the darkest fills (Russia, Afghanistan).
 */
import type { MotiveCategory } from './schema.ts';

/** The colour of each motive category, as `#rrggbb`. */
export const MOTIVE_COLORS: Readonly<Record<MotiveCategory, string>> = {
  economic: '#e6ae00',
  security: '#2a6fdb',
  geopolitical: '#a8204e',
};

/** The name of each motive category, for legends, toggles and panels. */
export const MOTIVE_LABELS: Readonly<Record<MotiveCategory, string>> = {
  economic: 'Economic',
  security: 'Security',
  geopolitical: 'Geopolitical',
};
