/**
 * An editor's way in: rows of new events, as CSV or as TSV pasted from a spreadsheet, checked
 * and turned into records of the dataset (`npm run import`, scripts/import.ts).
 *
 * Each row is one event with one source. Rows that name the same source (the same URL; or, for a
 * source with no URL, the same publisher, title and date) share one source record, and a source
 * the dataset already holds is reused, not copied. Every problem is reported with its row and
 * column, as `FILE:ROW:COLUMN: reason`, and a file with any problem changes nothing.
 *
 * Pure: texts in, texts and problems out. The CLI reads and writes the files.
 */
import { dsvFormat } from 'd3-dsv';
import * as v from 'valibot';
import { startsLikeFormula } from './data-export.ts';
import { firstDayOf, formatDate, isRealDate, type Day } from './dates.ts';
import { countsFrom } from './engagement.ts';
import {
  Citation,
  EngagementEvent,
  PartialDate,
  Source,
  type Dataset,
  type Edition,
  type SourceKind,
  type TensionState,
} from './schema.ts';
import { SOURCE_KINDS, TENSION_STATES } from './vocabulary.ts';
import { validateDataset, type Problem, type ValidateOptions } from './validate.ts';

/**
 * The columns of an import file, in the template's order (data/templates/). Named as the data
 * model names the fields: an event's, then its source's (`source.`), then the citation's excerpt.
 * A header may write them in any case, with spaces or underscores for the dots
 * (`Source publisher` is `source.publisher`).
 */
export const IMPORT_COLUMNS = [
  'date',
  'actor',
  'summary',
  'level',
  'tension',
  'claimedBy',
  'note',
  'source.publisher',
  'source.title',
  'source.date',
  'source.url',
  'source.access',
  'source.kind',
  'source.language',
  'excerpt',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** Columns a file may leave out: their cells are empty (a source's language is then English). */
const OPTIONAL_COLUMNS: ReadonlySet<ImportColumn> = new Set([
  'claimedBy',
  'note',
  'source.access',
  'source.language',
]);

/** Free text, where markup and spreadsheet formulas are refused. */
const TEXT_COLUMNS: readonly ImportColumn[] = [
  'summary',
  'claimedBy',
  'note',
  'source.publisher',
  'source.title',
  'source.access',
  'excerpt',
];

/** A problem in an import file: its row (the header is row 1, as in a spreadsheet) and column. */
export interface ImportProblem {
  row: number;
  /** The column's name; empty for the row as a whole. */
  column: ImportColumn | '';
  reason: string;
}

/**
 * @example formatImportProblem('new.csv', { row: 3, column: 'date', reason: 'not a real calendar date "2025-02-30"' })
 * // 'new.csv:3:date: not a real calendar date "2025-02-30"'
 */
export function formatImportProblem(file: string, p: ImportProblem): string {
  return `${file}:${p.row}:${p.column ? `${p.column}:` : ''} ${p.reason}`;
}

/** The delimiter of a file: a tab in the header row means a spreadsheet's paste (TSV), else CSV. */
export function sniffDelimiter(text: string): ',' | '\t' {
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return header.includes('\t') ? '\t' : ',';
}

const columnKey = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '.');
const COLUMN_BY_KEY = new Map(IMPORT_COLUMNS.map((c) => [columnKey(c), c]));

/** One row of the file: its number and its cells by column (a missing cell is empty). */
interface Row {
  row: number;
  cells: Record<ImportColumn, string>;
}

/** The rows of a file, or the header's problems. Blank rows (a spreadsheet's tail) are skipped. */
function readRows(text: string): { rows: Row[]; problems: ImportProblem[] } {
  const records = dsvFormat(sniffDelimiter(text)).parseRows(text.replace(/^\uFEFF/, ''));
  const header = records[0] ?? [];
  const problems: ImportProblem[] = [];
  const columns = header.map((name) => COLUMN_BY_KEY.get(columnKey(name)));
  header.forEach((name, i) => {
    if (columns[i] === undefined)
      problems.push({ row: 1, column: '', reason: `unknown column ${JSON.stringify(name)}` });
    else if (columns.indexOf(columns[i]) !== i)
      problems.push({ row: 1, column: columns[i]!, reason: 'is given twice' });
  });
  for (const column of IMPORT_COLUMNS)
    if (!OPTIONAL_COLUMNS.has(column) && !columns.includes(column))
      problems.push({ row: 1, column, reason: 'column is missing from the header row' });
  if (problems.length > 0) return { rows: [], problems };

  const rows: Row[] = [];
  records.slice(1).forEach((record, i) => {
    const row = i + 2;
    if (record.every((cell) => cell.trim() === '')) return;
    if (record.length > header.length)
      problems.push({
        row,
        column: '',
        reason: `has ${record.length} cells; the header has ${header.length}`,
      });
    const cells = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c, ''])) as Row['cells'];
    columns.forEach((column, j) => (cells[column!] = record[j] ?? ''));
    rows.push({ row, cells });
  });
  return { rows, problems };
}

