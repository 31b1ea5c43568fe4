/**
 * The dataset's shape, one schema per file of a dataset folder. Types are inferred from these
 * schemas; the JSON Schema in data/schema/ is generated from them (`npm run schema`).
 *
 * Shape only: references between files, real calendar dates and geometry codes are checked in
 * `validate.ts`, which reports every problem as `file: path: reason`.
 */
import * as v from 'valibot';
import {
  FOCUS_ID,
  MOTIVE_CATEGORIES,
  SOURCE_KINDS,
  STATEMENT_KINDS,
  TENSION_STATES,
} from './vocabulary.ts';

// The vocabulary's words, where the schemas that use them are.
export { FOCUS_ID, MOTIVE_CATEGORIES, SOURCE_KINDS, STATEMENT_KINDS, TENSION_STATES };

/** The longest id: ids are slugs (longest shipped: 41), and a megabyte of one would flood every message. */
const ID_MAX = 80;
const idLength = v.maxLength<string, typeof ID_MAX, string>(
  ID_MAX,
  `is longer than ${ID_MAX} characters`,
);

/** ISO 3166-1 alpha-3, e.g. `CHN`. */
export const CountryCode = v.pipe(
  v.string(),
  v.regex(/^[A-Z]{3}$/, 'must be an ISO 3166-1 alpha-3 code (three capital letters)'),
);

/** An institution or a group of states, e.g. `un`, `world-bank`, `unsc-p5`, `western-countries`. */
export const InstitutionId = v.pipe(
  v.string(),
  idLength,
  v.regex(/^[a-z][a-z0-9-]*$/, 'must be a lowercase id (letters, digits, hyphens)'),
);

/** Anything that can engage with Kabul: a country (alpha-3) or an institution/group (lowercase id). */
export const ActorId = v.pipe(
  v.string(),
  idLength,
  v.regex(/^([A-Z]{3}|[a-z][a-z0-9-]*)$/, 'must be a country code (CHN) or an institution id (un)'),
);

/** A lowercase id for a record in one of the files. */
export const RecordId = v.pipe(
  v.string(),
  idLength,
  v.regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a lowercase id (letters, digits, hyphens)'),
);

/**
 * A calendar date as precise as the source is: `2025`, `2025-04` or `2025-04-17`.
 * Whether the day exists is checked by the validator.
 */
export const PartialDate = v.pipe(
  v.string(),
  v.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be a date as YYYY, YYYY-MM or YYYY-MM-DD'),
);

/** A full calendar day, `YYYY-MM-DD`. */
export const Day = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD'),
);

/**
 * Markup in plain text: where an HTML parser would leave text (`<` then a letter, `/`, `!` or `?`:
 * a tag, an end tag, a comment, a declaration) or a character reference (`&lt;`, `&#60;`), which
 * only an HTML parser reads. The app renders data text as text, so markup would at best show as
 * code; refusing it keeps pasted HTML and injected script out of the data altogether.
 */
