import { describe, expect, test } from 'vitest';
import { LOCALES } from '../../src/i18n/locales.ts';
import {
  CALENDARS,
  calendarDate,
  formatDay,
  formatPartialDate,
  isCalendar,
} from '../../src/lib/calendars.ts';
import { formatDate } from '../../src/lib/dates.ts';

// Where the facts come from:
// - Nowruz 1404 (1 Hamal) fell on Friday 21 March 2025 (the equinox came after noon in Kabul and
//   Tehran on the 20th); 1403 began on 20 March 2024, so 1403 had 366 days and its Hut 30.
// - Solar Hijri month lengths are fixed: Hamal to Sunbula 31 days, Mizan to Dalw 30, Hut 29 or 30.
// - Kabul fell to the Taliban on 15 August 2021, dated 24 Asad 1400 in Afghan reporting.
// - Umm al-Qura (Saudi Arabia's official calendar): 1 Ramadan 1445 = 11 March 2024;
//   1 Rajab 1446 = 1 January 2025; 1 Sha'ban 1446 = 31 January 2025; 1 Ramadan 1446 = 1 March 2025; 1 Shawwal 1446 (Eid al-Fitr)
//   = 30 March 2025.
// Every expected date below is one of these or a day count from one.

const PERSIAN_DIGIT = /[\u06F0-\u06F9]/;
const ARABIC_INDIC_DIGIT = /[\u0660-\u0669]/;
const ASCII_DIGIT = /[0-9]/;

describe('isCalendar', () => {
  test.each([
    ['gregory', true],
    ['persian', true],
    ['islamic', true],
    ['islamic-umalqura', false],
    ['julian', false],
    ['Persian', false],
    ['', false],
    [undefined, false],
    [1, false],
  ])('%s → %s', (value, expected) => {
    expect(isCalendar(value)).toBe(expected);
  });
});

describe('calendarDate', () => {
  test.each([
    ['2025-03-21', 'persian', { year: 1404, month: 1, day: 1 }], // Nowruz
    ['2025-03-20', 'persian', { year: 1403, month: 12, day: 30 }], // last day of leap 1403
    ['2021-08-15', 'persian', { year: 1400, month: 5, day: 24 }], // fall of Kabul
    ['2025-04-17', 'persian', { year: 1404, month: 1, day: 28 }], // Nowruz + 27
    ['2025-04-21', 'persian', { year: 1404, month: 2, day: 1 }], // Hamal has 31 days
    ['2024-03-11', 'islamic', { year: 1445, month: 9, day: 1 }], // 1 Ramadan 1445
    ['2025-03-30', 'islamic', { year: 1446, month: 10, day: 1 }], // 1 Shawwal 1446
    ['2025-03-01', 'islamic', { year: 1446, month: 9, day: 1 }], // 1 Ramadan 1446
    ['2025-01-01', 'islamic', { year: 1446, month: 7, day: 1 }], // 1 Rajab 1446
    ['2025-04-17', 'gregory', { year: 2025, month: 4, day: 17 }],
  ] as const)('%s in %s is %o', (day, calendar, expected) => {
    expect(calendarDate(day, calendar)).toEqual(expected);
  });

  test.each(['2025-02-30', '2025-04', 'soon'])('rejects %s', (day) => {
    expect(() => calendarDate(day, 'persian')).toThrow(RangeError);
  });
});

describe('English Gregorian is the dates.ts wording', () => {
  test.each(['2025-04-17', '2021-08-15', '2000-01-01', '2024-02-29', '2021-10', '2025-04', '2023'])(
    '%s',
    (date) => {
      expect(formatPartialDate(date, { locale: 'en', calendar: 'gregory' })).toBe(formatDate(date));
    },
  );
});

