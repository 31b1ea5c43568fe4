/**
 * Long panels (src/lib/long-panel.ts): a country with eighty events gets a summary and pages of
 * its latest events; a shipped country's timeline is listed in full, as before.
 */
import { describe, expect, test } from 'vitest';
import { scaleDatasetTexts } from '../../bench/scale-data.ts';
import { dossierOf, type DossierEvent } from '../../src/lib/dossier.ts';
import { engagementIndex } from '../../src/lib/engagement.ts';
import {
  EVENT_PAGE,
  eventDigest,
  eventPage,
  levelSteps,
  listedSources,
  LONG_TIMELINE,
} from '../../src/lib/long-panel.ts';
import { validateDataset } from '../../src/lib/validate.ts';
import { shipped } from './helpers.ts';

const result = validateDataset(scaleDatasetTexts());
const scale = result.ok ? result.dataset : (undefined as never);
const pakistan = dossierOf(scale, engagementIndex(scale), 'PAK', scale.meta.reviewedThrough)!;

function event(id: string, date: string, extra: Partial<DossierEvent> = {}): DossierEvent {
  return {
    id,
    date,
    dateLabel: date,
    dateNote: null,
    summary: id,
    level: null,
    tension: null,
    claimedBy: null,
    note: null,
    dispute: null,
    via: null,
    citations: [],
    ...extra,
  };
}
const level = (label: string, rank: number) => ({ id: label, label, rank });

test('no shipped country has a timeline long enough to be paged', () => {
  const { dataset } = shipped();
  const index = engagementIndex(dataset);
  const longest = Math.max(
    ...dataset.countries.map(
      (c) => dossierOf(dataset, index, c.id, dataset.meta.reviewedThrough)!.events.length,
    ),
  );
  expect(longest).toBeLessThanOrEqual(LONG_TIMELINE);
});

describe('eventDigest', () => {
  const digest = eventDigest([
    event('a', '2021-09-01', { level: level('Talks', 2) }),
    event('b', '2021-10', { level: level('Talks', 2), tension: { state: 'tension', label: 'T' } }),
    event('c', '2023-01-05', { level: level('Embassy', 3), claimedBy: 'Kabul' }),
    event('d', '2022'),
  ]);

  test('counts events per year, oldest first', () => {
    expect(digest.byYear.map(({ year, count }) => [year, count])).toEqual([
      ['2021', 2],
      ['2022', 1],
      ['2023', 1],
    ]);
  });

  test('lists each change of level once', () => {
    expect(digest.levelPath.map((p) => p.label)).toEqual(['Talks', 'Embassy']);
  });

  test('writes each year as formatDate does, by default', () => {
    expect(digest.byYear.map((y) => y.label)).toEqual(['2021', '2022', '2023']);
  });

  test('counts what the events changed', () => {
    expect([digest.levelChanges, digest.tensions, digest.disputed, digest.claims]).toEqual([
      3, 1, 0, 1,
    ]);
  });
});

test.each([
  [2, ['A', 'B']],
  [5, ['A', 'B', 'C', 'D', 'E']],
  [8, ['A', null, 'F', 'G', 'H']],
])('levelSteps of %i changes: %j (null for the ellipsis)', (n, steps) => {
  const path = 'ABCDEFGH'
    .slice(0, n)
    .split('')
    .map((label, i) => ({ label, dateLabel: String(i + 1) }));
  expect(levelSteps(path).map((step) => step?.label ?? null)).toEqual(steps);
});

describe('eventPage', () => {
  const events = ['2021-09-01', '2022-01-01', '2022-05-01', '2023-02-01'].map((d) => event(d, d));

  test('shows the latest first, grouped by year', () => {
    expect(eventPage(events, 3).years.map((y) => [y.year, y.events.map((e) => e.id)])).toEqual([
      ['2023', ['2023-02-01']],
      ['2022', ['2022-05-01', '2022-01-01']],
    ]);
  });

  test('heads each year as formatDate writes it, by default', () => {
    expect(eventPage(events, 4).years.map((y) => y.label)).toEqual(['2023', '2022', '2021']);
  });

  test.each([
    [3, 1],
    [4, 0],
    [10, 0],
  ])('showing %i leaves %i hidden', (shown, hidden) => {
    expect(eventPage(events, shown).hidden).toBe(hidden);
  });
});

describe('a writer of dates: year labels in the edition’s calendar, groups by Gregorian year', () => {
  /** A writer that shows where it wrote; the Solar Hijri writer gives '12 Jadi 1403 – 10 Jadi 1404'. */
  const marked = (date: string) => `<${date}>`;
  const events = ['2021-09-01', '2022-01-01', '2022-05-01'].map((d) => event(d, d));

  test.each<[string, () => string[]]>([
    ['eventDigest byYear', () => eventDigest(events, marked).byYear.map((y) => y.label)],
    ['eventPage years', () => eventPage(events, 3, marked).years.map((y) => y.label)],
  ])('%s are labelled by the writer', (_, labels) => {
    expect([...labels()].sort()).toEqual(['<2021>', '<2022>']);
  });

  test('the writer changes no grouping', () => {
    expect(eventPage(events, 3, marked).years.map((y) => [y.year, y.events.length])).toEqual([
      ['2022', 2],
      ['2021', 1],
    ]);
  });
});

describe('Pakistan at 200 countries', () => {
  test('is long enough to be paged', () => {
    expect(pakistan.events.length).toBeGreaterThan(LONG_TIMELINE * 3);
  });

  test('keeps every source of each shown event in the list', () => {
    const { hidden } = eventPage(pakistan.events, EVENT_PAGE);
    const listed = new Set(
      listedSources(pakistan, pakistan.events.slice(0, hidden)).map((s) => s.id),
    );
    const shownEvents = pakistan.events.slice(hidden);
    const missing = shownEvents.flatMap((e) =>
      e.citations.map((c) => c.source.id).filter((id) => !listed.has(id)),
    );
    expect(missing).toEqual([]);
  });

  test('leaves out sources cited by hidden events alone', () => {
    const { hidden } = eventPage(pakistan.events, EVENT_PAGE);
    const listed = listedSources(pakistan, pakistan.events.slice(0, hidden));
    expect(listed.length).toBeLessThan(pakistan.sources.length / 2);
  });

  test('lists every source when nothing is hidden', () => {
    expect(listedSources(pakistan, [])).toBe(pakistan.sources);
  });
});
