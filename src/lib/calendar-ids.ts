/**
 * The calendars a reader can choose, as they appear in the URL (`cal=persian`). Apart from
 * calendars.ts, which writes the dates, so that reading a URL does not load it.
 */
export const CALENDARS = ['gregory', 'persian', 'islamic'] as const;
export type CalendarId = (typeof CALENDARS)[number];

/** True for a calendar the atlas can show dates in, so a `cal=` value from the URL can be trusted. */
export function isCalendar(value: unknown): value is CalendarId {
  return (CALENDARS as readonly unknown[]).includes(value);
}
