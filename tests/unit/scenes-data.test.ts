/**
 * The default presentation deck in data/scenes.json: valid, sourced, on screen, in story order,
 * and saying what the map shows on each scene's date.
 */
import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import {
  readDatasetFolder,
  readFoundingText,
  REPO_ROOT,
  shippedGeometryIds,
} from '../../scripts/dataset-files.ts';
import {
  engagementIndex,
  latestEventDay,
  levelOn,
  motiveCountsFrom,
  tensionOn,
} from '../../src/lib/engagement.ts';
import { MOTIVE_CATEGORIES, type Dataset, type Scene } from '../../src/lib/schema.ts';
import { formatProblem, validateDataset } from '../../src/lib/validate.ts';

const foundingText = readFoundingText();
const result = validateDataset(readDatasetFolder(join(REPO_ROOT, 'data')), {
  geometryIds: shippedGeometryIds(),
  foundingText,
});
const dataset: Dataset = result.ok ? result.dataset : (undefined as never);
const scenes = result.ok ? dataset.scenes : [];
const index = result.ok ? engagementIndex(dataset) : (undefined as never);

/** The article's own date: the earliest day it can describe (see data/README.md). */
const ARTICLE_DAY = '2025-05-30';

/**
 * Scenes that go back in time on purpose, and why. Every other scene is on or after the one
 * before it; the motive and challenge scenes share the article's date with the scenes before them.
 */
const STEPS_BACK: Record<string, string> = {
  'china-2023': 'the overview shows the article’s day; the story then starts with China in 2023',
  'pakistan-2025': 'the article tells Russia (June by the reporting) before Pakistan (30 May)',
};

/** A wide view shows the whole region, so anything highlighted in it is on screen. */
const WIDE_ZOOM = 3;

const countryIds = () => new Set(dataset.countries.map((c) => c.id));
const scene = (id: string): Scene => {
  const found = scenes.find((s) => s.id === id);
  if (!found) throw new Error(`no scene ${id}`);
  return found;
};
const isCountry = (id: string) => /^[A-Z]{3}$/.test(id);

describe('the default deck', () => {
  test('the shipped dataset, scenes included, passes the validator', () => {
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
  });

  test('has at least 12 scenes', () => {
    expect(scenes.length).toBeGreaterThanOrEqual(12);
  });

  test('every scene cites at least one source', () => {
    expect(scenes.filter((s) => s.cites.length === 0).map((s) => s.id)).toEqual([]);
  });

  test('every excerpt a scene cites appears verbatim in the founding article', () => {
    const excerpts = scenes
      .flatMap((s) => s.cites)
      .filter((c) => c.source === dataset.meta.foundingSource && c.excerpt !== undefined)
      .map((c) => c.excerpt!);
    expect(excerpts.length).toBeGreaterThan(20);
    expect(excerpts.filter((e) => !foundingText!.includes(e))).toEqual([]);
  });

  test('every later report a scene cites is one the dataset’s records cite too', () => {
    const cited = new Set(
      [...dataset.events, ...dataset.motives, ...dataset.statements].flatMap((r) =>
        r.cites.map((c) => c.source),
      ),
    );
    const orphans = scenes.flatMap((s) =>
      s.cites.filter((c) => !cited.has(c.source)).map((c) => `${s.id}: ${c.source}`),
    );
    expect(orphans).toEqual([]);
  });

  test('every highlighted country is in data/countries.json', () => {
    const known = countryIds();
    const unknown = scenes.flatMap((s) =>
      s.highlight.filter((a) => isCountry(a) && !known.has(a)).map((a) => `${s.id}: ${a}`),
    );
    expect(unknown).toEqual([]);
  });

  test.each(scenes.map((s) => [s.id, s] as const))(
    '%s puts its highlighted countries on screen (fitted, or a wide view)',
    (_, s) => {
      const offScreen =
        'fit' in s.camera
          ? s.highlight.filter(
              (a) => isCountry(a) && !(s.camera as { fit: string[] }).fit.includes(a),
            )
          : s.camera.zoom <= WIDE_ZOOM
            ? []
            : s.highlight.filter(isCountry);
      expect(offScreen).toEqual([]);
    },
  );

  test('no camera is tilted or turned (a tilted map reads badly on a projector)', () => {
    const tilted = scenes.filter(
      (s) => 'center' in s.camera && (s.camera.bearing !== 0 || s.camera.pitch !== 0),
    );
    expect(tilted.map((s) => s.id)).toEqual([]);
  });

  test('every scene’s date is between the takeover and the dataset’s last event', () => {
    const last = latestEventDay(dataset.events)!;
    const outside = scenes.filter((s) => s.date < dataset.meta.start || s.date > last);
    expect(outside.map((s) => `${s.id}: ${s.date}`)).toEqual([]);
  });

  test('dates never go back except the deliberate steps back; motive and challenge scenes share the article’s date', () => {
    const backwards = scenes
      .slice(1)
      .filter((s, i) => s.date < scenes[i]!.date && !(s.id in STEPS_BACK))
      .map((s) => s.id);
    expect(backwards).toEqual([]);
  });

  test('each deliberate step back is in the deck and does go back', () => {
    const steps = Object.keys(STEPS_BACK).map((id) => {
      const i = scenes.findIndex((s) => s.id === id);
      return i > 0 && scenes[i]!.date < scenes[i - 1]!.date;
    });
    expect(steps).toEqual(Object.keys(STEPS_BACK).map(() => true));
  });

  test.each(['motives-economic', 'motives-security', 'motives-geopolitical', 'challenges'])(
    '%s is set on the article’s date',
    (id) => {
      expect(scene(id).date).toBe(ARTICLE_DAY);
    },
  );

  test('the first scene is the takeover, 15 August 2021, on Afghanistan', () => {
    expect([scenes[0]?.date, scenes[0]?.highlight]).toEqual(['2021-08-15', ['AFG']]);
  });

  test('the last scene is on the dataset’s last event day, in a wide view', () => {
    const last = scenes[scenes.length - 1]!;
    expect([last.date, 'zoom' in last.camera && last.camera.zoom <= WIDE_ZOOM]).toEqual([
      latestEventDay(dataset.events),
      true,
    ]);
  });

  test('titles are short enough for a slide (at most 60 characters)', () => {
    expect(scenes.filter((s) => s.title.length > 60).map((s) => s.id)).toEqual([]);
  });

  test('bodies can be read aloud in a room (at most 75 words, at most two paragraphs)', () => {
    const long = scenes.filter(
      (s) => s.body.split(/\s+/).length > 75 || s.body.split(/\n\s*\n/).length > 2,
    );
    expect(long.map((s) => s.id)).toEqual([]);
  });

  test('every scene has speaker notes', () => {
    expect(scenes.filter((s) => !s.notes).map((s) => s.id)).toEqual([]);
  });
});

