/**
 * Calendar dates as the sources give them: a year, a month or a day. Everything here works on
 * `YYYY-MM-DD` strings, which sort as dates, so no time zone can shift a day.
 */

/** A `YYYY-MM-DD` string. */
export type Day = string;

export type Precision = 'year' | 'month' | 'day';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** How precise a partial date is: `2025` → year, `2025-04` → month, `2025-04-17` → day. */
export function precisionOf(date: string): Precision {
  return date.length === 4 ? 'year' : date.length === 7 ? 'month' : 'day';
}

/**
 * The first day a partial date can mean, which is when an event counts from.
 * @example firstDayOf('2021-10') // '2021-10-01'
 */
export function firstDayOf(date: string): Day {
  if (date.length === 4) return `${date}-01-01`;
  if (date.length === 7) return `${date}-01`;
  return date;
}

/**
 * Whether a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` string names a real calendar date
 * (so `2023-02-30` and `2025-13` do not).
 */
export function isRealDate(date: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!m) return false;
  const year = Number(m[1]);
  const month = m[2] === undefined ? 1 : Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * A partial date in words, as precise as it is.
 * @example formatDate('2025-04-17') // '17 April 2025'
 * @example formatDate('2021-10') // 'October 2021'
 */
export function formatDate(date: string): string {
  const [y, m, d] = date.split('-');
  if (m === undefined) return y ?? date;
  const month = MONTHS[Number(m) - 1] ?? m;
  if (d === undefined) return `${month} ${y}`;
  return `${Number(d)} ${month} ${y}`;
}

/** The later of two days. */
export function laterDay(a: Day, b: Day): Day {
  return a > b ? a : b;
}

/** Days between two `YYYY-MM-DD` days (b − a). */
export function daysBetween(a: Day, b: Day): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** The day `n` days after `day`. */
export function addDays(day: Day, n: number): Day {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}
