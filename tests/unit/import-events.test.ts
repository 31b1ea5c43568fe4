/**
 * The import of new events (src/lib/import-events.ts) against the minimal fixture: every kind of
 * bad row with the line it must print, ids that do not depend on row order, shared and reused
 * sources, what the dry run says the map will show, and files whose diff shows only the new records.
 */
import { csvFormatRows, tsvFormatRows } from 'd3-dsv';
import { describe, expect, test } from 'vitest';
import {
  eventIdBase,
  formatImportProblem,
  IMPORT_COLUMNS,
  importEvents,
  planImport,
  sniffDelimiter,
  sourceIdBase,
  type ImportColumn,
} from '../../src/lib/import-events.ts';
import { describeImport } from '../../src/lib/import-report.ts';
import { minimalTexts } from '../fixtures/hostile-datasets.ts';
import { FIXTURE_FOUNDING_TEXT, FIXTURE_GEOMETRY, minimalDataset } from './helpers.ts';

type Cells = Partial<Record<ImportColumn, string>>;

/** A good row: Norway's envoy in Oslo, from a made-up wire report (the fixture is made up too). */
const GOOD: Record<ImportColumn, string> = {
  date: '2025-09-01',
  actor: 'NOR',
  summary: 'Norway accepts a Taliban chargé d’affaires in Oslo.',
  level: 'embassy',
  tension: '',
  claimedBy: '',
  note: '',
  'source.publisher': 'Example Wire',
  'source.title': 'Norway accepts Taliban envoy',
  'source.date': '2025-09-01',
  'source.url': 'https://example.org/oslo',
  'source.access': '',
  'source.kind': 'wire',
  'source.language': '',
  excerpt: 'Norway has accepted a chargé d’affaires sent by the Taliban.',
};

/** An import file: the template's header, then one row per change to the good row. */
function csv(...rows: Cells[]): string {
  return `${csvFormatRows([[...IMPORT_COLUMNS], ...rows.map((r) => IMPORT_COLUMNS.map((c) => r[c] ?? GOOD[c]))])}\n`;
}

/** The problem lines the rows of an import file print, as the CLI prints them. */
function problemLines(text: string): string[] {
  const result = planImport(minimalDataset(), text);
  return result.ok ? [] : result.problems.map((p) => formatImportProblem('new.csv', p));
}

const EDITION = { date: '2026-12-07' };
const OPTIONS = { geometryIds: FIXTURE_GEOMETRY, foundingText: FIXTURE_FOUNDING_TEXT };

describe('sniffDelimiter', () => {
  test.each([
    { header: 'date,actor,summary\n2025,NOR,"a\tb"', expected: ',' },
    { header: 'date\tactor\tsummary\n2025\tNOR\ta,b', expected: '\t' },
    { header: '\uFEFFdate\tactor\r\n', expected: '\t' },
  ])('$expected from $header', ({ header, expected }) => {
    expect(sniffDelimiter(header)).toBe(expected);
  });
});

test('a TSV pasted from a spreadsheet reads as the CSV does', () => {
  const rows = [[...IMPORT_COLUMNS], IMPORT_COLUMNS.map((c) => GOOD[c])];
  const plan = (text: string) => planImport(minimalDataset(), text);
  expect(plan(`${tsvFormatRows(rows)}\r\n`)).toEqual(plan(csv({})));
});

