import { describe, expect, test } from 'vitest';
import { FRAME_MARGIN } from '../../src/lib/scene-view.ts';
import { STORY_BESIDE_WIDTH, storyLayout } from '../../src/lib/story.ts';

describe('storyLayout', () => {
  test.each([
    // width, height, beside, column, map width
    [1920, 1080, true, 460, 1460],
    [1280, 800, true, 460, 820],
    [1000, 700, true, 360, 640],
    [STORY_BESIDE_WIDTH, 700, true, 340, 560],
    [STORY_BESIDE_WIDTH - 1, 700, false, 899, 899],
    [390, 844, false, 390, 390],
  ])('%i × %i: beside %s, column %i, map %i wide', (width, height, beside, column, mapWidth) => {
    const layout = storyLayout({ width, height });
    expect(layout.beside).toBe(beside);
    expect(layout.column).toBe(column);
    expect(layout.map).toEqual({ width: mapWidth, height });
  });

  test('beside the text, the map keeps the frame margin all round', () => {
    expect(storyLayout({ width: 1280, height: 800 }).padding).toEqual({
      top: FRAME_MARGIN,
      right: FRAME_MARGIN,
      bottom: FRAME_MARGIN,
      left: FRAME_MARGIN,
    });
  });

  test('behind the text, the scene is framed clear of the lower 40 % where a card rests', () => {
    expect(storyLayout({ width: 390, height: 844 }).padding.bottom).toBe(338);
  });
});
