/**
 * Everything the side panel shows for one actor on one day, resolved from the dataset: its level
 * and tension, its dated events, motives, quotes, statements and disagreements, and every source
 * behind them, numbered once. The panel renders this and looks nothing up itself.
 *
 * What depends on the day, and what does not:
 * - events and motives are listed up to the day (as the map counts them), with a count of those
 *   that come later, so scrubbing back in time never shows the future;
 * - statements (Kabul's position, challenges, outlook, an institution's background) are shown
 *   whatever the day, each with the date the sources speak as of: they describe the situation
 *   rather than change the map;
 * - a disagreement is shown once one of its claims is on or before the day.
 */
import { formatDate, type Day } from './dates.ts';
import {
  countsFrom,
  levelOn,
  motiveCountsFrom,
  tensionOn,
  type EngagementIndex,
} from './engagement.ts';
import type {
  Citation,
  Dataset,
  Disagreement,
  EngagementEvent,
  Institution,
  Levels,
  Motive,
  MotiveCategory,
  Quote,
  Source,
  TensionState,
} from './schema.ts';
import { FOCUS_ID, MOTIVE_CATEGORIES } from './vocabulary.ts';

/** What an actor is: a country, Afghanistan (the focus), an institution, or a group of states. */
export type ActorKind = 'country' | 'focus' | 'institution' | 'group';

/** Who says who a group's members are (see `Institution.membership`). */
export type MembershipBasis = NonNullable<Institution['membership']>;

/** A source as the panel lists it: its record, its number in the dossier, its date in words. */
export interface DossierSource extends Source {
  /** 1-based position in `Dossier.sources`, for numbered references. */
  n: number;
  /** `date` in words, e.g. `May 2025`. */
  dateLabel: string;
}

/** A verbatim quote with its speaker and how it reached the publisher. */
export interface DossierQuote {
  id: string;
  text: string;
  speaker: string;
  role: string;
  /** How the words reached the publisher: "told Al Jazeera Net". */
  channel: string;
  source: DossierSource;
}

/** One citation behind a claim, resolved. */
export interface DossierCitation {
  source: DossierSource;
  /** The source's own words that support the claim, verbatim. */
  excerpt: string | null;
  /** A quote record that supports the claim. */
  quote: DossierQuote | null;
  locator: string | null;
}

/** A level of the scale, as the panel names it. */
export interface LevelRef {
  id: string;
  label: string;
  /** Higher is closer to Kabul. */
  rank: number;
}

/** The actor's level on the day, and since when it has held without a break. */
export interface DossierLevel extends LevelRef {
  /** The partial date as the source gives it, e.g. `2025-07-03`. */
  since: string;
  /** `since` in words, e.g. `3 July 2025`. */
  sinceLabel: string;
  /** The event that set the level. */
  eventId: string;
}

/** Tension or armed conflict with Kabul on the day, drawn apart from the level. */
export interface DossierTension {
  id: 'tension' | 'conflict';
  label: string;
  since: string;
  sinceLabel: string;
  eventId: string;
}

/** A group or institution an actor belongs to, or an actor a panel links to. */
export interface ActorRef {
  id: string;
  name: string;
  kind: ActorKind;
}

/** A group a country belongs to, and on whose word. */
export interface Membership extends ActorRef {
  kind: 'institution' | 'group';
  basis: MembershipBasis | null;
  /** True where the members are the project's reading, not named by a source. */
  projectReading: boolean;
}

/** A member of a group, with its own level on the day. */
export interface Member extends ActorRef {
  level: LevelRef | null;
}

/** How an event stands in a disagreement between sources. */
export interface Dispute {
  /** The disagreement's id. */
  id: string;
  summary: string;
  reason: string;
  /** True for the claim the map's colours follow; false for a claim shown but not followed. */
  followed: boolean;
}

