/**
 * The app state that lives in the URL, parsed and formatted. A bad value never crashes the app: it
 * falls back to its default and comes back as a notice the page shows.
 *
 * `?date=2024-09-01&country=CHN&motives=economic,security&levels=ambassador,embassy&center=69.2,34.5&zoom=4&view=table&lang=fa-AF&cal=persian`
 * Every key is optional; a missing key means its default, and defaults are left out when writing.
 * A key given twice counts once, with its first value (as `URLSearchParams.get` reads it), and
 * the notice says so. Notices quote what the URL said only as a short, cleaned excerpt.
 */
import { BASE_LOCALE, isLocale, LOCALES, type Locale } from '../i18n/locales.ts';
import { CALENDARS, isCalendar, type CalendarId } from './calendar-ids.ts';
import { formatDate, isRealDate, type Day } from './dates.ts';
import type { MotiveCategory } from './schema.ts';
import { MOTIVE_CATEGORIES } from './vocabulary.ts';

/** What the map looks at: a centre and a zoom (Web Mercator, MapLibre's zoom levels). */
export interface Camera {
  lon: number;
  lat: number;
  zoom: number;
}

/** The map, the table of the same state, or the page on how the atlas works. */
export type View = 'map' | 'table' | 'method';

/**
 * Exploration (the default), the presentation for a room, the presenter's speaker view, or the
 * story: the scenes as a scrolling article.
 */
export type Mode = 'explore' | 'present' | 'speaker' | 'story';

/** Whether a mode shows the scenes' pictures (the map is the scene's, not the reader's). */
export function showsScene(mode: Mode): boolean {
  return mode === 'present' || mode === 'story';
}

export interface UrlState {
  /** The day the map shows; `null` means the default (the dataset's latest event). */
  date: Day | null;
  /** The selected country (ISO alpha-3), institution or group; `null`: none. */
  country: string | null;
  /** Motive categories shown; `null`: all. */
  motives: MotiveCategory[] | null;
  /** Levels shown (level ids, `none` for no data); `null`: all. */
  levels: string[] | null;
  /** The camera; `null`: the default view of the region. */
  camera: Camera | null;
  view: View;
  mode: Mode;
  /** The scene shown in presentation mode, 1-based as in the URL; `null`: the first. */
  scene: number | null;
  /** Kiosk auto-advance: seconds per scene; `null`: off. */
  autoplay: number | null;
  /** The edition: the language of the interface (`lang`). */
  lang: Locale;
  /** The calendar dates are written in (`cal`). */
  calendar: CalendarId;
}

export const DEFAULT_URL_STATE: UrlState = {
  date: null,
  country: null,
  motives: null,
  levels: null,
  camera: null,
  view: 'map',
  mode: 'explore',
  scene: null,
  autoplay: null,
  lang: BASE_LOCALE,
  calendar: 'gregory',
};

/** What a URL is checked against. */
export interface UrlContext {
  /** The first and last day the map can show: the last is the day the data are reviewed through. */
  start: Day;
  end: Day;
  /** Every selectable id: countries, institutions, groups. */
  actors?: ReadonlySet<string>;
  /** Level ids; `none` (no data) is always allowed. */
  levels?: readonly string[];
  /** How many scenes the presentation has. */
  scenes?: number;
}

/**
 * The notices' sentences: English by default; the app passes its edition's (src/i18n/shell.ts).
 * Values come quoted (`quoteValue`, `quoteList`), dates in words (`date`).
 */
export interface NoticeWords {
  date: (date: string) => string;
  unknownKeys: (keys: string, count: number) => string;
  repeated: (keys: string, count: number) => string;
  badDate: (value: string) => string;
  afterReview: (end: string, value: string) => string;
  outsideSpan: (value: string, start: string, end: string) => string;
  unknownActor: (value: string) => string;
  unknownMotives: (values: string, known: string) => string;
  unknownLevels: (values: string, known: string) => string;
  badCamera: (value: string, min: number, max: number) => string;
  unknownMode: (value: string) => string;
  noScene: (value: string, count: number | null) => string;
  badAutoplay: (value: string, min: number, max: number) => string;
  unknownView: (value: string) => string;
  unknownLanguage: (value: string, known: string) => string;
  unknownCalendar: (value: string, known: string) => string;
}

