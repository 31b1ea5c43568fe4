import { describe, expect, test } from 'vitest';
import { benchDates, pageData } from '../../bench/page-data.ts';
import { OPENING_BOUNDS, OPENING_PADDING } from '../../bench/pages/shared/view.ts';
import { engagementIndex, levelOn } from '../../src/lib/engagement.ts';
import { REGION_BOUNDS } from '../../src/lib/scene-view.ts';
import { minimalDataset } from './helpers.ts';

const dataset = minimalDataset();
const data = pageData(dataset, 3);

/** The colour a `match` on the id gives a country. */
function colourOf(expression: unknown[], id: string): unknown {
  const pairs = expression.slice(2, -1);
  for (let i = 0; i < pairs.length; i += 2) if (pairs[i] === id) return pairs[i + 1];
  return expression[expression.length - 1];
}

describe('benchDates', () => {
  test('start at the default date and step back a month each, as Page Down does', () => {
    expect(benchDates(dataset, 3)).toEqual(['2026-01-01', '2025-12-01', '2025-11-01']);
  });
});

describe('pageData fills', () => {
  const colours = new Map(dataset.levels.levels.map((l) => [l.id, l.color]));
  const index = engagementIndex(dataset);

  test.each(['CHN', 'RUS', 'PAK', 'NOR', 'USA'])(
    '%s has the colour of its level on each date',
    (id) => {
      data.dates.forEach((day, i) => {
        expect(colourOf(data.fills[i]!, id)).toBe(colours.get(levelOn(index, id, day)!.level));
      });
    },
  );

  test('Afghanistan is in the focus colour', () => {
    expect(colourOf(data.fills[0]!, 'AFG')).toBe(dataset.levels.focus.color);
  });

  test('a country the sources do not mention is in the no-data colour', () => {
    expect(colourOf(data.fills[0]!, 'FRA')).toBe(dataset.levels.noData.color);
  });

  test('the fill matches on the id property, as the pages decode it', () => {
    expect(data.fills[0]!.slice(0, 2)).toEqual(['match', ['get', 'id']]);
  });
});

describe('pageData arcs', () => {
  test('run from the partner’s capital to Kabul', () => {
    expect(data.arcs.map((a) => [a.actor, a.from, a.to])).toEqual([
      ['CHN', [116.4, 39.9], [69.17, 34.53]],
    ]);
  });

  test('are in their category’s colour', () => {
    expect(data.arcs[0]!.color).toEqual([0xe6, 0xae, 0x00]);
  });

  test('show on every date after their motive counts', () => {
    expect(data.shown).toEqual([[0], [0], [0]]);
  });

  test('do not show before their motive counts', () => {
    const early = { ...dataset, events: dataset.events.filter((e) => e.date < '2024') };
    expect(pageData(early, 1).shown).toEqual([[]]);
  });
});

describe('the pages’ opening view', () => {
  test('is the app’s region', () => {
    expect(OPENING_BOUNDS).toEqual(REGION_BOUNDS);
  });

  test('has the app’s 20 px padding', () => {
    expect(OPENING_PADDING).toBe(20);
  });
});
