/**
 * A country's standing on the map's date in words, for the tooltip, the map's buttons and what a
 * screen reader hears: "Ambassador level since 1 December 2023; tension since 2 March 2025", the
 * focus's own description for Afghanistan, or "No data".
 */
import { formatDate } from './dates.ts';
import type { LevelOnDay, TensionOnDay } from './engagement.ts';
import type { Levels } from './schema.ts';
import { FOCUS_ID } from './vocabulary.ts';

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
export function levelWords(levels: Levels, onDate: OnDate, id: string): LevelWords {
  if (id === FOCUS_ID) return { detail: levels.focus.description, color: levels.focus.color };
  const state = onDate.levels.get(id);
  if (!state) return { detail: levels.noData.label, color: levels.noData.color };
  const level = levels.levels.find((l) => l.id === state.level);
  const tension = onDate.tensions.get(id);
  const conflict = tension
    ? `; ${levels.tensions.find((t) => t.id === tension.tension)?.label.toLowerCase()} since ${formatDate(tension.since)}`
    : '';
  return {
    detail: `${level?.label ?? state.level} since ${formatDate(state.since)}${conflict}`,
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
): string {
  if (playing) return '';
  const day = `Map date ${formatDate(date)}.`;
  return selection ? `${day} ${selection.name} selected: ${selection.detail}.` : day;
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
): string {
  const { selected } = state;
  const selection =
    selected === null
      ? null
      : { name: nameOf(selected), detail: levelWords(levels, state, selected).detail };
  return mapAnnouncement(state.date, selection, state.playing);
}
