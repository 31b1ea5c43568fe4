import { describe, expect, test } from 'vitest';
import { arcFeatures } from '../../src/lib/arcs.ts';
import { geographyOf, nameOf, selectionFraming } from '../../src/lib/geography.ts';
import { shipped } from './helpers.ts';

const { dataset, topology } = shipped();
const geography = geographyOf(topology, dataset);
const arcs = arcFeatures(dataset);
const screen = { width: 1280, height: 720 };

describe('the map’s places', () => {
  test.each([
    ['CHN', 'China'],
    ['MNG', 'Mongolia'],
    ['not-an-actor', 'not-an-actor'],
  ])('%s is called %s', (id, name) => {
    expect(nameOf(geography, id)).toBe(name);
  });

  test('every country of the dataset has its capital', () => {
    expect(dataset.countries.every((c) => geography.capitals.has(c.id))).toBe(true);
  });
});

describe('the framing of a selection', () => {
  test('China is framed between Beijing and Kabul', () => {
    const camera = selectionFraming(geography, arcs, 'CHN', screen, [])!;
    expect(camera.lon > 69 && camera.lon < 117).toBe(true);
  });

  test('a country the sources do not cover is framed at its name’s place', () => {
    expect(selectionFraming(geography, arcs, 'MNG', screen, [])).not.toBeNull();
  });

  test('an institution has no place to frame', () => {
    const institution = dataset.institutions[0]!.id;
    expect(selectionFraming(geography, arcs, institution, screen, [])).toBeNull();
  });

  test('a panel over the right of the map moves the framing’s centre east, out from under it', () => {
    const clear = selectionFraming(geography, arcs, 'CHN', screen, [])!;
    const panel = { x: 880, y: 0, width: 400, height: 720 };
    const beside = selectionFraming(geography, arcs, 'CHN', screen, [panel])!;
    expect(beside.lon).toBeGreaterThan(clear.lon);
  });
});
