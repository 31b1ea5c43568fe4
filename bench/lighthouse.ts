/**
 * Lighthouse scores for the built app, in the same headless Chromium as the browser tests.
 *
 *   npx tsx bench/lighthouse.ts [--preset desktop|mobile] [--url URL] [--json FILE]
 *
 * Builds nothing: without --url it serves dist/ on a free port (run `npx vite build` first).
 * Prints the four category scores, the metrics, and every failing audit with what it found;
 * --json saves the full Lighthouse report (open it in https://googlechrome.github.io/lighthouse/viewer/).
 *
 * `lighthouseScores` is what bench/run.ts imports (the median of several runs); importing this
 * module starts nothing.
 */
import { launch } from 'chrome-launcher';
import lighthouse, { type Config, type Flags, type Result } from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CHROMIUM_ARGS, findChromium, NO_CHROMIUM_MESSAGE } from '../scripts/ensure-chromium.ts';
import { isMain } from '../scripts/is-main.ts';
import { startServer } from '../scripts/serve.ts';

export type LighthousePreset = 'desktop' | 'mobile';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type LighthouseCategory = (typeof CATEGORIES)[number];

/** An audit that pulls a category's score down. */
export interface FailingAudit {
  id: string;
  title: string;
  /** 0–1 as Lighthouse gives it; null when the audit errored. */
  score: number | null;
}

export interface LighthouseScores {
  /** 0–100 per category, as the Lighthouse report shows them. */
  scores: Record<LighthouseCategory, number>;
  failing: FailingAudit[];
  /** With several runs: each run's performance score, in run order (the scores are the median run's). */
  performanceRuns?: number[];
}

/** Audits that never carry a pass/fail: informational, not applicable here, or checked by hand. */
const UNSCORED = new Set(['informative', 'notApplicable', 'manual']);

/**
 * Runs Lighthouse `runs` times against `url`, each in a fresh headless Chromium, and returns the
 * category scores and failing audits of the median run: the one closest to the median first
 * contentful paint and time to interactive (Lighthouse's `computeMedianRun`, what its docs advise
 * against the variance of a single run), with every run's performance score beside them.
 *
 * `desktop` is Lighthouse's desktop preset (1350x940, no CPU slowdown, fast network); `mobile`
 * is its default (a Moto G Power on slow 4G with 4x CPU slowdown, simulated).
 *
 * @example
 *   const { scores, failing } = await lighthouseScores('http://localhost:4173/', 'desktop', 5);
 *   scores.performance; // 97
 *   failing;            // [{ id: 'color-contrast', title: 'Background and foreground…', score: 0 }]
 */
export async function lighthouseScores(
  url: string,
  preset: LighthousePreset,
  runs = 1,
): Promise<LighthouseScores> {
  const reports: Result[] = [];
  for (let i = 0; i < runs; i++) reports.push(await lighthouseReport(url, preset));
  const summary = summarise(reports.length > 1 ? computeMedianRun(reports) : reports[0]!);
  if (reports.length === 1) return summary;
  return {
    ...summary,
    performanceRuns: reports.map((r) => Math.round((r.categories.performance?.score ?? 0) * 100)),
  };
}

/** The full Lighthouse result of one run (what the CLI prints details from and saves). */
export async function lighthouseReport(url: string, preset: LighthousePreset): Promise<Result> {
  const chromePath = findChromium();
  if (!chromePath) throw new Error(NO_CHROMIUM_MESSAGE);
  const chrome = await launch({
    chromePath,
    chromeFlags: ['--headless', ...CHROMIUM_ARGS],
    logLevel: 'silent',
  });
  try {
    const flags: Flags = {
      port: chrome.port,
      logLevel: 'error',
      output: 'json',
      onlyCategories: [...CATEGORIES],
    };
    const config: Config | undefined = preset === 'desktop' ? desktopConfig : undefined;
    const result = await lighthouse(url, flags, config);
    if (!result) throw new Error(`Lighthouse returned no result for ${url}`);
    const { lhr } = result;
    // A page that did not load still yields a report, with null scores: say why instead.
    if (lhr.runtimeError) {
      throw new Error(`Lighthouse could not audit ${url}: ${lhr.runtimeError.message}`);
    }
    return lhr;
  } finally {
    chrome.kill();
  }
}

