/**
 * Dates in the reader's calendar: Gregorian, Solar Hijri (Afghanistan's civil calendar) or lunar
 * Hijri, written in one of the atlas's editions. Pure: no Svelte, no DOM.
 *
 * `Intl.DateTimeFormat` does the calendar arithmetic (its `calendar` option) and supplies the
 * locale's month names; this module only picks the parts and puts them in order. Where Intl's text
 * is not what an Afghan reader expects (its English and Arabic Solar Hijri months are Iran's
 * Farvardin, Ordibehesht …; its Pashto lunar months are half missing) a table here replaces it.
 */

import { type Locale } from '../i18n/locales.ts';
import { type Day, isRealDate, precisionOf } from './dates.ts';

import type { CalendarId } from './calendar-ids.ts';
export { CALENDARS, isCalendar, type CalendarId } from './calendar-ids.ts';

/** A date's numbers in some calendar; `month` counts from 1 (Hamal, Muharram, January). */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** How to write a date: in which edition's language, and in which calendar. */
export interface DateStyle {
  locale: Locale;
  calendar: CalendarId;
}

/**
 * The Unicode calendar each choice stands for. Lunar Hijri is the Umm al-Qura tabulation, Saudi
 * Arabia's official calendar: Afghanistan announces its lunar months by local sighting, which no
 * table can know in advance, and Umm al-Qura is the published table that most often agrees with
 * it. Hence the ±1 day mark on every lunar date. ICU holds the table for 1300–1600 AH
 * (1882–2174); outside it ICU falls back to the arithmetic calendar.
 */
const INTL_CALENDAR: Readonly<Record<CalendarId, string>> = {
  gregory: 'gregory',
  persian: 'persian',
  islamic: 'islamic-umalqura',
};

/**
 * Each edition's digits, 0 to 9: the Arabic edition writes Arabic-Indic ones (٠–٩; CLDR now gives
 * bare `ar` Latin digits), Dari and Pashto the Persian forms (۰–۹). Written here rather than asked
 * of Intl: Chromium's ICU has no Pashto at all, and gave its dates Latin digits.
 */
const DIGITS: Readonly<Record<Locale, string>> = {
  en: '0123456789',
  ar: '٠١٢٣٤٥٦٧٨٩',
  'fa-AF': '۰۱۲۳۴۵۶۷۸۹',
  ps: '۰۱۲۳۴۵۶۷۸۹',
};

type Field = 'day' | 'month' | 'year';

/**
 * The order a full date is written in: day, month, year in every edition, as Afghan Dari and
 * Pashto news sites write dates (`۲۸ وری ۱۴۰۴`); English matches dates.ts (`17 April 2025`).
 */
const ORDER: Readonly<Record<Locale, readonly Field[]>> = {
  en: ['day', 'month', 'year'],
  ar: ['day', 'month', 'year'],
  'fa-AF': ['day', 'month', 'year'],
  ps: ['day', 'month', 'year'],
};

/** Afghanistan's Solar Hijri months, named for the zodiac: Hamal (Aries) begins at Nowruz. */
const AFGHAN_MONTHS_EN = [
  'Hamal',
  'Sawr',
  'Jawza',
  'Saratan',
  'Asad',
  'Sunbula',
  'Mizan',
  'Aqrab',
  'Qaws',
  'Jadi',
  'Dalw',
  'Hut',
];

/** The same zodiac months in Arabic, where Intl would give Iran's (فرفردن …). */
const AFGHAN_MONTHS_AR = [
  'حمل',
  'ثور',
  'جوزاء',
  'سرطان',
  'أسد',
  'سنبلة',
  'ميزان',
  'عقرب',
  'قوس',
  'جدي',
  'دلو',
  'حوت',
];

/**
 * Lunar Hijri months in Pashto. CLDR's Pashto data lacks several (Intl gives `ربيع II` and
 * `جماعه II`), so these are the Arabic names as Afghan Pashto writing spells them.
 */
const HIJRI_MONTHS_PS = [
  'محرم',
  'صفر',
  'ربیع الاول',
  'ربیع الثاني',
  'جمادی الاولی',
  'جمادی الثانیه',
  'رجب',
  'شعبان',
  'رمضان',
  'شوال',
  'ذوالقعده',
  'ذوالحجه',
];

/** The Solar Hijri months in Pashto: the zodiac's Pashto names, Wray (Aries) to Kab (Pisces). */
const AFGHAN_MONTHS_PS = [
  'وری',
  'غویی',
  'غبرګولی',
  'چنګاښ',
  'زمری',
  'وږی',
  'تله',
  'لړم',
  'لیندۍ',
  'مرغومی',
  'سلواغه',
  'کب',
];