export const MARKUP = /<[A-Za-z!/?]|&(?:#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);/;

/**
 * The markup a text starts to contain, quoted and cut short for a message, or `null`.
 * @example markupIn('Hi <script>alert(1)</script>') // '"<script>"'
 */
export function markupIn(text: string): string | null {
  const match = MARKUP.exec(text);
  if (!match) return null;
  if (match[0].startsWith('&')) return JSON.stringify(match[0]);
  const close = text.indexOf('>', match.index);
  const tag =
    close >= 0 && close - match.index < 40
      ? text.slice(match.index, close + 1)
      : `${text.slice(match.index, match.index + 24)}…`;
  return JSON.stringify(tag);
}

// The same rule as a pattern (no flags), so the generated JSON Schema flags markup in editors too.
const NO_MARKUP = new RegExp(`^(?![\\s\\S]*(?:${MARKUP.source}))`);
const noMarkup = v.regex<string, (issue: v.RegexIssue<string>) => string>(
  NO_MARKUP,
  (issue) => `contains markup ${markupIn(issue.input) ?? ''}`,
);

/**
 * Plain text of at most `max` characters: trimmed, not empty, no markup. A limit per kind of field
 * keeps a runaway paste (a whole article in a title) out of panels, cards and exports; each is a
 * few times the longest such text in the shipped data.
 */
function plainText(max: number) {
  return v.pipe(
    v.string(),
    v.trim(),
    v.nonEmpty('must not be empty'),
    v.maxLength(max, `is longer than ${max} characters`),
    noMarkup,
  );
}
/** A name or a label: a country, a capital, a level, a speaker (longest shipped: 44). */
const Name = plainText(100);
/** One line: a title, a publisher, a role, a locator (longest shipped: 120). */
const Line = plainText(300);
/** A paragraph or two: a summary, a description, a verbatim quote or excerpt (longest shipped: 491). */
const Prose = plainText(2000);
/** Speaker notes, which a presenter may let run longer (longest shipped: 486). */
const Notes = plainText(4000);
/** Where an editor finds the JSON Schema of a file, e.g. `schema/meta.schema.json`; not shown. */
const SchemaRef = v.pipe(v.string(), v.maxLength(300, 'is longer than 300 characters'), noMarkup);
const Color = v.pipe(v.string(), v.regex(/^#[0-9a-f]{6}$/i, 'must be a colour as #rrggbb'));
// One pattern for both rules: the JSON Schema keeps a single pattern per field.
const HTTPS_NO_MARKUP = new RegExp(`^https://${NO_MARKUP.source.slice(1)}`);
const Url = v.pipe(
  v.string(),
  v.maxLength(2000, 'is longer than 2000 characters'),
  v.url('must be a URL'),
  v.regex<string, (issue: v.RegexIssue<string>) => string>(HTTPS_NO_MARKUP, (issue) =>
    issue.input.startsWith('https://')
      ? `contains markup ${markupIn(issue.input) ?? ''}`
      : 'must be an https URL',
  ),
);

export const MotiveCategory = v.picklist(
  MOTIVE_CATEGORIES,
  'must be economic, security or geopolitical',
);
export type MotiveCategory = v.InferOutput<typeof MotiveCategory>;

export const TensionState = v.picklist(TENSION_STATES, 'must be none, tension or conflict');
export type TensionState = v.InferOutput<typeof TensionState>;

/** Where a claim comes from: a source record and, where the source is text we hold, the verbatim excerpt. */
export const Citation = v.strictObject({
  source: RecordId,
  /** Verbatim words of the source that support the claim. */
  excerpt: v.optional(Prose),
  /** A quote record that supports the claim (speaker and attribution live there). */
  quote: v.optional(RecordId),
  /** Where in the source, when it is long, or which of several pages. */
  locator: v.optional(Line),
});
export type Citation = v.InferOutput<typeof Citation>;

const Citations = v.pipe(v.array(Citation), v.minLength(1, 'needs at least one source'));

export const Meta = v.strictObject({
  $schema: v.optional(SchemaRef),
  title: Line,
  subtitle: Line,
  credit: Line,
  /** The founding article: quotes and excerpts of it are checked verbatim. */
  foundingSource: RecordId,
  /** The first day the timeline shows: the Taliban took Kabul on 15 August 2021. */
  start: Day,
  /**
   * The last day the sources were searched for: nothing after it is in the data, for want of
   * looking, not for want of events. On or after the last event (checked in `validate.ts`).
   */
  reviewedThrough: Day,
  /**
   * Which edition of the data this is: 1, 2, 3… counting the releases in `changelog.json`, whose
   * latest entry it must be (checked in `validate.ts`). A whole number, not semver: a citation
   * names one release of the facts ("edition 3"), and every release is read the same way, so
   * there is no "compatible" change for a minor number to mark; the files' shape is versioned by
   * the schema, not here.
   */
  edition: v.pipe(
    v.number(),
    v.integer('must be a whole number'),
    v.minValue(1, 'must be 1 or more'),
  ),
});
export type Meta = v.InferOutput<typeof Meta>;

export const Level = v.strictObject({
  id: RecordId,
  /** Higher is closer to Kabul; ranks are distinct and order the legend. */
  rank: v.pipe(v.number(), v.integer('must be a whole number')),
  label: Name,
  description: Prose,
  color: Color,
});
export type Level = v.InferOutput<typeof Level>;

export const Tension = v.strictObject({
  id: v.picklist(['tension', 'conflict'], 'must be tension or conflict'),
  label: Name,
  description: Prose,
  color: Color,
});
export type Tension = v.InferOutput<typeof Tension>;

export const Levels = v.strictObject({
  $schema: v.optional(SchemaRef),
  levels: v.pipe(v.array(Level), v.minLength(2, 'needs at least two levels')),
  /** How countries the sources say nothing about are drawn: never guessed. */
  noData: v.strictObject({ label: Name, description: Prose, color: Color }),
  /** Afghanistan, the focus of the map. */
  focus: v.strictObject({ label: Name, description: Prose, color: Color }),
  tensions: v.array(Tension),
});
export type Levels = v.InferOutput<typeof Levels>;

export const Capital = v.strictObject({
  name: Name,
  lon: v.pipe(
    v.number(),
    v.minValue(-180, 'longitude must be ≥ -180'),
    v.maxValue(180, 'longitude must be ≤ 180'),
  ),
  lat: v.pipe(
    v.number(),
    v.minValue(-90, 'latitude must be ≥ -90'),
    v.maxValue(90, 'latitude must be ≤ 90'),
  ),
});
export type Capital = v.InferOutput<typeof Capital>;

export const Country = v.strictObject({
  id: CountryCode,
  name: Name,
  /** Other names people search for: "UAE", "Emirates", "Türkiye". */
  altNames: v.optional(v.array(Name), []),
  capital: Capital,
});
export type Country = v.InferOutput<typeof Country>;

export const Countries = v.strictObject({
  $schema: v.optional(SchemaRef),
  countries: v.array(Country),
});

export const Institution = v.strictObject({
  id: InstitutionId,
  name: Name,
  altNames: v.optional(v.array(Name), []),
  /** An institution (UN, World Bank) or a group of states the sources speak of as one. */
  kind: v.picklist(['institution', 'group'], 'must be institution or group'),
  /** For a group: its member states. */
  members: v.optional(v.array(CountryCode)),
  /**
   * Who says who the members are: the source itself, or the project's reading where the source
   * names none (the article's "Western countries").
   */
  membership: v.optional(
    v.picklist(
      ['source', 'established', 'project-reading'],
      'must be source, established or project-reading',
    ),
  ),
  note: v.optional(Prose),
});
export type Institution = v.InferOutput<typeof Institution>;

export const Institutions = v.strictObject({
  $schema: v.optional(SchemaRef),
  institutions: v.array(Institution),
});

export const SourceKind = v.picklist(
  SOURCE_KINDS,
  'must be official, wire, outlet, regional or other',
);
export type SourceKind = v.InferOutput<typeof SourceKind>;

export const Source = v.strictObject({
  id: RecordId,
  publisher: Line,
  /** Who speaks: official, wire, outlet, regional or other (see `SOURCE_KINDS`). */
  kind: SourceKind,
  title: Line,
  date: PartialDate,
  /** BCP 47 language tag of the text we read, e.g. `en`, `ru`. */
  language: v.pipe(
    v.string(),
    v.regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, 'must be a language tag such as en or ar'),
  ),
  /**
   * The publisher's own address only; never invented, never a mirror. A source without one must
   * have `access` saying why (checked in `validate.ts`).
   */
  url: v.optional(Url),
  /** How the project read it: an original, a translation, a wire re-post, a mirror. */
  access: v.optional(Line),
  note: v.optional(Prose),
});
export type Source = v.InferOutput<typeof Source>;

export const Sources = v.strictObject({
  $schema: v.optional(SchemaRef),
  sources: v.array(Source),
});

export const Quote = v.strictObject({
  id: RecordId,
  source: RecordId,
  /** Verbatim, as the source prints it. */
  text: Prose,
  speaker: Name,
  role: Line,
  /** How the words reached the publisher: "told Al Jazeera Net", "a report on the Rose Analysis website". */
  channel: Line,
  /** The actors the quote speaks of. */
  about: v.pipe(v.array(ActorId), v.minLength(1, 'must name at least one actor')),
});
export type Quote = v.InferOutput<typeof Quote>;

export const Quotes = v.strictObject({
  $schema: v.optional(SchemaRef),
  quotes: v.array(Quote),
});

export const EngagementEvent = v.strictObject({
  id: RecordId,
  actor: ActorId,
  /** When it happened, as precise as the sources are. */
  date: PartialDate,
  /** Set when the day was worked out (from a weekday, a holiday) rather than printed. */
  dateNote: v.optional(Line),
  /**
   * The day the map counts the event from, where `date` is coarser than what the evidence allows:
   * an undated claim of the article, dated by its year, counts from the article's earliest
   * possible day rather than from 1 January. Must fall within `date`.
   */
  from: v.optional(Day),
  /** What happened, in the project's words, with correct names. */
  summary: Prose,
  /** The level of engagement this event puts the actor at from its date on. */
  level: v.optional(RecordId),
  /** Tension or conflict from this date on (`none` ends it); drawn apart from the level. */
  tension: v.optional(TensionState),
  /** Set when the claim is one party's only (e.g. the Taliban's), not confirmed by the other. */
  claimedBy: v.optional(Name),
  /**
   * The project's reasoning, for the reader, where the dataset's rules leave a judgement: why
   * this event sets the level or tension it does (or none). Shown with the event.
   */
  note: v.optional(Prose),
  cites: Citations,
});
export type EngagementEvent = v.InferOutput<typeof EngagementEvent>;

export const Events = v.strictObject({
  $schema: v.optional(SchemaRef),
  events: v.array(EngagementEvent),
});

export const Motive = v.strictObject({
  id: RecordId,
  actor: ActorId,
  category: MotiveCategory,
  summary: Prose,
  /** The day from which the sources support the motive; the founding article's date if undated. */
  since: PartialDate,
  /** The day the map counts the motive from, where `since` is coarser (see EngagementEvent.from). */
  from: v.optional(Day),
  cites: Citations,
});
export type Motive = v.InferOutput<typeof Motive>;

export const Motives = v.strictObject({
  $schema: v.optional(SchemaRef),
  motives: v.array(Motive),
});

/**
 * What a source says about an actor that is neither a dated event nor a motive: Kabul's own line,
 * the challenges it faces, why institutions keep it out, the outlook.
 */
export const Statement = v.strictObject({
  id: RecordId,
  actor: ActorId,
  kind: v.picklist(STATEMENT_KINDS, 'must be context, position, challenge or outlook'),
  title: Line,
  summary: Prose,
  /** The date the sources speak as of; the founding article's date if undated. */
  since: PartialDate,
  cites: Citations,
});
export type Statement = v.InferOutput<typeof Statement>;

export const Statements = v.strictObject({
  $schema: v.optional(SchemaRef),
  statements: v.array(Statement),
});

/** Where sources disagree: both claims stay, and the map follows one of them. */
export const Disagreement = v.strictObject({
  id: RecordId,
  actor: ActorId,
  summary: Prose,
  /** Events that make the conflicting claims. */
  claims: v.pipe(v.array(RecordId), v.minLength(2, 'needs at least two claims')),
  /** The claim the map's colours follow; the others are shown, marked as disputed. */
  mapFollows: RecordId,
  reason: Prose,
});
export type Disagreement = v.InferOutput<typeof Disagreement>;

export const Disagreements = v.strictObject({
  $schema: v.optional(SchemaRef),
  disagreements: v.array(Disagreement),
});

/** Where a scene puts the camera: a centre and zoom, or "fit these countries". */
export const SceneCamera = v.union([
  v.strictObject({
    center: v.tuple([
      v.pipe(
        v.number(),
        v.minValue(-180, 'longitude must be ≥ -180'),
        v.maxValue(180, 'longitude must be ≤ 180'),
      ),
      v.pipe(
        v.number(),
        v.minValue(-85, 'latitude must be ≥ -85'),
        v.maxValue(85, 'latitude must be ≤ 85'),
      ),
    ]),
    zoom: v.pipe(
      v.number(),
      v.minValue(0, 'zoom must be ≥ 0'),
      v.maxValue(10, 'zoom must be ≤ 10'),
    ),
    bearing: v.optional(v.pipe(v.number(), v.minValue(-180), v.maxValue(180)), 0),
    pitch: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(60)), 0),
  }),
  v.strictObject({
    /** Frame these countries (their largest polygons), leaving room for the scene card. */
    fit: v.pipe(v.array(CountryCode), v.minLength(1, 'needs at least one country to fit')),
    /** Never zoom in further than this, e.g. for a single small country. */
    maxZoom: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(10))),
  }),
]);
export type SceneCamera = v.InferOutput<typeof SceneCamera>;

