import { describe, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { formatProblem, validateDataset } from '../../src/lib/validate.ts';
import { FIXTURE_GEOMETRY, FIXTURES, fixtureResult } from './helpers.ts';
import { minimalTexts } from '../fixtures/hostile-datasets.ts';
import { REPO_ROOT } from '../../scripts/dataset-files.ts';

describe('validateDataset', () => {
  test('accepts the minimal fixture', () => {
    expect(fixtureResult('minimal').ok).toBe(true);
  });

  // One broken fixture per rule, with the line the validator must print for it.
  test.each([
    ['missing-file', 'events.json: file is missing'],
    ['not-json', 'motives.json: not valid JSON'],
    [
      'wrong-type',
      'countries.json: countries[1].capital.lat: Invalid type: Expected number but received "north"',
    ],
    ['unknown-actor', 'events.json: events[1].actor: unknown actor "XXX"'],
    ['unknown-source', 'events.json: events[2].cites[0].source: unknown source "nowhere"'],
    ['unknown-level', 'events.json: events[3].level: unknown level "friends"'],
    ['unknown-quote', 'statements.json: statements[0].cites[0].quote: unknown quote "nobody"'],
    ['impossible-date', 'events.json: events[2].date: not a real calendar date "2023-02-30"'],
    [
      'malformed-date',
      'events.json: events[2].date: must be a date as YYYY, YYYY-MM or YYYY-MM-DD (got "1 Dec 2023")',
    ],
    ['duplicate-id', 'events.json: events[3].id: duplicate id "chn-embassy"'],
    ['no-source', 'motives.json: motives[0].cites: needs at least one source'],
    [
      'not-verbatim',
      'motives.json: motives[0].cites[0].excerpt: not verbatim in the founding source: "China accepted an envoy in 2023."',
    ],
    ['not-in-geometry', 'countries.json: countries[6].id: country "ZZZ" is not in the geometry'],
    ['bad-group-member', 'institutions.json: institutions[1].members[2]: unknown country "QQQ"'],
    [
      'follows-unknown-claim',
      'disagreements.json: disagreements[0].mapFollows: "chn-embassy" is not one of the claims',
    ],
    ['duplicate-rank', 'levels.json: levels[1].rank: duplicate rank 5'],
    [
      'extra-key',
      'sources.json: sources[0].secret: Invalid key: Expected never but received "secret"',
    ],
    [
      'from-outside-date',
      'events.json: events[5].from: "2025-07-01" is not within the date "2025-06-03"',
    ],
    ['scene-unknown-country', 'scenes.json: scenes[1].camera.fit[2]: unknown country "QQQ"'],
    ['unknown-founding-source', 'meta.json: foundingSource: unknown source "missing"'],
  ])('broken-%s: %s', (name, expected) => {
    const result = fixtureResult(`broken-${name}`);
    expect(result.ok).toBe(false);
    const lines = result.ok ? [] : result.problems.map(formatProblem);
    expect(lines.some((line) => line.startsWith(expected))).toBe(true);
  });

  test('reports every problem, not only the first', () => {
    const texts = { 'meta.json': '[]', 'levels.json': '{}' };
    const result = validateDataset(texts);
    expect(result.ok ? 0 : result.problems.length).toBeGreaterThanOrEqual(10);
  });
});

describe('the corrections log', () => {
  const second = { edition: 2, date: '2026-02-01', summary: 'A second edition.' };
  /** The minimal fixture with these editions in its changelog and `edition` in its meta. */
  const problemsWith = (editions: object[], edition: number) => {
    const texts = minimalTexts();
    const meta = JSON.parse(texts['meta.json']!) as Record<string, unknown>;
    const log = JSON.parse(texts['changelog.json']!) as { editions: object[] };
    texts['meta.json'] = JSON.stringify({ ...meta, edition });
    texts['changelog.json'] = JSON.stringify({ editions: [...log.editions, ...editions] });
    const result = validateDataset(texts, { geometryIds: FIXTURE_GEOMETRY });
    return result.ok ? [] : result.problems.map(formatProblem);
  };

  test('a second edition, declared in meta.json, is valid', () => {
    expect(problemsWith([second], 2)).toEqual([]);
  });

  test.each([
    {
      case: 'meta.json still names the old edition',
      editions: [second],
      edition: 1,
      expected: "meta.json: edition: 1 is not the changelog's latest edition (2)",
    },
    {
      case: 'an edition skipped',
      editions: [{ ...second, edition: 3 }],
      edition: 3,
      expected:
        'changelog.json: editions[1].edition: must be 2: editions count up from 1 in order (got 3)',
    },
    {
      case: 'a date that goes back',
      editions: [{ ...second, date: '2025-12-31' }],
      edition: 2,
      expected: `changelog.json: editions[1].date: "2025-12-31" is before edition 1's "2026-01-01"`,
    },
    {
      case: 'a day that does not exist',
      editions: [{ ...second, date: '2026-02-30' }],
      edition: 2,
      expected: 'changelog.json: editions[1].date: not a real calendar date "2026-02-30"',
    },
    {
      case: 'an empty list of ids',
      editions: [{ ...second, events: { added: [] } }],
      edition: 2,
      expected: 'changelog.json: editions[1].events.added: must list at least one id',
    },
  ])('$case', ({ editions, edition, expected }) => {
    expect(problemsWith(editions, edition)).toContainEqual(expect.stringContaining(expected));
  });
});

describe('npm run validate', () => {
  const run = (folder: string) => {
    try {
      return {
        code: 0,
        out: execFileSync('npx', ['tsx', 'scripts/validate.ts', folder], {
          cwd: REPO_ROOT,
          encoding: 'utf8',
          stdio: 'pipe',
        }),
      };
    } catch (error) {
      const e = error as { status: number; stderr: string };
      return { code: e.status, out: e.stderr };
    }
  };

  test('exits non-zero and names file, path and value for a broken dataset', () => {
    const { code, out } = run(join(FIXTURES, 'datasets/broken-unknown-actor'));
    expect(code).toBe(1);
    expect(out).toContain('broken-unknown-actor/events.json: events[1].actor: unknown actor "XXX"');
  });

  test('exits non-zero for a folder that does not exist', () => {
    expect(run(join(FIXTURES, 'datasets/no-such-folder')).code).toBe(1);
  });
});
