/**
 * The atlas's data as files a reader can take away: a CSV of the view on screen (one row per
 * country on a date) and the whole dataset as CSV tables with a README of their columns, a
 * CITATION file and the data's licence. The app's download and `npm run export -- --format csv`
 * (or `data-zip`) both write these, from the same dataset, so the two never differ.
 *
 * Every CSV goes through `csvText`: d3-dsv quotes the cells (commas, quotes, line breaks), and a
 * cell a spreadsheet would run as a formula is written so that it stays text.
 */
import { csvFormatRow } from 'd3-dsv';
import { strToU8, zipSync } from 'fflate';
import { formatDate } from './dates.ts';
import { citationText, editionWords } from './edition.ts';
import { levelOn, motiveCountsFrom, tensionOn, type EngagementIndex } from './engagement.ts';
import type { Citation, Dataset } from './schema.ts';
import { tableRows } from './table.ts';

/** A table: its header row first, then one row per record; a cell is text, a number or empty. */
export type Table = readonly (readonly (string | number | null | undefined)[])[];

/**
 * Text that starts like a formula (`=`, `+`, `-`, `@`, a tab or a carriage return) is what
 * Excel, LibreOffice and Google Sheets run on opening a CSV: such a cell gets a leading
 * apostrophe, the spreadsheets' own mark for "this is text" (OWASP's advice for CSV injection).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Whether a spreadsheet would run this text as a formula: the rule the CSVs the atlas writes
 * guard against, and the one `npm run import` refuses text by.
 * @example startsLikeFormula('-5 killed') // true
 */
export function startsLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/**
 * A cell as written: empty for nothing, a number as it is, text with a formula's first
 * character guarded.
 * @example safeCell('=HYPERLINK("x")') // "'=HYPERLINK(\"x\")"
 */
export function safeCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  return startsLikeFormula(value) ? `'${value}` : value;
}

/**
 * A table as CSV (RFC 4180 quoting, CRLF line ends), with a byte-order mark so that Excel reads
 * its names (Türkiye, Åland) as UTF-8.
 */
export function csvText(table: Table): string {
  // Records end with CRLF; a line break inside a quoted cell stays as it is.
  return `\uFEFF${table.map((row) => `${csvFormatRow(row.map(safeCell))}\r\n`).join('')}`;
}

/** Several values in one cell. */
const list = (values: readonly string[]) => [...new Set(values)].join('; ');

/** The ids and the addresses of the sources a record cites. */
function cited(dataset: Dataset, cites: readonly Citation[]): [string, string] {
  const urls = new Map(dataset.sources.map((s) => [s.id, s.url ?? '']));
  const ids = cites.map((c) => c.source);
  return [list(ids), list(ids.map((id) => urls.get(id) ?? '').filter(Boolean))];
}

export const VIEW_COLUMNS = [
  'date',
  'data_reviewed_through',
  'country_id',
  'country',
  'level',
  'level_label',
  'level_since',
  'level_event',
  'level_source_ids',
  'level_source_urls',
  'tension',
  'tension_since',
  'tension_source_ids',
  'tension_source_urls',
  'motives',
  'motive_source_ids',
  'motive_source_urls',
] as const;

/**
 * The view on a date as a table: every country of the dataset with its level, since when, its
 * tension with Kabul, the motives the sources support, and the sources behind each.
 * @example viewTable(dataset, index, '2025-07-10')[1] // ['2025-07-10', 'AFG', 'Afghanistan', '', ...]
 */
export function viewTable(dataset: Dataset, index: EngagementIndex, day: string): Table {
  const motivesOf = (id: string) =>
    dataset.motives.filter((m) => m.actor === id && motiveCountsFrom(m) <= day);
  const rows = tableRows(dataset, index, day)
    .filter((row) => row.kind === 'country' || row.kind === 'focus')
    .map((row) => {
      const level = levelOn(index, row.id, day);
      const tension = tensionOn(index, row.id, day);
      const motives = motivesOf(row.id);
      return [
        day,
        dataset.meta.reviewedThrough,
        row.id,
        row.name,
        row.level?.id,
        row.level?.label,
        row.since,
        level?.event.id,
        ...(level ? cited(dataset, level.event.cites) : ['', '']),
        row.tension?.id,
        tension?.since,
        ...(tension ? cited(dataset, tension.event.cites) : ['', '']),
        list(row.motives),
        ...cited(
          dataset,
          motives.flatMap((m) => m.cites),
        ),
      ];
    });
  return [VIEW_COLUMNS, ...rows];
}

/** The name of a view's CSV file: `kabul-atlas_2025-07-10.csv`. */
export const viewFileName = (day: string) => `kabul-atlas_${day}.csv`;

const actorNames = (dataset: Dataset) =>
  new Map([...dataset.countries, ...dataset.institutions].map((a) => [a.id, a.name]));

