/**
 * The command line's runs (bench/cli-report.ts): `tsx scripts/export.ts` timed from start to
 * exit, in Node alone and with `--browser`, into a scratch folder that is removed afterwards.
 * Run after the browser passes, with nothing else running.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { REPO_ROOT } from '../scripts/dataset-files.ts';
import { CLI_ENGINES, type CliEngine, type CliRun } from './cli-report.ts';

const TSX = join(REPO_ROOT, 'node_modules/.bin/tsx');

/** Runs the export script with `args`, and its wall time in ms; throws if it fails. */
function timed(args: string[]): number {
  const start = performance.now();
  const result = spawnSync(TSX, ['scripts/export.ts', ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  const wall = performance.now() - start;
  if (result.status !== 0) {
    throw new Error(`npm run export -- ${args.join(' ')} failed: ${result.stderr.trim()}`);
  }
  return wall;
}

/** `runs` runs of each engine, alternating which goes first. */
export function runCliPass(runs: number, log: (line: string) => void): CliRun[] {
  const scratch = mkdtempSync(join(tmpdir(), 'atlas-bench-cli-'));
  const out: CliRun[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      const order: readonly CliEngine[] = run % 2 === 0 ? CLI_ENGINES : [...CLI_ENGINES].reverse();
      for (const engine of order) {
        const flag = engine === 'browser' ? ['--browser'] : [];
        const picture = timed([
          ...flag,
          '--size',
          '1920x1080',
          '--scale',
          '2',
          '--out',
          join(scratch, `${engine}-${run}.png`),
        ]);
        const scenes = timed([
          ...flag,
          '--all-scenes',
          '--size',
          '1920x1080',
          '--out-dir',
          join(scratch, `${engine}-${run}-scenes`),
        ]);
        log(
          `  ${engine.padEnd(7)} one PNG ${(picture / 1000).toFixed(1)} s, every scene ${(scenes / 1000).toFixed(1)} s`,
        );
        out.push({ engine, run, picture, scenes });
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return out;
}