/** One scene of the presentation: what the room sees and what the presenter says. */
export const Scene = v.strictObject({
  id: RecordId,
  title: Line,
  /** What the scene card says, in the project's words; one or two short paragraphs. */
  body: Prose,
  camera: SceneCamera,
  /** The day the map shows. */
  date: Day,
  /** Motive categories whose arcs show; empty for none. */
  motives: v.array(MotiveCategory),
  /** Countries or institutions the scene is about: highlighted on the map, never under the card. */
  highlight: v.array(ActorId),
  /** What supports the scene's claims; shown on the scene. */
  cites: Citations,
  /** For the presenter only: shown in the speaker view. */
  notes: v.optional(Notes),
});
export type Scene = v.InferOutput<typeof Scene>;

export const Scenes = v.strictObject({
  $schema: v.optional(SchemaRef),
  scenes: v.pipe(v.array(Scene), v.minLength(1, 'needs at least one scene')),
});

/** The lists of records an edition can add to, change or remove from, by their key in their file. */
export const RECORD_LISTS = [
  'events',
  'sources',
  'quotes',
  'motives',
  'statements',
  'disagreements',
  'scenes',
] as const;
export type RecordList = (typeof RECORD_LISTS)[number];

const RecordIds = v.pipe(v.array(RecordId), v.minLength(1, 'must list at least one id'));

