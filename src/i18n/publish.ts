// The publish area's messages (src/i18n/messages/publish/): see catalog.svelte.ts.
import { catalog } from './catalog.svelte.ts';
import * as english from './paraglide/publish/messages/en.js';

export const m = catalog(english, {
  ar: () => import('./paraglide/publish/messages/ar.js'),
  'fa-AF': () => import('./paraglide/publish/messages/fa-AF.js'),
  ps: () => import('./paraglide/publish/messages/ps.js'),
});
