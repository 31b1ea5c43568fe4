/**
 * Arcs that stay legible at 200 countries (`strongestArcs`), and the shipped map's arcs as they
 * were: under the limit nothing is left out.
 */
import { describe, expect, test } from 'vitest';
import {
  ARC_LIMIT,
  arcFeatures,
  strongestArcs,
  visibleArcIds,
  type ArcProps,
} from '../../src/lib/arcs.ts';
import { countsFrom, eventDaysByActor, eventsBy } from '../../src/lib/engagement.ts';
import { MOTIVE_CATEGORIES } from '../../src/lib/schema.ts';
import { shipped } from './helpers.ts';

const arc = (id: string, actor: string): ArcProps => ({
  id,
  actor,
  category: 'economic',
  from: '2021-08-15',
});
const ARCS = [arc('a1', 'A'), arc('b1', 'B'), arc('b2', 'B'), arc('c1', 'C'), arc('d1', 'D')];
const ALL = new Set(ARCS.map((a) => a.id));
const STRENGTH: Record<string, number> = { A: 1, B: 3, C: 2, D: 0 };

describe('strongestArcs', () => {
  test.each([
    ['all of them under the limit', 5, null, ['a1', 'b1', 'b2', 'c1', 'd1'], 0],
    ['the strongest countries’ arcs over it', 3, null, ['b1', 'b2', 'c1'], 2],
    ['the selected country’s arcs besides the limit', 3, 'D', ['b1', 'b2', 'c1', 'd1'], 1],
  ])('draws %s', (_, limit, selected, ids, leftOut) => {
    const drawn = strongestArcs(ARCS, ALL, (a) => STRENGTH[a]!, limit, selected);
    expect([[...drawn.ids].sort(), drawn.leftOut]).toEqual([ids, leftOut]);
  });

  test('draws only arcs that are shown', () => {
    const drawn = strongestArcs(ARCS, new Set(['a1', 'd1']), (a) => STRENGTH[a]!, 1);
    expect([[...drawn.ids], drawn.leftOut]).toEqual([['a1'], 1]);
  });

  test('keeps data order among equals', () => {
    const drawn = strongestArcs(ARCS, ALL, () => 0, 2);
    expect([...drawn.ids]).toEqual(['a1', 'b1']);
  });
});

describe('the shipped map’s arcs', () => {
  const { dataset } = shipped();
  const arcs = arcFeatures(dataset).features.map((f) => f.properties);
  const days = [...new Set(dataset.events.map(countsFrom))].sort();

  test('are fewer than the limit, so none is ever left out', () => {
    expect(arcs.length).toBeLessThanOrEqual(ARC_LIMIT);
  });

  test('are drawn on every event day exactly as visibleArcIds shows them', () => {
    const all = new Set(MOTIVE_CATEGORIES);
    for (const day of days) {
      const shown = visibleArcIds(arcs, day, all);
      expect(strongestArcs(arcs, shown, () => 0)).toEqual({ ids: shown, leftOut: 0 });
    }
  });
});

describe('eventsBy', () => {
  const days = ['2021-09-01', '2022-01-01', '2022-01-01', '2023-01-01'];
  test.each([
    ['2021-08-31', 0],
    ['2021-09-01', 1],
    ['2022-01-01', 3],
    ['2026-01-01', 4],
  ])('counts the events by %s: %i', (day, n) => {
    expect(eventsBy(days, day)).toBe(n);
  });

  test('counts none for an actor without events', () => {
    expect(eventsBy(undefined, '2026-01-01')).toBe(0);
  });

  test('eventDaysByActor sorts each actor’s days', () => {
    const { dataset } = shipped();
    const pak = eventDaysByActor(dataset.events).get('PAK')!;
    expect(pak).toEqual([...pak].sort());
    expect(pak).toHaveLength(dataset.events.filter((e) => e.actor === 'PAK').length);
  });
});
