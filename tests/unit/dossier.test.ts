/**
 * The side panel's dossier: everything shown for one actor on one day, from the shipped dataset
 * (and the minimal fixture where a small case is clearer).
 */
import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { readDatasetFolder, REPO_ROOT } from '../../scripts/dataset-files.ts';
import { formatDate } from '../../src/lib/dates.ts';
import { dossierOf, noMotiveNote, uncoveredDossier, type Dossier } from '../../src/lib/dossier.ts';
import { engagementIndex } from '../../src/lib/engagement.ts';
import type { Dataset } from '../../src/lib/schema.ts';
import { formatProblem, validateDataset } from '../../src/lib/validate.ts';
import { minimalDataset } from './helpers.ts';

function shippedDataset(): Dataset {
  const result = validateDataset(readDatasetFolder(join(REPO_ROOT, 'data')));
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.dataset;
}

const shipped = shippedDataset();
const shippedIndex = engagementIndex(shipped);
const minimal = minimalDataset();
const minimalIndex = engagementIndex(minimal);

/** The shipped dataset's dossier; throws for an unknown id so a test fails on it, not on `!`. */
function dossier(id: string, day: string): Dossier {
  const d = dossierOf(shipped, shippedIndex, id, day);
  if (!d) throw new Error(`no dossier for ${id}`);
  return d;
}

const LATEST = '2026-06-23';
const ALL_ACTORS = [
  ...shipped.countries.map((c) => c.id),
  ...shipped.institutions.map((i) => i.id),
];

describe('who the actor is', () => {
  test.each([
    ['RUS', 'Russia', 'country'],
    ['AFG', 'Afghanistan', 'focus'],
    ['un', 'United Nations', 'institution'],
    ['world-bank', 'World Bank', 'institution'],
    ['unsc-p5', 'Permanent members of the UN Security Council', 'group'],
    ['western-countries', 'Western countries', 'group'],
  ])('%s is %s, a %s', (id, name, kind) => {
    const d = dossier(id, LATEST);
    expect([d.name, d.kind]).toEqual([name, kind]);
  });

  test('an unknown id has no dossier', () => {
    expect(dossierOf(shipped, shippedIndex, 'XYZ', LATEST)).toBeNull();
  });

  test.each([
    ['USA', ['unsc-p5', 'western-countries']],
    ['NOR', ['western-countries']],
    ['CHN', ['unsc-p5']],
    ['PAK', []],
  ])('%s belongs to %j', (id, groups) => {
    expect(dossier(id, LATEST).memberships.map((m) => m.id)).toEqual(groups);
  });

  test.each([
    ['western-countries', true],
    ['unsc-p5', false],
  ])('the USA’s membership of %s is the project’s reading: %s', (group, reading) => {
    const membership = dossier('USA', LATEST).memberships.find((m) => m.id === group);
    expect(membership?.projectReading).toBe(reading);
  });

  test('a group lists its members with their level on the day', () => {
    const members = dossier('unsc-p5', '2025-07-10').members;
    expect(members.map((m) => [m.id, m.level?.id ?? null])).toEqual([
      ['USA', 'isolating'],
      ['RUS', 'recognition'],
      ['CHN', 'ambassador'],
      ['GBR', 'isolating'],
      ['FRA', 'isolating'],
    ]);
  });

  test('Afghanistan’s dossier links to the UN, the World Bank and the Security Council', () => {
    const related = dossier('AFG', LATEST).related.map((r) => r.id);
    expect(related).toEqual(expect.arrayContaining(['un', 'world-bank', 'unsc-p5']));
  });
});

describe('level and tension on the day', () => {
  test.each([
    ['RUS', '2025-07-10', 'recognition', '3 July 2025'],
    ['RUS', '2025-06-02', 'embassy', '6 April 2022'],
    ['USA', '2025-07-10', 'isolating', '15 August 2021'],
    ['NOR', '2025-07-10', 'engaged', '31 January 2025'],
    ['CHN', '2021-09-01', null, null],
    ['AFG', LATEST, null, null],
    ['un', LATEST, null, null],
  ])('%s on %s is at %s since %s', (id, day, level, since) => {
    const d = dossier(id, day);
    expect([d.level?.id ?? null, d.level?.sinceLabel ?? null]).toEqual([level, since]);
  });

  test('the level carries its label', () => {
    expect(dossier('RUS', '2025-07-10').level?.label).toBe('Formal recognition');
  });

  test.each([
    ['PAK', '2025-10-12', 'conflict', '11 October 2025'],
    ['PAK', '2025-10-20', 'tension', '19 October 2025'],
    ['PAK', '2025-10-10', null, null],
    ['RUS', LATEST, null, null],
  ])('%s on %s has tension %s since %s', (id, day, tension, since) => {
    const d = dossier(id, day);
    expect([d.tension?.id ?? null, d.tension?.sinceLabel ?? null]).toEqual([tension, since]);
  });
});

