/**
 * The dataset in another edition's language: its prose swapped for a translation file's
 * (data/translations/<locale>.json), record by record, and a note of which texts were swapped, so
 * the English left in place is marked as English (`lang="en"`) and screen readers switch voice.
 * Ids, dates, levels and sources never change: only words do, so the same state gives the same
 * picture in every edition. Pure: no Svelte, no DOM.
 */
import type { Topology } from 'topojson-specification';
import type { GeometryCollection } from 'topojson-specification';
import type * as v from 'valibot';
import type { Dataset, Translation } from './schema.ts';
import type { Problem } from './validate.ts';
import { localDigits } from '../i18n/locales.ts';

import type { TextKey } from './text-keys.ts';
export type { TextKey };

/**
 * A translation file as it is written, its parts optional: the app imports the shipped files as
 * they are (the validator has checked them), without valibot's defaults.
 */
export type TranslationFile = v.InferInput<typeof Translation>;

export { translates } from './text-keys.ts';

export interface Localized {
  dataset: Dataset;
  /** The geometry with the map's names in the language (the countries the data does not cover). */
  topology: Topology;
  /** The keys of the texts now in the edition's language; every other text is English. */
  translated: ReadonlySet<TextKey>;
  /** The atlas's own translations of quotes, by quote id: shown under the verbatim words. */
  quoteTranslations: ReadonlyMap<string, string>;
  /** Who translated, as the file says; null in English. */
  credit: string | null;
}

/**
 * The dataset and the map's names with a translation's texts in place of the English; the English
 * dataset as it is without one. A country's English name stays among its other names, so a reader
 * still finds "Russia" by search in Arabic.
 * @example localize(dataset, topology, ar).dataset.levels.levels[0].label // 'اعتراف رسمي'
 */
export function localize(
  dataset: Dataset,
  topology: Topology,
  translation: TranslationFile | null,
): Localized {
  if (translation === null) {
    return { dataset, topology, translated: new Set(), quoteTranslations: new Map(), credit: null };
  }
  const translated = new Set<TextKey>();
  /** The translation of `key`'s text where there is one, else the text as it is. */
  const text = (key: TextKey, english: string, found: string | undefined): string => {
    if (found === undefined) return english;
    translated.add(key);
    return localDigits(found, translation.locale);
  };
  const t = {
    countries: {},
    capitals: {},
    institutions: {},
    levels: {},
    tensions: {},
    motives: {},
    scenes: {},
    events: {},
    quotes: {},
    ...translation,
  } satisfies Partial<Translation>;
  const labelled = <L extends { label: string; description: string }>(
    key: string,
    level: L,
    words: { label?: string; description?: string } | undefined,
  ): L => ({
    ...level,
    label: text(`${key}.label`, level.label, words?.label),
    description: text(`${key}.description`, level.description, words?.description),
  });
  const { levels } = dataset;
  const localized: Dataset = {
    ...dataset,
    levels: {
      ...levels,
      levels: levels.levels.map((l) => labelled(`levels.${l.id}`, l, t.levels[l.id])),
      noData: labelled('noData', levels.noData, t.noData),
      focus: labelled('focus', levels.focus, t.focus),
      tensions: levels.tensions.map((l) => labelled(`tensions.${l.id}`, l, t.tensions[l.id])),
    },
    countries: dataset.countries.map((c) => {
      const name = text(`countries.${c.id}`, c.name, t.countries[c.id]);
      return {
        ...c,
        name,
        altNames: name === c.name ? c.altNames : [c.name, ...c.altNames],
        capital: {
          ...c.capital,
          name: text(`capitals.${c.id}`, c.capital.name, t.capitals[c.id]),
        },
      };
    }),
    institutions: dataset.institutions.map((i) => {
      const name = text(`institutions.${i.id}`, i.name, t.institutions[i.id]);
      return { ...i, name, altNames: name === i.name ? i.altNames : [i.name, ...i.altNames] };
    }),
    motives: dataset.motives.map((m) => ({
      ...m,
      summary: text(`motives.${m.id}.summary`, m.summary, t.motives[m.id]?.summary),
    })),
    events: dataset.events.map((e) => ({
      ...e,
      summary: text(`events.${e.id}.summary`, e.summary, t.events[e.id]?.summary),
    })),
    scenes: dataset.scenes.map((s) => ({
      ...s,
      title: text(`scenes.${s.id}.title`, s.title, t.scenes[s.id]?.title),
      body: text(`scenes.${s.id}.body`, s.body, t.scenes[s.id]?.body),
    })),
  };
  const quoteIds = new Set(dataset.quotes.map((q) => q.id));
  return {
    dataset: localized,
    topology: namedTopology(topology, t.countries, translated),
    translated,
    quoteTranslations: new Map(
      Object.entries(t.quotes)
        .filter(([id]) => quoteIds.has(id))
        .map(([id, q]) => [id, q.text]),
    ),
    credit: t.credit,
  };
}

/** The topology with its countries' names in the language, where the translation has them. */
function namedTopology(
  topology: Topology,
  names: Readonly<Record<string, string>>,
  translated: Set<TextKey>,
): Topology {
  const countries = topology.objects['countries'] as GeometryCollection | undefined;
  if (!countries) return topology;
  return {
    ...topology,
    objects: {
      ...topology.objects,
      countries: {
        ...countries,
        geometries: countries.geometries.map((g) => {
          const name = names[String(g.id)];
          if (name === undefined) return g;
          translated.add(`countries.${String(g.id)}`);
          return { ...g, properties: { ...g.properties, name } };
        }),
      },
    },
  };
}

/**
 * What a translation file names that the dataset and the map do not have: each key as
 * `file: path: reason`, so a stale translation (a record renamed or removed) is caught by
 * `npm run validate` rather than silently showing English.
 */
export function translationProblems(
  file: string,
  translation: Translation,
  dataset: Dataset,
  mapIds: ReadonlySet<string>,
): Problem[] {
  const known: Record<string, ReadonlySet<string>> = {
    countries: mapIds,
    capitals: new Set(dataset.countries.map((c) => c.id)),
    institutions: new Set(dataset.institutions.map((i) => i.id)),
    levels: new Set(dataset.levels.levels.map((l) => l.id)),
    tensions: new Set<string>(dataset.levels.tensions.map((l) => l.id)),
    motives: new Set(dataset.motives.map((m) => m.id)),
    scenes: new Set(dataset.scenes.map((s) => s.id)),
    events: new Set(dataset.events.map((e) => e.id)),
    quotes: new Set(dataset.quotes.map((q) => q.id)),
  };
  return Object.entries(known).flatMap(([part, ids]) =>
    Object.keys(translation[part as keyof Translation] as object).flatMap((id) =>
      ids.has(id) ? [] : [{ file, path: `${part}.${id}`, reason: `the dataset has no ${id}` }],
    ),
  );
}
