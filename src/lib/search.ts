/**
 * Finding a country or an institution by what people type: its name or any of its other names
 * ("UAE", "Emirates", "Türkiye", "PRC"), regardless of case, accents or dots.
 */
import type { Country, Dataset, Institution } from './schema.ts';

/** Something search can find: a country, an institution or a group of states. */
export interface ActorEntry {
  id: string;
  name: string;
  altNames: readonly string[];
  kind: 'country' | Institution['kind'];
  /** A country on the map that the sources say nothing about: found, and ranked after the rest. */
  uncovered?: true;
}

/** How well a result matched, best first. */
export type MatchKind = 'exact' | 'prefix' | 'word' | 'substring';

const MATCH_ORDER: Record<MatchKind, number> = { exact: 0, prefix: 1, word: 2, substring: 3 };

export interface SearchResult {
  id: string;
  name: string;
  kind: ActorEntry['kind'];
  /** The other name that matched, when the name itself did not match as well. */
  alias?: string;
  /**
   * `exact`: the whole name or other name; `prefix`: its start; `word`: the start of one of its
   * words; `substring`: anywhere in it.
   */
  match: MatchKind;
  /** See `ActorEntry.uncovered`. */
  uncovered?: true;
}

/**
 * The dataset's countries and institutions as search entries, countries first.
 * @example actorEntries(dataset.countries, dataset.institutions)[0] // { id: 'AFG', name: 'Afghanistan', altNames: […], kind: 'country' }
 */
export function actorEntries(
  countries: readonly Pick<Country, 'id' | 'name' | 'altNames'>[],
  institutions: readonly Pick<Institution, 'id' | 'name' | 'altNames' | 'kind'>[],
): ActorEntry[] {
  return [
    ...countries.map((c) => ({
      id: c.id,
      name: c.name,
      altNames: c.altNames,
      kind: 'country' as const,
    })),
    ...institutions.map((i) => ({ id: i.id, name: i.name, altNames: i.altNames, kind: i.kind })),
  ];
}

/**
 * The countries of the map that the dataset does not cover, as search entries after its own, so
 * a reader who looks for Japan or Mongolia finds it, and its panel says the sources are silent.
 * @example uncoveredEntries([{ id: 'JPN', name: 'Japan' }], new Set(['AFG'])) // [{ id: 'JPN', name: 'Japan', altNames: [], kind: 'country', uncovered: true }]
 */
export function uncoveredEntries(
  mapCountries: readonly { id: string; name: string }[],
  covered: ReadonlySet<string>,
): ActorEntry[] {
  return mapCountries
    .filter((c) => !covered.has(c.id))
    .map((c) => ({ id: c.id, name: c.name, altNames: [], kind: 'country', uncovered: true }));
}

/**
 * A name as search compares it: accents stripped (NFD, then combining marks dropped), lower
 * case, dots and apostrophes dropped (so "U.A.E." is "uae" and "O'zbekiston" is "ozbekiston"),
 * any other run of non-letters a single space.
 * @example searchKey('  Türkiye ') // 'turkiye'
 */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[.'’`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function matchKind(name: string, query: string): MatchKind | null {
  if (name === query) return 'exact';
  if (name.startsWith(query)) return 'prefix';
  if (` ${name}`.includes(` ${query}`)) return 'word';
  if (name.includes(query)) return 'substring';
  return null;
}

/**
 * The entries whose name or other names match `query`, best first: an exact name, then a name
 * that starts with the query, then one with a word that does, then one that merely contains it.
 * Among equals a match on the name comes before a match on another name, then countries before
 * institutions before countries the sources do not cover, then alphabetical order. Each entry appears once, with its best match.
 * @example searchActors('emirates', entries)[0] // { id: 'ARE', name: 'United Arab Emirates', alias: 'Emirates', match: 'exact', … }
 * @example searchActors('turkiye', entries)[0]?.id // 'TUR'
 */
export function searchActors(
  query: string,
  entries: readonly ActorEntry[],
  limit = 8,
): SearchResult[] {
  const key = searchKey(query);
  if (key === '') return [];
  const found: { result: SearchResult; order: number[] }[] = [];
  entries.forEach((entry, index) => {
    let best: { kind: MatchKind; alias?: string } | null = null;
    const nameKind = matchKind(searchKey(entry.name), key);
    if (nameKind) best = { kind: nameKind };
    for (const alt of entry.altNames) {
      const kind = matchKind(searchKey(alt), key);
      if (kind && (!best || MATCH_ORDER[kind] < MATCH_ORDER[best.kind]))
        best = { kind, alias: alt };
    }
    if (!best) return;
    const result: SearchResult = {
      id: entry.id,
      name: entry.name,
      kind: entry.kind,
      match: best.kind,
    };
    if (best.alias !== undefined) result.alias = best.alias;
    if (entry.uncovered) result.uncovered = true;
    found.push({
      result,
      order: [
        MATCH_ORDER[best.kind],
        best.alias === undefined ? 0 : 1,
        entry.uncovered ? 2 : entry.kind === 'country' ? 0 : 1,
        index,
      ],
    });
  });
  return found
    .sort((a, b) => {
      for (let i = 0; i < 3; i++) if (a.order[i] !== b.order[i]) return a.order[i]! - b.order[i]!;
      return a.result.name.localeCompare(b.result.name, 'en') || a.order[3]! - b.order[3]!;
    })
    .slice(0, limit)
    .map((f) => f.result);
}

/** Everything the search finds: the dataset's actors, then the map's countries it does not cover. */
export function searchEntries(
  dataset: Pick<Dataset, 'countries' | 'institutions'>,
  mapCountries: readonly { id: string; name: string }[],
): ActorEntry[] {
  const covered = new Set(dataset.countries.map((c) => c.id));
  return [
    ...actorEntries(dataset.countries, dataset.institutions),
    ...uncoveredEntries(mapCountries, covered),
  ];
}