describe('a bad row prints FILE:ROW:COLUMN: reason', () => {
  test('the good row has no problem', () => {
    expect(problemLines(csv({}))).toEqual([]);
  });

  test.each<{ case: string; row: Cells; expected: string }>([
    {
      case: 'unknown actor',
      row: { actor: 'XXX' },
      expected:
        'new.csv:2:actor: unknown actor "XXX": give a country code or institution id from countries.json or institutions.json, or its name',
    },
    { case: 'empty actor', row: { actor: '' }, expected: 'new.csv:2:actor: is empty' },
    {
      case: 'a day that does not exist',
      row: { date: '2025-02-30' },
      expected: 'new.csv:2:date: not a real calendar date "2025-02-30"',
    },
    {
      case: 'a date in words',
      row: { date: '1 Sept 2025' },
      expected: 'new.csv:2:date: must be a date as YYYY, YYYY-MM or YYYY-MM-DD',
    },
    {
      case: 'a date before the start',
      row: { date: '2021-07' },
      expected: `new.csv:2:date: "2021-07" is before the dataset's start (2021-08-15)`,
    },
    {
      case: 'a date after the review',
      row: { date: '2026-02' },
      expected:
        'new.csv:2:date: "2026-02" is after the day the data are reviewed through (2026-01-01); pass --reviewed-through DAY once the sources up to that day have been searched',
    },
    {
      case: 'unknown level',
      row: { level: 'friends' },
      expected:
        'new.csv:2:level: unknown level "friends": one of recognition, ambassador, embassy, engaged, isolating, or empty',
    },
    {
      case: 'unknown tension',
      row: { tension: 'war' },
      expected: 'new.csv:2:tension: unknown tension "war": none, tension, conflict, or empty',
    },
    {
      case: 'unknown kind',
      row: { 'source.kind': 'blog' },
      expected:
        'new.csv:2:source.kind: unknown kind "blog": one of official, wire, outlet, regional, other',
    },
    { case: 'missing excerpt', row: { excerpt: ' ' }, expected: 'new.csv:2:excerpt: is empty' },
    {
      case: 'missing publisher',
      row: { 'source.publisher': '' },
      expected: 'new.csv:2:source.publisher: is empty',
    },
    {
      case: 'no URL and no access note',
      row: { 'source.url': '' },
      expected:
        'new.csv:2:source.url: is empty: give the publisher’s https address, or say why there is none in source.access',
    },
    {
      case: 'a URL that is not https',
      row: { 'source.url': 'http://example.org/oslo' },
      expected: 'new.csv:2:source.url: must be an https URL',
    },
    {
      case: 'a language that is not a tag',
      row: { 'source.language': 'Norwegian' },
      expected: 'new.csv:2:source.language: must be a language tag such as en or ar',
    },
    {
      case: 'a tag in the summary',
      row: { summary: 'Norway <b>accepts</b> an envoy.' },
      expected: 'new.csv:2:summary: contains markup "<b>"',
    },
    {
      case: 'a character reference in the title',
      row: { 'source.title': 'Oslo &amp; Kabul' },
      expected: 'new.csv:2:source.title: contains markup "&amp;"',
    },
    {
      case: 'a script in the excerpt',
      row: { excerpt: 'Accepted.<script>alert(1)</script>' },
      expected: 'new.csv:2:excerpt: contains markup "<script>"',
    },
    ...(
      [
        ['summary', '=HYPERLINK("https://example.org","Oslo")'],
        ['excerpt', '+47 diplomats accepted'],
        ['note', '-5 on the scale'],
        ['source.publisher', '@wire'],
        ['claimedBy', '\tTaliban government'],
        ['source.title', ' =1+1'],
      ] as const
    ).map(([column, text]) => ({
      case: `a formula in ${column}`,
      row: { [column]: text },
      expected: `new.csv:2:${column}: starts like a spreadsheet formula (=, +, -, @, a tab or a line break)`,
    })),
    {
      case: 'a summary over the cap',
      row: { summary: 'Norway '.repeat(300) },
      expected: 'new.csv:2:summary: is longer than 2000 characters',
    },
    {
      case: 'a publisher over the cap',
      row: { 'source.publisher': 'P'.repeat(301) },
      expected: 'new.csv:2:source.publisher: is longer than 300 characters',
    },
    {
      case: 'a one-sided claim above engaged',
      row: { claimedBy: 'Taliban government', level: 'ambassador' },
      expected:
        'new.csv:2:level: a one-sided claim (claimedBy) sets no level above engaged (got ambassador)',
    },
    {
      case: 'an event the dataset holds',
      row: { date: '2025-01-31', summary: 'Norway accepts a first secretary.', level: 'engaged' },
      expected: 'new.csv:2:summary: this event is already in the dataset as nor-engaged',
    },
  ])('$case', ({ row, expected }) => {
    expect(problemLines(csv(row))).toEqual([expected]);
  });

  test('every bad row is reported, each at its row', () => {
    const text = csv(
      { actor: 'XXX' },
      {},
      { date: '2025-13' },
      { summary: 'Norway talks.', excerpt: '', level: 'x' },
    );
    expect(problemLines(text)).toEqual([
      expect.stringMatching(/^new\.csv:2:actor: /),
      expect.stringMatching(/^new\.csv:4:date: /),
      expect.stringMatching(/^new\.csv:5:level: /),
      'new.csv:5:excerpt: is empty',
    ]);
  });

  test('rows that give one URL different titles are refused at the later row', () => {
    const text = csv({}, { date: '2025-09-02', summary: 'Norway talks.', 'source.title': 'Other' });
    expect(problemLines(text)).toEqual([
      'new.csv:3:source.title: differs from row 2 for the same source ("Norway accepts Taliban envoy")',
    ]);
  });

  test('the same event twice is refused at its second row', () => {
    expect(problemLines(csv({}, {}))).toEqual(['new.csv:3:summary: repeats the event of row 2']);
  });

  test.each([
    {
      case: 'an unknown column',
      text: 'date,actor,colour\n',
      expected: 'new.csv:1: unknown column "colour"',
    },
    {
      case: 'a missing column',
      text: `${IMPORT_COLUMNS.filter((c) => c !== 'excerpt').join(',')}\n`,
      expected: 'new.csv:1:excerpt: column is missing from the header row',
    },
    {
      case: 'a row longer than the header',
      text: csv({}).replace(/\n$/, ',extra\n'),
      expected: 'new.csv:2: has 16 cells; the header has 15',
    },
  ])('$case', ({ text, expected }) => {
    expect(problemLines(text)).toContainEqual(expected);
  });

  test("the dataset's validator speaks for a new record at its row", () => {
    // The fixture's founding article, by publisher, title and date: its excerpts must be verbatim.
    const row = {
      'source.publisher': 'Fixture Net',
      'source.title': 'A fixture article',
      'source.date': '2025',
      'source.url': '',
      'source.access': 'A made-up fixture article: there is no address to give.',
      'source.kind': 'outlet',
      excerpt: 'Norway recognised the Taliban.',
    };
    const result = importEvents(minimalTexts(), csv(row), EDITION, OPTIONS);
    expect(result.ok ? [] : result.problems.map((p) => formatImportProblem('new.csv', p))).toEqual([
      'new.csv:2:excerpt: not verbatim in the founding source: "Norway recognised the Taliban."',
    ]);
  });
});

