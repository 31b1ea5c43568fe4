/**
 * The words for a picture that cannot be seen: a title and a description made from the state it
 * shows, for the SVG's `<title>` and `<desc>`, the PNG's Description text, the Export dialog (to
 * copy into a CMS's alt-text field) and `npm run export -- --alt`. Written as a newsroom writes alt
 * text: what the map is, its date, then what it shows, strongest ties first.
 */
import { formatDate, type Day } from './dates.ts';
import { editionWords } from './edition.ts';
import { levelsOn, motiveCountsFrom, tensionsOn, type EngagementIndex } from './engagement.ts';
import type { Dataset, MotiveCategory } from './schema.ts';
import { FOCUS_ID, MOTIVE_CATEGORIES } from './vocabulary.ts';
import { levelsByRank } from './style.ts';
import { showsScene, type UrlState } from './url-state.ts';

export interface PictureTextInput {
  dataset: Dataset;
  index: EngagementIndex;
  date: Day;
  /** The motive categories whose arcs the picture shows. */
  motives: ReadonlySet<MotiveCategory>;
  /** The selected country or institution, in exploration. */
  selected: string | null;
  /** The scene, in presentation mode (1-based number). */
  scene: { title: string; number: number } | null;
}

export interface PictureText {
  /** One line: what the picture is. */
  title: string;
  /** What it shows, in sentences. */
  description: string;
}

const list = (names: readonly string[]) =>
  new Intl.ListFormat('en', { type: 'conjunction' }).format(names);

const TENSION_WORDS = { tension: 'tension', conflict: 'armed conflict' } as const;

/**
 * The picture's title and description.
 * @example pictureText({ dataset, index, date: '2025-07-10', motives, selected: null, scene: null })
 * // { title: 'Kabul Engagement Atlas: engagement with the Taliban government in Kabul, 10 July 2025',
 * //   description: 'A world map … Formal recognition: Russia. Ambassador level: China, … ' }
 */
export function pictureText(input: PictureTextInput): PictureText {
  const { dataset, index, date } = input;
  const names = new Map([...dataset.countries, ...dataset.institutions].map((a) => [a.id, a.name]));
  const nameOf = (id: string) => names.get(id) ?? id;
  const byName = (ids: Iterable<string>) => [...ids].map(nameOf).sort((a, b) => a.localeCompare(b));
  const day = formatDate(date);

  const sentences: string[] = [];
  if (input.scene) sentences.push(`Scene ${input.scene.number}: ${input.scene.title}.`);
  sentences.push(
    `A world map of how states engage with the Taliban government in Kabul, Afghanistan, on ${day}, with each country coloured by its level of engagement (${dataset.meta.title}, ${editionWords(dataset.meta)}).`,
  );

  const levels = levelsOn(index, date);
  levels.delete(FOCUS_ID);
  for (const level of levelsByRank(dataset.levels)) {
    const ids = [...levels].filter(([, l]) => l.level === level.id).map(([id]) => id);
    if (ids.length > 0) sentences.push(`${level.label}: ${list(byName(ids))}.`);
  }
  sentences.push(
    levels.size > 0
      ? 'Other countries: no data.'
      : 'No country has a level of engagement on this date.',
  );

  const tensions = [...tensionsOn(index, date)].filter(([id]) => id !== FOCUS_ID);
  if (tensions.length > 0) {
    sentences.push(
      `In tension or conflict with Kabul: ${list(
        tensions
          .map(([id, t]) => `${nameOf(id)} (${TENSION_WORDS[t.tension]})`)
          .sort((a, b) => a.localeCompare(b)),
      )}.`,
    );
  }

  // The arcs: who engages, and why, among the motives shown.
  const shown = MOTIVE_CATEGORIES.filter((c) => input.motives.has(c));
  const actorsBy = new Map(shown.map((c) => [c, new Set<string>()]));
  for (const motive of dataset.motives) {
    if (motive.actor === FOCUS_ID || motiveCountsFrom(motive) > date) continue;
    actorsBy.get(motive.category)?.add(motive.actor);
  }
  const actors = new Set(shown.flatMap((c) => [...actorsBy.get(c)!]));
  if (actors.size > 0) {
    const parts = shown
      .filter((c) => actorsBy.get(c)!.size > 0)
      .map((c) => `${c} for ${actorsBy.get(c)!.size}`);
    sentences.push(
      `Arcs into Kabul show why ${actors.size} ${actors.size === 1 ? 'state or body engages' : 'states and bodies engage'}: ${list(parts)}.`,
    );
  }

  if (input.selected) {
    const level = levels.get(input.selected);
    const label = dataset.levels.levels.find((l) => l.id === level?.level)?.label;
    sentences.push(
      label && level
        ? `${nameOf(input.selected)} is highlighted: ${label.toLowerCase()} since ${formatDate(level.since)}.`
        : `${nameOf(input.selected)} is highlighted.`,
    );
  }

  const title = input.scene
    ? `${dataset.meta.title}, scene ${input.scene.number}: ${input.scene.title}, ${day}`
    : `${dataset.meta.title}: ${input.selected ? `${nameOf(input.selected)} and Kabul` : 'engagement with the Taliban government in Kabul'}, ${day}`;
  return { title, description: sentences.join(' ') };
}

/**
 * The words of the picture a URL's state makes: a scene's own date and motives in presentation
 * mode; otherwise the state's date (the review date by default), motives and selection. For the
 * command line, which has the state as a query and no page.
 */
export function pictureTextOf(
  dataset: Dataset,
  index: EngagementIndex,
  state: Pick<UrlState, 'date' | 'country' | 'motives' | 'mode' | 'scene'>,
): PictureText {
  const number = state.scene ?? 1;
  const scene = showsScene(state.mode) ? dataset.scenes[number - 1] : undefined;
  if (scene) {
    return pictureText({
      dataset,
      index,
      date: scene.date,
      motives: new Set(scene.motives),
      selected: null,
      scene: { title: scene.title, number },
    });
  }
  return pictureText({
    dataset,
    index,
    date: state.date ?? dataset.meta.reviewedThrough,
    motives: new Set(state.motives ?? MOTIVE_CATEGORIES),
    selected: state.country,
    scene: null,
  });
}
