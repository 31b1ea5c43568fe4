/**
 * The bench's 200-country dataset (bench/scale-dataset.ts): valid as any dataset must be, of the
 * size issue 17 asks for, skewed as coverage is, and the same on every run.
 */
import { describe, expect, test } from 'vitest';
import { readFoundingText, shippedGeometryIds } from '../../scripts/dataset-files.ts';
import {
  scaleDatasetTexts,
  shippedDataset,
  shippedGeometryCountries,
} from '../../bench/scale-data.ts';
import { eventCounts, scaleDataset, SCALE } from '../../bench/scale-dataset.ts';
import type { Dataset } from '../../src/lib/schema.ts';
import { formatProblem, validateDataset } from '../../src/lib/validate.ts';

const texts = scaleDatasetTexts();
const result = validateDataset(texts, {
  geometryIds: shippedGeometryIds(),
  foundingText: readFoundingText(),
});
const dataset: Dataset = result.ok ? result.dataset : (undefined as never);
const perActor = (records: { actor: string }[]) => {
  const counts = new Map<string, number>();
  for (const r of records) counts.set(r.actor, (counts.get(r.actor) ?? 0) + 1);
  return [...counts.values()].sort((a, b) => b - a);
};

describe('the scale dataset', () => {
  test('passes the validator with no problem', () => {
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
  });

  test.each([
    ['countries', () => dataset.countries.length, 200],
    ['events', () => dataset.events.length, 5000],
  ])('has %s as asked', (_, count, expected) => {
    expect(count()).toBe(expected);
  });

  test('has sources and quotes in the shipped proportion to events (within a fifth)', () => {
    const shipped = shippedDataset();
    const ratio = (d: Dataset, n: number) => n / d.events.length;
    for (const pick of [(d: Dataset) => d.sources.length, (d: Dataset) => d.quotes.length]) {
      const scaled = ratio(dataset, pick(dataset)) / ratio(shipped, pick(shipped));
      expect(scaled).toBeGreaterThan(0.8);
      expect(scaled).toBeLessThan(1.2);
    }
  });

  test('skews events per country: a few near 80, half of them with 17 or fewer', () => {
    const counts = perActor(dataset.events);
    expect(counts[0]).toBeGreaterThanOrEqual(75);
    expect(counts[0]).toBeLessThanOrEqual(80);
    expect(counts[Math.floor(counts.length / 2)]).toBeLessThanOrEqual(17);
  });

  test('dates some events to the month only, as the shipped data do', () => {
    const monthly = dataset.events.filter((e) => e.date.length === 7).length;
    expect(monthly / dataset.events.length).toBeGreaterThan(0.1);
  });

  test('has disagreements and motives for the added countries', () => {
    const shipped = shippedDataset();
    expect(dataset.disagreements.length).toBeGreaterThan(shipped.disagreements.length * 20);
    expect(dataset.motives.length).toBeGreaterThan(100);
  });

  test('is the same on every run', () => {
    const again = scaleDataset(shippedDataset(), shippedGeometryCountries());
    expect(JSON.stringify(again['events.json'])).toBe(texts['events.json']!.trimEnd());
  });
});

describe('eventCounts', () => {
  test.each([
    [200, 5000, 80],
    [50, 600, 40],
    [10, 30, 5],
  ])('%i countries share %i events, none over %i', (n, total, top) => {
    const counts = eventCounts(n, total, top);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(total);
    expect(Math.max(...counts)).toBe(top);
  });

  test('gives the first country the most', () => {
    const counts = eventCounts(SCALE.countries, SCALE.events, SCALE.topEvents);
    expect(counts[0]).toBe(Math.max(...counts));
  });
});
