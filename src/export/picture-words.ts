/**
 * The words a picture burns in around the map (its date line, the legend's headings and motives,
 * the default source line and subtitle), in one edition. English by default; the Export dialog
 * gives its edition's messages (src/i18n/publish.ts), the command line the compiled messages of
 * the `--lang` it was given (scripts/node-picture.ts). The same builder makes both, from the
 * publish area's messages: a function per message, as Paraglide compiles them.
 */
import { formatDate } from '../lib/dates.ts';
import type { MotiveCategory } from '../lib/schema.ts';

export interface PictureWords {
  /** A date of the data in words, in the edition's calendar. */
  date: (date: string) => string;
  /** A count in the edition's digits. */
  number: (n: number) => string;
  mapAsOf: (date: string) => string;
  levelsHeading: () => string;
  motivesHeading: () => string;
  motive: (category: MotiveCategory) => string;
  /** "A, B and C" */
  list: (items: readonly string[]) => string;
  /** "A, B, C, D and 12 more" */
  listAndMore: (items: readonly string[], more: number) => string;
  sources: (list: string, edition: string) => string;
  edition: (edition: number, date: string) => string;
  /** The subtitle of a selected country with a level, and of one without. */
  since: (date: string) => string;
  none: (date: string) => string;
  note: (note: string, source: string) => string;
}

/** The publish area's messages a picture needs, as Paraglide compiles them. */
export interface PictureMessages {
  publish_picture_map_as_of: (i: { date: string }) => string;
  publish_picture_levels_heading: () => string;
  publish_picture_motives_heading: () => string;
  publish_picture_motive_economic: () => string;
  publish_picture_motive_security: () => string;
  publish_picture_motive_geopolitical: () => string;
  publish_picture_sources: (i: { list: string; edition: string }) => string;
  publish_picture_and: (i: { list: string; last: string }) => string;
  publish_picture_and_more: (i: { list: string; count: string }) => string;
  publish_picture_list_separator: () => string;
  publish_picture_since: (i: { date: string }) => string;
  publish_picture_none: (i: { date: string }) => string;
  publish_picture_note: (i: { note: string; source: string }) => string;
  publish_picture_edition: (i: { edition: string; date: string }) => string;
}

/** A picture's words from an edition's messages, its date writer and its digits. */
export function pictureWordsFrom(
  m: PictureMessages,
  date: (date: string) => string,
  number: (n: number) => string,
): PictureWords {
  const join = (items: readonly string[]) => items.join(m.publish_picture_list_separator());
  return {
    date,
    number,
    mapAsOf: (day) => m.publish_picture_map_as_of({ date: day }),
    levelsHeading: () => m.publish_picture_levels_heading(),
    motivesHeading: () => m.publish_picture_motives_heading(),
    motive: (category) =>
      category === 'economic'
        ? m.publish_picture_motive_economic()
        : category === 'security'
          ? m.publish_picture_motive_security()
          : m.publish_picture_motive_geopolitical(),
    list: (items) =>
      items.length > 1
        ? m.publish_picture_and({ list: join(items.slice(0, -1)), last: items.at(-1)! })
        : (items[0] ?? ''),
    listAndMore: (items, more) =>
      m.publish_picture_and_more({ list: join(items), count: number(more) }),
    sources: (list, edition) => m.publish_picture_sources({ list, edition }),
    edition: (edition, day) => m.publish_picture_edition({ edition: number(edition), date: day }),
    since: (day) => m.publish_picture_since({ date: day }),
    none: (day) => m.publish_picture_none({ date: day }),
    note: (note, source) => m.publish_picture_note({ note, source }),
  };
}

/** The English words, as the pictures have always said them. */
export const ENGLISH_PICTURE_WORDS: PictureWords = {
  date: formatDate,
  number: String,
  mapAsOf: (date) => `Map as of ${date}`,
  levelsHeading: () => 'Engagement with Kabul',
  motivesHeading: () => 'Why they engage',
  motive: (category) => category[0]!.toUpperCase() + category.slice(1),
  list: (items) =>
    items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}` : (items[0] ?? ''),
  listAndMore: (items, more) => `${items.join(', ')} and ${more} more`,
  sources: (list, edition) =>
    `Sources: ${list}; ${edition}. Boundaries: Natural Earth; disputed areas drawn neutrally.`,
  edition: (edition, date) => `edition ${edition}, data reviewed through ${date}`,
  since: (date) => `Its engagement with the Taliban government in Kabul since ${date}`,
  none: (date) => `No engagement with the Taliban government in Kabul in the sources by ${date}`,
  note: (note, source) => `Note: ${note} ${source}`,
};