/**
 * What an edition did to one list of records, by id. A removed id may come back in a later
 * edition, and a listed id need not exist now: the log is history, not an index.
 */
export const RecordChanges = v.strictObject({
  added: v.optional(RecordIds),
  changed: v.optional(RecordIds),
  removed: v.optional(RecordIds),
});
export type RecordChanges = v.InferOutput<typeof RecordChanges>;

/** One release of the data: the corrections log's entry, shown on the methodology page. */
export const Edition = v.strictObject({
  /** 1, 2, 3…: the editions count up from 1 in file order. */
  edition: v.pipe(
    v.number(),
    v.integer('must be a whole number'),
    v.minValue(1, 'must be 1 or more'),
  ),
  /** The day it was released. */
  date: Day,
  /** What changed and why, in plain words for readers. */
  summary: Prose,
  ...(Object.fromEntries(RECORD_LISTS.map((list) => [list, v.optional(RecordChanges)])) as Record<
    RecordList,
    v.OptionalSchema<typeof RecordChanges, undefined>
  >),
});
export type Edition = v.InferOutput<typeof Edition>;

export const Changelog = v.strictObject({
  $schema: v.optional(SchemaRef),
  editions: v.pipe(v.array(Edition), v.minLength(1, 'needs at least one edition')),
});

