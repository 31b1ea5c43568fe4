/**
 * The app state that lives in the URL, parsed and formatted. A bad value never crashes the app: it
 * falls back to the default and comes back as a notice the page shows.
 * Example: `?date=2024-09-01` (more keys arrive with exploration: country, motives, levels, camera).
 */
import { isRealDate, type Day } from './dates.ts';

export interface UrlState {
  /** The day the map shows; `null` means the default (the dataset's latest event). */
  date: Day | null;
}

export interface UrlContext {
  /** The first and last day the map can show. */
  start: Day;
  end: Day;
}

export interface Parsed {
  state: UrlState;
  /** Plain-language notes on values that were ignored. */
  notices: string[];
}

/** Shows a URL value in a notice, cut short and stripped of control characters. */
function quoteValue(value: string): string {
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  const clean = value.replace(/[\u0000-\u001f\u007f]/g, '');
  return `“${clean.length > 40 ? `${clean.slice(0, 39)}…` : clean}”`;
}

/**
 * Reads the state from a query string.
 * @example parseUrlState('?date=2025-07-03', { start: '2021-08-15', end: '2026-06-23' })
 *   // { state: { date: '2025-07-03' }, notices: [] }
 */
export function parseUrlState(search: string, context: UrlContext): Parsed {
  const params = new URLSearchParams(search);
  const notices: string[] = [];
  let date: Day | null = null;
  const raw = params.get('date');
  if (raw !== null) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(raw) || !isRealDate(raw)) {
      notices.push(
        `The date ${quoteValue(raw)} is not a calendar date (YYYY-MM-DD); showing the latest date instead.`,
      );
    } else if (raw < context.start || raw > context.end) {
      notices.push(
        `The date ${quoteValue(raw)} is outside ${context.start} to ${context.end}; showing the latest date instead.`,
      );
    } else {
      date = raw;
    }
  }
  return { state: { date }, notices };
}

/**
 * Writes the state as a query string, leaving out defaults so shared links stay short.
 * @example formatUrlState({ date: '2025-07-03' }) // '?date=2025-07-03'
 */
export function formatUrlState(state: UrlState): string {
  const params = new URLSearchParams();
  if (state.date !== null) params.set('date', state.date);
  const text = params.toString();
  return text ? `?${text}` : '';
}