/** Category scores (0–100) and failing audits from a Lighthouse result. */
export function summarise(lhr: Result): LighthouseScores {
  const scores = {} as Record<LighthouseCategory, number>;
  const failing: FailingAudit[] = [];
  const seen = new Set<string>();
  for (const id of CATEGORIES) {
    const category = lhr.categories[id];
    if (!category) throw new Error(`Lighthouse report has no ${id} category`);
    if (category.score === null) throw new Error(`Lighthouse could not score ${id}`);
    scores[id] = Math.round(category.score * 100);
    for (const ref of category.auditRefs) {
      const audit = lhr.audits[ref.id];
      if (!audit || seen.has(audit.id) || UNSCORED.has(audit.scoreDisplayMode)) continue;
      if (audit.score !== null && audit.score >= 1) continue;
      seen.add(audit.id);
      failing.push({ id: audit.id, title: audit.title, score: audit.score });
    }
  }
  return { scores, failing };
}

/** The metrics Lighthouse weighs into performance, as it displays them ("1.2 s", "0.003"). */
const METRICS = [
  'first-contentful-paint',
  'largest-contentful-paint',
  'total-blocking-time',
  'cumulative-layout-shift',
  'speed-index',
  'interactive',
];

/** One line per item in an audit's details table, for the CLI: the element or URL and its value. */
function describeItems(audit: Result['audits'][string], limit = 8): string[] {
  const details = audit.details as { items?: Record<string, unknown>[] } | undefined;
  const items = details?.items ?? [];
  const lines = items.slice(0, limit).map((item) => {
    const parts: string[] = [];
    for (const [key, value] of Object.entries(item)) {
      if (value === null || value === undefined || key === 'subItems') continue;
      if (typeof value === 'object') {
        const node = value as { type?: string; snippet?: string; selector?: string; url?: string };
        if (node.type === 'node') parts.push(`${node.selector ?? ''} ${node.snippet ?? ''}`.trim());
        else if (node.url) parts.push(node.url);
        continue;
      }
      parts.push(`${key}=${String(value)}`);
    }
    return parts.join('  ');
  });
  if (items.length > limit) lines.push(`… and ${items.length - limit} more`);
  return lines;
}

if (isMain(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      preset: { type: 'string', default: 'desktop' },
      url: { type: 'string' },
      json: { type: 'string' },
    },
  });
  const preset = values.preset;
  if (preset !== 'desktop' && preset !== 'mobile') {
    console.error(`--preset must be desktop or mobile, not ${preset}`);
    process.exit(1);
  }
  const server = values.url ? null : await startServer({ root: 'dist', port: 0 });
  try {
    const url = values.url ?? server?.url ?? '';
    const lhr = await lighthouseReport(url, preset);
    const { scores, failing } = summarise(lhr);
    console.log(`Lighthouse ${lhr.lighthouseVersion}, ${preset}, ${url}`);
    for (const id of CATEGORIES) console.log(`  ${id.padEnd(15)} ${scores[id]}`);
    console.log('Metrics:');
    for (const id of METRICS) {
      const audit = lhr.audits[id];
      if (audit) console.log(`  ${audit.title.padEnd(26)} ${audit.displayValue ?? '–'}`);
    }
    console.log(failing.length ? 'Failing audits:' : 'No failing audits.');
    for (const { id, title, score } of failing) {
      const audit = lhr.audits[id];
      const value = audit?.displayValue ? ` (${audit.displayValue})` : '';
      console.log(`  ${id}: ${title}, score ${score ?? 'error'}${value}`);
      if (audit?.errorMessage) console.log(`      ${audit.errorMessage}`);
      if (audit) for (const line of describeItems(audit)) console.log(`      ${line}`);
    }
    if (values.json) {
      writeFileSync(values.json, JSON.stringify(lhr, null, 2));
      console.log(values.json);
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  } finally {
    await server?.close();
  }
}