/** The files of a dataset folder and their schemas. */
export const DATASET_FILES = {
  'meta.json': Meta,
  'levels.json': Levels,
  'countries.json': Countries,
  'institutions.json': Institutions,
  'sources.json': Sources,
  'quotes.json': Quotes,
  'events.json': Events,
  'motives.json': Motives,
  'statements.json': Statements,
  'disagreements.json': Disagreements,
  'scenes.json': Scenes,
  'changelog.json': Changelog,
} as const;

export type DatasetFile = keyof typeof DATASET_FILES;

/** A dataset that passed the schema and the cross-reference checks. */
export interface Dataset {
  meta: Meta;
  levels: Levels;
  countries: Country[];
  institutions: Institution[];
  sources: Source[];
  quotes: Quote[];
  events: EngagementEvent[];
  motives: Motive[];
  statements: Statement[];
  disagreements: Disagreement[];
  scenes: Scene[];
  /** The editions, oldest first; the last is `meta.edition`. */
  changelog: Edition[];
}

// —— Translations ——

/** A country as the map names it: alpha-3, or one of the geometry's own ids (`x-kosovo`). */
const MapCountryId = v.pipe(
  v.string(),
  idLength,
  v.regex(/^([A-Z]{3}|x-[a-z0-9-]+)$/, 'must be a country code (CHN) or a map id (x-kosovo)'),
);

/** A label and its description, either or both translated. */
const LabelText = v.strictObject({ label: v.optional(Name), description: v.optional(Prose) });

/**
 * The dataset's prose in one other language (data/translations/<locale>.json): one file per
 * language, so a native reader corrects a language in one place. Every part is optional; text a
 * file leaves out shows in English, marked as English. Keys are the records' ids; an id the
 * dataset does not have is refused by the validator. Quotes are never replaced: a quote's
 * translation shows under the verbatim words, labelled as the atlas's own.
 */
export const Translation = v.strictObject({
  $schema: v.optional(SchemaRef),
  locale: v.picklist(['ar', 'fa-AF', 'ps'], 'must be ar, fa-AF or ps'),
  /** Who or what translated the file, and how a reader corrects it; shown on the methodology page. */
  credit: Prose,
  /** Every country of the map by its id (the names of countries the data does not cover too). */
  countries: v.optional(v.record(MapCountryId, Name), {}),
  capitals: v.optional(v.record(CountryCode, Name), {}),
  institutions: v.optional(v.record(InstitutionId, Name), {}),
  levels: v.optional(v.record(RecordId, LabelText), {}),
  noData: v.optional(LabelText),
  focus: v.optional(LabelText),
  tensions: v.optional(v.record(v.picklist(['tension', 'conflict']), LabelText), {}),
  motives: v.optional(v.record(RecordId, v.strictObject({ summary: Prose })), {}),
  scenes: v.optional(
    v.record(RecordId, v.strictObject({ title: v.optional(Line), body: v.optional(Prose) })),
    {},
  ),
  events: v.optional(v.record(RecordId, v.strictObject({ summary: Prose })), {}),
  quotes: v.optional(v.record(RecordId, v.strictObject({ text: Prose })), {}),
});
export type Translation = v.InferOutput<typeof Translation>;
