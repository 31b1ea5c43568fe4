/**
 * A picture's content from a state alone (src/export/picture-of.ts), on the shipped dataset and
 * geometry: the command line draws from it with no map to ask.
 */
import { describe, expect, test } from 'vitest';
import { pictureOf, pictureSource, urlContextOf } from '../../src/export/picture-of.ts';
import { ARC_LIMIT } from '../../src/lib/arcs.ts';
import { levelsOn, engagementIndex } from '../../src/lib/engagement.ts';
import { defaultView } from '../../src/lib/framing.ts';
import { parseUrlState } from '../../src/lib/url-state.ts';
import { project } from '../../src/lib/viewport.ts';
import { shipped } from './helpers.ts';

const { dataset, topology } = shipped();
const source = pictureSource(dataset, topology);
const context = urlContextOf(source);
const VIEW = { width: 1920, height: 1080 };
const of = (query: string) => {
  const parsed = parseUrlState(query, context);
  expect(parsed.notices).toEqual([]);
  return pictureOf(source, parsed.state, VIEW);
};

describe('exploring', () => {
  test('no date in the state: the day the data are reviewed through', () => {
    expect(of('').state.date).toBe(dataset.meta.reviewedThrough);
  });

  test('no selection and no camera: the view the app opens on at that size', () => {
    expect(of('').state.camera).toEqual(defaultView(VIEW));
  });

  test('a camera in the state is the picture’s', () => {
    expect(of('center=10,20&zoom=3').state.camera).toMatchObject({ lon: 10, lat: 20, zoom: 3 });
  });

  test('a selection frames its capital and Kabul inside the view', () => {
    const { camera } = of('country=CHN').state;
    const [cx, cy] = project([camera.lon, camera.lat], camera.zoom);
    const inside = [
      [116.4, 39.9],
      [69.17, 34.53],
    ].map(([lon, lat]) => {
      const [x, y] = project([lon!, lat!], camera.zoom);
      const px = x - cx + VIEW.width / 2;
      const py = y - cy + VIEW.height / 2;
      return px > 0 && px < VIEW.width && py > 0 && py < VIEW.height;
    });
    expect(inside).toEqual([true, true]);
  });

  test('the selection is what the picture is about', () => {
    const picture = of('country=CHN');
    expect([picture.selected, picture.state.focus, picture.scene.selected]).toEqual([
      'CHN',
      ['CHN'],
      'CHN',
    ]);
  });

  test('each country carries its level on the date', () => {
    const levels = levelsOn(engagementIndex(dataset), '2024-01-01');
    expect(of('date=2024-01-01').scene.levelOf).toEqual(levels);
  });

  test('a motive left out draws none of its arcs', () => {
    const categories = new Set(of('motives=economic').scene.arcs.map((a) => a.properties.category));
    expect([...categories]).toEqual(['economic']);
  });

  test(`at most ${ARC_LIMIT} arcs`, () => {
    expect(of('').scene.arcs.length).toBeLessThanOrEqual(ARC_LIMIT);
  });

  test('a level left out of the legend mutes its countries, never Afghanistan', () => {
    const shown = dataset.levels.levels.slice(1).map((l) => l.id);
    const { scene } = of(`levels=${shown.join(',')}`);
    const hidden = dataset.levels.levels[0]!.id;
    const ofHidden = [...scene.levelOf].filter(([, l]) => l.level === hidden).map(([id]) => id);
    expect(ofHidden.length).toBeGreaterThan(0);
    expect([ofHidden.every((id) => scene.muted.has(id)), scene.muted.has('AFG')]).toEqual([
      true,
      false,
    ]);
  });
});

describe('a scene', () => {
  const number = 3;
  const sceneData = dataset.scenes[number - 1]!;
  const picture = of(`mode=present&scene=${number}`);

  test('shows its own date', () => {
    expect(picture.state.date).toBe(sceneData.date);
  });

  test('is about its highlight, with nothing selected', () => {
    expect([picture.state.focus, picture.selected]).toEqual([sceneData.highlight, null]);
  });

  test('mutes nothing', () => {
    expect(picture.scene.muted.size).toBe(0);
  });

  test('carries its number', () => {
    expect(picture.state.scene?.number).toBe(number);
  });
});
