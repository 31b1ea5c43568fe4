/**
 * Writing BENCHMARKS.md: tables and number formats. Pure string building.
 */
import type { Summary } from './stats.ts';

export type Align = 'left' | 'right';

/** A cell's text made safe for a table: no pipes or line breaks to break the row. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/**
 * A GitHub-flavoured Markdown table. Columns are `left` unless `align` says otherwise; the
 * columns are padded to one width so the source reads as a table too.
 * @example table(['page', 'ms'], [['app', '812']], ['left', 'right'])
 * // '| page |  ms |\n| ---- | --: |\n| app  | 812 |'
 */
export function table(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Align[] = [],
): string {
  const cells = [headers, ...rows].map((row) => headers.map((_, i) => cell(row[i] ?? '')));
  const widths = headers.map((_, i) => Math.max(3, ...cells.map((row) => row[i]!.length)));
  const pad = (text: string, i: number) =>
    align[i] === 'right' ? text.padStart(widths[i]!) : text.padEnd(widths[i]!);
  const line = (row: readonly string[]) => `| ${row.map(pad).join(' | ')} |`;
  const rule = widths.map((w, i) =>
    align[i] === 'right' ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w),
  );
  return [line(cells[0]!), `| ${rule.join(' | ')} |`, ...cells.slice(1).map(line)].join('\n');
}

/** Milliseconds, to a sensible precision: `3.2 ms`, `812 ms`, `1.46 s`; `–` for no value. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return '–';
  if (value >= 1000) return `${(value / 1000).toFixed(2)} s`;
  if (value >= 100) return `${Math.round(value)} ms`;
  return `${value.toFixed(1)} ms`;
}

/** Bytes as KB (1 KB = 1000 bytes, as the budgets count): `38.4 KB`; `–` for no value. */
export function kb(bytes: number): string {
  if (!Number.isFinite(bytes)) return '–';
  return `${(bytes / 1000).toFixed(1)} KB`;
}

/** A ratio: `1.04x`; `–` for no value. */
export function times(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(2)}x` : '–';
}

/**
 * A summary as `median (min–max)` in a unit, or `–` when nothing was measured.
 * @example range({ median: 812, min: 790, max: 901, n: 7 }, ms) // '812 ms (790 ms–901 ms)'
 */
export function range(summary: Summary, format: (value: number) => string): string {
  if (summary.n === 0) return '–';
  if (summary.n === 1 || summary.min === summary.max) return format(summary.median);
  return `${format(summary.median)} (${format(summary.min)}–${format(summary.max)})`;
}

/** A whole number with thousands separated: `7,295`; `–` for no value. */
export function count(value: number): string {
  return Number.isFinite(value) ? Math.round(value).toLocaleString('en-GB') : '–';
}
