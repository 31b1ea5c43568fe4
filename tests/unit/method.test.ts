/** The methodology page's parts that come from the data. */
import { describe, expect, test } from 'vitest';
import { datasetCounts, disputeNotes, levelExamples } from '../../src/lib/method.ts';
import { levelsByRank } from '../../src/lib/style.ts';
import { shipped } from './helpers.ts';

const { dataset } = shipped();

describe('levelExamples', () => {
  const examples = levelExamples(dataset);

  test('lists every level, strongest first', () => {
    expect(examples.map((l) => l.id)).toEqual(levelsByRank(dataset.levels).map((l) => l.id));
  });

  test('formal recognition: Russia, 3 July 2025, the first to recognise', () => {
    expect(examples[0]!.example).toMatchObject({ actorId: 'RUS', date: '2025-07-03' });
  });

  test('each example is an event that sets its level, and none sets it earlier on the map', () => {
    for (const level of examples) {
      const event = dataset.events.find(
        (e) => e.actor === level.example?.actorId && e.date === level.example.date,
      );
      expect(event?.level, level.id).toBe(level.id);
    }
  });

  test('a level no event sets yet has no example', () => {
    const levels = {
      ...dataset.levels,
      levels: [...dataset.levels.levels, { ...dataset.levels.levels[0]!, id: 'unused', rank: 99 }],
    };
    expect(levelExamples({ ...dataset, levels })[0]).toMatchObject({
      id: 'unused',
      example: null,
    });
  });
});

test('disputeNotes: one per disagreement, with the actor’s name', () => {
  const notes = disputeNotes(dataset);
  expect(notes.length).toBe(dataset.disagreements.length);
  expect(notes.every((n) => !/^[A-Z]{3}$/.test(n.actor))).toBe(true);
});

test('datasetCounts: the partners, without Afghanistan', () => {
  expect(datasetCounts(dataset).countries).toBe(dataset.countries.length - 1);
});