/** What the rows add to a dataset, before it is written. */
export interface ImportPlan {
  /** New events with the row each comes from, in file order. */
  events: { row: number; event: EngagementEvent }[];
  /** Sources to add, with the rows that cite each. */
  newSources: { rows: number[]; source: Source }[];
  /** Sources the dataset already holds that rows cite, and where a row says otherwise than the record. */
  reusedSources: { rows: number[]; source: Source; differences: string[] }[];
}

export interface ImportOptions {
  /**
   * The day the data are now reviewed through, where the editor has searched the sources to a
   * later day than `meta.reviewedThrough`; no event may be after it.
   */
  reviewedThrough?: Day;
}

/** A text cell through a schema: its output (trimmed), or the schema's first message. */
function check(
  schema: v.GenericSchema<string, string>,
  cell: string,
): { value?: string; reason?: string } {
  const result = v.safeParse(schema, cell);
  return result.success ? { value: result.output } : { reason: result.issues[0].message };
}

const show = (text: string) => JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}…` : text);

/** FNV-1a: a short, stable fingerprint for an id that would otherwise clash. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(36).padStart(7, '0').slice(-6);
}

/** Lowercase ASCII words of a text: `Türkiye’s chargé` → `turkiyes`, `charge`. */
function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Words that say nothing in an id. */
const STOP_WORDS = new Set(
  'a an the of to in on at for and or with by from as its his her their is are was were be has have that this it s'.split(
    ' ',
  ),
);
const ID_MAX = 80;

/**
 * An event's id in the dataset's style, `actor-date-slug`, the slug from the first words of the
 * summary that are not the actor's name.
 * @example eventIdBase({ actor: 'UZB', date: '2024-02-02', summary: 'Uzbekistan hands the Afghan embassy in Tashkent to a Taliban chargé' }, ['Uzbekistan'])
 * // 'uzb-2024-02-02-hands-afghan-embassy-tashkent'
 */
export function eventIdBase(
  event: Pick<EngagementEvent, 'actor' | 'date' | 'summary'>,
  actorNames: readonly string[],
): string {
  const skip = new Set([...STOP_WORDS, ...actorNames.flatMap(words)]);
  const slug = words(event.summary)
    .filter((w) => !skip.has(w))
    .slice(0, 4)
    .join('-');
  // Room for a fingerprint (7) should the id be taken.
  return `${event.actor.toLowerCase()}-${event.date}-${slug || 'event'}`
    .slice(0, ID_MAX - 7)
    .replace(/-+$/, '');
}

/**
 * A source's id in the dataset's style, `publisher-date`, a wire in brackets first:
 * `National Post (Reuters)` on 2021-10-29 is `reuters-nationalpost-2021-10-29`.
 */
export function sourceIdBase(source: Pick<Source, 'publisher' | 'date'>): string {
  const wire = /\(([^)]*)\)/.exec(source.publisher)?.[1] ?? '';
  const outlet = source.publisher.replace(/\([^)]*\)/g, '');
  const parts = [words(wire).join(''), words(outlet).join('')].filter(Boolean);
  return [...parts, source.date].join('-').slice(0, ID_MAX - 7);
}

/**
 * Ids that do not depend on row order: each record's base id, with a fingerprint of its own
 * content added where the base is taken by the dataset or wanted by another new record.
 */
function assignIds(items: { base: string; key: string }[], taken: ReadonlySet<string>): string[] {
  const wanted = new Map<string, Set<string>>();
  for (const { base, key } of items) wanted.set(base, (wanted.get(base) ?? new Set()).add(key));
  return items.map(({ base, key }) =>
    taken.has(base) || wanted.get(base)!.size > 1 ? `${base}-${fingerprint(key)}` : base,
  );
}

/** A source as a row gives it, before it has an id. */
type RowSource = Omit<Source, 'id'>;

/** Where two rows naming one source disagree. */
const SOURCE_FIELDS = ['publisher', 'title', 'date', 'kind', 'language', 'access'] as const;
const SOURCE_COLUMN: Record<(typeof SOURCE_FIELDS)[number], ImportColumn> = {
  publisher: 'source.publisher',
  title: 'source.title',
  date: 'source.date',
  kind: 'source.kind',
  language: 'source.language',
  access: 'source.access',
};

const sourceKey = (s: Pick<Source, 'url' | 'publisher' | 'title' | 'date'>) =>
  s.url ?? `${s.publisher}\n${s.title}\n${s.date}`.toLowerCase();

/** An event as a row gives it, before it has an id. */
interface Draft {
  row: number;
  event: Omit<EngagementEvent, 'id' | 'cites'>;
  excerpt: string;
  source: RowSource;
}

/** What a row's cells are read against: the dataset's names for things, and its span. */
interface Vocabulary {
  actors: ReadonlyMap<string, string>;
  levels: ReadonlyMap<string, string>;
  levelChoices: string;
  tensions: ReadonlyMap<string, TensionState>;
  kinds: ReadonlyMap<string, SourceKind>;
  /** Levels above `engaged`, which one side's claim never sets. */
  aboveEngaged: ReadonlySet<string>;
  start: Day;
  through: Day;
  /** The dataset's events by actor, date and summary, to their ids. */
  events: ReadonlyMap<string, string>;
}

const eventKey = (e: Pick<EngagementEvent, 'actor' | 'date' | 'summary'>) =>
  `${e.actor}\n${e.date}\n${e.summary.toLowerCase()}`;

function vocabularyOf(dataset: Dataset, options: ImportOptions): Vocabulary {
  const byName = <T>(entries: [string, T][]) =>
    new Map(entries.map(([name, value]) => [name.toLowerCase(), value]));
  const engaged = dataset.levels.levels.find((l) => l.id === 'engaged')?.rank ?? Infinity;
  return {
    actors: byName(
      [...dataset.countries, ...dataset.institutions].flatMap((a) =>
        [a.id, a.name, ...a.altNames].map((name): [string, string] => [name, a.id]),
      ),
    ),
    levels: byName(
      dataset.levels.levels.flatMap((l) => [
        [l.id, l.id] as [string, string],
        [l.label, l.id] as [string, string],
      ]),
    ),
    levelChoices: `one of ${dataset.levels.levels.map((l) => l.id).join(', ')}, or empty`,
    tensions: byName<TensionState>([
      ...TENSION_STATES.map((t): [string, TensionState] => [t, t]),
      ...dataset.levels.tensions.map((t): [string, TensionState] => [t.label, t.id]),
    ]),
    kinds: byName(SOURCE_KINDS.map((k): [string, SourceKind] => [k, k])),
    aboveEngaged: new Set(dataset.levels.levels.filter((l) => l.rank > engaged).map((l) => l.id)),
    start: dataset.meta.start,
    through: options.reviewedThrough ?? dataset.meta.reviewedThrough,
    events: new Map(dataset.events.map((e) => [eventKey(e), e.id])),
  };
}

/**
 * One row read against the vocabulary: its draft, or `undefined` with every problem of the row
 * added. `seen` holds the events of the rows before, so a repeat is caught.
 */
function readEvent(
  { row, cells }: Row,
  vocab: Vocabulary,
  seen: Map<string, number>,
  add: (row: number, column: ImportColumn | '', reason: string) => void,
): Draft | undefined {
  let bad = false;
  const problem = (column: ImportColumn | '', reason: string) => {
    bad = true;
    add(row, column, reason);
  };
  // Trimmed too: the record keeps the trimmed text, which a spreadsheet would then run.
  const formula = (column: ImportColumn) =>
    TEXT_COLUMNS.includes(column) &&
    (startsLikeFormula(cells[column]) || startsLikeFormula(cells[column].trim()));
  for (const column of TEXT_COLUMNS)
    if (formula(column))
      problem(column, 'starts like a spreadsheet formula (=, +, -, @, a tab or a line break)');

  /** A cell through a field's schema: trimmed, within its length, no markup. */
  const text = (column: ImportColumn, schema: v.GenericSchema<string, string>, required = true) => {
    const cell = cells[column];
    if (cell.trim() === '') {
      if (required) problem(column, 'is empty');
      return undefined;
    }
    if (formula(column)) return undefined;
    const { value, reason } = check(schema, cell);
    if (reason) problem(column, reason);
    return value;
  };
  const date = (column: ImportColumn) => {
    const value = text(column, PartialDate);
    if (value === undefined || isRealDate(value)) return value;
    problem(column, `not a real calendar date ${show(value)}`);
    return undefined;
  };
  /** A cell that names one of a vocabulary (an id, or a label, in any case). */
  const lookup = <T>(
    column: ImportColumn,
    names: ReadonlyMap<string, T>,
    choices: string,
    required = false,
  ): T | undefined => {
    const cell = cells[column].trim();
    if (cell === '') {
      if (required) problem(column, 'is empty');
      return undefined;
    }
    const found = names.get(cell.toLowerCase());
    if (found === undefined)
      problem(column, `unknown ${column.replace('source.', '')} ${show(cell)}: ${choices}`);
    return found;
  };

  const eventDate = date('date');
  if (eventDate !== undefined && eventDate < vocab.start.slice(0, eventDate.length))
    problem('date', `${show(eventDate)} is before the dataset's start (${vocab.start})`);
  else if (eventDate !== undefined && firstDayOf(eventDate) > vocab.through)
    problem(
      'date',
      `${show(eventDate)} is after the day the data are reviewed through (${vocab.through}); ` +
        'pass --reviewed-through DAY once the sources up to that day have been searched',
    );
  const actor = lookup(
    'actor',
    vocab.actors,
    'give a country code or institution id from countries.json or institutions.json, or its name',
    true,
  );
  const summary = text('summary', EngagementEvent.entries.summary);
  const level = lookup('level', vocab.levels, vocab.levelChoices);
  const tension = lookup('tension', vocab.tensions, 'none, tension, conflict, or empty');
  const claimedBy = text('claimedBy', v.unwrap(EngagementEvent.entries.claimedBy), false);
  // data/README.md, "One-sided claims": one side's word never puts an actor above `engaged`.
  if (claimedBy !== undefined && level !== undefined && vocab.aboveEngaged.has(level))
    problem('level', `a one-sided claim (claimedBy) sets no level above engaged (got ${level})`);
  const note = text('note', v.unwrap(EngagementEvent.entries.note), false);

  const publisher = text('source.publisher', Source.entries.publisher);
  const title = text('source.title', Source.entries.title);
  const sourceDate = date('source.date');
  const url = text('source.url', v.unwrap(Source.entries.url), false);
  const access = text('source.access', v.unwrap(Source.entries.access), false);
  if (cells['source.url'].trim() === '' && cells['source.access'].trim() === '')
    problem(
      'source.url',
      'is empty: give the publisher’s https address, or say why there is none in source.access',
    );
  const kind = lookup('source.kind', vocab.kinds, `one of ${SOURCE_KINDS.join(', ')}`, true);
  const language =
    cells['source.language'].trim() === ''
      ? 'en'
      : text('source.language', Source.entries.language);
  const excerpt = text('excerpt', v.unwrap(Citation.entries.excerpt));

  if (actor !== undefined && eventDate !== undefined && summary !== undefined) {
    const key = eventKey({ actor, date: eventDate, summary });
    const existing = vocab.events.get(key);
    if (existing) problem('summary', `this event is already in the dataset as ${existing}`);
    else if (seen.has(key)) problem('summary', `repeats the event of row ${seen.get(key)}`);
    seen.set(key, row);
  }
  if (bad) return undefined;
  return {
    row,
    event: {
      actor: actor!,
      date: eventDate!,
      summary: summary!,
      ...(level !== undefined && { level }),
      ...(tension !== undefined && { tension }),
      ...(claimedBy !== undefined && { claimedBy }),
      ...(note !== undefined && { note }),
    },
    excerpt: excerpt!,
    source: {
      publisher: publisher!,
      kind: kind!,
      title: title!,
      date: sourceDate!,
      language: language!,
      ...(url !== undefined && { url }),
      ...(access !== undefined && { access }),
    },
  };
}