describe('the timeline', () => {
  test('lists events up to the day, in date order', () => {
    const dates = dossier('RUS', '2025-07-10').events.map((e) => e.date);
    expect(dates).toEqual([
      '2022-04-06',
      '2024-12',
      '2025-03-31',
      '2025-04',
      '2025-04-17',
      '2025-06-03',
      '2025-07-01',
      '2025-07-03',
    ]);
  });

  test('counts the events that come after the day instead of listing them', () => {
    expect(dossier('RUS', '2025-07-10').laterEvents).toBe(2);
  });

  test.each([
    ['rus-2025-07-03-recognition', '3 July 2025', 'Formal recognition'],
    ['rus-2024-12-terrorist-list-law', 'December 2024', null],
  ])('%s is dated %s and brings level %s', (id, dateLabel, level) => {
    const event = dossier('RUS', '2025-07-10').events.find((e) => e.id === id);
    expect([event?.dateLabel, event?.level?.label ?? null]).toEqual([dateLabel, level]);
  });

  test('both of Russia’s ambassador claims are listed, and only the reporting is followed', () => {
    const claims = dossier('RUS', '2025-07-10')
      .events.filter((e) => e.dispute !== null)
      .map((e) => [e.id, e.dispute?.followed]);
    expect(claims).toEqual([
      ['rus-2025-04-ambassador-accepted-article', false],
      ['rus-2025-06-03-ambassador-appointed', true],
    ]);
  });

  test('a disputed event carries the disagreement’s summary and reason', () => {
    const event = dossier('TUR', LATEST).events.find(
      (e) => e.id === 'tur-2025-06-25-ambassador-claim',
    );
    expect(event?.dispute).toMatchObject({
      id: 'tur-ambassador-level',
      followed: false,
      summary: expect.stringContaining('Are relations with Turkey at ambassador level?'),
      reason: expect.stringContaining('claimed by Kabul alone'),
    });
  });

  test('a judgement gives its reason with the event', () => {
    const event = dossier('PAK', LATEST).events.find((e) => e.id === 'pak-2026-04-07-urumqi-talks');
    expect(event?.note).toMatch(/^A judgement: the talks end the open war/);
  });

  test('an event with no judgement has no note', () => {
    const event = dossier('OMN', LATEST).events[0];
    expect(event?.note).toBeNull();
  });

  test('a source carries its kind', () => {
    const kinds = dossier('RUS', '2022-05-01').sources.map((s) => [s.id, s.kind]);
    expect(kinds).toEqual([
      ['interfax-2022-04-06', 'wire'],
      ['pajhwok-2022-04-05', 'regional'],
    ]);
  });

  test('a one-sided claim says who claims it', () => {
    const event = dossier('OMN', LATEST).events[0];
    expect(event?.claimedBy).toBe('Taliban government');
  });

  test('the USA gets the Western countries’ isolation event, as one of them', () => {
    const event = dossier('USA', '2025-07-10').events.find(
      (e) => e.id === 'western-countries-2021-08-15-isolation',
    );
    expect(event?.via).toMatchObject({ name: 'Western countries', projectReading: true });
  });

  test('the actor’s own events carry no group', () => {
    const own = dossier('USA', LATEST).events.filter((e) => e.id.startsWith('usa-'));
    expect(own.map((e) => e.via)).toEqual([null, null, null]);
  });

  test.each([
    ['pak-2025-10-11-border-war', 'conflict', 'Armed conflict'],
    ['pak-2025-10-19-doha-ceasefire', 'tension', 'Tension'],
  ])('%s changes the tension to %s (%s)', (id, state, label) => {
    const event = dossier('PAK', LATEST).events.find((e) => e.id === id);
    expect(event?.tension).toEqual({ state, label });
  });

  test('an event that ends tension says so', () => {
    const event = dossierOf(minimal, minimalIndex, 'PAK', '2026-06-01')?.events.find(
      (e) => e.id === 'pak-calm',
    );
    expect(event?.tension).toEqual({ state: 'none', label: 'Tension ends' });
  });

  test('citations resolve to source records with their verbatim excerpts', () => {
    const event = dossier('PAK', LATEST).events.find(
      (e) => e.id === 'pak-2025-05-30-ambassador-exchange',
    );
    expect(event?.citations[0]).toMatchObject({
      source: { id: 'aljazeera-2025', publisher: 'Al Jazeera Net' },
      excerpt: expect.stringContaining('Pakistan raised the level of diplomatic representation'),
    });
  });

  test('a citation of a quote resolves the quote record', () => {
    const event = dossier('ARE', LATEST).events.find(
      (e) => e.id === 'are-2024-08-21-ambassador-accepted',
    );
    const quoted = event?.citations.find((c) => c.quote !== null)?.quote;
    expect(quoted).toMatchObject({
      id: 'afg-mfa-uae-credentials',
      speaker: 'Afghan Ministry of Foreign Affairs',
    });
  });
});

