/**
 * What keeps a date step cheap at 200 countries: levels computed per change day, and tension
 * outlines told apart from the pointer's and the selection's, which the map draws at once.
 */
import { describe, expect, test } from 'vitest';
import {
  changeDays,
  engagementIndex,
  lastChangeOn,
  levelsOn,
  tensionsOn,
} from '../../src/lib/engagement.ts';
import {
  flagsOf,
  onlyTension,
  type OutlineProps,
  type OutlineRole,
} from '../../src/lib/outlines.ts';
import { shipped } from './helpers.ts';

const { dataset } = shipped();
const index = engagementIndex(dataset);
const days = changeDays(index);

describe('changeDays and lastChangeOn', () => {
  test('lists each change day once, in order', () => {
    expect(days).toEqual([...new Set(days)].sort());
  });

  test.each([
    ['before the first change', '2021-01-01', ''],
    ['on a change day', days[3]!, days[3]!],
    ['between two', '2099-01-01', days[days.length - 1]!],
  ])('finds the last change %s', (_, day, expected) => {
    expect(lastChangeOn(days, day)).toBe(expected);
  });

  test('gives every day of the span the levels and tensions of its last change day', () => {
    for (let t = Date.parse(dataset.meta.start); t <= Date.parse('2026-06-23'); t += 9 * 864e5) {
      const day = new Date(t).toISOString().slice(0, 10);
      const from = lastChangeOn(days, day) || day;
      expect(levelsOn(index, from)).toEqual(levelsOn(index, day));
      expect(tensionsOn(index, from)).toEqual(tensionsOn(index, day));
    }
  });
});

describe('onlyTension', () => {
  const held = (id: string, ...roles: OutlineRole[]): [string, OutlineProps] => [
    id,
    flagsOf(id, roles),
  ];
  const before = new Map([held('PAK', 'tension'), held('CHN', 'selected')]);
  test.each<[string, [string, OutlineRole[]][], boolean]>([
    ['a tension that ends', [['CHN', ['selected']]], true],
    [
      'a conflict that starts',
      [
        ['PAK', ['conflict']],
        ['CHN', ['selected']],
        ['IRN', ['conflict']],
      ],
      true,
    ],
    [
      'a new selection',
      [
        ['PAK', ['tension']],
        ['RUS', ['selected']],
      ],
      false,
    ],
    [
      'the pointer on a country',
      [
        ['PAK', ['tension', 'hovered']],
        ['CHN', ['selected']],
      ],
      false,
    ],
  ])('%s: %s', (_, wanted, expected) => {
    expect(onlyTension(before, new Map(wanted))).toBe(expected);
  });
});