/** The Gregorian months as Afghan Pashto writes them (from the English names). */
const GREGORIAN_MONTHS_PS = [
  'جنوري',
  'فبروري',
  'مارچ',
  'اپرېل',
  'مۍ',
  'جون',
  'جولای',
  'اګست',
  'سپتمبر',
  'اکتوبر',
  'نومبر',
  'ډسمبر',
];

/**
 * Month names that replace Intl's; any pair not listed uses Intl's names for the locale. Pashto
 * has a table for every calendar: Chromium's ICU has no Pashto, and its Intl wrote English.
 */
const MONTH_TABLES: Partial<Record<`${Locale}/${CalendarId}`, readonly string[]>> = {
  'en/persian': AFGHAN_MONTHS_EN,
  'ar/persian': AFGHAN_MONTHS_AR,
  'ps/persian': AFGHAN_MONTHS_PS,
  'ps/gregory': GREGORIAN_MONTHS_PS,
  'ps/islamic': HIJRI_MONTHS_PS,
};

/**
 * The era written after a lunar year, so it cannot be taken for a solar one. Solar Hijri and
 * Gregorian years go bare: the reader has chosen the calendar, and Afghan writing leaves the solar
 * year unmarked. Intl's Pashto era is Latin `AH`, hence a table.
 */
const HIJRI_ERA: Readonly<Record<Locale, string>> = {
  en: 'AH',
  ar: 'هـ',
  'fa-AF': 'هـ.ق',
  ps: 'هـ.ق',
};

/** The word for "day" in the ±1 day mark on lunar dates. */
const DAY_WORD: Readonly<Record<Locale, string>> = {
  en: 'day',
  ar: 'يوم',
  'fa-AF': 'روز',
  ps: 'ورځ',
};

/** Between the ends of a range. Plain text: see `formatRange` on why no bidi marks are needed. */
const RANGE_DASH = '–';

// Formatters are costly to build and immutable, so each is built once per locale and calendar.
const numericFormats = new Map<CalendarId, Intl.DateTimeFormat>();
const monthFormats = new Map<string, Intl.DateTimeFormat>();

/** A whole number in the edition's digits, ungrouped: a year is 1404, not 1,404. */
function digits(value: number, locale: Locale): string {
  return String(value).replace(/[0-9]/g, (d) => DIGITS[locale][Number(d)]!);
}

/** A formatter for `calendar`, refusing to go on if the engine quietly swapped in Gregorian. */
function dateFormat(
  locale: string,
  calendar: CalendarId,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const format = new Intl.DateTimeFormat(locale, {
    ...options,
    calendar: INTL_CALENDAR[calendar],
    timeZone: 'UTC',
  });
  if (format.resolvedOptions().calendar !== INTL_CALENDAR[calendar]) {
    throw new RangeError(`This JavaScript engine has no ${INTL_CALENDAR[calendar]} calendar`);
  }
  return format;
}

function utcInstant(day: Day): Date {
  if (!isRealDate(day) || precisionOf(day) !== 'day') {
    throw new RangeError(`Not a YYYY-MM-DD day: ${day}`);
  }
  return new Date(`${day}T00:00:00Z`);
}

/**
 * A day's numbers in a calendar.
 * @example calendarDate('2025-03-21', 'persian') // { year: 1404, month: 1, day: 1 } (Nowruz)
 * @example calendarDate('2025-03-30', 'islamic') // { year: 1446, month: 10, day: 1 } (1 Shawwal)
 */
export function calendarDate(day: Day, calendar: CalendarId): CalendarDate {
  let format = numericFormats.get(calendar);
  if (!format) {
    format = dateFormat('en-u-nu-latn', calendar, {
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
    });
    numericFormats.set(calendar, format);
  }
  const date: CalendarDate = { year: NaN, month: NaN, day: NaN };
  for (const part of format.formatToParts(utcInstant(day))) {
    if (part.type === 'year' || part.type === 'month' || part.type === 'day') {
      date[part.type] = Number(part.value);
    }
  }
  return date;
}

function monthName(day: Day, month: number, { locale, calendar }: DateStyle): string {
  const table = MONTH_TABLES[`${locale}/${calendar}`];
  if (table) return table[month - 1] ?? String(month);
  const key = `${locale}/${calendar}`;
  let format = monthFormats.get(key);
  if (!format) {
    format = dateFormat(locale, calendar, { month: 'long' });
    monthFormats.set(key, format);
  }
  return format.format(utcInstant(day));
}

/** The year as written, with the era after a lunar year (`1446 AH`). */
function yearText(year: number, { locale, calendar }: DateStyle): string {
  const written = digits(year, locale);
  return calendar === 'islamic' ? `${written} ${HIJRI_ERA[locale]}` : written;
}

/** `(±1 day)` in the locale's words and digits, for lunar dates. */
function uncertaintyMark(locale: Locale): string {
  return `(±${digits(1, locale)} ${DAY_WORD[locale]})`;
}

