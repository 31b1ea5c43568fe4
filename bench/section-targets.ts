/**
 * What the bench's own sections (the scale pass, the command line) share: their targets, judged
 * against their figures, as a table, the missed ones' why and fix, and the terminal's summary.
 * Pure: the figures in, the text out.
 */
import { table } from './markdown.ts';
import type { Target } from './targets.ts';
import { judge, marginText, type Verdict } from './verdict.ts';

/** A target of a section, read from that section's figures. */
export interface SectionTarget<F> extends Omit<Target, 'value' | 'source' | 'perPass' | 'gpu'> {
  value: (figures: F) => number | null;
}

export interface Judged<F> {
  target: SectionTarget<F>;
  value: number | null;
  verdict: Verdict;
}

/** Each target with its value and computed verdict. */
export function judgeSection<F>(targets: readonly SectionTarget<F>[], figures: F): Judged<F>[] {
  return targets.map((target) => {
    const value = target.value(figures);
    return { target, value, verdict: judge(value, target.limit, target.comparison) };
  });
}

const LIMIT_WORDS = { 'at-most': '≤', below: '<', 'at-least': '≥' } as const;

const shown = <F>(t: SectionTarget<F>, v: number | null) =>
  v === null || !Number.isFinite(v) ? '–' : t.format(v);

/** The targets as BENCHMARKS.md tables them: limit, measured value, verdict and margin. */
export function targetsTable<F>(judged: readonly Judged<F>[]): string {
  return table(
    ['target', 'limit', 'measured', 'verdict', 'margin'],
    judged.map(({ target, value, verdict }) => [
      target.label,
      `${LIMIT_WORDS[target.comparison]} ${target.format(target.limit)}`,
      shown(target, value),
      verdict.status === 'unmeasured' ? 'not measured' : `**${verdict.status}**`,
      marginText(verdict, target.format),
    ]),
    ['left', 'right', 'right', 'left', 'left'],
  );
}

/** A paragraph per missed target: by how much, why, and what would close it; none if all met. */
export function missedLines<F>(judged: readonly Judged<F>[]): string[] {
  const missed = judged.filter((j) => j.verdict.status === 'missed');
  if (missed.length === 0) return [];
  return [
    '',
    ...missed.map(
      ({ target, value, verdict }) =>
        `- **${target.label}**: ${shown(target, value)}, ${marginText(verdict, target.format)}. ` +
        `${target.why}. *To close it:* ${target.close}.`,
    ),
  ];
}

/** Lines for the terminal's summary. */
export function summaryOf<F>(judged: readonly Judged<F>[]): string[] {
  return judged.map(
    ({ target, value, verdict }) =>
      `${verdict.status.padEnd(10)} ${target.label}: ${value === null ? '–' : target.format(value)}`,
  );
}
