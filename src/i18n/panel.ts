// The panel area's messages (src/i18n/messages/panel/): see catalog.svelte.ts.
import { catalog } from './catalog.svelte.ts';
import * as english from './paraglide/panel/messages/en.js';

export const m = catalog(english, {
  ar: () => import('./paraglide/panel/messages/ar.js'),
  'fa-AF': () => import('./paraglide/panel/messages/fa-AF.js'),
  ps: () => import('./paraglide/panel/messages/ps.js'),
});