describe('motives', () => {
  test.each([
    // The article's motives count from 30 May 2025, the earliest day it can describe.
    ['CHN', '2025-05-29', [], 3],
    ['CHN', '2025-05-30', ['economic', 'security', 'geopolitical'], 0],
    ['UZB', '2025-07-10', ['economic', 'security'], 0],
    ['IND', '2025-07-10', ['geopolitical'], 0],
    ['USA', '2025-07-10', [], 0],
  ])('%s on %s: %j listed, %i later', (id, day, categories, later) => {
    const d = dossier(id, day);
    expect([d.motives.map((g) => g.category), d.laterMotives]).toEqual([categories, later]);
  });

  // The founding article, as the note names it.
  const article =
    'the founding article, Al Jazeera Net, “The Taliban and the diplomatic siege: regional motives and challenges” (2025)';
  test.each([
    [
      'CHN',
      '2025-05-29',
      // The August 2025 reports that add to China's motives are not where they come from.
      `The sources quoted here give no motive for China before 30 May 2025. Its first motives come from ${article}, which the map counts from that day.`,
    ],
    [
      'RUS',
      '2021-08-15',
      `The sources quoted here give no motive for Russia before 30 May 2025. Its first motives come from ${article}, which the map counts from that day.`,
    ],
    ['USA', '2025-07-10', 'The sources quoted here give no motive for United States at any date.'],
    ['CHN', '2025-05-30', null],
  ])('an empty "Why they engage" for %s on %s says why', (id, day, note) => {
    expect(noMotiveNote(dossier(id, day))).toBe(note);
  });

  test('a motive carries its summary and citations', () => {
    const security = dossier('RUS', LATEST).motives.find((g) => g.category === 'security');
    expect(security?.motives[0]).toMatchObject({
      summary: expect.stringContaining('ISIS-Khorasan'),
      citations: [expect.objectContaining({ excerpt: expect.any(String) }), expect.anything()],
    });
  });
});

describe('statements and quotes', () => {
  test.each([
    ['AFG', ['position', 'challenge', 'outlook', 'context']],
    ['un', ['context']],
    ['world-bank', ['context']],
    ['unsc-p5', ['context']],
    ['CHN', ['outlook']],
    ['RUS', []],
  ])('%s has statements of kinds %j, Kabul’s line first', (id, kinds) => {
    expect(dossier(id, LATEST).statements.map((g) => g.kind)).toEqual(kinds);
  });

  test('Afghanistan’s panel has the government’s position, including Suhail Shaheen’s', () => {
    const positions = dossier('AFG', LATEST).statements.find((g) => g.kind === 'position');
    expect(positions?.statements.map((s) => s.id)).toContain('afg-position-balanced-relations');
  });

  test('statements do not depend on the day (they say what date they speak as of)', () => {
    const early = dossier('AFG', '2021-09-01').statements.flatMap((g) => g.statements);
    expect(early.map((s) => s.sinceLabel)).toContain('2025');
  });

  test.each([
    ['AFG', ['afghan-diplomat-technical-meetings', 'shaheen-balanced-relations']],
    // The UAE's quote is about it and cited by its ambassador event.
    ['ARE', ['afg-mfa-uae-credentials']],
  ])('%s has the quotes %j', (id, quoteIds) => {
    expect(dossier(id, LATEST).quotes.map((q) => q.id)).toEqual(expect.arrayContaining(quoteIds));
  });

  test('a quote carries speaker, role, channel and source', () => {
    const quote = dossier('AFG', LATEST).quotes.find((q) => q.id === 'shaheen-doors-open');
    expect(quote).toMatchObject({
      speaker: 'Suhail Shaheen',
      role: expect.stringContaining('Chargé'),
      channel: 'told Al Jazeera Net',
      source: { publisher: 'Al Jazeera Net' },
    });
  });

  test('a quote cited by a statement is listed even when it is about someone else', () => {
    const elsewhere = {
      ...minimal,
      quotes: minimal.quotes.map((q) => ({ ...q, about: ['CHN'] })),
    };
    const d = dossierOf(elsewhere, engagementIndex(elsewhere), 'AFG', '2025-06-01');
    expect(d?.quotes.map((q) => q.id)).toEqual(['spokesman']);
  });

  test('an actor with no quotes has none', () => {
    expect(dossier('USA', LATEST).quotes).toEqual([]);
  });
});