describe('formatDay in English', () => {
  test.each([
    ['2025-03-21', 'persian', '1 Hamal 1404'],
    ['2025-04-17', 'persian', '28 Hamal 1404'],
    ['2021-08-15', 'persian', '24 Asad 1400'],
    ['2025-03-30', 'islamic', '1 Shawwal 1446 AH (±1 day)'],
    ['2025-04-17', 'islamic', '19 Shawwal 1446 AH (±1 day)'], // 1 Shawwal + 18
    ['2024-03-11', 'islamic', '1 Ramadan 1445 AH (±1 day)'],
  ] as const)('%s in %s → %s', (day, calendar, expected) => {
    expect(formatDay(day, { locale: 'en', calendar })).toBe(expected);
  });
});

describe('Afghan month names, not Iranian ones', () => {
  // Month n of the Afghan Solar Hijri year is the first day of that month counted from Nowruz.
  test.each([
    ['2025-03-21', 'Hamal', 'حمل', 'حمل', 'وری'],
    ['2025-04-21', 'Sawr', 'ثور', 'ثور', 'غویی'],
    ['2025-07-23', 'Asad', 'أسد', 'اسد', 'زمری'],
  ])('%s: %s', (day, en, ar, dari, pashto) => {
    expect([
      formatDay(day, { locale: 'en', calendar: 'persian' }),
      formatDay(day, { locale: 'ar', calendar: 'persian' }),
      formatDay(day, { locale: 'fa-AF', calendar: 'persian' }),
      formatDay(day, { locale: 'ps', calendar: 'persian' }),
    ]).toEqual([
      expect.stringContaining(en),
      expect.stringContaining(ar),
      expect.stringContaining(dari),
      expect.stringContaining(pashto),
    ]);
  });

  test.each(LOCALES)('%s never says Farvardin', (locale) => {
    expect(formatDay('2025-04-17', { locale, calendar: 'persian' })).not.toMatch(
      /Farvardin|فروردین|فرفردن/,
    );
  });
});

describe('digits', () => {
  test.each(CALENDARS)('Dari in %s uses Persian digits only', (calendar) => {
    const text = formatDay('2025-04-17', { locale: 'fa-AF', calendar });
    expect([PERSIAN_DIGIT.test(text), ASCII_DIGIT.test(text)]).toEqual([true, false]);
  });

  test.each(CALENDARS)('Pashto in %s uses Persian digits only', (calendar) => {
    const text = formatDay('2025-04-17', { locale: 'ps', calendar });
    expect([PERSIAN_DIGIT.test(text), ASCII_DIGIT.test(text)]).toEqual([true, false]);
  });

  test.each(CALENDARS)('Arabic in %s uses Arabic-Indic digits only', (calendar) => {
    const text = formatDay('2025-04-17', { locale: 'ar', calendar });
    expect([ARABIC_INDIC_DIGIT.test(text), ASCII_DIGIT.test(text)]).toEqual([true, false]);
  });

  test.each([
    ['fa-AF', 'persian', ['۲۸', '۱۴۰۴']],
    ['ps', 'persian', ['۲۸', '۱۴۰۴']],
    ['ar', 'gregory', ['١٧', '٢٠٢٥']],
    ['ar', 'islamic', ['١٩', '١٤٤٦']],
  ] as const)('2025-04-17 in %s %s has the day and year %j', (locale, calendar, numbers) => {
    const text = formatDay('2025-04-17', { locale, calendar });
    for (const number of numbers) expect(text).toContain(number);
  });
});

describe('the lunar ±1 day mark', () => {
  test.each([
    ['en', '(±1 day)'],
    ['ar', '(±١ يوم)'],
    ['fa-AF', '(±۱ روز)'],
    ['ps', '(±۱ ورځ)'],
  ] as const)('%s ends with %s', (locale, mark) => {
    expect(formatDay('2025-03-30', { locale, calendar: 'islamic' }).endsWith(` ${mark}`)).toBe(
      true,
    );
  });

  test.each(
    LOCALES.flatMap((locale) =>
      (['gregory', 'persian'] as const).map((calendar) => [locale, calendar] as const),
    ),
  )('%s %s has no ± mark', (locale, calendar) => {
    expect(formatDay('2025-03-30', { locale, calendar })).not.toContain('±');
  });
});

