import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export interface AxeOptions {
  /** CSS selectors to limit the audit to (default: the whole page). */
  include?: string[];
  /** CSS selectors to leave out of the audit. */
  exclude?: string[];
}

const BLOCKING = new Set(['serious', 'critical']);

/**
 * Runs axe-core (all its default rules) on the page as it is now and fails on any violation of
 * impact "serious" or "critical", listing rule id, impact and the offending elements.
 */
export async function expectNoSeriousAxeViolations(
  page: Page,
  options: AxeOptions = {},
): Promise<void> {
  let builder = new AxeBuilder({ page });
  for (const selector of options.include ?? []) builder = builder.include(selector);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  const results = await builder.analyze();

  const blocking = results.violations.filter((v) => v.impact && BLOCKING.has(v.impact));
  const report = blocking.map((v) => {
    const targets = v.nodes.map((node) => `    ${node.target.map(String).join(' >> ')}`);
    return [`  ${v.id} (${v.impact}): ${v.help} [${v.nodes.length} element(s)]`, ...targets].join(
      '\n',
    );
  });
  expect(
    blocking.length,
    `axe found ${blocking.length} serious/critical violation(s):\n${report.join('\n')}`,
  ).toBe(0);
}
