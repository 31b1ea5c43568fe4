import { describe, expect, test } from 'vitest';
import { engagementIndex, levelsOn } from '../../src/lib/engagement.ts';
import { pictureText, pictureTextOf } from '../../src/lib/picture-alt.ts';
import { FOCUS_ID, MOTIVE_CATEGORIES, type MotiveCategory } from '../../src/lib/schema.ts';
import { shipped } from './helpers.ts';

const { dataset } = shipped();
const index = engagementIndex(dataset);
const ALL = new Set<MotiveCategory>(MOTIVE_CATEGORIES);
const nameOf = (id: string) => dataset.countries.find((c) => c.id === id)!.name;
const words = (date: string, extra: Partial<Parameters<typeof pictureText>[0]> = {}) =>
  pictureText({ dataset, index, date, motives: ALL, selected: null, scene: null, ...extra });

describe('pictureText', () => {
  test.each(['2021-08-15', '2024-01-30', '2025-07-10', dataset.meta.reviewedThrough])(
    'on %s names every country with a level once, after its level’s label',
    (date) => {
      const { description } = words(date);
      const labels = dataset.levels.levels.map((l) => l.label);
      // "Ambassador level: China, Pakistan, and Uzbekistan." → each name with its label.
      const told = new Map<string, string[]>();
      for (const sentence of description.split(/(?<=\.) /)) {
        const label = labels.find((l) => sentence.startsWith(`${l}: `));
        if (!label) continue;
        const names = sentence
          .slice(label.length + 2, -1)
          .split(/, and |, | and /)
          .filter((n) => n !== '');
        for (const name of names) told.set(name, [...(told.get(name) ?? []), label]);
      }
      const levels = levelsOn(index, date);
      levels.delete(FOCUS_ID);
      const expected = new Map(
        [...levels].map(([id, { level }]) => [
          nameOf(id),
          [dataset.levels.levels.find((l) => l.id === level)!.label],
        ]),
      );
      expect(told).toEqual(expected);
    },
  );

  test('the strongest level comes first', () => {
    const { description } = words('2025-07-10');
    expect(description.indexOf('Formal recognition: Russia.')).toBeLessThan(
      description.indexOf('Ambassador level:'),
    );
  });

  test('says the date, the edition and the review date', () => {
    const { title, description } = words('2025-07-10');
    expect(title).toBe(
      'Kabul Engagement Atlas: engagement with the Taliban government in Kabul, 10 July 2025',
    );
    expect(description).toContain('on 10 July 2025');
    expect(description).toContain(
      `edition ${dataset.meta.edition}, data reviewed through 23 June 2026`,
    );
  });

  test('a selection is named in the title and its level given', () => {
    const { title, description } = words('2025-07-10', { selected: 'CHN' });
    expect(title).toBe('Kabul Engagement Atlas: China and Kabul, 10 July 2025');
    expect(description).toMatch(/China is highlighted: ambassador level since \d+ \w+ \d{4}\.$/);
  });

  test('the arcs count only the motives shown', () => {
    const all = words('2025-07-10').description;
    const security = words('2025-07-10', { motives: new Set(['security']) }).description;
    expect(all).toMatch(/economic for \d+, security for \d+, and geopolitical for \d+/);
    expect(security).toMatch(/: security for \d+\./);
    expect(words('2025-07-10', { motives: new Set() }).description).not.toContain('Arcs');
  });

  test('tension and conflict are named with the country', () => {
    const conflict = dataset.events.find((e) => e.tension === 'conflict')!;
    const { description } = words(conflict.from ?? conflict.date);
    expect(description).toContain(`${nameOf(conflict.actor)} (armed conflict)`);
  });
});

describe('pictureTextOf', () => {
  test('a scene’s picture is told from the scene’s own date and motives', () => {
    const scene = dataset.scenes[2]!;
    const fromUrl = pictureTextOf(dataset, index, {
      mode: 'present',
      scene: 3,
      date: null,
      country: null,
      motives: null,
    });
    expect(fromUrl).toEqual(
      words(scene.date, {
        motives: new Set(scene.motives),
        scene: { title: scene.title, number: 3 },
      }),
    );
    expect(fromUrl.title).toContain(`scene 3: ${scene.title}`);
  });

  test('exploration without a date is told on the review date', () => {
    expect(
      pictureTextOf(dataset, index, {
        mode: 'explore',
        scene: null,
        date: null,
        country: null,
        motives: null,
      }),
    ).toEqual(words(dataset.meta.reviewedThrough));
  });
});
