import { describe, expect, test } from 'vitest';
import type { CountryFeature } from '../../src/lib/countries.ts';
import {
  outlineChanges,
  outlinedRoles,
  type OutlineMarks,
  type OutlineProps,
  type OutlineRole,
} from '../../src/lib/outlines.ts';

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

describe('outlinedRoles', () => {
  test.each<[string, Partial<OutlineMarks>, [string, OutlineRole[]][]]>([
    ['nothing marked', {}, []],
    ['the pointer', { hovered: 'CHN' }, [['CHN', ['hovered']]]],
    ['the selection', { selected: 'PAK' }, [['PAK', ['selected']]]],
    [
      'a scene',
      { highlight: ['AFG', 'RUS'] },
      [
        ['AFG', ['highlight']],
        ['RUS', ['highlight']],
      ],
    ],
    [
      'tension and conflict',
      {
        tension: new Map([
          ['PAK', { tension: 'conflict' as const }],
          ['IRN', { tension: 'tension' as const }],
        ]),
      },
      [
        ['PAK', ['conflict']],
        ['IRN', ['tension']],
      ],
    ],
    [
      'two roles for one country',
      { selected: 'PAK', tension: new Map([['PAK', { tension: 'conflict' as const }]]) },
      [['PAK', ['selected', 'conflict']]],
    ],
    [
      'the selection alone when the pointer is on it',
      { hovered: 'PAK', selected: 'PAK' },
      [['PAK', ['selected']]],
    ],
    ['a country a scene names twice once', { highlight: ['AFG', 'AFG'] }, [['AFG', ['highlight']]]],
  ])('outlines %s', (_, marks, expected) => {
    expect([...outlinedRoles({ ...none, ...marks })]).toEqual(expected);
  });
});

describe('outlineChanges', () => {
  const flags = (id: string, ...up: OutlineRole[]): OutlineProps => ({
    id,
    hovered: up.includes('hovered'),
    selected: up.includes('selected'),
    highlight: up.includes('highlight'),
    tension: up.includes('tension'),
    conflict: up.includes('conflict'),
  });
  const held = (...props: OutlineProps[]) => new Map(props.map((p) => [p.id, p]));
  const wanted = (...pairs: [string, OutlineRole[]][]) => new Map(pairs);

  test('a country outlined for the first time comes with its own shape and flags', () => {
    const { add } = outlineChanges(held(), wanted(['RUS', ['selected']]), byId);
    expect(add).toEqual([
      {
        type: 'Feature',
        geometry: byId.get('RUS')?.geometry,
        properties: flags('RUS', 'selected'),
      },
    ]);
    expect(add[0]?.geometry).toBe(byId.get('RUS')?.geometry);
  });

  test.each<[string, OutlineProps[], [string, OutlineRole[]][], string[]]>([
    ['nothing changes', [flags('PAK', 'selected')], [['PAK', ['selected']]], []],
    ['the pointer moves on', [flags('PAK', 'hovered')], [], ['PAK hovered=false']],
    [
      'a selection moves to a country outlined before',
      [flags('PAK', 'selected'), flags('CHN')],
      [['CHN', ['selected']]],
      ['PAK selected=false', 'CHN selected=true'],
    ],
    [
      'the pointer’s country is selected',
      [flags('CHN', 'hovered')],
      [['CHN', ['selected']]],
      ['CHN hovered=false selected=true'],
    ],
    [
      'conflict comes on the date to a selected country',
      [flags('PAK', 'selected')],
      [['PAK', ['selected', 'conflict']]],
      ['PAK conflict=true'],
    ],
  ])('flags only what changes: %s', (_, before, after, expected) => {
    const { add, update } = outlineChanges(held(...before), wanted(...after), byId);
    expect(add).toEqual([]);
    expect(
      update.map(
        (u) => `${u.id} ${u.addOrUpdateProperties.map((p) => `${p.key}=${p.value}`).join(' ')}`,
      ),
    ).toEqual(expected);
  });

  test('a country no longer outlined stays in the source, every flag down', () => {
    const { held: after } = outlineChanges(held(flags('PAK', 'selected')), wanted(), byId);
    expect(after.get('PAK')).toEqual(flags('PAK'));
  });

  test('records what the source holds after the changes', () => {
    const { held: after } = outlineChanges(
      held(flags('PAK', 'selected')),
      wanted(['CHN', ['selected']]),
      byId,
    );
    expect([...after.values()]).toEqual([flags('PAK'), flags('CHN', 'selected')]);
  });

  test('leaves the flags it was given as they were', () => {
    const before = held(flags('PAK', 'selected'));
    outlineChanges(before, wanted(['PAK', ['hovered']]), byId);
    expect(before.get('PAK')).toEqual(flags('PAK', 'selected'));
  });

  test('passes over an id the geometry lacks', () => {
    const changes = outlineChanges(held(), wanted(['XKX', ['selected']]), byId);
    expect([changes.add, changes.update, [...changes.held]]).toEqual([[], [], []]);
  });
});