export const ENGLISH_NOTICES: NoticeWords = {
  date: formatDate,
  unknownKeys: (keys, count) => `Unknown URL ${count === 1 ? 'key' : 'keys'} ${keys} ignored.`,
  repeated: (keys, count) =>
    `The URL gives ${keys} more than once; the first value ${count === 1 ? 'is' : 'of each is'} used.`,
  badDate: (value) =>
    `The date ${value} is not a calendar date (YYYY-MM-DD); showing the latest date instead.`,
  afterReview: (end, value) =>
    `The data are reviewed through ${end}, so the map cannot show ${value}; showing ${end} instead.`,
  outsideSpan: (value, start, end) =>
    `The date ${value} is outside ${start} to ${end}; showing the latest date instead.`,
  unknownActor: (value) => `No country or institution ${value} in the data; nothing is selected.`,
  unknownMotives: (values, known) => `Unknown motive ${values} ignored; known: ${known}.`,
  unknownLevels: (values, known) => `Unknown level ${values} ignored; known: ${known}.`,
  badCamera: (value, min, max) =>
    `The camera ${value} is not a place on the map (center=lon,lat with zoom ${min}–${max}); showing the default view.`,
  unknownMode: (value) => `Unknown mode ${value}; exploring the map.`,
  noScene: (value, count) =>
    `There is no scene ${value}${count !== null ? ` (scenes 1 to ${count})` : ''}; showing the first.`,
  badAutoplay: (value, min, max) =>
    `Auto-advance ${value} is not ${min} to ${max} seconds; it is off.`,
  unknownView: (value) => `Unknown view ${value}; showing the map.`,
  unknownLanguage: (value, known) =>
    `Unknown language ${value} (the atlas is in ${known}); showing English.`,
  unknownCalendar: (value, known) =>
    `Unknown calendar ${value} (one of ${known}); dates are Gregorian.`,
};

export interface Parsed {
  state: UrlState;
  /** Plain-language notes on values that were ignored. */
  notices: string[];
}

/** Keys the app reads; anything else is reported once and ignored. */
const KNOWN_KEYS = new Set([
  'date',
  'country',
  'motives',
  'levels',
  'center',
  'zoom',
  'view',
  'mode',
  'scene',
  'autoplay',
  'lang',
  'cal',
]);

/** Kiosk auto-advance bounds, in seconds per scene. */
export const AUTOPLAY_RANGE = [3, 600] as const;

/** The zoom range the map allows. */
export const ZOOM_RANGE = [0, 10] as const;

/** The most values a notice lists before "and N more", so a flood of junk stays one short line. */
const LISTED = 5;

/**
 * Shows a URL value in a notice: cut short, stripped of control and bidirectional-override
 * characters (which could reorder the notice's own words), its curly quotes straightened so the
 * excerpt cannot seem to end early.
 * @example quoteValue('<script>alert(1)</script>') // '“<script>alert(1)</script>”'
 */
function quoteValue(value: string): string {
  const clean = value
    // eslint-disable-next-line no-control-regex -- stripping control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[“”]/g, '"');
  // By code point, so a cut never splits a character in two.
  const chars = Array.from(clean.slice(0, 80));
  return `“${chars.length > 40 ? `${chars.slice(0, 39).join('')}…` : clean}”`;
}

/** Quoted values, each once, at most LISTED of them: `“a”, “b” and 3 more`. */
function quoteList(values: readonly string[]): string {
  const distinct = [...new Set(values)];
  const shown = distinct.slice(0, LISTED).map(quoteValue).join(', ');
  return distinct.length > LISTED ? `${shown} and ${distinct.length - LISTED} more` : shown;
}

