/**
 * `npm run import` from the outside: the script runs as a child process on temporary copies of
 * data/, with the template's header and the worked example of data/templates/README.md, and the
 * files it writes are read back and validated.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  readDatasetFolder,
  readFoundingText,
  REPO_ROOT,
  shippedGeometryIds,
} from '../../scripts/dataset-files.ts';
import { IMPORT_COLUMNS } from '../../src/lib/import-events.ts';
import { formatProblem, validateDataset } from '../../src/lib/validate.ts';

const TEMPLATES = join(REPO_ROOT, 'data/templates');
const scratch = mkdtempSync(join(tmpdir(), 'atlas-import-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A fresh copy of data/'s dataset files. */
function dataCopy(name: string): string {
  const dir = join(scratch, name);
  cpSync(join(REPO_ROOT, 'data'), dir, {
    recursive: true,
    filter: (src) => !/[/\\](schema|templates)$/.test(src),
  });
  return dir;
}

/** A test that runs the script waits for tsx to start: seconds on a busy 2-core machine. */
const SCRIPT_TIMEOUT = 60_000;

/** Runs the import script as `npm run import -- ARGS` does, without npm's own output. */
function importCli(args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/import.ts', ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The worked example's CSV block in the templates' README, header first. */
const example = /```csv\n([\s\S]*?)```/.exec(
  readFileSync(join(TEMPLATES, 'README.md'), 'utf8'),
)![1]!;

/** The template with the example's rows under its header, written as a file to import. */
function templateFile(name: string, template: 'events.csv' | 'events.tsv'): string {
  const header = readFileSync(join(TEMPLATES, template), 'utf8');
  const rows = example.split('\n').slice(1).join('\n');
  // The TSV is the CSV's rows as a spreadsheet pastes them: tabs between cells, no quotes needed.
  const body = template === 'events.csv' ? rows : rowsAsTsv(rows);
  const path = join(scratch, name);
  writeFileSync(path, header + body);
  return path;
}

function rowsAsTsv(csv: string): string {
  return csv
    .split('\n')
    .filter(Boolean)
    .map((line) => [...line.matchAll(/("([^"]|"")*"|[^,]*)(,|$)/g)].slice(0, IMPORT_COLUMNS.length))
    .map((cells) =>
      cells.map(([, cell]) => cell!.replace(/^"|"$/g, '').replace(/""/g, '"')).join('\t'),
    )
    .join('\n');
}

/** The dataset's files (not its folders: translations/, schema/, templates/). */
const files = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => [entry.name, readFileSync(join(dir, entry.name), 'utf8')]),
  );

describe('the templates', () => {
  test.each([
    ['events.csv', ','],
    ['events.tsv', '\t'],
  ])('%s holds the header row of the columns', (template, delimiter) => {
    expect(readFileSync(join(TEMPLATES, template), 'utf8')).toBe(
      `${IMPORT_COLUMNS.join(delimiter)}\n`,
    );
  });

  test("the README's worked example starts with the same header", () => {
    expect(example.split('\n')[0]).toBe(IMPORT_COLUMNS.join(','));
  });
});

describe('npm run import -- FILE --write', () => {
  const first = dataCopy('first');
  const second = dataCopy('second');
  const pasted = dataCopy('pasted');
  const csv = templateFile('example.csv', 'events.csv');
  let runs: ReturnType<typeof importCli>[] = [];
  let tsvRun: ReturnType<typeof importCli>;
  beforeAll(() => {
    runs = [first, second].map((dir) =>
      importCli([csv, '--data', dir, '--write', '--date', '2026-12-07']),
    );
    tsvRun = importCli([
      templateFile('example.tsv', 'events.tsv'),
      '--data',
      pasted,
      '--write',
      '--date',
      '2026-12-07',
    ]);
  }, 3 * SCRIPT_TIMEOUT);

  test('exits 0 and names the files it wrote', () => {
    expect(runs.map((r) => [r.code, r.stdout.match(/^Wrote .*$/gm)?.length])).toEqual([
      [0, 4],
      [0, 4],
    ]);
  });

  test('the result validates', () => {
    const result = validateDataset(readDatasetFolder(first), {
      geometryIds: shippedGeometryIds(),
      foundingText: readFoundingText(),
    });
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
  });

  test('the edition goes up and the changelog gains it, with the new event', () => {
    const before = readDatasetFolder(join(REPO_ROOT, 'data'));
    const after = readDatasetFolder(first);
    const edition = (texts: typeof before) =>
      (JSON.parse(texts['meta.json']!) as { edition: number }).edition;
    const log = JSON.parse(after['changelog.json']!) as {
      editions: { edition: number; events?: { added?: string[] } }[];
    };
    expect([edition(after), log.editions.length, log.editions.at(-1)]).toEqual([
      edition(before) + 1,
      edition(before) + 1,
      expect.objectContaining({
        edition: edition(before) + 1,
        events: { added: ['chn-2026-03-16-draft-resolution-extending-un'] },
      }),
    ]);
  });

  test('the same file gives the same files in two fresh copies, and so does its TSV paste', () => {
    expect([files(second), files(pasted)]).toEqual([files(first), files(first)]);
    expect(tsvRun.code).toBe(0);
  });

  test('reuses the source the dataset holds for that URL', () => {
    const count = (dir: string) =>
      (JSON.parse(readFileSync(join(dir, 'sources.json'), 'utf8')) as { sources: unknown[] })
        .sources.length;
    expect(count(first)).toBe(count(join(REPO_ROOT, 'data')));
  });

  test('the diff of events.json shows only the new record', () => {
    const before = readFileSync(join(REPO_ROOT, 'data/events.json'), 'utf8').split('\n');
    const after = readFileSync(join(first, 'events.json'), 'utf8').split('\n');
    const added = after.length - before.length;
    const at = after.findIndex((line, i) => line !== before[i]);
    // The new record's lines sit in one block, everything else as it was.
    expect([...after.slice(0, at), ...after.slice(at + added)]).toEqual(before);
  });

  test(
    'importing it again is refused: the event is already there',
    () => {
      const again = importCli([csv, '--data', first, '--write', '--date', '2026-12-08']);
      expect([again.code, again.stderr.split('\n')[0]]).toEqual([
        1,
        `${csv}:2:summary: this event is already in the dataset as chn-2026-03-16-draft-resolution-extending-un`,
      ]);
    },
    SCRIPT_TIMEOUT,
  );
});

describe('npm run import -- FILE', () => {
  test(
    'a dry run prints the plan and writes nothing',
    () => {
      const dir = dataCopy('dry');
      const before = files(dir);
      const run = importCli([
        templateFile('dry.csv', 'events.csv'),
        '--data',
        dir,
        '--date',
        '2026-12-07',
      ]);
      expect([run.code, run.stdout.split('\n').at(-2), files(dir)]).toEqual([
        0,
        'Dry run: nothing written. Add --write to write these files.',
        before,
      ]);
    },
    SCRIPT_TIMEOUT,
  );

  test(
    'bad rows print FILE:ROW:COLUMN lines, exit 1 and write nothing',
    () => {
      const dir = dataCopy('bad');
      const before = files(dir);
      const good = example.split('\n')[1]!;
      const bad = join(scratch, 'bad.csv');
      writeFileSync(
        bad,
        [
          IMPORT_COLUMNS.join(','),
          good.replace('2026-03-16,CHN', '2026-03-16,XXX'),
          good.replace('https://www.aa.com', 'http://www.aa.com'),
          good.replace(',official,', ',blog,').replace('2026-03-16,CHN', '2026-02-30,CHN'),
        ].join('\n'),
      );
      const run = importCli([bad, '--data', dir, '--write']);
      expect([run.code, run.stderr.split('\n').filter(Boolean), files(dir)]).toEqual([
        1,
        [
          expect.stringMatching(/^.*bad\.csv:2:actor: unknown actor "XXX"/),
          expect.stringMatching(/^.*bad\.csv:3:source\.url: must be an https URL$/),
          expect.stringMatching(/^.*bad\.csv:4:date: not a real calendar date "2026-02-30"$/),
          expect.stringMatching(/^.*bad\.csv:4:source\.kind: unknown kind "blog"/),
          '4 problems; nothing written',
        ],
        before,
      ]);
    },
    SCRIPT_TIMEOUT,
  );
});
