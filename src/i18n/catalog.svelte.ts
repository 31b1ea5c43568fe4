/**
 * The interface's words in the reader's language, area by area (src/i18n/messages/<area>/): each
 * area's English comes with the code that uses it, and another language's messages are a module
 * of their own, loaded when a reader asks for it. Components write `m.panel_close()`; reading a
 * message reads the language on screen, so a change of language redraws every word.
 */
import type { CalendarId } from '../lib/calendar-ids.ts';
import { formatDate } from '../lib/dates.ts';
import { BASE_LOCALE, localDigits, type Locale } from './locales.ts';

/** A message without inputs is called without them: `m.shell_play()`, not `m.shell_play({})`. */
type Called<F> = F extends (inputs: infer I) => infer R
  ? keyof I extends never
    ? (inputs?: I) => R
    : (inputs: I) => R
  : never;

/** An area's messages as callers see them. */
export type Messages<Compiled> = { [Name in keyof Compiled]: Called<Compiled[Name]> };

/** How to load an area's messages (or anything in `inEdition`) in each language but English. */
export type Loaders<Compiled> = Record<Exclude<Locale, 'en'>, () => Promise<Compiled>>;

interface Area {
  /** Loads the area's messages in `locale` and returns what puts them on screen. */
  prepare: (locale: Locale) => Promise<() => void>;
}

// Bookkeeping, not state: the areas are read only when the language changes.
// eslint-disable-next-line svelte/prefer-svelte-reactivity
const areas = new Set<Area>();
let locale = $state.raw<Locale>(BASE_LOCALE);
let asked: Locale = BASE_LOCALE;

/**
 * Something written in each language (an area's messages, the dataset's translation), following
 * the language on screen: loaded with the rest of a language and shown with it. Something whose
 * code loads after the reader chose another language shows its English until its module for that
 * language arrives.
 */
export function inEdition<T>(english: T, loaders: Loaders<T>): () => T {
  let shown = $state.raw<T>(english);
  const load = (wanted: Locale) => (wanted === 'en' ? Promise.resolve(english) : loaders[wanted]());
  areas.add({
    prepare: async (wanted) => {
      const words = await load(wanted);
      return () => (shown = words);
    },
  });
  if (locale !== BASE_LOCALE) {
    const now = locale;
    void load(now).then(
      (words) => locale === now && (shown = words),
      () => {},
    );
  }
  return () => shown;
}

/** An area's messages, following the language on screen (`inEdition`). */
export function catalog<Compiled extends object>(
  english: Compiled,
  loaders: Loaders<Compiled>,
): Messages<Compiled> {
  const shown = inEdition(english, loaders);
  // A compiled message without inputs ignores them, so `Called`'s optional inputs are safe.
  return new Proxy({} as Messages<Compiled>, {
    get: (_, name) => shown()[name as keyof Compiled],
  });
}

/** The calendar dates are written in. */
export function currentCalendar(): CalendarId {
  return calendar;
}

/** The language on screen. */
export function currentLocale(): Locale {
  return locale;
}

/**
 * Puts `next` on screen once every area's messages for it have arrived, all at once; of two
 * quick changes the later wins.
 * @throws when a module cannot be loaded (the language on screen stays).
 */
export async function showLocale(next: Locale): Promise<void> {
  asked = next;
  const [show] = await Promise.all([
    Promise.all([...areas].map((area) => area.prepare(next))),
    next === 'en' ? undefined : loadCalendars(),
  ]);
  if (asked !== next) return;
  for (const put of show) put();
  locale = next;
}

let calendar = $state<CalendarId>('gregory');
// The other calendars and languages' dates (month tables, Intl's calendars) load with the first
// edition or calendar that needs them: English Gregorian dates are dates.ts's own.
let calendars = $state.raw<typeof import('../lib/calendars.ts') | null>(null);
let calendarsLoading: Promise<unknown> | null = null;
function loadCalendars(): Promise<unknown> {
  calendarsLoading ??= import('../lib/calendars.ts').then((module) => (calendars = module));
  return calendarsLoading;
}

/** Writes dates in `next` from now on (once the calendars' code has arrived). */
export async function showCalendar(next: CalendarId): Promise<void> {
  if (next !== 'gregory') await loadCalendars();
  calendar = next;
}

/**
 * A date of the data ('2025', '2025-04' or '2025-04-17') in the language on screen and the
 * reader's calendar: '17 April 2025', '28 Hamal 1404', '۲۸ حمل ۱۴۰۴'.
 */
export function dateWords(date: string): string {
  if (calendars === null || (locale === 'en' && calendar === 'gregory')) return formatDate(date);
  return calendars.formatPartialDate(date, { locale, calendar });
}

/** A number in the language on screen's digits: `2`, `٢`, `۲`. */
export function numberWords(n: number): string {
  return localDigits(String(n), locale);
}