/** A comma list of allowed words; unknown words are dropped with a notice. `null` for a missing key. */
function parseList<T extends string>(
  raw: string | null,
  allowed: readonly T[],
  notice: (values: string, known: string) => string,
  notices: string[],
): T[] | null {
  if (raw === null) return null;
  const words = raw
    .split(',')
    .map((w) => w.trim().toLowerCase())
    .filter((w) => w !== '');
  const known = words.filter((w): w is T => (allowed as readonly string[]).includes(w));
  const unknown = words.filter((w) => !(allowed as readonly string[]).includes(w));
  if (unknown.length > 0) {
    notices.push(notice(quoteList(unknown), allowed.join(', ')));
    if (known.length === 0 && words.length > 0) return null;
  }
  return [...new Set(known)];
}

/** A plain decimal, as formatUrlState writes it: not `0x10`, `1e3`, `Infinity` or ` 4 `. */
const DECIMAL = /^-?\d+(\.\d+)?$/;

function parseCamera(
  center: string | null,
  zoom: string | null,
  notices: string[],
  words: NoticeWords,
): Camera | null {
  if (center === null && zoom === null) return null;
  const parts = (center ?? '').split(',');
  const lon = Number(parts[0]);
  const lat = Number(parts[1]);
  const z = Number(zoom);
  const ok =
    parts.length === 2 &&
    parts.every((p) => DECIMAL.test(p)) &&
    zoom !== null &&
    DECIMAL.test(zoom) &&
    Number.isFinite(lon) &&
    Number.isFinite(lat) &&
    Number.isFinite(z) &&
    Math.abs(lon) <= 180 &&
    Math.abs(lat) <= 85 &&
    z >= ZOOM_RANGE[0] &&
    z <= ZOOM_RANGE[1];
  if (!ok) {
    notices.push(
      words.badCamera(
        quoteValue(`center=${center ?? ''}&zoom=${zoom ?? ''}`),
        ZOOM_RANGE[0],
        ZOOM_RANGE[1],
      ),
    );
    return null;
  }
  return { lon, lat, zoom: z };
}

/**
 * Reads the state from a query string.
 * @example parseUrlState('?date=2025-07-03&country=rus', context)
 *   // { state: { ...DEFAULT_URL_STATE, date: '2025-07-03', country: 'RUS' }, notices: [] }
 */