describe('what each scene says matches the map on its date', () => {
  test('the missions scene highlights exactly the hosts at “Taliban diplomats accepted” or above', () => {
    const s = scene('forty-missions');
    const rank = new Map(dataset.levels.levels.map((l) => [l.id, l.rank]));
    const embassy = rank.get('embassy')!;
    const hosts = dataset.countries
      .map((c) => c.id)
      .filter((id) => (rank.get(levelOn(index, id, s.date)?.level ?? '') ?? 0) >= embassy);
    expect([...s.highlight].sort()).toEqual(hosts.sort());
  });

  test.each(MOTIVE_CATEGORIES.map((c) => [c]))(
    'the %s motive scene shows that category only and highlights exactly its countries',
    (category) => {
      const s = scene(`motives-${category}`);
      const actors = dataset.motives
        .filter((m) => m.category === category && motiveCountsFrom(m) <= s.date)
        .map((m) => m.actor);
      expect([s.motives, [...s.highlight].sort()]).toEqual([
        [category],
        [...new Set(actors)].sort(),
      ]);
    },
  );

  test.each(scenes.filter((s) => s.motives.length > 0).map((s) => [s.id, s] as const))(
    '%s shows motive arcs only where the data has one on its date',
    (_, s) => {
      const empty = s.motives.filter(
        (c) => !dataset.motives.some((m) => m.category === c && motiveCountsFrom(m) <= s.date),
      );
      expect(empty).toEqual([]);
    },
  );

  test('the Russia scene cites both the article and a later report', () => {
    const sources = new Set(scene('russia-2025').cites.map((c) => c.source));
    const founding = dataset.meta.foundingSource;
    expect([sources.has(founding), [...sources].some((id) => id !== founding)]).toEqual([
      true,
      true,
    ]);
  });

  test('the Russia scene shows Russia at ambassador level, as the reporting dates it', () => {
    expect(levelOn(index, 'RUS', scene('russia-2025').date)?.level).toBe('ambassador');
  });

  test('the recognition scene’s date has Russia at recognition', () => {
    expect(levelOn(index, 'RUS', scene('russia-recognition').date)?.level).toBe('recognition');
  });

  test('the conflict scene’s date has Pakistan in armed conflict', () => {
    expect(tensionOn(index, 'PAK', scene('pakistan-conflict').date)?.tension).toBe('conflict');
  });

  test.each([
    ['china-2023', 'CHN', 'ambassador'],
    ['uae-2024', 'ARE', 'ambassador'],
    ['pakistan-2025', 'PAK', 'ambassador'],
    ['india-2025', 'IND', 'embassy'],
  ])('%s shows %s at %s', (id, country, level) => {
    expect(levelOn(index, country, scene(id).date)?.level).toBe(level);
  });
});
