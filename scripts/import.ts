/**
 * `npm run import -- FILE [--data DIR] [--write]`: adds the events in FILE (CSV, or TSV pasted
 * from a spreadsheet; templates in data/templates/) to a dataset folder (default data/).
 *
 * Without `--write` it prints what would be added and what the map would show; with it, it writes
 * the dataset's files, the next edition and its changelog entry. A bad row prints
 * `FILE:ROW:COLUMN: reason` (every problem of every row) on stderr, exits 1 and writes nothing.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as prettier from 'prettier';
import { isRealDate } from '../src/lib/dates.ts';
import { formatImportProblem, importEvents } from '../src/lib/import-events.ts';
import { describeImport } from '../src/lib/import-report.ts';
import { formatProblem } from '../src/lib/validate.ts';
import {
  readDatasetFolder,
  readFoundingText,
  REPO_ROOT,
  shippedGeometryIds,
} from './dataset-files.ts';
import { isMain } from './is-main.ts';

const USAGE = `Usage: npm run import -- FILE [options]

  FILE                    the new events, one a row: CSV, or TSV pasted from a spreadsheet
                          (see data/templates/README.md for the columns)
  --data DIR              the dataset folder to add them to; default data
  --write                 write the files; without it, only say what would change
  --reviewed-through DAY  the sources have now been searched up to DAY (YYYY-MM-DD): events
                          up to it are accepted and meta.json says so
  --summary TEXT          the changelog's words for this edition; default: what was added
  --date DAY              the edition's date; default today (UTC)
  --help                  show this`;

/** A problem with the command itself, worth one line, not a stack trace. */
class UsageError extends Error {}

const isDay = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text) && isRealDate(text);

/** The repository's formatting for a data file, wherever the folder is: a diff shows only new records. */
async function formatted(file: string, text: string): Promise<string> {
  const config = await prettier.resolveConfig(join(REPO_ROOT, 'data', file));
  return prettier.format(text, { ...config, filepath: file });
}

/** The day meta.json says the data are reviewed through, if it can be read (the validator says why not). */
function reviewedThroughOf(meta: string | undefined): string | undefined {
  try {
    const day = (JSON.parse(meta ?? '') as { reviewedThrough?: unknown }).reviewedThrough;
    return typeof day === 'string' ? day : undefined;
  } catch {
    return undefined;
  }
}

/** Runs the command; returns its exit code. */
export async function main(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      data: { type: 'string', default: 'data' },
      write: { type: 'boolean', default: false },
      'reviewed-through': { type: 'string' },
      summary: { type: 'string' },
      date: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0)
    throw new UsageError('give one file of events to import (npm run import -- --help)');
  if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(`${file}: no such file`);
  const folder = values.data;
  if (!existsSync(folder) || !statSync(folder).isDirectory())
    throw new UsageError(`${folder}: not a dataset folder`);
  const through = values['reviewed-through'];
  if (through !== undefined && !isDay(through))
    throw new UsageError(
      `--reviewed-through: ${JSON.stringify(through)} is not a day (YYYY-MM-DD)`,
    );
  const date = values.date ?? new Date().toISOString().slice(0, 10);
  if (!isDay(date))
    throw new UsageError(`--date: ${JSON.stringify(date)} is not a day (YYYY-MM-DD)`);

  const texts = readDatasetFolder(folder);
  const reviewed = reviewedThroughOf(texts['meta.json']);
  if (through !== undefined && reviewed !== undefined && through < reviewed)
    throw new UsageError(
      `--reviewed-through: ${through} is before the day the data are already reviewed through (${reviewed})`,
    );
  const result = importEvents(
    texts,
    readFileSync(file, 'utf8'),
    { date, summary: values.summary },
    {
      reviewedThrough: through,
      geometryIds: shippedGeometryIds(),
      foundingText: readFoundingText(),
    },
  );
  if (!result.ok) {
    for (const p of result.problems) console.error(formatImportProblem(file, p));
    for (const p of result.datasetProblems) console.error(`${folder}/${formatProblem(p)}`);
    const count = result.problems.length + result.datasetProblems.length;
    console.error(`${count} problem${count === 1 ? '' : 's'}; nothing written`);
    return 1;
  }
  if (result.plan.events.length === 0) {
    console.log(`${file}: no events to import; nothing written`);
    return 0;
  }
  for (const line of describeImport(result.before, result.after, result.plan)) console.log(line);
  console.log('');
  if (!values.write) {
    console.log('Dry run: nothing written. Add --write to write these files.');
    return 0;
  }
  const out = await Promise.all(
    Object.entries(result.files).map(async ([name, text]) => [name, await formatted(name, text)]),
  );
  for (const [name, text] of out) {
    writeFileSync(join(folder, name!), text!);
    console.log(`Wrote ${join(folder, name!)}`);
  }
  return 0;
}

if (isMain(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error(
        error instanceof UsageError || error instanceof TypeError ? error.message : error,
      );
      process.exitCode = 1;
    },
  );
}
