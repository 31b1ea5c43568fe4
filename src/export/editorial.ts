/**
 * A picture's words as an editor sets them: headline, dek, note, source line and credit. Each has
 * a default from the state the picture shows (a selected country's name, level and date; a scene's
 * title; the publishers of the sources behind what is drawn), and each can be written over, in
 * the Export dialog or on the command line.
 */
import { editionWords } from '../lib/edition.ts';
import { ENGLISH_PICTURE_WORDS, type PictureWords } from './picture-words.ts';
import type { PictureState } from './plan.ts';
import type { SvgScene } from './svg.ts';

export interface EditorialTexts {
  /** The headline. */
  title: string;
  /** The dek, under the headline. */
  subtitle: string;
  /** A note before the source line; empty for none. */
  note: string;
  source: string;
  credit: string;
}

export const EDITORIAL_FIELDS = ['title', 'subtitle', 'note', 'source', 'credit'] as const;

/** How many publishers the source line names before it counts the rest. */
const NAMED_PUBLISHERS = 4;

/**
 * The publishers of the sources behind what a picture draws: the events that set each drawn
 * country's level and tension on the date (the selection's alone, when one is selected) and the
 * motives of its arcs, most cited first.
 */
export function publishersBehind(
  state: Pick<PictureState, 'dataset'>,
  scene: Pick<SvgScene, 'levelOf' | 'tensionOf' | 'arcs' | 'selected'>,
): string[] {
  const { dataset } = state;
  const about = (actor: string) => scene.selected === null || actor === scene.selected;
  const cited: string[] = [];
  for (const [actor, level] of scene.levelOf)
    if (about(actor)) cited.push(...level.event.cites.map((c) => c.source));
  for (const [actor, tension] of scene.tensionOf)
    if (about(actor)) cited.push(...tension.event.cites.map((c) => c.source));
  const motives = new Map(dataset.motives.map((m) => [m.id, m]));
  for (const arc of scene.arcs) {
    const motive = motives.get(arc.properties.id);
    if (motive && about(motive.actor)) cited.push(...motive.cites.map((c) => c.source));
  }
  const publisherOf = new Map(dataset.sources.map((s) => [s.id, s.publisher]));
  const counts = new Map<string, number>();
  for (const id of cited) {
    const publisher = publisherOf.get(id);
    if (publisher) counts.set(publisher, (counts.get(publisher) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([p]) => p);
}

/** "Sources: A, B, C, D and 12 more; edition 2, data reviewed through …. Boundaries: …" */
export function sourceLine(
  publishers: readonly string[],
  meta: PictureState['dataset']['meta'],
  words: PictureWords = ENGLISH_PICTURE_WORDS,
): string {
  const named = publishers.slice(0, NAMED_PUBLISHERS);
  const more = publishers.length - named.length;
  const list =
    more > 0 ? words.listAndMore(named, more) : named.length > 0 ? words.list(named) : meta.title;
  return words.sources(list, editionWords(meta, words.edition, words.date));
}

/**
 * The words a picture of the state gets unless an editor writes others.
 * @example editorialDefaults(state, scene).title // 'China: Ambassador level' with China selected
 */
export function editorialDefaults(state: PictureState, scene: SvgScene): EditorialTexts {
  const { dataset } = state;
  const meta = dataset.meta;
  const words = state.words ?? ENGLISH_PICTURE_WORDS;
  const source = sourceLine(publishersBehind(state, scene), meta, words);
  const base = { note: '', source, credit: meta.credit };
  if (state.scene) return { ...base, title: state.scene.scene.title, subtitle: meta.title };
  const selected = scene.selected;
  const name = selected
    ? [...dataset.countries, ...dataset.institutions].find((a) => a.id === selected)?.name
    : undefined;
  if (!selected || !name) return { ...base, title: meta.title, subtitle: meta.subtitle };
  const level = scene.levelOf.get(selected);
  const label = dataset.levels.levels.find((l) => l.id === level?.level)?.label;
  return {
    ...base,
    title: label ? `${name}: ${label}` : name,
    subtitle:
      label && level ? words.since(words.date(level.since)) : words.none(words.date(state.date)),
  };
}

/** The defaults with an editor's words over them; a field left out keeps its default. */
export function editorialTexts(
  defaults: EditorialTexts,
  edited: Partial<EditorialTexts> | undefined,
): EditorialTexts {
  const out = { ...defaults };
  for (const field of EDITORIAL_FIELDS) {
    const value = edited?.[field];
    if (value !== undefined) out[field] = value;
  }
  return out;
}
