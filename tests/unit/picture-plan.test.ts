/**
 * Where a picture looks and where its names go (src/export/plan.ts): the camera of the view on
 * screen scaled to the picture, or a scene's own framing; a scene's names moved as the
 * presentation moves them, found for the picture's own size.
 */
import { describe, expect, test } from 'vitest';
import type { PictureState } from '../../src/export/plan.ts';
import { pictureCamera, pictureLabelAnchors } from '../../src/export/plan.ts';
import { countryFrames, labelPoints } from '../../src/lib/countries.ts';
import { engagementIndex, levelsOn } from '../../src/lib/engagement.ts';
import { focusCapital, labelRank, pictureLabelScale, rankedLabels } from '../../src/lib/labels.ts';
import { labelLines, placeLabels } from '../../src/lib/svg-export.ts';
import { project } from '../../src/lib/viewport.ts';
import { sceneMapState } from '../../src/lib/scene-view.ts';
import { shipped } from './helpers.ts';

const { dataset, topology } = shipped();
const frames = countryFrames(topology);
const points = labelPoints(topology, new Map(dataset.countries.map((c) => [c.id, c.name])));
const number = dataset.scenes.findIndex((s) => s.id === 'russia-recognition') + 1;
const scene = dataset.scenes[number - 1]!;
const names = {
  labels: rankedLabels(
    points,
    labelRank(dataset.levels, levelsOn(engagementIndex(dataset), scene.date)),
    frames,
  ),
  capital: focusCapital(dataset),
};
const exploring: PictureState = {
  dataset,
  date: '2025-07-10',
  camera: { lon: 69.2, lat: 34.5, zoom: 3 },
  view: { width: 1280, height: 640 },
  motives: new Set(['economic']),
  focus: [],
  scene: null,
  frames,
  names: () => names,
};
const presenting: PictureState = {
  ...exploring,
  date: scene.date,
  scene: { scene, number },
};

describe('pictureCamera', () => {
  test.each([
    ['twice the view', { width: 2560, height: 1280 }, 4],
    ['the view', { width: 1280, height: 640 }, 3],
    ['a square inside the view', { width: 640, height: 640 }, 2],
  ])('exploring, %s: the view’s camera, zoomed to keep what it shows', (_name, size, zoom) => {
    expect(pictureCamera(exploring, size)).toEqual({
      lon: 69.2,
      lat: 34.5,
      zoom,
      bearing: 0,
      pitch: 0,
    });
  });

  test('a scene frames itself for the picture’s size', () => {
    const size = { width: 1080, height: 1080 };
    expect(pictureCamera(presenting, size)).toEqual(sceneMapState(scene, size, frames).camera);
  });
});

describe('pictureLabelAnchors', () => {
  test.each([
    { width: 1920, height: 1080 },
    { width: 1280, height: 720 },
  ])('a scene at $width×$height moves Pakistan’s name off Afghanistan’s', (size) => {
    const anchors = pictureLabelAnchors(presenting, size, pictureCamera(presenting, size));
    expect(anchors.has('PAK')).toBe(true);
  });

  test('exploring, a picture’s larger names move aside too: Pakistan’s is kept', () => {
    const size = { width: 1080, height: 1080 };
    const explored = { ...exploring, camera: { lon: 60, lat: 35, zoom: 2.6 } };
    const camera = pictureCamera(explored, size);
    const anchors = pictureLabelAnchors(explored, size, camera);
    const placed = placeLabels({
      ...size,
      camera,
      ...names,
      labelScale: pictureLabelScale(size, camera.zoom),
      labelAnchors: anchors,
    });
    expect(placed.map((l) => l.id)).toContain('PAK');
  });
});

describe('a picture keeps its names whole and off its text boxes', () => {
  const size = { width: 1080, height: 1080 };
  const camera = { lon: 60, lat: 35, zoom: 2.6 };
  const base = { ...size, camera, ...names, labelScale: pictureLabelScale(size, camera.zoom) };
  // A plate over Russia's name, as a title block would lie.
  const plate = { x: 500, y: 150, width: 400, height: 200 };
  const [px, py] = project([88, 58.5], camera.zoom);
  const [cx, cy] = project([camera.lon, camera.lat], camera.zoom);
  const russia = { x: px - cx + size.width / 2, y: py - cy + size.height / 2 };

  test('the plate lies over Russia’s name, which the map would write', () => {
    const inside =
      russia.x > plate.x &&
      russia.x < plate.x + plate.width &&
      russia.y > plate.y &&
      russia.y < plate.y + plate.height;
    expect([inside, placeLabels(base).some((l) => l.id === 'RUS')]).toEqual([true, true]);
  });

  test('a name under a text box is left out', () => {
    expect(placeLabels({ ...base, keepClear: [plate] }).some((l) => l.id === 'RUS')).toBe(false);
  });

  test('no name is cut by the picture’s edge', () => {
    const cut = placeLabels({ ...base, keepClear: [] }).filter((l) => {
      const half = (labelLines(l.lines.join(' '), l.bold).width * l.size) / 2;
      return l.x - half < 0 || l.x + half > size.width;
    });
    expect(cut.map((l) => l.id)).toEqual([]);
  });
});
