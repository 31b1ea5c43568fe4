/**
 * Keeps the page in the edition the state asks for: its messages, its calendar, and the
 * document's `lang` and `dir`, which screen readers, fonts and the layout's direction follow.
 * Called once by each page's atlas (the app, the embed, the story).
 */
import type { CalendarId } from '../lib/calendar-ids.ts';
import { direction, type Locale } from './locales.ts';
import { currentLocale, showCalendar, showLocale } from './catalog.svelte.ts';

export function followEdition(edition: () => { lang: Locale; calendar: CalendarId }): void {
  $effect(() => {
    // A language whose module cannot load leaves the one on screen.
    showLocale(edition().lang).catch(() => {});
  });
  $effect(() => {
    showCalendar(edition().calendar).catch(() => {});
  });
  // The document follows the words on screen, not the request: no Arabic layout around English.
  $effect(() => {
    const locale = currentLocale();
    document.documentElement.lang = locale;
    document.documentElement.dir = direction(locale);
  });
}