describe('ids', () => {
  test.each([
    {
      event: {
        actor: 'UZB',
        date: '2024-02-02',
        summary: 'Uzbekistan hands the Afghan embassy in Tashkent to a Taliban chargé.',
      },
      names: ['Uzbekistan'],
      expected: 'uzb-2024-02-02-hands-afghan-embassy-tashkent',
    },
    {
      event: { actor: 'CHN', date: '2026-03', summary: 'China’s draft resolution is adopted.' },
      names: ['China'],
      expected: 'chn-2026-03-draft-resolution-adopted',
    },
    {
      event: { actor: 'western-countries', date: '2025', summary: 'The.' },
      names: ['Western countries'],
      expected: 'western-countries-2025-event',
    },
  ])('event $expected', ({ event, names, expected }) => {
    expect(eventIdBase(event, names)).toBe(expected);
  });

  test.each([
    {
      publisher: 'National Post (Reuters)',
      date: '2021-10-29',
      expected: 'reuters-nationalpost-2021-10-29',
    },
    { publisher: 'TRT World', date: '2025-05-30', expected: 'trtworld-2025-05-30' },
    { publisher: 'Gazeta.ru', date: '2026-01', expected: 'gazetaru-2026-01' },
  ])('source $expected', ({ publisher, date, expected }) => {
    expect(sourceIdBase({ publisher, date })).toBe(expected);
  });

  const ids = (text: string) => {
    const result = planImport(minimalDataset(), text);
    if (!result.ok) throw new Error(result.problems.map((p) => p.reason).join('\n'));
    return {
      events: result.plan.events.map((e) => e.event.id).sort(),
      sources: result.plan.newSources.map((s) => s.source.id).sort(),
    };
  };
  const rows: Cells[] = [
    {},
    {
      actor: 'Pakistan',
      date: '2025-09-01',
      summary: 'Pakistan accepts a Taliban chargé d’affaires.',
    },
    {
      summary: 'Norway accepts a Taliban chargé d’affaires in Bergen.',
      'source.url': 'https://example.org/bergen',
    },
  ];

  test('do not depend on row order', () => {
    expect(ids(csv(...rows))).toEqual(ids(csv(...rows.toReversed())));
  });

  test('two records that want one id each get a fingerprint of their own', () => {
    // Rows 1 and 3 share actor, date and the summary's first words; so do their sources' ids.
    expect(ids(csv(...rows))).toEqual({
      events: [
        expect.stringMatching(/^nor-2025-09-01-accepts-taliban-charge-daffaires-[a-z0-9]{6}$/),
        expect.stringMatching(/^nor-2025-09-01-accepts-taliban-charge-daffaires-[a-z0-9]{6}$/),
        'pak-2025-09-01-accepts-taliban-charge-daffaires',
      ],
      sources: [
        expect.stringMatching(/^examplewire-2025-09-01-[a-z0-9]{6}$/),
        expect.stringMatching(/^examplewire-2025-09-01-[a-z0-9]{6}$/),
      ],
    });
  });

  test('an id the dataset holds is not taken again', () => {
    const dataset = minimalDataset();
    const taken = 'nor-2025-09-01-accepts-taliban-charge-daffaires';
    dataset.events.push({ ...dataset.events[0]!, id: taken });
    const result = planImport(dataset, csv({}));
    expect(result.ok && result.plan.events.map((e) => e.event.id)).toEqual([
      expect.stringMatching(new RegExp(`^${taken}-[a-z0-9]{6}$`)),
    ]);
  });
});