type DateTexts = Record<Field, string>;

function dateTexts(day: Day, style: DateStyle): { date: CalendarDate; texts: DateTexts } {
  const date = calendarDate(day, style.calendar);
  return {
    date,
    texts: {
      day: digits(date.day, style.locale),
      month: monthName(day, date.month, style),
      year: yearText(date.year, style),
    },
  };
}

function withUncertainty(text: string, { locale, calendar }: DateStyle): string {
  return calendar === 'islamic' ? `${text} ${uncertaintyMark(locale)}` : text;
}

/**
 * A day in words, in the reader's language and calendar. Lunar Hijri days carry a ±1 day mark:
 * a month starts when its new moon is sighted, which a table can be a day off from.
 * @example formatDay('2025-04-17', { locale: 'en', calendar: 'gregory' }) // '17 April 2025'
 * @example formatDay('2025-04-17', { locale: 'en', calendar: 'persian' }) // '28 Hamal 1404'
 * @example formatDay('2025-04-17', { locale: 'en', calendar: 'islamic' })
 *   // '19 Shawwal 1446 AH (±1 day)'
 * @example formatDay('2025-04-17', { locale: 'fa-AF', calendar: 'persian' }) // '۲۸ حمل ۱۴۰۴'
 */
export function formatDay(day: Day, style: DateStyle): string {
  const { texts } = dateTexts(day, style);
  return withUncertainty(ORDER[style.locale].map((field) => texts[field]).join(' '), style);
}

/**
 * The days from `first` to `last`, naming what they share once: `12 Hamal – 10 Sawr 1404`, or
 * with both years when the range crosses one. Shared fields go at the end the locale's order puts
 * them (the end date in English, the start date in year-first Pashto).
 *
 * No bidi control characters: the dash is a neutral, and in right-to-left text it sits between
 * Arabic letters or between digits that follow Arabic letters (which the bidi algorithm treats as
 * right-to-left), so it resolves right-to-left and the range reads in order.
 */
function formatRange(first: Day, last: Day, style: DateStyle): string {
  const start = dateTexts(first, style);
  const end = dateTexts(last, style);
  const order = ORDER[style.locale];
  const sameYear = start.date.year === end.date.year;
  const sameMonth = sameYear && start.date.month === end.date.month;
  const shared = new Set<Field>(sameMonth ? ['year', 'month'] : sameYear ? ['year'] : []);
  const sharedFirst = shared.has(order[0] ?? 'day');
  const startFields = sharedFirst ? order : order.filter((field) => !shared.has(field));
  const endFields = sharedFirst ? order.filter((field) => !shared.has(field)) : order;
  const startText = startFields.map((field) => start.texts[field]).join(' ');
  const endText = endFields.map((field) => end.texts[field]).join(' ');
  // Two bare day numbers close up (`1–28 Rajab`); anything longer gets spaces.
  const dash = startFields.length === 1 || endFields.length === 1 ? RANGE_DASH : ` ${RANGE_DASH} `;
  return withUncertainty(`${startText}${dash}${endText}`, style);
}

function lastDayOfMonth(month: string): Day {
  const [year, mm] = month.split('-').map(Number);
  const last = new Date(Date.UTC(year ?? NaN, mm ?? NaN, 0)).getUTCDate();
  return `${month}-${String(last).padStart(2, '0')}`;
}

/**
 * A partial date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) in the reader's language and calendar, as
 * precise as it is. A Gregorian month or year does not line up with the months or years of the
 * other calendars, so there it is written as the range of days it covers.
 * @example formatPartialDate('2025-04', { locale: 'en', calendar: 'gregory' }) // 'April 2025'
 * @example formatPartialDate('2025-04', { locale: 'en', calendar: 'persian' })
 *   // '12 Hamal – 10 Sawr 1404'
 * @example formatPartialDate('2025', { locale: 'en', calendar: 'persian' })
 *   // '12 Jadi 1403 – 10 Jadi 1404'
 */
export function formatPartialDate(date: string, style: DateStyle): string {
  if (!isRealDate(date)) throw new RangeError(`Not a YYYY, YYYY-MM or YYYY-MM-DD date: ${date}`);
  const precision = precisionOf(date);
  if (precision === 'day') return formatDay(date, style);
  if (style.calendar === 'gregory') {
    const year = yearText(Number(date.slice(0, 4)), style);
    if (precision === 'year') return year;
    const month = monthName(`${date}-01`, Number(date.slice(5, 7)), style);
    return ORDER[style.locale]
      .flatMap((field) => (field === 'year' ? [year] : field === 'month' ? [month] : []))
      .join(' ');
  }
  if (precision === 'month') return formatRange(`${date}-01`, lastDayOfMonth(date), style);
  return formatRange(`${date}-01-01`, `${date}-12-31`, style);
}
