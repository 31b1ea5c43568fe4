/**
 * Reading a dataset the build has checked (src/data/digest.ts, src/lib/dataset-files.ts): the
 * same bytes only, and the same dataset the validator would give.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readDatasetFolder, REPO_ROOT, shippedGeometryIds } from '../../scripts/dataset-files.ts';
import { checkedAtBuild } from '../../src/data/digest.ts';
import { assembleDataset, DATASET_FILE_NAMES } from '../../src/lib/dataset-files.ts';
import { DATASET_FILES } from '../../src/lib/schema.ts';
import { validateDataset } from '../../src/lib/validate.ts';

const texts = readDatasetFolder(join(REPO_ROOT, 'data')) as Record<string, string>;
const byUrl = Object.fromEntries(Object.entries(texts).map(([f, t]) => [`data/${f}`, t]));
/** What the build writes: each file's SHA-256 by its URL. */
const digest = Object.fromEntries(
  Object.entries(byUrl).map(([url, text]) => [
    url,
    createHash('sha256').update(text).digest('hex'),
  ]),
);
const bytesOf = (files: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(files).map(([url, text]) => [url, new TextEncoder().encode(text)]),
  );

describe('checkedAtBuild', () => {
  test.each([
    { name: 'the same files', files: byUrl, expected: true },
    {
      name: 'a byte changed',
      files: { ...byUrl, 'data/meta.json': `${byUrl['data/meta.json']} ` },
      expected: false,
    },
    { name: 'a file missing', files: { ...byUrl, 'data/meta.json': undefined }, expected: false },
    { name: 'a file more', files: { ...byUrl, 'data/extra.json': '{}' }, expected: false },
    {
      name: 'two files’ texts swapped',
      files: {
        ...byUrl,
        'data/meta.json': byUrl['data/levels.json'],
        'data/levels.json': byUrl['data/meta.json'],
      },
      expected: false,
    },
    {
      name: 'the end of one file moved to the start of the next',
      files: {
        ...byUrl,
        'data/countries.json': byUrl['data/countries.json']!.slice(0, -1),
        'data/disagreements.json': `${byUrl['data/countries.json']!.slice(-1)}${byUrl['data/disagreements.json']}`,
      },
      expected: false,
    },
  ])('$name: $expected', async ({ files, expected }) => {
    const present = Object.fromEntries(
      Object.entries(files).filter((entry): entry is [string, string] => entry[1] !== undefined),
    );
    expect(await checkedAtBuild(bytesOf(present), digest)).toBe(expected);
  });

  test('a build whose dataset failed its checks vouches for nothing', async () => {
    expect(await checkedAtBuild(bytesOf(byUrl), null)).toBe(false);
  });
});

describe('assembleDataset', () => {
  test('names the files the schemas do, in their order', () => {
    expect([...DATASET_FILE_NAMES]).toEqual(Object.keys(DATASET_FILES));
  });

  test('makes of the parsed files the dataset the validator gives', () => {
    const result = validateDataset(texts, { geometryIds: shippedGeometryIds() });
    if (!result.ok) throw new Error('the shipped dataset does not validate');
    const parsed = Object.fromEntries(DATASET_FILE_NAMES.map((f) => [f, JSON.parse(texts[f]!)]));
    expect(assembleDataset(parsed as Record<(typeof DATASET_FILE_NAMES)[number], unknown>)).toEqual(
      result.dataset,
    );
  });
});
