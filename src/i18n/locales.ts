/**
 * The atlas's editions: the languages its interface is written in, and which way each reads.
 * Pure: no Svelte, no DOM. The messages themselves are in ./messages/ (one file per language).
 */

/** Each edition's BCP 47 tag, English first: the source language, and the fallback. */
export const LOCALES = ['en', 'ar', 'fa-AF', 'ps'] as const;
export type Locale = (typeof LOCALES)[number];
export const BASE_LOCALE: Locale = 'en';

/** True for a tag the atlas has an edition in. */
export function isLocale(value: unknown): value is Locale {
  return (LOCALES as readonly unknown[]).includes(value);
}

/** The reading direction of a language: Arabic, Dari and Pashto are written right to left. */
export function direction(locale: Locale): 'ltr' | 'rtl' {
  return locale === 'en' ? 'ltr' : 'rtl';
}

/**
 * Each edition's name in its own language, for the language menu: a reader looks for the name of
 * the language they read, not its English name.
 */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = {
  en: 'English',
  ar: 'العربية',
  'fa-AF': 'دری',
  ps: 'پښتو',
};

/** The digits each edition writes numbers in: Arabic-Indic for Arabic, Persian for Dari and Pashto. */
const DIGITS: Readonly<Record<Locale, string>> = {
  en: '0123456789',
  ar: '٠١٢٣٤٥٦٧٨٩',
  'fa-AF': '۰۱۲۳۴۵۶۷۸۹',
  ps: '۰۱۲۳۴۵۶۷۸۹',
};

/**
 * Text with its ASCII digits written in the edition's digits: the translations keep the
 * English's digits (one place to check a number against), the page shows the reader's.
 * @example localDigits('2025', 'ps') // '۲۰۲۵'
 */
export function localDigits(text: string, locale: Locale): string {
  if (locale === 'en') return text;
  const digits = DIGITS[locale];
  return text.replace(/[0-9]/g, (d) => digits[Number(d)]!);
}
