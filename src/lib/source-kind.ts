/**
 * Source kinds in words, for the panel's source lists and the presentation card: a reader weighs
 * "Reuters · wire" differently from "Asia Daily · other" at a glance. Pure; plain text only.
 */
import type { Source, SourceKind } from './schema.ts';

/** Each kind as readers see it, short enough to sit beside a publisher on one line. */
export const SOURCE_KIND_LABELS: Readonly<Record<SourceKind, string>> = {
  official: 'official',
  wire: 'wire',
  outlet: 'outlet',
  regional: 'regional',
  other: 'other',
};

/** What each kind means, for a tooltip or a screen reader (data/README.md, "Source kinds"). */
export const SOURCE_KIND_DESCRIPTIONS: Readonly<Record<SourceKind, string>> = {
  official: 'an official statement or a state news agency',
  wire: 'a news agency, or its copy in another paper',
  outlet: 'an international or national outlet',
  regional: 'a regional or specialist outlet',
  other: 'not a news organisation of record: an aggregator, a re-post site or an encyclopaedia',
};

/**
 * A source's publisher with its kind, as one plain-text line; the kind in the edition's words
 * where the caller gives them.
 * @example sourceCredit({ publisher: 'Business Recorder (Reuters)', kind: 'wire', ... })
 * // 'Business Recorder (Reuters) · wire'
 */
export function sourceCredit(
  source: Pick<Source, 'publisher' | 'kind'>,
  kindLabel: string = SOURCE_KIND_LABELS[source.kind],
): string {
  return `${source.publisher} · ${kindLabel}`;
}
