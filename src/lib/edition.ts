/**
 * Which data a reader is looking at, in the words every citation of the atlas uses: the edition
 * (`meta.edition`, one entry of changelog.json) and the day the sources were searched through.
 * The footer, the exported pictures' source line, the methodology page's citation and the data
 * zip's README and CITATION.cff all say it this way, so a citation from any of them names the same
 * release.
 */
import { formatDate } from './dates.ts';
import type { Meta } from './schema.ts';

/**
 * In English unless the caller gives its edition's words and date writer.
 * @example editionWords({ edition: 2, reviewedThrough: '2026-06-23' })
 * // 'edition 2, data reviewed through 23 June 2026'
 */
export function editionWords(
  meta: Pick<Meta, 'edition' | 'reviewedThrough'>,
  words: (edition: number, reviewed: string) => string = (edition, reviewed) =>
    `edition ${edition}, data reviewed through ${reviewed}`,
  writeDate: (date: string) => string = formatDate,
): string {
  return words(meta.edition, writeDate(meta.reviewedThrough));
}

/**
 * How to cite the atlas.
 * @example citationText(meta, 'https://example.org/atlas/')
 * // 'Kabul Engagement Atlas, edition 2, data reviewed through 23 June 2026. https://example.org/atlas/'
 */
export function citationText(
  meta: Pick<Meta, 'title' | 'edition' | 'reviewedThrough'>,
  address: string,
): string {
  return `${meta.title}, ${editionWords(meta)}. ${address}`.trim();
}