/** A dated event as the panel's timeline lists it. */
export interface DossierEvent {
  id: string;
  /** The date as the source gives it: `2025`, `2025-04` or `2025-04-17`. */
  date: string;
  /** `date` in words. */
  dateLabel: string;
  /** How the day was worked out, where it was not printed. */
  dateNote: string | null;
  summary: string;
  /** The level this event puts the actor at, or `null` if it changes none. */
  level: LevelRef | null;
  /** The tension state this event starts (`none` ends one), with its label. */
  tension: { state: TensionState; label: string } | null;
  /** Set where the claim is one party's only, e.g. `Taliban government`. */
  claimedBy: string | null;
  /** The project's reason, where the rules left a judgement (why this level or tension, or none). */
  note: string | null;
  /** Set where sources disagree about this event. */
  dispute: Dispute | null;
  /** Set where the event is a group's and applies to the actor as one of its members. */
  via: Membership | null;
  citations: DossierCitation[];
}

export interface DossierMotive {
  id: string;
  category: MotiveCategory;
  summary: string;
  since: string;
  sinceLabel: string;
  citations: DossierCitation[];
}

/** The motives of one category, in the order of `MOTIVE_CATEGORIES`. */
export interface MotiveGroup {
  category: MotiveCategory;
  motives: DossierMotive[];
}

export type StatementKind = 'position' | 'challenge' | 'outlook' | 'context';

export interface DossierStatement {
  id: string;
  kind: StatementKind;
  title: string;
  summary: string;
  /** The date the sources speak as of. */
  since: string;
  sinceLabel: string;
  citations: DossierCitation[];
}

/** The statements of one kind, Kabul's own line first. */
export interface StatementGroup {
  kind: StatementKind;
  statements: DossierStatement[];
}

/** One side of a disagreement. */
export interface DossierClaim {
  eventId: string;
  date: string;
  dateLabel: string;
  summary: string;
  level: LevelRef | null;
  claimedBy: string | null;
  /** True for the claim the map follows. */
  followed: boolean;
  /** True where the claim counts from after the dossier's day. */
  later: boolean;
  citations: DossierCitation[];
}

export interface DossierDisagreement {
  id: string;
  summary: string;
  /** Why the map follows the claim it follows. */
  reason: string;
  claims: DossierClaim[];
}

/** Everything the side panel shows for one actor on one day. */
export interface Dossier {
  id: string;
  name: string;
  kind: ActorKind;
  /** The day the dossier describes, and in words. */
  day: Day;
  dayLabel: string;
  /** An institution's or group's note (e.g. why "Western countries" has these members). */
  note: string | null;
  /** For a group: who says who its members are. */
  membership: MembershipBasis | null;
  /** The groups a country belongs to. */
  memberships: Membership[];
  /** A group's member states, each with its level on the day. */
  members: Member[];
  /** For Afghanistan: the institutions and groups, so every one is reachable from its panel. */
  related: ActorRef[];
  /**
   * For a country on the map that the sources do not cover: the countries they do, so the panel
   * says what the atlas covers instead; `null` for every actor of the dataset.
   */
  covers: ActorRef[] | null;
  /** The level on the day; `null` for no data yet, the focus, institutions and groups. */
  level: DossierLevel | null;
  tension: DossierTension | null;
  /** Dated events up to the day, the actor's own and its groups', in date order. */
  events: DossierEvent[];
  /** How many events come after the day. */
  laterEvents: number;
  /** Motives the sources support on the day, by category. */
  motives: MotiveGroup[];
  /** How many motives the sources support only after the day. */
  laterMotives: number;
  /** Where no motive is shown but some come later: when the first counts from, and its sources. */
  firstMotives: FirstMotives | null;
  /** Quotes about the actor, and quotes cited by what the dossier shows, in dataset order. */
  quotes: DossierQuote[];
  statements: StatementGroup[];
  disagreements: DossierDisagreement[];
  /** Every source cited anywhere in the dossier, once, numbered in reading order. */
  sources: DossierSource[];
}

/** When an actor's first motives count from, and the sources that give them. */
export interface FirstMotives {
  day: Day;
  dayLabel: string;
  sources: { publisher: string; title: string; dateLabel: string; founding: boolean }[];
}

/** The order statements are read in: Kabul's line first, the background last. */
const STATEMENT_ORDER: readonly StatementKind[] = ['position', 'challenge', 'outlook', 'context'];

// English for now, in every edition: the dataset names the other tension states, the code this one.
const TENSION_ENDS = 'Tension ends';

/**
 * Writes a data date (`2025`, `2025-04`, `2025-04-17`) in words. `formatDate` (English,
 * Gregorian) unless a caller passes the edition's writer, such as `dateWords` from
 * src/i18n/catalog.svelte.ts; a plain function, so this module stays free of Svelte.
 */
