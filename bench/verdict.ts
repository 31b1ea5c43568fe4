/**
 * Met or missed: a measured value against a target's limit, with the margin either way. The
 * verdict is computed here, never written by hand; the prose about a miss lives in targets.ts.
 */

/** `at-most`: value ≤ limit meets it; `below`: value < limit; `at-least`: value ≥ limit. */
export type Comparison = 'at-most' | 'below' | 'at-least';

export interface Verdict {
  /** `unmeasured` when the value is missing (the measurement failed or was skipped). */
  status: 'met' | 'missed' | 'unmeasured';
  /** value − limit, in the value's unit (positive is above the limit). */
  difference: number;
  /** value / limit − 1 (e.g. 0.12 for 12 % above the limit); NaN when the limit is 0. */
  relative: number;
}

/**
 * Judges a value against a limit.
 * @example judge(1.08, 1.05, 'at-most') // { status: 'missed', difference: 0.03…, relative: 0.028… }
 * @example judge(0.9, 1, 'below') // { status: 'met', difference: -0.1…, relative: -0.1… }
 */
export function judge(value: number | null, limit: number, comparison: Comparison): Verdict {
  if (value === null || !Number.isFinite(value)) {
    return { status: 'unmeasured', difference: Number.NaN, relative: Number.NaN };
  }
  const met =
    comparison === 'at-most'
      ? value <= limit
      : comparison === 'below'
        ? value < limit
        : value >= limit;
  return {
    status: met ? 'met' : 'missed',
    difference: value - limit,
    relative: limit === 0 ? Number.NaN : value / limit - 1,
  };
}

/**
 * The margin as words: how far inside or outside the limit, in the unit and in percent.
 * @example marginText(judge(1.08, 1.05, 'at-most'), (v) => `${v.toFixed(2)}x`) // 'over by 0.03x (3 %)'
 * @example marginText(judge(40, 60, 'at-most'), (v) => `${v} KB`) // '20 KB to spare (33 %)'
 */
export function marginText(verdict: Verdict, format: (value: number) => string): string {
  if (verdict.status === 'unmeasured') return 'not measured';
  const amount = format(Math.abs(verdict.difference));
  const percent = Number.isFinite(verdict.relative)
    ? ` (${Math.round(Math.abs(verdict.relative) * 100)} %)`
    : '';
  if (verdict.difference === 0) return 'exactly at the limit';
  const above = verdict.difference > 0;
  // Above the limit is a miss for at-most/below targets and spare for at-least ones; the words
  // follow the verdict, not the sign.
  if (verdict.status === 'met') return `${amount} to spare${percent}`;
  return `${above ? 'over' : 'short'} by ${amount}${percent}`;
}
