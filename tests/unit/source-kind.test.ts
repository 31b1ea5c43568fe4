import { describe, expect, test } from 'vitest';
import { SOURCE_KINDS } from '../../src/lib/schema.ts';
import {
  SOURCE_KIND_DESCRIPTIONS,
  SOURCE_KIND_LABELS,
  sourceCredit,
} from '../../src/lib/source-kind.ts';

describe('sourceCredit: a publisher with its kind, as plain text', () => {
  test.each([
    [
      { publisher: 'Business Recorder (Reuters)', kind: 'wire' as const },
      'Business Recorder (Reuters) · wire',
    ],
    [{ publisher: 'TASS', kind: 'official' as const }, 'TASS · official'],
    [{ publisher: 'Amu TV', kind: 'regional' as const }, 'Amu TV · regional'],
    [{ publisher: 'Caravan Info', kind: 'other' as const }, 'Caravan Info · other'],
  ])('%o → %s', (source, expected) => {
    expect(sourceCredit(source)).toBe(expected);
  });

  test('every kind has a label and a description', () => {
    for (const kind of SOURCE_KINDS) {
      expect([SOURCE_KIND_LABELS[kind], SOURCE_KIND_DESCRIPTIONS[kind]]).toEqual([
        expect.stringMatching(/\S/),
        expect.stringMatching(/\S/),
      ]);
    }
  });
});