export type DateWriter = (date: string) => string;

/**
 * Everything the side panel shows for one actor on one day, or `null` for an id the dataset does
 * not know.
 * @example dossierOf(dataset, index, 'RUS', '2025-07-10')?.level?.sinceLabel // '3 July 2025'
 * @example dossierOf(dataset, index, 'USA', '2025-07-10')?.events[0]?.via?.name // 'Western countries'
 * @example dossierOf(dataset, index, 'RUS', '2025-07-10', dateWords)?.level?.sinceLabel
 *   // '۱۲ سرطان ۱۴۰۴' in the Dari edition, Solar Hijri calendar
 * @param writeDate Writes every date label (`dateLabel`, `sinceLabel`, `dayLabel`).
 */
export function dossierOf(
  dataset: Dataset,
  index: EngagementIndex,
  actorId: string,
  day: Day,
  writeDate: DateWriter = formatDate,
): Dossier | null {
  const country = dataset.countries.find((c) => c.id === actorId);
  const institution = country ? undefined : dataset.institutions.find((i) => i.id === actorId);
  if (!country && !institution) return null;
  const kind: ActorKind = country
    ? actorId === FOCUS_ID
      ? 'focus'
      : 'country'
    : institution!.kind;

  const book = new SourceBook(dataset, writeDate);
  const levelRef = levelRefs(dataset.levels);
  const disputes = disputesByClaim(dataset.disagreements);
  const groups = dataset.institutions.filter(
    (i) => i.kind === 'group' && (i.members ?? []).includes(actorId),
  );
  const memberships = groups.map(membershipOf);

  // Events: the actor's own and its groups', in the order the map counts them (a group's event
  // before a member's own on the same day, as in engagement.ts).
  const groupOf = new Map(memberships.map((m) => [m.id, m]));
  const applicable = dataset.events
    .map((event, order) => ({ event, order, via: groupOf.get(event.actor) ?? null }))
    .filter(({ event, via }) => event.actor === actorId || via !== null)
    .sort(
      (a, b) =>
        cmp(countsFrom(a.event), countsFrom(b.event)) ||
        Number(a.via === null) - Number(b.via === null) ||
        a.order - b.order,
    );
  const shownEvents = applicable.filter(({ event }) => countsFrom(event) <= day);
  const ownMotives = dataset.motives.filter((m) => m.actor === actorId);
  const shownMotives = ownMotives.filter((m) => motiveCountsFrom(m) <= day);
  const ownStatements = dataset.statements
    .filter((s) => s.actor === actorId)
    .sort((a, b) => STATEMENT_ORDER.indexOf(a.kind) - STATEMENT_ORDER.indexOf(b.kind));
  const { eventById } = lookupsOf(dataset);
  const ownDisagreements = dataset.disagreements.filter(
    (d) =>
      d.actor === actorId &&
      d.claims.some((id) => {
        const claim = eventById.get(id);
        return claim !== undefined && countsFrom(claim) <= day;
      }),
  );

  const toEvent = ({
    event,
    via,
  }: {
    event: EngagementEvent;
    via: Membership | null;
  }): DossierEvent => ({
    id: event.id,
    date: event.date,
    dateLabel: writeDate(event.date),
    dateNote: event.dateNote ?? null,
    summary: event.summary,
    level: event.level === undefined ? null : (levelRef.get(event.level) ?? null),
    tension: event.tension === undefined ? null : tensionChange(dataset.levels, event.tension),
    claimedBy: event.claimedBy ?? null,
    note: event.note ?? null,
    dispute: disputeOf(disputes.get(event.id), event.id),
    via,
    citations: book.cite(event.cites),
  });
  const toMotive = (m: (typeof ownMotives)[number]): DossierMotive => ({
    id: m.id,
    category: m.category,
    summary: m.summary,
    since: m.since,
    sinceLabel: writeDate(m.since),
    citations: book.cite(m.cites),
  });
  const toStatement = (s: (typeof ownStatements)[number]): DossierStatement => ({
    id: s.id,
    kind: s.kind,
    title: s.title,
    summary: s.summary,
    since: s.since,
    sinceLabel: writeDate(s.since),
    citations: book.cite(s.cites),
  });
  const toDisagreement = (d: Disagreement): DossierDisagreement => ({
    id: d.id,
    summary: d.summary,
    reason: d.reason,
    claims: d.claims.flatMap((id) => {
      const event = eventById.get(id);
      if (!event) return [];
      return [
        {
          eventId: id,
          date: event.date,
          dateLabel: writeDate(event.date),
          summary: event.summary,
          level: event.level === undefined ? null : (levelRef.get(event.level) ?? null),
          claimedBy: event.claimedBy ?? null,
          followed: id === d.mapFollows,
          later: countsFrom(event) > day,
          citations: book.cite(event.cites),
        },
      ];
    }),
  });
  const quotesAbout = () =>
    dataset.quotes.filter((q) => q.about.includes(actorId)).forEach((q) => book.quote(q));

  // Resolve in the order the panel reads, so sources are numbered as a reader meets them:
  // a country's panel opens with its timeline, the others with their statements (Kabul's own
  // line, an institution's background).
  let events: DossierEvent[];
  let motives: DossierMotive[];
  let statements: DossierStatement[];
  let disagreements: DossierDisagreement[];
  if (kind !== 'country') {
    statements = ownStatements.map(toStatement);
    quotesAbout();
    events = shownEvents.map(toEvent);
    motives = shownMotives.map(toMotive);
    disagreements = ownDisagreements.map(toDisagreement);
  } else {
    events = shownEvents.map(toEvent);
    motives = shownMotives.map(toMotive);
    quotesAbout();
    statements = ownStatements.map(toStatement);
    disagreements = ownDisagreements.map(toDisagreement);
  }

  const level = levelOn(index, actorId, day);
  const tension = tensionOn(index, actorId, day);
  const levelOnDay = level ? levelRef.get(level.level) : undefined;
  const tensionLevel = tension
    ? dataset.levels.tensions.find((t) => t.id === tension.tension)
    : undefined;

  return {
    id: actorId,
    name: country?.name ?? institution!.name,
    kind,
    day,
    dayLabel: writeDate(day),
    note: institution?.note ?? null,
    membership: institution?.membership ?? null,
    memberships,
    members: (institution?.members ?? []).map((id) => {
      const state = levelOn(index, id, day);
      return {
        id,
        name: dataset.countries.find((c) => c.id === id)?.name ?? id,
        kind: id === FOCUS_ID ? 'focus' : 'country',
        level: state ? (levelRef.get(state.level) ?? null) : null,
      };
    }),
    related:
      kind === 'focus'
        ? dataset.institutions.map((i) => ({ id: i.id, name: i.name, kind: i.kind }))
        : [],
    covers: null,
    level:
      level && levelOnDay
        ? {
            ...levelOnDay,
            since: level.since,
            sinceLabel: writeDate(level.since),
            eventId: level.event.id,
          }
        : null,
    tension: tension
      ? {
          id: tension.tension,
          label: tensionLevel?.label ?? tension.tension,
          since: tension.since,
          sinceLabel: writeDate(tension.since),
          eventId: tension.event.id,
        }
      : null,
    events,
    laterEvents: applicable.length - shownEvents.length,
    motives: MOTIVE_CATEGORIES.map((category) => ({
      category,
      motives: motives.filter((m) => m.category === category),
    })).filter((g) => g.motives.length > 0),
    laterMotives: ownMotives.length - shownMotives.length,
    firstMotives: shownMotives.length === 0 ? firstMotivesOf(dataset, ownMotives, writeDate) : null,
    quotes: book.quotesInDatasetOrder(),
    statements: STATEMENT_ORDER.map((k) => ({
      kind: k,
      statements: statements.filter((s) => s.kind === k),
    })).filter((g) => g.statements.length > 0),
    disagreements,
    sources: book.sources(),
  };
}