/** Each event that sets a level, as every country it applies to sees it (a group's, per member). */
function levelChanges(dataset: Dataset, index: EngagementIndex): Table {
  const names = actorNames(dataset);
  const labels = new Map(dataset.levels.levels.map((l) => [l.id, l.label]));
  const rows = [...index.levels].flatMap(([country, changes]) =>
    changes.map((change) => [
      country,
      names.get(country),
      change.event.date,
      change.day,
      change.value,
      labels.get(change.value),
      change.event.id,
      change.own ? '' : change.event.actor,
      ...cited(dataset, change.event.cites),
    ]),
  );
  rows.sort(
    (a, b) => String(a[0]).localeCompare(String(b[0])) || String(a[3]).localeCompare(String(b[3])),
  );
  return [
    [
      'country_id',
      'country',
      'date',
      'counts_from',
      'level',
      'level_label',
      'event_id',
      'via_group',
      'source_ids',
      'source_urls',
    ],
    ...rows,
  ];
}

/** One row per citation: a record's id, the source, and the verbatim words. */
function citationRows(
  dataset: Dataset,
  records: readonly { id: string; cites: readonly Citation[] }[],
): Table {
  return [
    ['record_id', 'source_id', 'excerpt', 'quote_id', 'locator'],
    ...records.flatMap((r) => r.cites.map((c) => [r.id, c.source, c.excerpt, c.quote, c.locator])),
  ];
}

/** The README of the dataset's tables: what each file and column holds. */
function readme(dataset: Dataset): string {
  const { meta } = dataset;
  return `# ${meta.title}: the data

${meta.subtitle}

This is edition ${meta.edition} of the data, released on ${formatDate(releaseDay(dataset))}. The data are
reviewed through ${formatDate(meta.reviewedThrough)}: nothing later was checked. Cite them as:
${citationText(meta, '')}

Every table is UTF-8 CSV with a header row;
several values in one cell are separated by "; ". A cell that begins with =, +, -, @, a tab or a
carriage return starts with an apostrophe, so that a spreadsheet keeps it as text. Dates are as
precise as the sources are: 2025, 2025-06 or 2025-06-03.

## Files

- \`level-changes.csv\`: every change of a country's level, as the map counts it: \`country_id\`,
  \`country\`, \`date\` (as the source gives it), \`counts_from\` (the day the map counts it from),
  \`level\` and \`level_label\`, \`event_id\` (in events.csv), \`via_group\` (the group whose event
  it is, where the country is a member), \`source_ids\` and \`source_urls\`.
- \`events.csv\`: every dated event: \`id\`, \`actor_id\`, \`actor\`, \`date\`, \`counts_from\`,
  \`summary\` (the project's words), \`level\` (the level it puts the actor at, if any), \`tension\`
  (tension or conflict from this date; none ends it), \`claimed_by\` (one side's claim only),
  \`source_ids\`.
- \`citations.csv\`: the verbatim words behind each event, motive and statement: \`record_id\`,
  \`source_id\`, \`excerpt\`, \`quote_id\` (in quotes.csv), \`locator\`.
- \`sources.csv\`: \`id\`, \`publisher\`, \`kind\` (official, wire, outlet, regional or other:
  see the atlas's methodology), \`title\`, \`date\`, \`language\`, \`url\` (the publisher's own
  address), \`access\` (how the project read it, or why there is no address), \`note\`.
- \`quotes.csv\`: the founding article's quoted people, verbatim: \`id\`, \`source_id\`, \`speaker\`,
  \`role\`, \`channel\` (how the words reached the publisher), \`about\` (actor ids), \`text\`.
- \`motives.csv\`: why each state engages: \`id\`, \`actor_id\`, \`category\` (economic, security,
  geopolitical), \`since\`, \`summary\`, \`source_ids\`.
- \`statements.csv\`: what the sources say that is neither an event nor a motive: \`id\`,
  \`actor_id\`, \`kind\`, \`title\`, \`since\`, \`summary\`, \`source_ids\`.
- \`levels.csv\`: the scale: \`id\`, \`rank\` (higher is closer to Kabul), \`label\`, \`description\`.

## The view's CSV

The atlas also downloads the map of one date as a single CSV (\`kabul-atlas_DATE.csv\`), one row
per country of the dataset: \`date\` (the map's date), \`data_reviewed_through\`, \`country_id\`,
\`country\`, \`level\` and \`level_label\` (empty: no data on that date), \`level_since\` (the day
the map counts the level from), \`level_event\` (in events.csv), \`level_source_ids\` and
\`level_source_urls\`, \`tension\` (tension or conflict on that date, if any), \`tension_since\`,
\`tension_source_ids\` and \`tension_source_urls\`, \`motives\` (the motive categories the sources
support on that date), \`motive_source_ids\` and \`motive_source_urls\`.

How a level on a date is derived from the events, and what "no data" means: the atlas's
methodology, and data/README.md in its repository.
`;
}

/** The day the dataset's edition was released: its entry in the changelog. */
const releaseDay = (dataset: Dataset) =>
  dataset.changelog.find((e) => e.edition === dataset.meta.edition)?.date ??
  dataset.meta.reviewedThrough;