describe('sources', () => {
  const plan = (text: string) => {
    const result = planImport(minimalDataset(), text);
    if (!result.ok) throw new Error(result.problems.map((p) => p.reason).join('\n'));
    return result.plan;
  };

  test('rows with one URL share one new source', () => {
    const p = plan(csv({}, { actor: 'PAK', summary: 'Pakistan talks.' }));
    expect(p.newSources.map((s) => [s.source.id, s.rows])).toEqual([
      ['examplewire-2025-09-01', [2, 3]],
    ]);
  });

  test('a source the dataset holds is reused, not copied', () => {
    const p = plan(
      csv({
        'source.url': 'https://example.org/report',
        'source.publisher': 'Fixture Wire',
        'source.title': 'Later report',
        'source.date': '2025-06-03',
      }),
    );
    expect([p.newSources.length, p.reusedSources.map((s) => s.source.id)]).toEqual([0, ['wire']]);
  });

  test('the events cite it', () => {
    const p = plan(csv({ 'source.url': 'https://example.org/report' }));
    expect(p.events[0]!.event.cites).toEqual([{ source: 'wire', excerpt: GOOD.excerpt }]);
  });

  test("where a row says otherwise than the dataset's source, the dry run says which is kept", () => {
    const p = plan(
      csv({
        'source.url': 'https://example.org/report',
        'source.publisher': 'Fixture Wire',
        'source.title': 'Later report',
        'source.date': '2025-06-03',
        'source.kind': 'outlet',
      }),
    );
    expect(p.reusedSources[0]!.differences).toEqual([
      'kind: the dataset\'s "wire" is kept (the rows say "outlet")',
    ]);
  });
});