/**
 * Why a dossier's "Why they engage" is empty, in words; `null` where it lists motives. Names the
 * day the first motive counts from and the sources that give it, from the data.
 * In English unless the caller passes its edition's `words`; its dates are the dossier's
 * labels, so they follow the writer `dossierOf` was given.
 * @example noMotiveNote(dossierOf(dataset, index, 'RUS', '2024-01-01')!)
 * // 'The sources quoted here give no motive for Russia before 30 May 2025. Its first motives come
 * //  from the founding article, Al Jazeera Net, “The Taliban and the diplomatic siege: …” (2025),
 * //  which the map counts from that day.'
 */
export function noMotiveNote(
  dossier: Dossier,
  words: MotiveNoteWords = ENGLISH_MOTIVE_NOTES,
): string | null {
  if (dossier.motives.length > 0) return null;
  const first = dossier.firstMotives;
  if (!first) return words.never(dossier.name);
  const sources = first.sources
    .map((s) => {
      const source = `${s.publisher}, “${s.title}” (${s.dateLabel})`;
      return s.founding ? words.founding(source) : source;
    })
    .join(words.separator);
  return words.before(dossier.name, first.dayLabel, sources);
}

/** The sentences of `noMotiveNote`: English by default; the panel passes its edition's. */
export interface MotiveNoteWords {
  never: (name: string) => string;
  before: (name: string, date: string, sources: string) => string;
  founding: (source: string) => string;
  separator: string;
}

