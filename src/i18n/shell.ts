// The shell area's messages (src/i18n/messages/shell/): see catalog.svelte.ts.
import { catalog } from './catalog.svelte.ts';
import * as english from './paraglide/shell/messages/en.js';

export const m = catalog(english, {
  ar: () => import('./paraglide/shell/messages/ar.js'),
  'fa-AF': () => import('./paraglide/shell/messages/fa-AF.js'),
  ps: () => import('./paraglide/shell/messages/ps.js'),
});
