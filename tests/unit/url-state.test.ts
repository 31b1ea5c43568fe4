import { describe, expect, test } from 'vitest';
import {
  AUTOPLAY_RANGE,
  DEFAULT_URL_STATE,
  formatUrlState,
  parseUrlState,
  ZOOM_RANGE,
  type NoticeWords,
  type UrlState,
} from '../../src/lib/url-state.ts';

const context = {
  start: '2021-08-15',
  end: '2026-06-23',
  scenes: 15,
  actors: new Set(['AFG', 'CHN', 'RUS', 'un', 'western-countries']),
  levels: ['recognition', 'ambassador', 'embassy', 'engaged', 'isolating'],
};
const parse = (search: string) => parseUrlState(search, context);

describe('parseUrlState: date', () => {
  test.each([
    ['', null],
    ['?date=2025-07-03', '2025-07-03'],
    ['?date=2021-08-15', '2021-08-15'],
    ['?date=2026-06-23', '2026-06-23'],
    ['?date=2025-02-30', null],
    ['?date=2025-7-3', null],
    ['?date=2020-01-01', null],
    ['?date=2030-01-01', null],
    ['?date=<script>alert(1)</script>', null],
    ['?date=', null],
  ])('%s → %s', (search, expected) => {
    expect(parse(search).state.date).toBe(expected);
  });

  test.each([
    ['?date=2025-02-30', 'not a calendar date'],
    ['?date=2020-01-01', 'outside 2021-08-15 to 2026-06-23'],
    ['?date=garbage', 'not a calendar date'],
  ])('%s gives a notice saying %s', (search, words) => {
    expect(parse(search).notices.join(' ')).toContain(words);
  });

  test('a notice quotes a long value cut short', () => {
    const notice = parse(`?date=${'9'.repeat(500)}`).notices[0] ?? '';
    expect(notice.length).toBeLessThan(160);
  });
});

describe('parseUrlState: country', () => {
  test.each([
    ['?country=CHN', 'CHN'],
    ['?country=chn', 'CHN'],
    ['?country=un', 'un'],
    ['?country=UN', 'un'],
    ['?country=western-countries', 'western-countries'],
    ['?country=XYZ', null],
    ['?country=', null],
    ['?country=%3Cimg%20src%3Dx%3E', null],
  ])('%s → %s', (search, expected) => {
    expect(parse(search).state.country).toBe(expected);
  });

  test('an unknown code gives a notice', () => {
    expect(parse('?country=XYZ').notices.join(' ')).toContain('No country or institution “XYZ”');
  });
});

describe('parseUrlState: motives and levels', () => {
  test.each([
    ['', null],
    ['?motives=economic', ['economic']],
    ['?motives=economic,security', ['economic', 'security']],
    ['?motives=Economic,,security,economic', ['economic', 'security']],
    ['?motives=', []],
    ['?motives=economic,love', ['economic']],
    ['?motives=love', null],
  ])('motives %s → %o', (search, expected) => {
    expect(parse(search).state.motives).toEqual(expected);
  });

  test.each([
    ['?levels=recognition,none', ['recognition', 'none']],
    ['?levels=friends', null],
    ['?levels=', []],
  ])('levels %s → %o', (search, expected) => {
    expect(parse(search).state.levels).toEqual(expected);
  });

  test('an unknown motive gives a notice naming the known ones', () => {
    expect(parse('?motives=love').notices.join(' ')).toContain(
      'known: economic, security, geopolitical',
    );
  });
});

describe('parseUrlState: camera and view', () => {
  test.each([
    ['?center=69.2,34.5&zoom=4', { lon: 69.2, lat: 34.5, zoom: 4 }],
    ['?center=-77.04,38.91&zoom=0', { lon: -77.04, lat: 38.91, zoom: 0 }],
    ['?center=69.2,34.5', null],
    ['?zoom=4', null],
    ['?center=200,34.5&zoom=4', null],
    ['?center=69.2,89&zoom=4', null],
    ['?center=69.2,34.5&zoom=99', null],
    ['?center=a,b&zoom=c', null],
    ['?center=69.2,34.5,1&zoom=4', null],
    ['?center=,&zoom=', null],
  ])('%s → %o', (search, expected) => {
    expect(parse(search).state.camera).toEqual(expected);
  });

  test.each([
    ['?view=table', 'table'],
    ['?view=map', 'map'],
    ['?view=method', 'method'],
    ['?view=globe', 'map'],
    ['', 'map'],
  ])('view %s → %s', (search, expected) => {
    expect(parse(search).state.view).toBe(expected);
  });
});

