// The shell area's messages (src/i18n/messages/shell/): see catalog.svelte.ts.
import type { LevelPhrases } from '../lib/level-words.ts';
import type { MarkWords } from '../lib/timeline.ts';
import type { NoticeWords } from '../lib/url-state.ts';
import { catalog, dateWords, numberWords } from './catalog.svelte.ts';
import * as english from './paraglide/shell/messages/en.js';

export const m = catalog(english, {
  ar: () => import('./paraglide/shell/messages/ar.js'),
  'fa-AF': () => import('./paraglide/shell/messages/fa-AF.js'),
  ps: () => import('./paraglide/shell/messages/ps.js'),
});

/**
 * A country's standing in the edition's words and calendar (lib/level-words.ts), for the tooltip,
 * the map's buttons and what a screen reader hears.
 */
export const levelPhrases: LevelPhrases = {
  date: dateWords,
  since: (level, date) => m.shell_level_since({ level, date }),
  // Lower case inside the sentence, in the scripts that have case.
  sinceWithTension: (level, date, tension, tensionDate) =>
    m.shell_level_and_tension_since({ level, date, tension: tension.toLowerCase(), tensionDate }),
  mapDate: (date) => m.shell_announce_date({ date }),
  mapDateSelected: (date, name, detail) => m.shell_announce_date_selected({ date, name, detail }),
};

/** The timeline's marks in the edition's words and calendar (lib/timeline.ts). */
export const markWords: MarkWords = {
  date: dateWords,
  events: (count) => m.shell_mark_events({ count }),
  oneDay: (date, events) => m.shell_mark_one_day({ date, events }),
  span: (from, to, events, days) =>
    m.shell_mark_span({ from, to, events, days: m.shell_mark_days({ count: days }) }),
  more: (count) => m.shell_mark_more({ count: numberWords(count) }),
  eventLine: (date, summary) => m.shell_mark_event_line({ date, summary }),
};

/** What the URL's ignored values are told with (lib/url-state.ts), in the edition's words. */
export const noticeWords: NoticeWords = {
  date: dateWords,
  unknownKeys: (keys, count) => m.shell_notice_unknown_keys({ keys, count }),
  repeated: (keys, count) => m.shell_notice_repeated({ keys, count }),
  badDate: (value) => m.shell_notice_bad_date({ value }),
  afterReview: (end, value) => m.shell_notice_after_review({ end, value }),
  // The span as the URL writes dates, as the English notice always has.
  outsideSpan: (value, start, end) => m.shell_notice_outside_span({ value, start, end }),
  unknownActor: (value) => m.shell_notice_unknown_actor({ value }),
  unknownMotives: (values, known) => m.shell_notice_unknown_motives({ values, known }),
  unknownLevels: (values, known) => m.shell_notice_unknown_levels({ values, known }),
  badCamera: (value, min, max) =>
    m.shell_notice_bad_camera({ value, min: numberWords(min), max: numberWords(max) }),
  unknownMode: (value) => m.shell_notice_unknown_mode({ value }),
  noScene: (value, count) =>
    count === null
      ? m.shell_notice_no_scene_uncounted({ value })
      : m.shell_notice_no_scene({ value, count: numberWords(count) }),
  badAutoplay: (value, min, max) =>
    m.shell_notice_bad_autoplay({ value, min: numberWords(min), max: numberWords(max) }),
  unknownView: (value) => m.shell_notice_unknown_view({ value }),
  unknownLanguage: (value, known) => m.shell_notice_unknown_language({ value, known }),
  unknownCalendar: (value, known) => m.shell_notice_unknown_calendar({ value, known }),
};