/**
 * Reads the rows of an import file against a dataset: every problem of every row, or the plan of
 * what they add.
 */
export function planImport(
  dataset: Dataset,
  text: string,
  options: ImportOptions = {},
): { ok: true; plan: ImportPlan } | { ok: false; problems: ImportProblem[] } {
  const { rows, problems } = readRows(text);
  const add = (row: number, column: ImportColumn | '', reason: string) =>
    problems.push({ row, column, reason });
  const vocab = vocabularyOf(dataset, options);
  const seen = new Map<string, number>();
  const drafts = rows.flatMap((row) => readEvent(row, vocab, seen, add) ?? []);
  const existingSources = new Map(dataset.sources.map((s) => [sourceKey(s), s]));

  // One source per URL (or publisher, title and date): rows naming it must agree on the rest.
  const bySource = new Map<string, { rows: number[]; source: RowSource }>();
  for (const { row, source } of drafts) {
    const key = sourceKey(source);
    const first = bySource.get(key);
    if (!first) {
      bySource.set(key, { rows: [row], source });
      continue;
    }
    first.rows.push(row);
    for (const field of SOURCE_FIELDS)
      if (first.source[field] !== source[field])
        add(
          row,
          SOURCE_COLUMN[field],
          `differs from row ${first.rows[0]} for the same source (${show(String(first.source[field] ?? ''))})`,
        );
  }
  if (problems.length > 0) return { ok: false, problems: sortProblems(problems) };

  const reusedSources: ImportPlan['reusedSources'] = [];
  const fresh: { rows: number[]; source: RowSource; key: string }[] = [];
  for (const [key, { rows: cited, source }] of bySource) {
    const existing = existingSources.get(key);
    if (existing) {
      const differences = SOURCE_FIELDS.filter(
        (f) => existing[f] !== source[f] && source[f] !== undefined,
      ).map(
        (f) =>
          `${f}: the dataset's ${show(String(existing[f] ?? ''))} is kept (the rows say ${show(String(source[f]))})`,
      );
      reusedSources.push({ rows: cited, source: existing, differences });
    } else fresh.push({ rows: cited, source, key });
  }
  const sourceIds = assignIds(
    fresh.map(({ source, key }) => ({ base: sourceIdBase(source), key })),
    new Set(dataset.sources.map((s) => s.id)),
  );
  const newSources = fresh.map(({ rows: cited, source }, i) => ({
    rows: cited,
    source: { id: sourceIds[i]!, ...source },
  }));
  const idOfSource = new Map([
    ...reusedSources.map((s) => [sourceKey(s.source), s.source.id] as const),
    ...fresh.map((s, i) => [s.key, sourceIds[i]!] as const),
  ]);

  const names = new Map(
    [...dataset.countries, ...dataset.institutions].map((a) => [a.id, [a.name, ...a.altNames]]),
  );
  const eventIds = assignIds(
    drafts.map(({ event }) => ({
      base: eventIdBase(event, names.get(event.actor) ?? []),
      key: `${event.actor}\n${event.date}\n${event.summary}`,
    })),
    new Set(dataset.events.map((e) => e.id)),
  );
  const events = drafts.map(({ row, event, excerpt, source }, i) => ({
    row,
    event: {
      id: eventIds[i]!,
      ...event,
      cites: [{ source: idOfSource.get(sourceKey(source))!, excerpt }],
    },
  }));
  return { ok: true, plan: { events, newSources, reusedSources } };
}

