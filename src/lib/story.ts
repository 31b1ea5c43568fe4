/**
 * The story (`?mode=story`): the scenes as a scrolling article. On a wide screen the text is a
 * column beside a sticky map; on a narrow one the map fills the screen behind the text, which
 * scrolls over it in cards. Pure: the layout's numbers for a screen, so the map's framing of each
 * scene (sceneMapState with this padding) is the same wherever it is worked out.
 */
import { FRAME_MARGIN } from './scene-view.ts';
import type { Padding, Size } from './viewport.ts';

/** From this width the text stands beside the map; below it, the map is behind the text. */
export const STORY_BESIDE_WIDTH = 900;
/** The text column beside the map: a share of the screen, within a readable measure. */
const COLUMN = { share: 0.36, min: 340, max: 460 } as const;

export interface StoryLayout {
  /** The text beside the map (wide screens), or over it (narrow ones). */
  beside: boolean;
  /** The text column's width, in CSS pixels (the screen's on a narrow one). */
  column: number;
  /** The map's size: the screen less the column beside it, or the whole screen behind. */
  map: Size;
  /** What the scene's framing keeps clear on the map. */
  padding: Padding;
}

/**
 * The story's layout for a screen.
 * @example storyLayout({ width: 1280, height: 800 })
 * // { beside: true, column: 460, map: { width: 820, height: 800 },
 * //   padding: { top: 24, right: 24, bottom: 24, left: 24 } }
 */
export function storyLayout(screen: Size): StoryLayout {
  const all = { top: FRAME_MARGIN, right: FRAME_MARGIN, bottom: FRAME_MARGIN, left: FRAME_MARGIN };
  if (screen.width >= STORY_BESIDE_WIDTH) {
    const column = Math.round(
      Math.min(COLUMN.max, Math.max(COLUMN.min, COLUMN.share * screen.width)),
    );
    return {
      beside: true,
      column,
      map: { width: screen.width - column, height: screen.height },
      padding: all,
    };
  }
  // Behind the text: the cards pass over the lower part of the screen as the reader scrolls, so
  // the scene is framed in the upper part, clear of where a card rests.
  return {
    beside: false,
    column: screen.width,
    map: screen,
    padding: { ...all, bottom: Math.round(screen.height * 0.4) },
  };
}