/** CITATION.cff: how to cite the atlas and this edition of its data. */
function citation(dataset: Dataset): string {
  return `cff-version: 1.2.0
message: "If you use these data, please cite them as below."
title: "${dataset.meta.title.replace(/"/g, "'")}: data"
type: dataset
authors:
  - name: "${dataset.meta.credit.replace(/"/g, "'")}"
version: "${dataset.meta.edition}"
date-released: "${releaseDay(dataset)}"
abstract: "${editionWords(dataset.meta).replace(/^e/, 'E')}."
license: CC-BY-4.0
`;
}

/** The data's licence: the compilation is the atlas's; the quoted words stay their publishers'. */
function licence(dataset: Dataset): string {
  return `The data of ${dataset.meta.title} (the event records, levels, summaries and the tables'
structure) are licensed under the Creative Commons Attribution 4.0 International licence
(CC BY 4.0): https://creativecommons.org/licenses/by/4.0/

The excerpts and quotes are short verbatim quotations of their publishers, reproduced with
attribution to support each fact; they remain their publishers' and are not licensed here.
Boundaries are not part of these data.
`;
}

/**
 * The whole dataset as files (name to text): its tables as CSV, a README of their columns, a
 * CITATION.cff and the data's licence, which name the dataset's edition and review date.
 */
export function datasetFiles(dataset: Dataset, index: EngagementIndex): Record<string, string> {
  const names = actorNames(dataset);
  const ids = (cites: readonly Citation[]) => list(cites.map((c) => c.source));
  const tables: Record<string, Table> = {
    'level-changes.csv': levelChanges(dataset, index),
    'events.csv': [
      [
        'id',
        'actor_id',
        'actor',
        'date',
        'counts_from',
        'summary',
        'level',
        'tension',
        'claimed_by',
        'source_ids',
      ],
      ...dataset.events.map((e) => [
        e.id,
        e.actor,
        names.get(e.actor),
        e.date,
        e.from,
        e.summary,
        e.level,
        e.tension,
        e.claimedBy,
        ids(e.cites),
      ]),
    ],
    'citations.csv': citationRows(dataset, [
      ...dataset.events,
      ...dataset.motives,
      ...dataset.statements,
    ]),
    'sources.csv': [
      ['id', 'publisher', 'kind', 'title', 'date', 'language', 'url', 'access', 'note'],
      ...dataset.sources.map((s) => [
        s.id,
        s.publisher,
        s.kind,
        s.title,
        s.date,
        s.language,
        s.url,
        s.access,
        s.note,
      ]),
    ],
    'quotes.csv': [
      ['id', 'source_id', 'speaker', 'role', 'channel', 'about', 'text'],
      ...dataset.quotes.map((q) => [
        q.id,
        q.source,
        q.speaker,
        q.role,
        q.channel,
        list(q.about),
        q.text,
      ]),
    ],
    'motives.csv': [
      ['id', 'actor_id', 'category', 'since', 'summary', 'source_ids'],
      ...dataset.motives.map((m) => [m.id, m.actor, m.category, m.since, m.summary, ids(m.cites)]),
    ],
    'statements.csv': [
      ['id', 'actor_id', 'kind', 'title', 'since', 'summary', 'source_ids'],
      ...dataset.statements.map((s) => [
        s.id,
        s.actor,
        s.kind,
        s.title,
        s.since,
        s.summary,
        ids(s.cites),
      ]),
    ],
    'levels.csv': [
      ['id', 'rank', 'label', 'description'],
      ...dataset.levels.levels.map((l) => [l.id, l.rank, l.label, l.description]),
    ],
  };
  return {
    ...Object.fromEntries(Object.entries(tables).map(([name, table]) => [name, csvText(table)])),
    'README.md': readme(dataset),
    'CITATION.cff': citation(dataset),
    'LICENSE.txt': licence(dataset),
  };
}

/** The name of the dataset's zip: `kabul-atlas-data_2025-07-10.zip`. */
export const dataZipName = (day: string) => `kabul-atlas-data_${day}.zip`;

/** Files as a zip, inside one folder named after the zip, so that unpacking makes no mess. */
export function zipFiles(files: Record<string, string>, folder: string): Uint8Array {
  return zipSync(
    Object.fromEntries(
      Object.entries(files).map(([name, text]) => [`${folder}/${name}`, strToU8(text)]),
    ),
  );
}

/**
 * A download of the data: the view on `day` as CSV, or the whole dataset as a zip, named for the
 * date the data are reviewed through.
 */
export function dataFile(
  what: 'view' | 'dataset',
  dataset: Dataset,
  index: EngagementIndex,
  day: string,
): { blob: Blob; filename: string } {
  if (what === 'view') {
    const csv = csvText(viewTable(dataset, index, day));
    return {
      blob: new Blob([csv], { type: 'text/csv;charset=utf-8' }),
      filename: viewFileName(day),
    };
  }
  const asOf = dataset.meta.reviewedThrough;
  const filename = dataZipName(asOf);
  const files = datasetFiles(dataset, index);
  const zip = zipFiles(files, filename.replace(/\.zip$/, ''));
  return { blob: new Blob([zip as BlobPart], { type: 'application/zip' }), filename };
}
