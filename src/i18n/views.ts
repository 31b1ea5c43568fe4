// The views area's messages (src/i18n/messages/views/): see catalog.svelte.ts.
import { catalog } from './catalog.svelte.ts';
import * as english from './paraglide/views/messages/en.js';

export const m = catalog(english, {
  ar: () => import('./paraglide/views/messages/ar.js'),
  'fa-AF': () => import('./paraglide/views/messages/fa-AF.js'),
  ps: () => import('./paraglide/views/messages/ps.js'),
});
