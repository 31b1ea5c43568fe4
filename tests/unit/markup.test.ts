/** Messages with markup as runs of text (src/i18n/markup.ts). */
import { describe, expect, test } from 'vitest';
import { runs } from '../../src/i18n/markup.ts';

/** A compiled message as Paraglide makes one with markup: text, and its parts. */
function withParts(text: string, parts: unknown[]) {
  return Object.assign(() => text, { parts: () => parts });
}

describe('runs', () => {
  test('a message without markup is one plain run', () => {
    expect(runs(() => 'Close')).toEqual([{ text: 'Close', mark: null }]);
  });

  test('inputs reach the message', () => {
    expect(runs((inputs?: { n: number }) => `${inputs?.n} events`, { n: 3 })).toEqual([
      { text: '3 events', mark: null },
    ]);
  });

  test.each([
    {
      name: 'a bold lead-in',
      parts: [
        { type: 'markup-start', name: 'strong' },
        { type: 'text', value: 'Groups.' },
        { type: 'markup-end', name: 'strong' },
        { type: 'text', value: ' An event of a group…' },
      ],
      expected: [
        { text: 'Groups.', mark: 'strong' },
        { text: ' An event of a group…', mark: null },
      ],
    },
    {
      name: 'neighbouring texts with the same markup joined',
      parts: [
        { type: 'text', value: 'See ' },
        { type: 'text', value: 'the ' },
        { type: 'markup-start', name: 'link' },
        { type: 'text', value: 'speaker view' },
        { type: 'markup-end', name: 'link' },
      ],
      expected: [
        { text: 'See the ', mark: null },
        { text: 'speaker view', mark: 'link' },
      ],
    },
  ])('$name', ({ parts, expected }) => {
    expect(runs(withParts('ignored', parts))).toEqual(expected);
  });
});
