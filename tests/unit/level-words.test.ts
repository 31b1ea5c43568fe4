import { describe, expect, test } from 'vitest';
import { engagementIndex, levelsOn, tensionsOn } from '../../src/lib/engagement.ts';
import { levelWords, mapAnnouncement, stateAnnouncement } from '../../src/lib/level-words.ts';
import { shipped } from './helpers.ts';

const { dataset } = shipped();
const index = engagementIndex(dataset);
const onDate = (day: string) => ({
  levels: levelsOn(index, day),
  tensions: tensionsOn(index, day),
});

describe('a country’s standing in words', () => {
  test.each([
    ['RUS', '2025-07-10', 'Formal recognition since 3 July 2025'],
    ['MNG', '2025-07-10', 'No data'],
    ['AFG', '2025-07-10', dataset.levels.focus.description],
  ])('%s on %s: “%s”', (id, day, words) => {
    expect(levelWords(dataset.levels, onDate(day), id).detail).toBe(words);
  });

  test('a country in conflict with Kabul says so, and since when', () => {
    expect(levelWords(dataset.levels, onDate('2025-10-12'), 'PAK').detail).toMatch(
      /; armed conflict since 11 October 2025$/,
    );
  });

  test('the colour is the level’s', () => {
    const recognition = dataset.levels.levels.find((l) => l.id === 'recognition')!;
    expect(levelWords(dataset.levels, onDate('2025-07-10'), 'RUS').color).toBe(recognition.color);
  });
});

describe('what a screen reader hears when the map settles', () => {
  test.each([
    [null, false, 'Map date 10 July 2025.'],
    [
      { name: 'China', detail: 'Ambassador level' },
      false,
      'Map date 10 July 2025. China selected: Ambassador level.',
    ],
    [{ name: 'China', detail: 'Ambassador level' }, true, ''],
  ])('selection %j, playing %s: “%s”', (selection, playing, words) => {
    expect(mapAnnouncement('2025-07-10', selection, playing)).toBe(words);
  });
});

describe('what a screen reader hears of a state', () => {
  test('the selection is named by the caller and described by its level on the date', () => {
    const state = { ...onDate('2025-07-10'), date: '2025-07-10', selected: 'RUS', playing: false };
    expect(stateAnnouncement(dataset.levels, state, (id) => `name of ${id}`)).toBe(
      'Map date 10 July 2025. name of RUS selected: Formal recognition since 3 July 2025.',
    );
  });
});
