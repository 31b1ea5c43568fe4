// The panel area's messages (src/i18n/messages/panel/): see catalog.svelte.ts.
import type { MotiveNoteWords } from '../lib/dossier.ts';
import type { SourceKind } from '../lib/schema.ts';
import { catalog, currentLocale } from './catalog.svelte.ts';
import * as english from './paraglide/panel/messages/en.js';

export const m = catalog(english, {
  ar: () => import('./paraglide/panel/messages/ar.js'),
  'fa-AF': () => import('./paraglide/panel/messages/fa-AF.js'),
  ps: () => import('./paraglide/panel/messages/ps.js'),
});

/** `noMotiveNote`'s sentences in the edition's words (lib/dossier.ts). */
export const motiveNotes: MotiveNoteWords = {
  never: (name) => m.panel_no_motive_ever({ name }),
  before: (name, date, sources) => m.panel_no_motive_before({ name, date, sources }),
  founding: (source) => m.panel_founding_article({ source }),
  // Between sources that each hold commas: a semicolon, the Arabic one in Arabic script.
  get separator() {
    return currentLocale() === 'en' ? '; ' : '؛ ';
  },
};

/** Each source kind's short label and its meaning (data/README.md, "Source kinds"). */
export const sourceKinds: Readonly<
  Record<SourceKind, { label: () => string; about: () => string }>
> = {
  official: {
    label: () => m.panel_source_kind_official(),
    about: () => m.panel_source_kind_official_about(),
  },
  wire: {
    label: () => m.panel_source_kind_wire(),
    about: () => m.panel_source_kind_wire_about(),
  },
  outlet: {
    label: () => m.panel_source_kind_outlet(),
    about: () => m.panel_source_kind_outlet_about(),
  },
  regional: {
    label: () => m.panel_source_kind_regional(),
    about: () => m.panel_source_kind_regional_about(),
  },
  other: {
    label: () => m.panel_source_kind_other(),
    about: () => m.panel_source_kind_other_about(),
  },
};