describe('formatPartialDate ranges in English', () => {
  test.each([
    // April 2025: 1 April is Nowruz + 11; Hamal's 31 days end on 20 April; 30 April is 10 Sawr.
    ['2025-04', 'persian', '12 Hamal – 10 Sawr 1404'],
    // February 2025: Jadi's 30 days ran from 21 December, so 1 Dalw is 20 January; Hut starts
    // 19 February.
    ['2025-02', 'persian', '13 Dalw – 10 Hut 1403'],
    // 2025 runs from Jadi of leap 1403 to Jadi 1404 (Dec 31 is day 286 of 1404).
    ['2025', 'persian', '12 Jadi 1403 – 10 Jadi 1404'],
    // March 2025: 1 Ramadan, and 31 March is 1 Shawwal + 1.
    ['2025-03', 'islamic', '1 Ramadan – 2 Shawwal 1446 AH (±1 day)'],
    // February 2025 lies in one lunar month: Sha'ban began 31 January, Ramadan 1 March.
    ['2025-02', 'islamic', '2–29 Shaʻban 1446 AH (±1 day)'],
  ] as const)('%s in %s → %s', (date, calendar, expected) => {
    expect(formatPartialDate(date, { locale: 'en', calendar })).toBe(expected);
  });

  test('a lunar year range names both years, starting on 1 Rajab 1446', () => {
    expect(formatPartialDate('2025', { locale: 'en', calendar: 'islamic' })).toMatch(
      /^1 Rajab 1446 AH – \d+ \S+ 1447 AH \(±1 day\)$/,
    );
  });
});

describe('formatPartialDate ranges in the other editions', () => {
  // Wray (وری) and Ghwayay (غویی) are the Pashto names of Hamal and Sawr.
  test.each([
    ['fa-AF', '۱۲ حمل – ۱۰ ثور ۱۴۰۴'],
    ['ar', '١٢ حمل – ١٠ ثور ١٤٠٤'],
    ['ps', '۱۲ وری – ۱۰ غویی ۱۴۰۴'],
  ] as const)('April 2025 in %s Solar Hijri → %s', (locale, expected) => {
    expect(formatPartialDate('2025-04', { locale, calendar: 'persian' })).toBe(expected);
  });

  // Chromium's ICU has no Pashto: these must not come from Intl, which there writes English.
  test.each([
    ['2025-04-17', 'gregory', '۱۷ اپرېل ۲۰۲۵'],
    ['2025-04-17', 'persian', '۲۸ وری ۱۴۰۴'],
    ['2021-08-15', 'persian', '۲۴ زمری ۱۴۰۰'],
  ] as const)('Pashto: %s in %s → %s', (day, calendar, expected) => {
    expect(formatDay(day, { locale: 'ps', calendar })).toBe(expected);
  });

  test('a range carries no bidi control characters', () => {
    const texts = LOCALES.flatMap((locale) =>
      CALENDARS.map((calendar) => formatPartialDate('2025', { locale, calendar })),
    );
    expect(texts.filter((text) => /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/.test(text))).toEqual(
      [],
    );
  });

  test.each(['fa-AF', 'ps'] as const)('a Gregorian year in %s is its Persian digits', (locale) => {
    expect(formatPartialDate('2025', { locale, calendar: 'gregory' })).toBe('۲۰۲۵');
  });
});

describe('formatPartialDate rejects what is not a date', () => {
  test.each(['2025-13', '2023-02-29', '25', 'April'])('%s', (date) => {
    expect(() => formatPartialDate(date, { locale: 'en', calendar: 'persian' })).toThrow(
      RangeError,
    );
  });
});