export const ENGLISH_MOTIVE_NOTES: MotiveNoteWords = {
  never: (name) => `The sources quoted here give no motive for ${name} at any date.`,
  before: (name, date, sources) =>
    `The sources quoted here give no motive for ${name} before ${date}. ` +
    `Its first motives come from ${sources}, which the map counts from that day.`,
  founding: (source) => `the founding article, ${source}`,
  separator: '; ',
};

/** The day an actor's first motives count from and their sources, once each; `null` for none. */
function firstMotivesOf(
  dataset: Dataset,
  motives: readonly Motive[],
  writeDate: DateWriter,
): FirstMotives | null {
  if (motives.length === 0) return null;
  const day = motives.map(motiveCountsFrom).reduce((a, b) => (b < a ? b : a));
  const ids = new Set(
    motives.filter((m) => motiveCountsFrom(m) === day).flatMap((m) => m.cites.map((c) => c.source)),
  );
  const cited = dataset.sources.filter((s) => ids.has(s.id));
  // The sources that could speak on that day: a later report that adds to a motive is not where
  // it comes from (a partial date such as "2025" sorts before any day of 2025).
  const then = cited.filter((s) => s.date <= day);
  const sources = (then.length > 0 ? then : cited).map((s) => ({
    publisher: s.publisher,
    title: s.title,
    dateLabel: writeDate(s.date),
    founding: s.id === dataset.meta.foundingSource,
  }));
  return { day, dayLabel: writeDate(day), sources };
}

interface Lookups {
  sourceById: Map<string, Source>;
  quoteById: Map<string, Quote>;
  quoteOrder: Map<string, number>;
  eventById: Map<string, EngagementEvent>;
}
const lookups = new WeakMap<Dataset, Lookups>();

/**
 * A dataset's records by id, built once per dataset rather than per panel: at 200 countries
 * (7,000 sources, 5,000 events) building them took most of a selection's dossier.
 */
function lookupsOf(dataset: Dataset): Lookups {
  let found = lookups.get(dataset);
  if (!found) {
    found = {
      sourceById: new Map(dataset.sources.map((s) => [s.id, s])),
      quoteById: new Map(dataset.quotes.map((q) => [q.id, q])),
      quoteOrder: new Map(dataset.quotes.map((q, i) => [q.id, i])),
      eventById: new Map(dataset.events.map((e) => [e.id, e])),
    };
    lookups.set(dataset, found);
  }
  return found;
}

/**
 * Numbers sources in the order they are first cited and resolves quotes once, so a source or a
 * quote is the same object wherever the dossier cites it.
 */
class SourceBook {
  readonly #sourceById: Map<string, Source>;
  readonly #quoteById: Map<string, Quote>;
  readonly #quoteOrder: Map<string, number>;
  readonly #numbered = new Map<string, DossierSource>();
  readonly #quotes = new Map<string, DossierQuote>();
  readonly #writeDate: DateWriter;

  constructor(dataset: Dataset, writeDate: DateWriter) {
    this.#writeDate = writeDate;
    ({
      sourceById: this.#sourceById,
      quoteById: this.#quoteById,
      quoteOrder: this.#quoteOrder,
    } = lookupsOf(dataset));
  }

