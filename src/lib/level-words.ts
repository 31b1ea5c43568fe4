/**
 * A country's standing on the map's date in words, for the tooltip, the map's buttons and what a
 * screen reader hears: "Ambassador level since 1 December 2023; tension since 2 March 2025", the
 * focus's own description for Afghanistan, or "No data".
 */
import { formatDate } from './dates.ts';
import type { LevelOnDay, TensionOnDay } from './engagement.ts';
import type { Levels } from './schema.ts';
import { FOCUS_ID } from './vocabulary.ts';

/**
 * The sentences these words are written in: English by default; the app passes its edition's
 * (src/i18n/shell.ts messages, its dates in the reader's calendar).
 */
export interface LevelPhrases {
  date: (date: string) => string;
  since: (level: string, date: string) => string;
  sinceWithTension: (level: string, date: string, tension: string, tensionDate: string) => string;
  mapDate: (date: string) => string;
  mapDateSelected: (date: string, name: string, detail: string) => string;
}

export const ENGLISH_LEVEL_PHRASES: LevelPhrases = {
  date: formatDate,
  since: (level, date) => `${level} since ${date}`,
  sinceWithTension: (level, date, tension, tensionDate) =>
    `${level} since ${date}; ${tension.toLowerCase()} since ${tensionDate}`,
  mapDate: (date) => `Map date ${date}.`,
  mapDateSelected: (date, name, detail) => `Map date ${date}. ${name} selected: ${detail}.`,
};

export interface LevelWords {
  detail: string;
  /** The level's colour, for the tooltip's swatch. */
  color?: string;
}

/** What the map shows on its date: each country's level and tension (AtlasState's). */
export interface OnDate {
  levels: ReadonlyMap<string, LevelOnDay>;
  tensions: ReadonlyMap<string, TensionOnDay>;
}

/**
 * @example levelWords(levels, onDate, 'RUS') // { detail: 'Formal recognition since 3 July 2025', color: '#…' }
 */
export function levelWords(
  levels: Levels,
  onDate: OnDate,
  id: string,
  phrases: LevelPhrases = ENGLISH_LEVEL_PHRASES,
): LevelWords {
  if (id === FOCUS_ID) return { detail: levels.focus.description, color: levels.focus.color };
  const state = onDate.levels.get(id);
  if (!state) return { detail: levels.noData.label, color: levels.noData.color };
  const level = levels.levels.find((l) => l.id === state.level);
  const tension = onDate.tensions.get(id);
  const label = level?.label ?? state.level;
  const since = phrases.date(state.since);
  const tensionLabel = tension
    ? (levels.tensions.find((t) => t.id === tension.tension)?.label ?? tension.tension)
    : '';
  return {
    detail: tension
      ? phrases.sinceWithTension(label, since, tensionLabel, phrases.date(tension.since))
      : phrases.since(label, since),
    color: level?.color,
  };
}

/**
 * What a screen reader hears when the map settles: its date, and the selection in words; nothing
 * while the timeline plays (not every day of it).
 * @example mapAnnouncement('2025-07-10', { name: 'China', detail: 'Ambassador level since …' }, false)
 * // 'Map date 10 July 2025. China selected: Ambassador level since ….'
 */
export function mapAnnouncement(
  date: string,
  selection: { name: string; detail: string } | null,
  playing: boolean,
  phrases: LevelPhrases = ENGLISH_LEVEL_PHRASES,
): string {
  if (playing) return '';
  const day = phrases.date(date);
  return selection
    ? phrases.mapDateSelected(day, selection.name, selection.detail)
    : phrases.mapDate(day);
}

/** The atlas's state a screen reader hears about (AtlasState's). */
export interface Announced extends OnDate {
  date: string;
  selected: string | null;
  playing: boolean;
}

/**
 * `mapAnnouncement` of a state: its date, its selection named by `nameOf` and described by its
 * level on the date, and whether it plays. What the app and the embed both announce.
 * @example stateAnnouncement(levels, atlas, (id) => nameOf(geography, id))
 * // 'Map date 10 July 2025. China selected: Ambassador level since 1 December 2023.'
 */
export function stateAnnouncement(
  levels: Levels,
  state: Announced,
  nameOf: (id: string) => string,
  phrases: LevelPhrases = ENGLISH_LEVEL_PHRASES,
): string {
  const { selected } = state;
  const selection =
    selected === null
      ? null
      : { name: nameOf(selected), detail: levelWords(levels, state, selected, phrases).detail };
  return mapAnnouncement(state.date, selection, state.playing, phrases);
}
