/**
 * The data a reader takes away: the view's CSV and the dataset's tables, read back as a
 * spreadsheet would read them.
 */
import { csvParseRows } from 'd3-dsv';
import { strToU8, unzipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import {
  csvText,
  datasetFiles,
  safeCell,
  VIEW_COLUMNS,
  viewTable,
  zipFiles,
} from '../../src/lib/data-export.ts';
import { formatDate } from '../../src/lib/dates.ts';
import { engagementIndex, levelOn } from '../../src/lib/engagement.ts';
import { shipped } from './helpers.ts';

const { dataset } = shipped();
const index = engagementIndex(dataset);
const DAY = '2025-07-10';

/** A CSV as rows of cells, as a spreadsheet reads it: the byte-order mark is not a character. */
function rowsOf(csv: string): string[][] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  return csvParseRows(csv.slice(1).replace(/\r\n$/, ''));
}

describe('safeCell', () => {
  test.each([
    ['a formula', '=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['a plus', '+44 20 7946 0000', "'+44 20 7946 0000"],
    ['a minus', '-1', "'-1"],
    ['an at sign', '@cmd', "'@cmd"],
    ['a tab', '\tx', "'\tx"],
    ['a carriage return', '\rx', "'\rx"],
    ['plain text', 'Kabul', 'Kabul'],
    ['an equals sign inside', 'a = b', 'a = b'],
    ['a number', 3, '3'],
    ['nothing', null, ''],
  ])('%s', (_name, value, written) => {
    expect(safeCell(value)).toBe(written);
  });
});

describe('csvText', () => {
  const table = [
    ['id', 'text'],
    ['1', 'a, b'],
    ['2', 'she said "no"'],
    ['3', 'two\nlines'],
    ['4', '=HYPERLINK("http://example.com")'],
  ];

  test('reads back cell for cell, with commas, quotes and line breaks inside cells', () => {
    expect(rowsOf(csvText(table)).slice(0, 4)).toEqual(table.slice(0, 4));
  });

  test('a formula comes back as text, behind an apostrophe', () => {
    expect(rowsOf(csvText(table))[4]).toEqual(['4', `'=HYPERLINK("http://example.com")`]);
  });

  test('ends each record with CRLF, as RFC 4180 writes it', () => {
    expect(csvText([['a'], ['b']])).toBe('\uFEFFa\r\nb\r\n');
  });
});

describe('the view on a date', () => {
  const rows = rowsOf(csvText(viewTable(dataset, index, DAY)));
  const COUNTRY = VIEW_COLUMNS.indexOf('country_id');
  const LEVEL = VIEW_COLUMNS.indexOf('level');
  const row = (id: string) => {
    const cells = rows.find((r) => r[COUNTRY] === id)!;
    return Object.fromEntries(VIEW_COLUMNS.map((c, i) => [c, cells[i]]));
  };

  test('has one row per country of the dataset, after its header', () => {
    expect(rows[0]).toEqual([...VIEW_COLUMNS]);
    expect(rows.slice(1).map((r) => r[COUNTRY])).toEqual(dataset.countries.map((c) => c.id));
  });

  test('every row has every column', () => {
    expect(rows.filter((r) => r.length !== VIEW_COLUMNS.length)).toEqual([]);
  });

  test('Russia: formal recognition since 3 July 2025, with the sources of that event', () => {
    const level = levelOn(index, 'RUS', DAY)!;
    expect(row('RUS')).toMatchObject({
      date: DAY,
      data_reviewed_through: dataset.meta.reviewedThrough,
      level: 'recognition',
      level_since: '2025-07-03',
      level_event: level.event.id,
      // A source cited twice (for two excerpts) is listed once.
      level_source_ids: [...new Set(level.event.cites.map((c) => c.source))].join('; '),
    });
  });

  test('a country with no level on the date has its row, with the level empty', () => {
    const before = rowsOf(csvText(viewTable(dataset, index, '2021-09-01')));
    expect(before.find((r) => r[COUNTRY] === 'CHN')?.[LEVEL]).toBe('');
  });

  test('every source address it writes is a source’s https URL', () => {
    const urls = new Set(dataset.sources.flatMap((s) => (s.url ? [s.url] : [])));
    const written = rows
      .slice(1)
      .flatMap((r) =>
        ['level_source_urls', 'tension_source_urls', 'motive_source_urls'].flatMap((c) =>
          r[VIEW_COLUMNS.indexOf(c as (typeof VIEW_COLUMNS)[number])]!.split('; ').filter(Boolean),
        ),
      );
    expect(written.length).toBeGreaterThan(0);
    expect(written.filter((u) => !urls.has(u) || !u.startsWith('https://'))).toEqual([]);
  });
});

describe('the dataset’s files', () => {
  const files = datasetFiles(dataset, index);

  test('are the tables, a README, a CITATION.cff and the licence', () => {
    expect(Object.keys(files).sort()).toEqual([
      'CITATION.cff',
      'LICENSE.txt',
      'README.md',
      'citations.csv',
      'events.csv',
      'level-changes.csv',
      'levels.csv',
      'motives.csv',
      'quotes.csv',
      'sources.csv',
      'statements.csv',
    ]);
  });

  test.each(Object.keys(files).filter((n) => n.endsWith('.csv')))(
    '%s: every row has as many cells as its header',
    (name) => {
      const [header, ...rows] = rowsOf(files[name]!);
      expect(rows.filter((r) => r.length !== header!.length)).toEqual([]);
    },
  );

  test.each([
    ['events.csv', dataset.events.length],
    ['sources.csv', dataset.sources.length],
    ['quotes.csv', dataset.quotes.length],
    ['motives.csv', dataset.motives.length],
    ['statements.csv', dataset.statements.length],
    ['levels.csv', dataset.levels.levels.length],
  ])('%s has a row per record: %d', (name, count) => {
    expect(rowsOf(files[name]!).length - 1).toBe(count);
  });

  test("CITATION.cff gives the edition as its version, released on the edition's day", () => {
    const cff = files['CITATION.cff']!;
    const release = dataset.changelog.at(-1)!;
    expect([
      /^version: "(.*)"$/m.exec(cff)?.[1],
      /^date-released: "(.*)"$/m.exec(cff)?.[1],
      /^abstract: "(.*)"$/m.exec(cff)?.[1],
    ]).toEqual([
      String(dataset.meta.edition),
      release.date,
      `Edition ${dataset.meta.edition}, data reviewed through ${formatDate(dataset.meta.reviewedThrough)}.`,
    ]);
  });

  test('the README says how to cite the data: the edition and the review date', () => {
    expect(files['README.md']).toContain(
      `Cite them as:\n${dataset.meta.title}, edition ${dataset.meta.edition}, data reviewed through ${formatDate(dataset.meta.reviewedThrough)}.`,
    );
  });

  test('every README names each table it describes', () => {
    const tables = Object.keys(files).filter((n) => n.endsWith('.csv'));
    expect(tables.filter((t) => !files['README.md']!.includes(`\`${t}\``))).toEqual([]);
  });

  test('the README names every column of the view’s CSV', () => {
    expect(VIEW_COLUMNS.filter((c) => !files['README.md']!.includes(`\`${c}\``))).toEqual([]);
  });

  test('level changes: Russia’s recognition, counted from 3 July 2025', () => {
    const rows = rowsOf(files['level-changes.csv']!);
    expect(
      rows.some((r) => r[0] === 'RUS' && r[3] === '2025-07-03' && r[4] === 'recognition'),
    ).toBe(true);
  });

  test('the quotes are written verbatim', () => {
    const text = rowsOf(files['quotes.csv']!)
      .slice(1)
      .map((r) => r[6]);
    expect(text).toEqual(dataset.quotes.map((q) => safeCell(q.text)));
  });

  test('zipped, they unpack into one folder, byte for byte', () => {
    const unpacked = unzipSync(zipFiles(files, 'kabul-atlas-data'));
    // Compared as bytes: a decoder would drop each CSV's byte-order mark.
    const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
    expect(
      Object.fromEntries(Object.entries(unpacked).map(([name, bytes]) => [name, hex(bytes)])),
    ).toEqual(
      Object.fromEntries(
        Object.entries(files).map(([n, t]) => [`kabul-atlas-data/${n}`, hex(strToU8(t))]),
      ),
    );
  });
});

test('sources.csv gives each source’s kind', () => {
  const [header, ...rows] = rowsOf(datasetFiles(dataset, index)['sources.csv']!);
  const kind = header!.indexOf('kind');
  expect(rows.map((r) => r[kind])).toEqual(dataset.sources.map((s) => s.kind));
});
