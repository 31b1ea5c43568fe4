/**
 * The shipped data against the December 2026 source review
 * (`../shared/sources/sources-vetting-2026-12.md`, section 1): no fact rests only on a source the
 * review calls weak, and every weak source still cited says so by its kind.
 */
import { describe, expect, test } from 'vitest';
import type { Citation } from '../../src/lib/schema.ts';
import { shipped } from './helpers.ts';

/**
 * The 16 sources the review calls weak (aggregators, re-post sites, an entertainment site,
 * propaganda networks, an encyclopaedia), as data: ids stay on this list after they leave the
 * dataset, so a weak source cannot come back unnoticed.
 */
const WEAK_SOURCES: readonly string[] = [
  'wikipedia-embassy-afghanistan-islamabad',
  'asiadaily-2026-02-22',
  'gamereactor-2026-02-27',
  'cognicurrent-2026-03',
  'republicworld-2022-03-22',
  'eadaily-2022-05-11',
  'deultimominuto-2026-01',
  'ria-newspravda-2025-07-03',
  'haqqin-2026-01-16',
  'atlasnews-2024-06-03',
  'newspravda-2023-09-14',
  'islamtimes-2023-12-01',
  'nordiskpost-2025-03-26',
  'evrimagaci-2025-09',
  'europulse-2026-06-06',
  'caravan-2025-10-22',
];

const { dataset } = shipped();
const weak = new Set(WEAK_SOURCES);
const onlyWeak = (cites: readonly Citation[]) => cites.every((c) => weak.has(c.source));

describe('the source review, applied', () => {
  test('lists the 16 weak sources of the review', () => {
    expect(weak.size).toBe(16);
  });

  test('no event rests only on weak sources', () => {
    expect(dataset.events.filter((e) => onlyWeak(e.cites)).map((e) => e.id)).toEqual([]);
  });

  test('no motive, statement or scene rests only on weak sources', () => {
    const records = [...dataset.motives, ...dataset.statements, ...dataset.scenes];
    expect(records.filter((r) => onlyWeak(r.cites)).map((r) => r.id)).toEqual([]);
  });

  test('a weak source still shipped is of kind "other", so readers see its weakness', () => {
    const shown = dataset.sources.filter((s) => weak.has(s.id));
    expect(shown.filter((s) => s.kind !== 'other').map((s) => s.id)).toEqual([]);
  });

  test('only the Qatar decree keeps a weak source, for its date', () => {
    const citing = dataset.events.filter((e) => e.cites.some((c) => weak.has(c.source)));
    expect(citing.map((e) => e.id)).toEqual(['qat-2025-10-21-ambassador-decree']);
  });

  test.each([
    'pak-2026-04-07-urumqi-talks',
    'qat-2025-10-21-ambassador-decree',
    'kgz-2023-04-diplomats-accepted',
  ])('the judgement in %s gives readers its reason in a note', (id) => {
    expect(dataset.events.find((e) => e.id === id)?.note).toMatch(/\S/);
  });

  test('the dataset is reviewed through 23 June 2026, the review’s last day with news', () => {
    expect(dataset.meta.reviewedThrough).toBe('2026-06-23');
  });
});