describe('parseUrlState: presentation', () => {
  test.each([
    ['?mode=present', 'present'],
    ['?mode=speaker', 'speaker'],
    ['?mode=explore', 'explore'],
    ['?mode=karaoke', 'explore'],
    ['', 'explore'],
  ])('mode %s → %s', (search, expected) => {
    expect(parse(search).state.mode).toBe(expected);
  });

  test.each([
    ['?mode=present&scene=1', 1],
    ['?mode=present&scene=15', 15],
    ['?mode=present&scene=16', null],
    ['?mode=present&scene=0', null],
    ['?mode=present&scene=-1', null],
    ['?mode=present&scene=2.5', null],
    ['?mode=present&scene=two', null],
  ])('scene %s → %s', (search, expected) => {
    expect(parse(search).state.scene).toBe(expected);
  });

  test('a scene out of range gives a notice naming the range', () => {
    expect(parse('?mode=present&scene=99').notices.join(' ')).toContain('scenes 1 to 15');
  });

  test.each([
    ['?autoplay=10', 10],
    ['?autoplay=3', 3],
    ['?autoplay=2', null],
    ['?autoplay=601', null],
    ['?autoplay=soon', null],
  ])('autoplay %s → %s', (search, expected) => {
    expect(parse(search).state.autoplay).toBe(expected);
  });
});

describe('parseUrlState: the whole URL', () => {
  test('a good URL gives no notice', () => {
    expect(
      parse(
        '?date=2024-01-30&country=CHN&motives=economic&levels=ambassador&center=69,34&zoom=3&view=table',
      ).notices,
    ).toEqual([]);
  });

  test('an unknown key is reported', () => {
    expect(parse('?colour=red').notices.join(' ')).toContain('Unknown URL key “colour”');
  });

  test('a repeated key takes its first value', () => {
    expect(parse('?date=2024-01-30&date=2025-01-01').state.date).toBe('2024-01-30');
  });
});

describe('parseUrlState: edition and calendar', () => {
  test.each([
    ['?lang=ar', { lang: 'ar' }],
    ['?lang=fa-AF', { lang: 'fa-AF' }],
    ['?lang=ps', { lang: 'ps' }],
    ['?lang=en', { lang: 'en' }],
    ['?cal=persian', { calendar: 'persian' }],
    ['?cal=islamic', { calendar: 'islamic' }],
    ['?cal=gregory', { calendar: 'gregory' }],
  ])('%s', (search, expected) => {
    expect(parse(search)).toEqual({ state: { ...DEFAULT_URL_STATE, ...expected }, notices: [] });
  });

  test.each([
    ['?lang=fr', 'Unknown language “fr” (the atlas is in en, ar, fa-AF, ps); showing English.'],
    // Tags are matched exactly: Dari is fa-AF, not Iran's Persian.
    ['?lang=fa', 'Unknown language “fa” (the atlas is in en, ar, fa-AF, ps); showing English.'],
    [
      '?cal=julian',
      'Unknown calendar “julian” (one of gregory, persian, islamic); dates are Gregorian.',
    ],
  ])('%s falls back with a notice', (search, notice) => {
    expect(parse(search)).toEqual({ state: DEFAULT_URL_STATE, notices: [notice] });
  });
});

