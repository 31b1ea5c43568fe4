/**
 * The dataset's own prose in the language on screen (data/translations/<locale>.json): loaded
 * with the interface's messages, so words and data switch together, and read by the page's shell
 * (App.svelte, `localize`) and by every element that writes a text of the dataset, to say which
 * language that text is in.
 */
import type { Translation } from '../lib/schema.ts';
import { translates } from '../lib/text-keys.ts';
import type { localize, TextKey, TranslationFile } from '../lib/translation.ts';
import { currentLocale, inEdition } from './catalog.svelte.ts';

/** A language's translation file, and the code that puts it in place (loaded with it). */
export interface LoadedTranslation {
  file: TranslationFile;
  localize: typeof localize;
}

/**
 * Loads a language's translation once: the same object every time it is asked for (each atlas
 * asks again as it opens), or the page, which makes a new atlas for a new translation, would
 * make one for every ask.
 */
const file = (load: () => Promise<{ default: unknown }>) => {
  let loaded: Promise<LoadedTranslation> | null = null;
  return () =>
    (loaded ??= Promise.all([load(), import('../lib/translation.ts')]).then(([json, code]) => ({
      file: json.default as TranslationFile,
      localize: code.localize,
    })));
};

/** The translation of the language on screen; null in English. */
export const datasetTranslation = inEdition<LoadedTranslation | null>(null, {
  ar: file(() => import('../../data/translations/ar.json')),
  'fa-AF': file(() => import('../../data/translations/fa-AF.json')),
  ps: file(() => import('../../data/translations/ps.json')),
});

/**
 * The language a text of the dataset is shown in: the one on screen where the translation has it,
 * else English (the dataset's own). For an element's `lang`.
 * @example textLang('levels.recognition.label') // 'ps' in the Pashto edition, 'en' in English
 */
export function textLang(key: TextKey): string {
  return translates(datasetTranslation()?.file ?? null, key) ? currentLocale() : 'en';
}

/** The language of an actor's name (a country or an institution). */
export function nameLang(id: string): string {
  return textLang(/^[A-Z]{3}$/.test(id) ? `countries.${id}` : `institutions.${id}`);
}

export type { Translation };

/** The atlas's own translation of a quote into the language on screen, if it has one. */
export function quoteTranslation(id: string): string | undefined {
  return datasetTranslation()?.file.quotes?.[id]?.text;
}