export function parseUrlState(
  search: string,
  context: UrlContext,
  words: NoticeWords = ENGLISH_NOTICES,
): Parsed {
  const params = new URLSearchParams(search);
  const notices: string[] = [];
  const state: UrlState = { ...DEFAULT_URL_STATE };

  const keys = [...new Set(params.keys())];
  const unknownKeys = keys.filter((k) => !KNOWN_KEYS.has(k));
  if (unknownKeys.length > 0)
    notices.push(words.unknownKeys(quoteList(unknownKeys), unknownKeys.length));
  const repeated = keys.filter((k) => KNOWN_KEYS.has(k) && params.getAll(k).length > 1);
  if (repeated.length > 0) notices.push(words.repeated(quoteList(repeated), repeated.length));

  const date = params.get('date');
  if (date !== null) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !isRealDate(date)) {
      notices.push(words.badDate(quoteValue(date)));
    } else if (date > context.end) {
      // Past the review: the data say nothing about it, and the map must not seem to.
      notices.push(words.afterReview(words.date(context.end), quoteValue(date)));
    } else if (date < context.start) {
      notices.push(words.outsideSpan(quoteValue(date), context.start, context.end));
    } else {
      state.date = date;
    }
  }

  const country = params.get('country');
  if (country !== null && country !== '') {
    const id = /^[a-z]{3}$/i.test(country) ? country.toUpperCase() : country.toLowerCase();
    if (context.actors && !context.actors.has(id)) {
      notices.push(words.unknownActor(quoteValue(country)));
    } else {
      state.country = id;
    }
  }

  state.motives = parseList(
    params.get('motives'),
    MOTIVE_CATEGORIES,
    words.unknownMotives,
    notices,
  );
  state.levels = parseList(
    params.get('levels'),
    [...(context.levels ?? []), 'none'],
    words.unknownLevels,
    notices,
  );
  state.camera = parseCamera(params.get('center'), params.get('zoom'), notices, words);

  const mode = params.get('mode');
  if (mode !== null) {
    if (mode === 'present' || mode === 'speaker' || mode === 'explore' || mode === 'story')
      state.mode = mode;
    else notices.push(words.unknownMode(quoteValue(mode)));
  }

  const scene = params.get('scene');
  if (scene !== null) {
    const n = Number(scene);
    const count = context.scenes ?? Infinity;
    if (!/^\d+$/.test(scene) || n < 1 || n > count) {
      notices.push(words.noScene(quoteValue(scene), Number.isFinite(count) ? count : null));
    } else {
      state.scene = n;
    }
  }

  const autoplay = params.get('autoplay');
  if (autoplay !== null) {
    const seconds = Number(autoplay);
    if (
      !/^\d+(\.\d+)?$/.test(autoplay) ||
      seconds < AUTOPLAY_RANGE[0] ||
      seconds > AUTOPLAY_RANGE[1]
    ) {
      notices.push(words.badAutoplay(quoteValue(autoplay), AUTOPLAY_RANGE[0], AUTOPLAY_RANGE[1]));
    } else {
      state.autoplay = seconds;
    }
  }

  const view = params.get('view');
  if (view !== null) {
    if (view === 'table' || view === 'map' || view === 'method') state.view = view;
    else notices.push(words.unknownView(quoteValue(view)));
  }
  const lang = params.get('lang');
  if (lang !== null) {
    if (isLocale(lang)) state.lang = lang;
    else notices.push(words.unknownLanguage(quoteValue(lang), LOCALES.join(', ')));
  }
  const calendar = params.get('cal');
  if (calendar !== null) {
    if (isCalendar(calendar)) state.calendar = calendar;
    else notices.push(words.unknownCalendar(quoteValue(calendar), CALENDARS.join(', ')));
  }
  return { state, notices };
}

/** Rounds a camera for the URL: about a metre at the equator is plenty. */
function round(value: number, digits: number): string {
  return String(Number(value.toFixed(digits)));
}

/**
 * Writes the state as a query string, leaving out defaults so shared links stay short.
 * @example formatUrlState({ ...DEFAULT_URL_STATE, date: '2025-07-03' }) // '?date=2025-07-03'
 */
export function formatUrlState(state: UrlState): string {
  const params = new URLSearchParams();
  if (state.date !== null) params.set('date', state.date);
  if (state.country !== null) params.set('country', state.country);
  if (state.motives !== null) params.set('motives', state.motives.join(','));
  if (state.levels !== null) params.set('levels', state.levels.join(','));
  if (state.camera !== null) {
    params.set('center', `${round(state.camera.lon, 4)},${round(state.camera.lat, 4)}`);
    params.set('zoom', round(state.camera.zoom, 2));
  }
  if (state.view !== 'map') params.set('view', state.view);
  if (state.mode !== 'explore') params.set('mode', state.mode);
  if (state.scene !== null) params.set('scene', String(state.scene));
  if (state.autoplay !== null) params.set('autoplay', String(state.autoplay));
  if (state.lang !== BASE_LOCALE) params.set('lang', state.lang);
  if (state.calendar !== 'gregory') params.set('cal', state.calendar);
  // Commas are safe in a query string and keep shared links readable.
  const text = params.toString().replaceAll('%2C', ',');
  return text ? `?${text}` : '';
}
