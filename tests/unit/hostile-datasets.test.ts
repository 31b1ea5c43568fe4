import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { toJsonSchema } from '@valibot/to-json-schema';
import { describe, expect, test } from 'vitest';
import { shippedGeometryIds } from '../../scripts/dataset-files.ts';
import {
  HOSTILE_DATASETS,
  TEXT_FIELDS,
  hostileTexts,
  minimalTexts,
  setValue,
  type HostileCategory,
} from '../fixtures/hostile-datasets.ts';
import { DATASET_FILES, markupIn } from '../../src/lib/schema.ts';
import { formatProblem, validateDataset, type ValidateOptions } from '../../src/lib/validate.ts';
import { FIXTURES, FIXTURE_FOUNDING_TEXT, FIXTURE_GEOMETRY } from './helpers.ts';

/** How the unit tests check a fixture: its own six-country geometry and founding text. */
const FIXTURE_OPTIONS: ValidateOptions = {
  geometryIds: FIXTURE_GEOMETRY,
  foundingText: FIXTURE_FOUNDING_TEXT,
};
/** How the app checks a dataset: the shipped geometry, and no founding article. */
const APP_OPTIONS: ValidateOptions = { geometryIds: shippedGeometryIds() };

const problemLines = (texts: Partial<Record<string, string>>, options: ValidateOptions) => {
  const result = validateDataset(texts, options);
  return result.ok ? [] : result.problems.map(formatProblem);
};

const BROKEN_FOLDERS = readdirSync(join(FIXTURES, 'datasets')).filter((d) =>
  d.startsWith('broken-'),
);

describe('the hostile datasets', () => {
  test('with the broken-* folders, there are at least 50 distinct ones', () => {
    const names = new Set([...HOSTILE_DATASETS.map((c) => c.name), ...BROKEN_FOLDERS]);
    expect(names.size).toBe(HOSTILE_DATASETS.length + BROKEN_FOLDERS.length);
    expect(names.size).toBeGreaterThanOrEqual(50);
  });

  test.each<HostileCategory>([
    'missing file',
    'malformed JSON',
    'wrong type',
    'dangling reference',
    'duplicate id',
    'impossible date',
    'huge',
    'markup',
    'unknown code',
  ])('cover %s with at least three cases', (category) => {
    expect(HOSTILE_DATASETS.filter((c) => c.category === category).length).toBeGreaterThan(2);
  });

  test('leave the minimal fixture itself valid', () => {
    expect(problemLines(minimalTexts(), FIXTURE_OPTIONS)).toEqual([]);
  });
});

describe.each(HOSTILE_DATASETS)('$name ($category)', (c) => {
  test('the validator names file, path and reason', () => {
    expect(problemLines(hostileTexts(c), FIXTURE_OPTIONS)).toContainEqual(
      expect.stringMatching(c.expect),
    );
  });

  test('the app’s own check (shipped geometry, no founding text) names it too', () => {
    expect(problemLines(hostileTexts(c), APP_OPTIONS)).toContainEqual(
      expect.stringMatching(c.expect),
    );
  });

  test('no problem line runs past 300 characters, however huge the value', () => {
    const longest = Math.max(...problemLines(hostileTexts(c), APP_OPTIONS).map((l) => l.length));
    expect(longest).toBeLessThanOrEqual(300);
  });
});

/** Every string in a JSON value, by the path the validator would print. */
function stringLeaves(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringLeaves(v, `${path}[${i}]`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => stringLeaves(v, path ? `${path}.${k}` : k));
  return [];
}

describe('markup anywhere', () => {
  const minimal = minimalTexts();
  const leaves = Object.keys(DATASET_FILES).flatMap((file) =>
    stringLeaves(JSON.parse(minimal[file]!)).map(([path, text]) => ({ file, path, text })),
  );

  // Not only the text fields: an id, a date, a code or a colour with markup in it is refused too.
  test.each(leaves)('markup in $file $path is refused at that path', ({ file, path, text }) => {
    const files = minimalTexts();
    setValue(file, path, `${text}<b data-pwned>`)(files);
    expect(problemLines(files, APP_OPTIONS)).toContainEqual(
      expect.stringMatching(new RegExp(`^${escapeRe(file)}: ${escapeRe(path)}: `)),
    );
  });

  test('every plain-text field of the schema has a markup case', () => {
    const noMarkup = (s: { pattern?: string }) => s.pattern?.includes('<[A-Za-z!/?]') === true;
    const fields = Object.entries(DATASET_FILES).flatMap(([file, schema]) =>
      schemaPaths(toJsonSchema(schema, { errorMode: 'ignore' }) as JsonSchema)
        // `$schema` is one field shared by every file; meta.json's stands for all.
        .filter(([path, s]) => noMarkup(s) && (path !== '$schema' || file === 'meta.json'))
        .map(([path]) => `${file} ${path}`),
    );
    const covered = TEXT_FIELDS.map(([file, path]) => `${file} ${path.replace(/\[\d+\]/g, '[]')}`);
    expect(new Set(covered)).toEqual(new Set(fields));
  });
});

interface JsonSchema {
  pattern?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema | JsonSchema[];
  anyOf?: JsonSchema[];
}

/** Each string schema under a JSON Schema, by path with `[]` for any array index. */
function schemaPaths(schema: JsonSchema, path = ''): [string, JsonSchema][] {
  const out: [string, JsonSchema][] = schema.pattern !== undefined ? [[path, schema]] : [];
  for (const [key, sub] of Object.entries(schema.properties ?? {}))
    out.push(...schemaPaths(sub, path ? `${path}.${key}` : key));
  for (const sub of [schema.items ?? []].flat()) out.push(...schemaPaths(sub, `${path}[]`));
  for (const sub of schema.anyOf ?? []) out.push(...schemaPaths(sub, path));
  return out;
}

function escapeRe(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('markupIn', () => {
  test.each([
    ['Kabul seeks balanced relations.', null],
    ['a < b and c > d', null],
    ['x<3', null],
    ['Tom & Jerry; R & D', null],
    ['AT&T', null],
    ['Hi <script>alert(1)</script>', '"<script>"'],
    ['</p>', '"</p>"'],
    ['<!-- hidden -->', '"<!-- hidden -->"'],
    ['<?php echo 1 ?>', '"<?php echo 1 ?>"'],
    ['a &amp; b', '"&amp;"'],
    ['&#60;script&#62;', '"&#60;"'],
    ['&#x3C;script', '"&#x3C;"'],
    ['<img src=x onerror="alert(document.cookie)">', '"<img src=x onerror=\\"aler…"'],
  ])('%j → %s', (text, expected) => {
    expect(markupIn(text)).toBe(expected);
  });
});

describe('the validator on what the browser tolerates', () => {
  test('a byte-order mark before the JSON is accepted, as fetch drops it', () => {
    const files = minimalTexts();
    files['meta.json'] = `\uFEFF${files['meta.json']!}`;
    expect(problemLines(files, FIXTURE_OPTIONS)).toEqual([]);
  });

  test('a parse error is one line, without the control characters of the file', () => {
    const files = minimalTexts();
    files['meta.json'] = '\u0000\n<script>';
    const [line = ''] = problemLines(files, FIXTURE_OPTIONS);
    // eslint-disable-next-line no-control-regex -- looking for control characters is the point
    expect(line).not.toMatch(/[\u0000-\u001f]/);
  });
});