describe('disagreements', () => {
  test('Russia’s disagreement has both claims and follows the reporting', () => {
    const [d] = dossier('RUS', '2025-07-10').disagreements;
    expect(d?.claims.map((c) => [c.eventId, c.followed])).toEqual([
      ['rus-2025-04-ambassador-accepted-article', false],
      ['rus-2025-06-03-ambassador-appointed', true],
    ]);
  });

  test('the disagreement says why the map follows its claim', () => {
    expect(dossier('RUS', '2025-07-10').disagreements[0]?.reason).toContain('dated to the day');
  });

  test.each([
    ['2025-03-31', []],
    ['2025-04-01', [false, true]],
    ['2025-06-03', [false, false]],
  ])('on %s Russia’s claims that come later are flagged %j', (day, later) => {
    const claims = dossier('RUS', day).disagreements.flatMap((d) => d.claims);
    expect(claims.map((c) => c.later)).toEqual(later);
  });
});

describe('sources', () => {
  test.each(ALL_ACTORS)('%s lists each source once', (id) => {
    const ids = dossier(id, LATEST).sources.map((s) => s.id);
    expect(ids).toEqual([...new Set(ids)]);
  });

  test.each(ALL_ACTORS)('%s numbers its sources 1 to n in order', (id) => {
    const sources = dossier(id, LATEST).sources;
    expect(sources.map((s) => s.n)).toEqual(sources.map((_, i) => i + 1));
  });

  test.each(ALL_ACTORS)('every source %s cites is in its list, under its number', (id) => {
    const d = dossier(id, LATEST);
    const cited = [
      ...d.events.flatMap((e) => e.citations),
      ...d.motives.flatMap((g) => g.motives.flatMap((m) => m.citations)),
      ...d.statements.flatMap((g) => g.statements.flatMap((s) => s.citations)),
      ...d.disagreements.flatMap((x) => x.claims.flatMap((c) => c.citations)),
    ].map((c) => c.source);
    const quoted = d.quotes.map((q) => q.source);
    const listed = new Map(d.sources.map((s) => [s.id, s.n]));
    expect([...cited, ...quoted].filter((s) => listed.get(s.id) !== s.n)).toEqual([]);
  });

  test('a source keeps its url where the dataset has one and gets none where it has none', () => {
    const sources = dossier('PAK', LATEST).sources;
    expect([
      sources.find((s) => s.id === 'trtworld-2025-05-30')?.url,
      sources.find((s) => s.id === 'aljazeera-2025')?.url,
    ]).toEqual(['https://www.trtworld.com/article/57f973b4a60b', undefined]);
  });

  test('a source carries its date in words, language and access note', () => {
    const source = dossier('PAK', LATEST).sources.find((s) => s.id === 'aljazeera-2025');
    expect(source).toMatchObject({
      dateLabel: '2025',
      language: 'ar',
      access: 'English machine translation of the Arabic original',
    });
  });

  test('sources of events after the day are not listed', () => {
    const ids = dossier('RUS', '2022-05-01').sources.map((s) => s.id);
    expect(ids).toEqual(['interfax-2022-04-06', 'pajhwok-2022-04-05']);
  });
});

