/**
 * Which texts of the dataset a translation has, by key (`countries.RUS`,
 * `levels.recognition.label`): small and apart from ./translation.ts, because every element that
 * writes data text asks, while the translating itself loads only with another edition.
 */
import type { TranslationFile } from './translation.ts';

/**
 * The key of one text of the dataset: `countries.RUS`, `levels.recognition.label`,
 * `scenes.isolation-2021.body`. The same keys name the text in a translation file.
 */
export type TextKey = string;

/**
 * Whether a translation has the text of `key`.
 * @example translates(ps, 'levels.recognition.label') // true
 */
export function translates(translation: TranslationFile | null, key: TextKey): boolean {
  if (translation === null) return false;
  let part: unknown = translation;
  // Ids may hold dots no more than hyphens; a key is part, id and field.
  for (const step of key.split('.')) {
    if (part === null || typeof part !== 'object') return false;
    part = (part as Record<string, unknown>)[step];
  }
  return typeof part === 'string';
}