describe('formatUrlState', () => {
  test.each<[Partial<UrlState>, string]>([
    [{}, ''],
    [{ date: '2025-07-03' }, '?date=2025-07-03'],
    [{ country: 'CHN' }, '?country=CHN'],
    [{ motives: ['economic', 'security'] }, '?motives=economic,security'],
    [{ motives: [] }, '?motives='],
    [{ levels: ['recognition', 'none'] }, '?levels=recognition,none'],
    [{ camera: { lon: 69.123456, lat: 34.5, zoom: 4.256 } }, '?center=69.1235,34.5&zoom=4.26'],
    [{ view: 'method' }, '?view=method'],
    [{ view: 'table' }, '?view=table'],
    [{ mode: 'present', scene: 2 }, '?mode=present&scene=2'],
    [{ mode: 'present', scene: 1, autoplay: 10 }, '?mode=present&scene=1&autoplay=10'],
    [{ lang: 'en' }, ''],
    [{ lang: 'fa-AF' }, '?lang=fa-AF'],
    [{ calendar: 'gregory' }, ''],
    [{ lang: 'ps', calendar: 'persian' }, '?lang=ps&cal=persian'],
  ])('%o → %s', (partial, expected) => {
    expect(formatUrlState({ ...DEFAULT_URL_STATE, ...partial })).toBe(expected);
  });

  test('round-trips through parse', () => {
    const state: UrlState = {
      date: '2024-09-01',
      country: 'RUS',
      motives: ['security'],
      levels: ['recognition', 'none'],
      camera: { lon: 60, lat: 40.5, zoom: 3.25 },
      view: 'table',
      mode: 'present',
      scene: 3,
      autoplay: 12,
      lang: 'ar',
      calendar: 'islamic',
    };
    expect(parse(formatUrlState(state)).state).toEqual(state);
  });
});

describe('parseUrlState: notices in an edition’s words', () => {
  // Each sentence says which it is and what it was given, as the messages of an edition would.
  const words: NoticeWords = {
    date: (d) => `<${d}>`,
    unknownKeys: (keys, n) => `keys ${keys} ${n}`,
    repeated: (keys, n) => `repeated ${keys} ${n}`,
    badDate: (v) => `bad-date ${v}`,
    afterReview: (end, v) => `after-review ${end} ${v}`,
    outsideSpan: (v, start, end) => `outside ${v} ${start} ${end}`,
    unknownActor: (v) => `actor ${v}`,
    unknownMotives: (v, known) => `motives ${v} ${known}`,
    unknownLevels: (v, known) => `levels ${v} ${known.split(', ').length}`,
    badCamera: (v, min, max) => `camera ${v} ${min} ${max}`,
    unknownMode: (v) => `mode ${v}`,
    noScene: (v, count) => `scene ${v} ${count}`,
    badAutoplay: (v, min, max) => `autoplay ${v} ${min} ${max}`,
    unknownView: (v) => `view ${v}`,
    unknownLanguage: (v, known) => `lang ${v} ${known}`,
    unknownCalendar: (v, known) => `cal ${v} ${known}`,
  };
  test.each([
    ['?foo=1&bar=2', 'keys “foo”, “bar” 2'],
    ['?date=2024-01-01&date=2024-02-02', 'repeated “date” 1'],
    ['?date=soon', 'bad-date “soon”'],
    ['?date=2026-12-01', 'after-review <2026-06-23> “2026-12-01”'],
    ['?date=2020-01-01', 'outside “2020-01-01” 2021-08-15 2026-06-23'],
    ['?country=XYZ', 'actor “XYZ”'],
    ['?motives=love', 'motives “love” economic, security, geopolitical'],
    ['?levels=friends', 'levels “friends” 6'],
    ['?center=999,0&zoom=3', `camera “center=999,0&zoom=3” ${ZOOM_RANGE[0]} ${ZOOM_RANGE[1]}`],
    ['?mode=dance', 'mode “dance”'],
    ['?mode=present&scene=99', 'scene “99” 15'],
    ['?mode=present&autoplay=1', `autoplay “1” ${AUTOPLAY_RANGE[0]} ${AUTOPLAY_RANGE[1]}`],
    ['?view=globe', 'view “globe”'],
    ['?lang=fr', 'lang “fr” en, ar, fa-AF, ps'],
    ['?cal=mayan', 'cal “mayan” gregory, persian, islamic'],
  ])('%s is told as %s', (search, notice) => {
    expect(parseUrlState(search, context, words).notices).toEqual([notice]);
  });
});
