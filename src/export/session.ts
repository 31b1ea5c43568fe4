/**
 * What the Export dialog does for the atlas on screen. Each call takes the state as it is at that
 * moment (a picture is a function of the state, never of the map's pixels) and loads the picture
 * engine or the data writer on first use, so neither is in the first load.
 */
import type { Day } from '../lib/dates.ts';
import type { EngagementIndex } from '../lib/engagement.ts';
import type { UrlState } from '../lib/url-state.ts';
import type { Size } from '../lib/viewport.ts';
import type { EditorialTexts } from './editorial.ts';
import type { Atlas } from './run.ts';
import type { DeckFormat, ExportChoice, ExportFile } from './types.ts';

/** The state a picture is made of, read when the dialog asks. */
export interface PictureState {
  atlas: Atlas;
  /** The URL's state, with the camera the map shows (see Atlas.svelte's `pictureUrl`). */
  url: UrlState;
  /** The map's size on screen. */
  view: Size;
  index: EngagementIndex;
  date: Day;
}

export interface ExportSession {
  run(choice: ExportChoice): Promise<ExportFile>;
  runDeck(
    choice: ExportChoice,
    progress: (done: number, total: number) => void,
    format: DeckFormat,
  ): Promise<ExportFile>;
  runData(what: 'view' | 'dataset'): Promise<ExportFile>;
  /** The words of the picture the dialog would make now: its title and alt text. */
  words(): Promise<{ title: string; description: string }>;
  /** The headline, dek, note, source line and credit the state gives the picture. */
  defaults(): Promise<EditorialTexts>;
  /** The picture as chosen, as SVG, for the preview. */
  preview(choice: ExportChoice): Promise<string>;
}

export function exportSession(now: () => PictureState): ExportSession {
  const engine = () => import('./run.ts');
  return {
    async run(choice) {
      const { atlas, url, view } = now();
      return (await engine()).exportPicture(atlas, url, view, choice);
    },
    async runDeck(choice, progress, format) {
      return (await engine()).exportDeck(now().atlas, choice, progress, format);
    },
    async runData(what) {
      const { atlas, index, date } = now();
      return (await import('../lib/data-export.ts')).dataFile(what, atlas.dataset, index, date);
    },
    async words() {
      const { atlas, url, view } = now();
      return (await engine()).pictureWordsOf(atlas, url, view);
    },
    async defaults() {
      const { atlas, url, view } = now();
      return (await engine()).pictureDefaultsOf(atlas, url, view);
    },
    async preview(choice) {
      const { atlas, url, view } = now();
      return (await engine()).previewSvg(atlas, url, view, choice);
    },
  };
}