  source(id: string): DossierSource | null {
    const known = this.#numbered.get(id);
    if (known) return known;
    const record = this.#sourceById.get(id);
    if (!record) return null;
    const numbered = {
      ...record,
      n: this.#numbered.size + 1,
      dateLabel: this.#writeDate(record.date),
    };
    this.#numbered.set(id, numbered);
    return numbered;
  }

  /** Resolves a quote once; `null` where its source is missing. */
  quote(record: Quote): DossierQuote | null {
    const known = this.#quotes.get(record.id);
    if (known) return known;
    const source = this.source(record.source);
    if (!source) return null;
    const quote: DossierQuote = {
      id: record.id,
      text: record.text,
      speaker: record.speaker,
      role: record.role,
      channel: record.channel,
      source,
    };
    this.#quotes.set(record.id, quote);
    return quote;
  }

  /** Resolves citations; one whose source the dataset lacks is left out rather than invented. */
  cite(citations: readonly Citation[]): DossierCitation[] {
    return citations.flatMap((c) => {
      const source = this.source(c.source);
      if (!source) return [];
      const record = c.quote === undefined ? undefined : this.#quoteById.get(c.quote);
      return [
        {
          source,
          excerpt: c.excerpt ?? null,
          quote: record ? this.quote(record) : null,
          locator: c.locator ?? null,
        },
      ];
    });
  }

  sources(): DossierSource[] {
    return [...this.#numbered.values()];
  }

  quotesInDatasetOrder(): DossierQuote[] {
    const order = (q: DossierQuote) => this.#quoteOrder.get(q.id) ?? 0;
    return [...this.#quotes.values()].sort((a, b) => order(a) - order(b));
  }
}

function levelRefs(levels: Levels): Map<string, LevelRef> {
  return new Map(levels.levels.map((l) => [l.id, { id: l.id, label: l.label, rank: l.rank }]));
}

function membershipOf(group: Institution): Membership {
  return {
    id: group.id,
    name: group.name,
    kind: group.kind,
    basis: group.membership ?? null,
    projectReading: group.membership === 'project-reading',
  };
}

function disputesByClaim(disagreements: readonly Disagreement[]): Map<string, Disagreement> {
  const out = new Map<string, Disagreement>();
  for (const d of disagreements) for (const claim of d.claims) out.set(claim, d);
  return out;
}

function disputeOf(d: Disagreement | undefined, eventId: string): Dispute | null {
  if (!d) return null;
  return { id: d.id, summary: d.summary, reason: d.reason, followed: d.mapFollows === eventId };
}

function tensionChange(levels: Levels, state: TensionState) {
  const label =
    state === 'none' ? TENSION_ENDS : (levels.tensions.find((t) => t.id === state)?.label ?? state);
  return { state, label };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The panel of a country on the map that the dataset does not cover (Japan, Mongolia): no level,
 * no events, no motives, and a note that says so, with the countries the sources do cover.
 * @example uncoveredDossier(dataset, 'JPN', 'Japan', '2025-07-10').covers?.[0] // { id: 'AFG', name: 'Afghanistan', kind: 'focus' }
 * @param writeDate Writes `dayLabel`; the note stays English for now.
 */
export function uncoveredDossier(
  dataset: Pick<Dataset, 'countries'>,
  id: string,
  name: string,
  day: Day,
  writeDate: DateWriter = formatDate,
): Dossier {
  return {
    id,
    name,
    kind: 'country',
    day,
    dayLabel: writeDate(day),
    // English for now, in every edition (the panel marks it `lang="en"`).
    note:
      `None of the atlas’s sources reports on ${name}’s relations with the Taliban government, ` +
      `so the map gives it no level and draws no arcs. The atlas covers ` +
      `${dataset.countries.length} countries, listed below.`,
    membership: null,
    memberships: [],
    members: [],
    related: [],
    covers: dataset.countries.map((c) => ({
      id: c.id,
      name: c.name,
      kind: c.id === FOCUS_ID ? 'focus' : 'country',
    })),
    level: null,
    tension: null,
    events: [],
    laterEvents: 0,
    motives: [],
    laterMotives: 0,
    firstMotives: null,
    quotes: [],
    statements: [],
    disagreements: [],
    sources: [],
  };
}
