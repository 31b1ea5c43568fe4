import { describe, expect, test } from 'vitest';
import {
  cliFiguresOf,
  cliSection,
  cliSummaryLines,
  judgeCli,
  type CliRun,
} from '../../bench/cli-report.ts';

const RUNS: CliRun[] = [
  { engine: 'node', run: 0, picture: 1200, scenes: 11_000 },
  { engine: 'browser', run: 0, picture: 7300, scenes: 107_000 },
  { engine: 'browser', run: 1, picture: 7100, scenes: 105_000 },
  { engine: 'node', run: 1, picture: 1400, scenes: 12_000 },
];
const figures = cliFiguresOf(RUNS, 15);

describe('cliFiguresOf', () => {
  test('counts the runs of each engine', () => {
    expect(figures.runs).toBe(2);
  });

  test('summarises each engine apart', () => {
    expect([figures.picture.node.median, figures.picture.browser.median]).toEqual([1300, 7200]);
  });
});

describe('judgeCli', () => {
  const verdicts = new Map(judgeCli(figures).map((j) => [j.target.id, j.verdict.status]));

  test.each([
    ['cli-picture', 'met'],
    ['cli-scenes', 'missed'],
  ])('%s is %s, judged on the Node engine’s median', (id, status) => {
    expect(verdicts.get(id)).toBe(status);
  });

  test('an engine without runs is unmeasured, not met', () => {
    const browserOnly = cliFiguresOf(
      RUNS.filter((r) => r.engine === 'browser'),
      15,
    );
    expect(judgeCli(browserOnly).map((j) => j.verdict.status)).toEqual([
      'unmeasured',
      'unmeasured',
    ]);
  });
});

describe('cliSection', () => {
  const text = cliSection(figures).join('\n');

  test('keeps the browser engine as the comparison row', () => {
    expect(text).toMatch(/\| one 1920×1080 PNG at 2x\s*\|.*1\.30 s.*\|.*7\.20 s.*\|\s*0\.18x/);
  });

  test('names the deck’s scene count', () => {
    expect(text).toContain('the 15 scenes at 1920×1080');
  });

  test('says why a missed target missed', () => {
    expect(text).toContain('**Command line: every scene at 1920×1080 (2x PNGs), wall**');
  });
});

test('the terminal summary gives a line per target', () => {
  expect(cliSummaryLines(figures)).toHaveLength(2);
});