describe('uncoveredDossier: a country of the map the sources do not cover', () => {
  const japan = uncoveredDossier(shipped, 'JPN', 'Japan', LATEST);

  test('says the sources are silent about it, by name', () => {
    expect(japan.note).toContain('None of the atlas’s sources reports on Japan’s relations');
  });

  test('lists every country the atlas covers', () => {
    expect(japan.covers?.map((c) => c.id)).toEqual(shipped.countries.map((c) => c.id));
  });

  test('has no level, event, motive or source', () => {
    expect([japan.level, japan.events, japan.motives, japan.sources]).toEqual([null, [], [], []]);
  });

  test('is not what a covered country gets', () => {
    expect(dossierOf(shipped, shippedIndex, 'CHN', LATEST)?.covers).toBeNull();
  });
});

describe('dates in the edition’s words: a writer reaches every label', () => {
  /** A writer that shows where it wrote: `2025-04` → `<2025-04>`. */
  const marked = (date: string) => `<${date}>`;
  const early = '2024-01-01';

  /** A dossier's labels of one kind, in order. */
  type Labels = (d: Dossier) => (string | undefined)[];
  test.each<[string, string, string, Labels]>([
    ['dayLabel', 'PAK', LATEST, (d) => [d.dayLabel]],
    ['level.sinceLabel', 'PAK', LATEST, (d) => [d.level?.sinceLabel]],
    ['tension.sinceLabel', 'PAK', LATEST, (d) => [d.tension?.sinceLabel]],
    ['events[].dateLabel', 'PAK', LATEST, (d) => d.events.map((e) => e.dateLabel)],
    [
      'motives[].sinceLabel',
      'PAK',
      LATEST,
      (d) => d.motives.flatMap((g) => g.motives.map((m) => m.sinceLabel)),
    ],
    [
      'statements[].sinceLabel',
      'AFG',
      LATEST,
      (d) => d.statements.flatMap((g) => g.statements.map((s) => s.sinceLabel)),
    ],
    [
      'disagreements[].claims[].dateLabel',
      'PAK',
      LATEST,
      (d) => d.disagreements.flatMap((g) => g.claims.map((c) => c.dateLabel)),
    ],
    ['sources[].dateLabel', 'PAK', LATEST, (d) => d.sources.map((s) => s.dateLabel)],
    ['quotes[].source.dateLabel', 'AFG', LATEST, (d) => d.quotes.map((q) => q.source.dateLabel)],
    ['firstMotives.dayLabel', 'RUS', early, (d) => [d.firstMotives?.dayLabel]],
    [
      'firstMotives.sources[].dateLabel',
      'RUS',
      early,
      (d) => d.firstMotives?.sources.map((s) => s.dateLabel) ?? [],
    ],
  ])('%s (%s on %s) is the writer’s, of the date formatDate wrote', (_, id, day, labels) => {
    const plain = labels(dossier(id, day));
    const written = labels(dossierOf(shipped, shippedIndex, id, day, marked)!);
    expect(plain.length).toBeGreaterThan(0);
    // `<2025-07-03>` where formatDate wrote '3 July 2025': the writer saw the same date.
    const unmarked = written.map((w) => /^<(\d{4}(?:-\d{2}){0,2})>$/.exec(w ?? '')?.[1]);
    expect(unmarked.map((date) => (date === undefined ? undefined : formatDate(date)))).toEqual(
      plain,
    );
  });

  /** Every `…Label` string in a dossier, wherever it sits (a level's `label` is a name, not a date). */
  function dateLabels(value: unknown): string[] {
    if (Array.isArray(value)) return value.flatMap(dateLabels);
    if (value === null || typeof value !== 'object') return [];
    return Object.entries(value).flatMap(([key, v]) =>
      /Label$/.test(key) && typeof v === 'string' ? [v] : dateLabels(v),
    );
  }

  test.each([LATEST, '2022-05-01', early])(
    'no actor’s dossier on %s has a date label the writer did not write',
    (day) => {
      const unwritten = ALL_ACTORS.flatMap((id) =>
        dateLabels(dossierOf(shipped, shippedIndex, id, day, marked)).filter(
          (label) => !/^<.+>$/.test(label),
        ),
      );
      expect(unwritten).toEqual([]);
    },
  );

  test('an uncovered country’s day is the writer’s', () => {
    expect(uncoveredDossier(shipped, 'JPN', 'Japan', LATEST, marked).dayLabel).toBe(`<${LATEST}>`);
  });

  test('noMotiveNote writes the dates it was given, in its English sentence', () => {
    expect(noMotiveNote(dossierOf(shipped, shippedIndex, 'RUS', early, marked)!)).toMatch(
      /^The sources quoted here give no motive for Russia before <2025-05-30>\. .*\(<2025>\)/,
    );
  });
});