function sortProblems(problems: ImportProblem[]): ImportProblem[] {
  const order = (c: ImportProblem['column']) => (c === '' ? -1 : IMPORT_COLUMNS.indexOf(c));
  return problems.sort((a, b) => a.row - b.row || order(a.column) - order(b.column));
}

/** A dataset folder's files as raw texts by name, as `validateDataset` reads them. */
export type DatasetTexts = Partial<Record<string, string>>;

/** What the new edition says of itself. */
export interface EditionInfo {
  /** The day of the edition, e.g. today. */
  date: Day;
  /** In plain words; by default, what was added. */
  summary?: string;
}

/** A JSON file as the repository writes it: two spaces, a final line break. */
const jsonText = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/**
 * Where a new event goes in events.json: after the same actor's events on or before its day (the
 * file keeps each actor's events together, by date), or at the end for an actor with none. The
 * records before and after keep their text, so a diff shows only the new ones.
 */
function insertEvent(events: EngagementEvent[], event: EngagementEvent): void {
  let at = -1;
  events.forEach((e, i) => {
    if (e.actor === event.actor && (at === -1 || countsFrom(e) <= countsFrom(event))) at = i + 1;
  });
  const first = events.findIndex((e) => e.actor === event.actor);
  if (first >= 0 && countsFrom(events[first]!) > countsFrom(event)) at = first;
  events.splice(at === -1 ? events.length : at, 0, event);
}

