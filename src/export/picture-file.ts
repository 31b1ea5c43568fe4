/**
 * A picture as a file, in a browser or in Node: its name from the state, its words (title and
 * alt text) from the state, carried inside it as the SVG's `<title>` and `<desc>` and the PNG's
 * Description. No page, no canvas.
 */
import { engagementIndex, type EngagementIndex } from '../lib/engagement.ts';
import { exportFileName } from '../lib/export-name.ts';
import { pictureText, type PictureText } from '../lib/picture-alt.ts';
import { withPngText } from '../lib/png-text.ts';
import { escapeXml } from '../lib/svg-export.ts';
import { atSvgHead } from '../lib/svg-fonts.ts';
import type { PictureOptions, PictureState } from './plan.ts';

/** What a picture's file name is made from (`exportFileName`). */
function nameState(state: PictureState, country: string | null) {
  return state.scene
    ? {
        mode: 'present' as const,
        country: null,
        date: state.date,
        sceneNumber: state.scene.number,
        sceneId: state.scene.scene.id,
      }
    : { mode: 'explore' as const, country, date: state.date };
}

/** The file name of a picture of `state` (or of the deck it opens, with format zip or pdf). */
export function pictureFileName(
  state: PictureState,
  country: string | null,
  options: Pick<PictureOptions, 'size' | 'scale'>,
  format: Parameters<typeof exportFileName>[3],
): string {
  return exportFileName(nameState(state, country), options.size, options.scale, format);
}

const indexes = new WeakMap<PictureState['dataset'], EngagementIndex>();
function indexOf(dataset: PictureState['dataset']): EngagementIndex {
  let index = indexes.get(dataset);
  if (!index) indexes.set(dataset, (index = engagementIndex(dataset)));
  return index;
}

/** The words for the picture (src/lib/picture-alt.ts), from the state it shows. */
export function pictureWords(state: PictureState, country: string | null): PictureText {
  return pictureText({
    dataset: state.dataset,
    index: indexOf(state.dataset),
    date: state.date,
    motives: state.motives,
    selected: state.scene ? null : country,
    scene: state.scene ? { title: state.scene.scene.title, number: state.scene.number } : null,
  });
}

/** The SVG with its words as `<title>` and `<desc>`, first in the drawing, as readers look. */
export function describedSvg(svg: string, words: PictureText): string {
  return atSvgHead(
    svg,
    `<title>${escapeXml(words.title)}</title><desc>${escapeXml(words.description)}</desc>`,
  );
}

/** The PNG's bytes with its words as its Description text. */
export function describedPng(png: Uint8Array, words: PictureText): Uint8Array<ArrayBuffer> {
  return withPngText(png, 'Description', `${words.title}. ${words.description}`);
}
