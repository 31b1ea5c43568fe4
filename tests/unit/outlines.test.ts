import { describe, expect, test } from 'vitest';
import type { CountryFeature } from '../../src/lib/countries.ts';
import { countryOutlines, type OutlineMarks } from '../../src/lib/outlines.ts';

const square = (id: string, x: number): CountryFeature => ({
  type: 'Feature',
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [x, 0],
        [x + 1, 0],
        [x + 1, 1],
        [x, 1],
        [x, 0],
      ],
    ],
  },
  properties: { id, name: id },
});
const byId = new Map(
  ['AFG', 'CHN', 'PAK', 'RUS', 'IRN'].map((id, i) => [id, square(id, i * 2)] as const),
);
const none: OutlineMarks = { hovered: null, selected: null, highlight: null, tension: new Map() };
const roles = (marks: Partial<OutlineMarks>) =>
  countryOutlines(byId, { ...none, ...marks }).features.map(
    (f) => `${f.properties.id}:${f.properties.role}`,
  );

describe('countryOutlines', () => {
  test.each<[string, Partial<OutlineMarks>, string[]]>([
    ['nothing marked', {}, []],
    ['the pointer', { hovered: 'CHN' }, ['CHN:hovered']],
    ['the selection', { selected: 'PAK' }, ['PAK:selected']],
    ['a scene', { highlight: ['AFG', 'RUS'] }, ['AFG:highlight', 'RUS:highlight']],
    [
      'tension and conflict',
      {
        tension: new Map([
          ['PAK', { tension: 'conflict' as const }],
          ['IRN', { tension: 'tension' as const }],
        ]),
      },
      ['PAK:conflict', 'IRN:tension'],
    ],
    [
      'two roles for one country',
      { selected: 'PAK', tension: new Map([['PAK', { tension: 'conflict' as const }]]) },
      ['PAK:selected', 'PAK:conflict'],
    ],
    [
      'the selection alone when the pointer is on it',
      { hovered: 'PAK', selected: 'PAK' },
      ['PAK:selected'],
    ],
    ['an id the geometry lacks', { selected: 'XKX', hovered: 'CHN' }, ['CHN:hovered']],
  ])('outlines %s', (_, marks, expected) => {
    expect(roles(marks)).toEqual(expected);
  });

  test('carries the country’s own geometry', () => {
    const [outline] = countryOutlines(byId, { ...none, selected: 'RUS' }).features;
    expect(outline?.geometry).toBe(byId.get('RUS')?.geometry);
  });
});