/**
 * The dataset's files with a plan applied: the events and sources added, the edition bumped, the
 * changelog's new entry appended, and `reviewedThrough` moved if the options say so. Only the
 * files that change are returned.
 */
export function applyImport(
  texts: DatasetTexts,
  plan: ImportPlan,
  edition: EditionInfo,
  options: ImportOptions = {},
): Record<'events.json' | 'sources.json' | 'meta.json' | 'changelog.json', string> {
  const events = JSON.parse(texts['events.json']!) as { events: EngagementEvent[] };
  for (const { event } of plan.events) insertEvent(events.events, event);
  const sources = JSON.parse(texts['sources.json']!) as { sources: Source[] };
  sources.sources.push(...plan.newSources.map((s) => s.source));
  const meta = JSON.parse(texts['meta.json']!) as Dataset['meta'];
  const changelog = JSON.parse(texts['changelog.json']!) as { editions: Edition[] };
  const number = meta.edition + 1;
  meta.edition = number;
  if (options.reviewedThrough !== undefined) meta.reviewedThrough = options.reviewedThrough;
  const entry: Edition = {
    edition: number,
    date: edition.date,
    summary: edition.summary ?? editionSummary(plan, options),
    ...(plan.events.length > 0 && { events: { added: plan.events.map((e) => e.event.id) } }),
    ...(plan.newSources.length > 0 && {
      sources: { added: plan.newSources.map((s) => s.source.id) },
    }),
  };
  changelog.editions.push(entry);
  return {
    'events.json': jsonText(events),
    'sources.json': jsonText(sources),
    'meta.json': jsonText(meta),
    'changelog.json': jsonText(changelog),
  };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The changelog's words for an import, where the editor gives none. */
function editionSummary(plan: ImportPlan, options: ImportOptions): string {
  const dates = plan.events.map((e) => e.event.date).sort();
  const span =
    dates.length === 0
      ? ''
      : dates[0] === dates.at(-1)
        ? ` of ${formatDate(dates[0]!)}`
        : ` from ${formatDate(dates[0]!)} to ${formatDate(dates.at(-1)!)}`;
  const through =
    options.reviewedThrough !== undefined
      ? ` The data are reviewed through ${formatDate(options.reviewedThrough)}.`
      : '';
  const sources =
    plan.newSources.length === 0 ? 'no new source' : plural(plan.newSources.length, 'new source');
  return `${plural(plan.events.length, 'event')}${span} added, with ${sources}.${through}`;
}

/** Which column of the import file a validator path of a new record stands for. */
function columnOf(path: string): ImportColumn | '' {
  const field = /^(?:events|sources)\[\d+\](?:\.cites\[\d+\])?\.?([A-Za-z]*)/.exec(path)?.[1] ?? '';
  const column = path.startsWith('sources')
    ? `source.${field}`
    : field === 'source'
      ? 'source.url'
      : field;
  return (IMPORT_COLUMNS as readonly string[]).includes(column) ? (column as ImportColumn) : '';
}

/**
 * Imports an import file's text into a dataset folder's texts: the files to write, and the plan
 * for the dry run; or every problem. The dataset as it would be written is checked by
 * `validateDataset`, and what it finds in a new record is reported at that record's row.
 */
export function importEvents(
  texts: DatasetTexts,
  fileText: string,
  edition: EditionInfo,
  options: ImportOptions & ValidateOptions = {},
):
  | {
      ok: true;
      plan: ImportPlan;
      files: ReturnType<typeof applyImport>;
      before: Dataset;
      after: Dataset;
    }
  | { ok: false; problems: ImportProblem[]; datasetProblems: Problem[] } {
  const current = validateDataset(texts, options);
  if (!current.ok) return { ok: false, problems: [], datasetProblems: current.problems };
  const planned = planImport(current.dataset, fileText, options);
  if (!planned.ok) return { ok: false, problems: planned.problems, datasetProblems: [] };
  const { plan } = planned;
  const files = applyImport(texts, plan, edition, options);
  const next = validateDataset({ ...texts, ...files }, options);
  if (next.ok) return { ok: true, plan, files, before: current.dataset, after: next.dataset };

  // Map a new record's problem back to its row; anything else is the dataset's.
  const rowOfEvent = new Map(plan.events.map((e) => [e.event.id, e.row]));
  const rowsOfSource = new Map(plan.newSources.map((s) => [s.source.id, s.rows]));
  const problems: ImportProblem[] = [];
  const datasetProblems: Problem[] = [];
  const eventsAfter = (JSON.parse(files['events.json']) as { events: EngagementEvent[] }).events;
  const sourcesAfter = (JSON.parse(files['sources.json']) as { sources: Source[] }).sources;
  for (const p of next.problems) {
    const index = Number(/^\w+\[(\d+)\]/.exec(p.path)?.[1] ?? NaN);
    const id =
      p.file === 'events.json'
        ? eventsAfter[index]?.id
        : p.file === 'sources.json'
          ? sourcesAfter[index]?.id
          : undefined;
    const rows =
      id === undefined
        ? undefined
        : (rowsOfSource.get(id) ?? (rowOfEvent.has(id) ? [rowOfEvent.get(id)!] : undefined));
    if (rows)
      for (const row of rows) problems.push({ row, column: columnOf(p.path), reason: p.reason });
    else datasetProblems.push(p);
  }
  return { ok: false, problems: sortProblems(problems), datasetProblems };
}