describe('the dry run', () => {
  const run = (text: string) => {
    const result = importEvents(minimalTexts(), text, EDITION, OPTIONS);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    return describeImport(result.before, result.after, result.plan);
  };
  const mapLines = (lines: string[]) => lines.slice(lines.indexOf('On the map:') + 1);

  test('says what the map shows, what it showed and until when', () => {
    const text = csv(
      {},
      {
        actor: 'PAK',
        date: '2025-10-15',
        summary: 'Pakistan and Kabul agree a truce.',
        level: '',
        tension: 'tension',
      },
      { actor: 'un', date: '2025-09-02', summary: 'The UN meets Taliban officials.', level: '' },
      {
        actor: 'west',
        date: '2025-09-03',
        summary: 'Western countries hold talks in Doha.',
        level: 'engaged',
      },
    );
    expect(mapLines(run(text))).toEqual([
      // The group's event two days later speaks for its members, Norway among them.
      '  Norway: “Taliban diplomats accepted” from 1 September 2025 (was “Talks and contacts”), until 3 September 2025.',
      '  Pakistan: “Tension” from 15 October 2025 (was “Armed conflict”), until 1 January 2026.',
      '  United Nations: no change on the map; the event of 2 September 2025 sets no level or tension.',
      '  United States: “Talks and contacts” from 3 September 2025 (was “Isolation and sanctions”), from then on.',
      '  Norway: no change on the map from 3 September 2025 (already “Talks and contacts”).',
    ]);
  });

  test('lists the new events with their ids and rows, and the sources', () => {
    const lines = run(csv({}));
    expect(lines.slice(0, 9)).toEqual([
      'Edition 2 (2026-12-07): 1 event of 1 September 2025 added, with 1 new source.',
      '',
      'Events to add (1):',
      '  nor-2025-09-01-accepts-taliban-charge-daffaires (row 2): Norway, 1 September 2025: Norway accepts a Taliban chargé d’affaires in Oslo.',
      '',
      'New sources (1):',
      '  examplewire-2025-09-01 (row 2): Example Wire, “Norway accepts Taliban envoy”, 1 September 2025, wire, https://example.org/oslo',
      '',
      'Sources reused from the dataset (0):',
    ]);
  });
});

describe('the files written', () => {
  const written = (text: string, options = {}) => {
    const texts = minimalTexts();
    const result = importEvents(texts, text, EDITION, { ...OPTIONS, ...options });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    return { before: texts, after: result.files, result };
  };
  /** Whether every line of `a` is in `b`, in order: `b` only adds lines. */
  const onlyAdds = (a: string, b: string) => {
    const lines = b.split('\n');
    let at = 0;
    return a.split('\n').every((line) => (at = lines.indexOf(line, at) + 1) > 0);
  };

  test.each(['events.json', 'sources.json'] as const)('%s only gains lines', (file) => {
    const { before, after } = written(
      csv({}, { actor: 'CHN', summary: 'China talks.', date: '2022-01' }),
    );
    expect(onlyAdds(before[file]!, after[file])).toBe(true);
  });

  test("a new event sits among its actor's, by date", () => {
    const { after } = written(
      csv({ actor: 'CHN', summary: 'China talks.', date: '2023-01', level: '' }),
    );
    const ids = (JSON.parse(after['events.json']) as { events: { id: string }[] }).events.map(
      (e) => e.id,
    );
    expect(ids.slice(ids.indexOf('chn-embassy'), ids.indexOf('chn-embassy') + 3)).toEqual([
      'chn-embassy',
      'chn-2023-01-talks',
      'chn-ambassador',
    ]);
  });

  test('the edition goes up by one and the changelog gains its entry', () => {
    const { after } = written(csv({}));
    expect([
      (JSON.parse(after['meta.json']) as { edition: number }).edition,
      (JSON.parse(after['changelog.json']) as { editions: unknown[] }).editions.at(-1),
    ]).toEqual([
      2,
      {
        edition: 2,
        date: '2026-12-07',
        summary: '1 event of 1 September 2025 added, with 1 new source.',
        events: { added: ['nor-2025-09-01-accepts-taliban-charge-daffaires'] },
        sources: { added: ['examplewire-2025-09-01'] },
      },
    ]);
  });

  test('--reviewed-through moves the review date and lets later events in', () => {
    const { after } = written(csv({ date: '2026-03-02' }), { reviewedThrough: '2026-06-30' });
    expect((JSON.parse(after['meta.json']) as { reviewedThrough: string }).reviewedThrough).toBe(
      '2026-06-30',
    );
  });
});
