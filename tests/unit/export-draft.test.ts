/**
 * What the off-screen map gets ready for while the reader chooses in the Export dialog: the PNG's
 * size, camera, feature state and theme, exactly what the picture itself will ask the map for.
 */
import { countryFeatures, frameOf, labelPoints } from '../../src/lib/countries.ts';
import { engagementIndex, levelsOn } from '../../src/lib/engagement.ts';
import {
  focusCapital,
  labelLayout,
  labelRank,
  pictureLabelScale,
  rankedLabels,
} from '../../src/lib/labels.ts';
import { labelAnchorsFor } from '../../src/lib/svg-export.ts';
import { describe, expect, test } from 'vitest';
import type { PictureOptions, PictureState } from '../../src/export/plan.ts';
import { pictureCamera } from '../../src/export/plan.ts';
import { pictureDraft } from '../../src/export/run.ts';
import { themePaint, type ThemeName } from '../../src/lib/style.ts';
import { minimalDataset, shipped } from './helpers.ts';

const dataset = minimalDataset();

const state: PictureState = {
  dataset,
  date: '2025-07-10',
  camera: { lon: 69.2, lat: 34.5, zoom: 3 },
  view: { width: 1280, height: 637 },
  motives: new Set(['economic']),
  focus: [],
  scene: null,
  frames: new Map(),
  names: () => ({
    labels: { type: 'FeatureCollection', features: [] },
    capital: { type: 'FeatureCollection', features: [] },
  }),
};

const ids = { countries: ['AFG', 'CHN'], arcs: ['CHN-economic'] };

function options(overrides: Partial<PictureOptions>): PictureOptions {
  return {
    format: 'png',
    size: { width: 1920, height: 1080 },
    scale: 2,
    theme: 'light',
    show: { title: true, subtitle: true, legend: true, date: true, source: true, credit: true },
    ...overrides,
  };
}

describe('pictureDraft', () => {
  test('an SVG needs no map', () => {
    expect(pictureDraft(state, options({ format: 'svg' }), ids)).toBeNull();
  });

  test.each([
    { size: { width: 1920, height: 1080 }, theme: 'light' as ThemeName },
    { size: { width: 1280, height: 637 }, theme: 'dark' as ThemeName },
    { size: { width: 1080, height: 1080 }, theme: 'light' as ThemeName },
  ])(
    'a PNG at $size.width×$size.height, $theme: its size, camera, feature state and theme',
    (c) => {
      expect(pictureDraft(state, options(c), ids)).toEqual({
        width: c.size.width,
        height: c.size.height,
        camera: pictureCamera(state, c.size),
        featureState: [
          { source: 'countries', ids: ids.countries },
          { source: 'motive-arcs', ids: ids.arcs },
        ],
        paint: themePaint(c.theme, dataset.levels),
        // Names sized for the picture (PICTURE_LABEL_SHARE of its short side), not the screen.
        layout: labelLayout(pictureLabelScale(c.size, pictureCamera(state, c.size).zoom)),
      });
    },
  );

  test('a scene’s picture writes its labels at the picture’s scale for its size', () => {
    const scene = { scene: dataset.scenes[0]!, number: 1 };
    const size = { width: 1920, height: 1080 };
    const draft = pictureDraft({ ...state, scene }, options({ size }), ids);
    expect(draft?.layout).toEqual(
      labelLayout(pictureLabelScale(size, draft!.camera.zoom), new Map()),
    );
  });

  test('the scale changes nothing the map must get ready', () => {
    expect(pictureDraft(state, options({ scale: 4 }), ids)).toEqual(
      pictureDraft(state, options({ scale: 1 }), ids),
    );
  });
});

describe('a scene’s picture moves the names the story needs as the presentation does', () => {
  const { dataset: full, topology } = shipped();
  const points = labelPoints(topology, new Map(full.countries.map((c) => [c.id, c.name])));
  const frames = new Map(
    countryFeatures(topology).features.map((f) => [f.properties.id, frameOf(f.geometry)]),
  );
  const number = full.scenes.findIndex((s) => s.id === 'russia-recognition') + 1;
  const scene = full.scenes[number - 1]!;
  const names = {
    labels: rankedLabels(
      points,
      labelRank(full.levels, levelsOn(engagementIndex(full), scene.date)),
      frames,
    ),
    capital: focusCapital(full),
  };
  const sceneState: PictureState = {
    ...state,
    dataset: full,
    date: scene.date,
    scene: { scene, number },
    frames,
    names: () => names,
  };

  test.each([
    { width: 1920, height: 1080 },
    { width: 1280, height: 720 },
  ])('at $width×$height, found for the picture’s own size', (size) => {
    const draft = pictureDraft(sceneState, options({ size }), ids)!;
    const anchors = labelAnchorsFor({
      ...size,
      camera: draft.camera,
      ...names,
      labelScale: pictureLabelScale(size, draft.camera.zoom),
    });
    // Pakistan's name, centred, would run into Afghanistan's.
    expect(anchors.has('PAK')).toBe(true);
    expect(draft.layout).toEqual(labelLayout(pictureLabelScale(size, draft.camera.zoom), anchors));
  });
});
