/**
 * The dataset's fixed words: the country the atlas is about, the motive categories, the tension
 * states, the kinds of source and of statement. A module of its own, without the schemas that
 * check them (schema.ts), so what reads them does not load the validator's library.
 */

/**
 * The country the atlas is about: Afghanistan, governed from Kabul. Every level is another
 * actor's engagement with it, every arc ends at its capital, and it is never a partner itself.
 */
export const FOCUS_ID = 'AFG';

export const MOTIVE_CATEGORIES = ['economic', 'security', 'geopolitical'] as const;

export const TENSION_STATES = ['none', 'tension', 'conflict'] as const;

/**
 * Who speaks in a source, so a reader can weigh it at a glance (data/README.md, "Source kinds"):
 * a government, ministry, UN body or state news agency (`official`); a news agency or its copy
 * republished by another paper (`wire`); an international or national outlet (`outlet`); a
 * regional or specialist outlet (`regional`); anything else: encyclopaedias, aggregators,
 * re-post sites, sites that are not news organisations (`other`).
 */
export const SOURCE_KINDS = ['official', 'wire', 'outlet', 'regional', 'other'] as const;

export const STATEMENT_KINDS = ['context', 'position', 'challenge', 'outlook'] as const;
