/**
 * What the reader chose, and what follows from it. Knows no pixels and never touches the map:
 * the map components read this state and draw it.
 */
import {
  latestEventDay,
  engagementIndex,
  levelsOn,
  tensionsOn,
  type EngagementIndex,
} from '../lib/engagement.ts';
import type { Day } from '../lib/dates.ts';
import type { Dataset } from '../lib/schema.ts';
import type { UrlContext, UrlState } from '../lib/url-state.ts';

export class AtlasState {
  readonly dataset: Dataset;
  readonly index: EngagementIndex;
  /** The first and last day the map can show: the takeover of Kabul, and the latest event. */
  readonly range: UrlContext;

  /** The day the map shows. */
  date = $state<Day>('');
  /** Notes on URL values that were ignored, shown until dismissed. */
  notices = $state<string[]>([]);

  /** Each country's level on the date. */
  levels = $derived.by(() => levelsOn(this.index, this.date));
  /** Each country in tension or conflict with Kabul on the date. */
  tensions = $derived.by(() => tensionsOn(this.index, this.date));

  constructor(dataset: Dataset) {
    this.dataset = dataset;
    this.index = engagementIndex(dataset);
    this.range = {
      start: dataset.meta.start,
      end: latestEventDay(dataset.events) ?? dataset.meta.start,
    };
    this.date = this.range.end;
  }

  /** Applies a state read from the URL; `null` values take their defaults. */
  applyUrl(state: UrlState, notices: string[]) {
    this.date = state.date ?? this.range.end;
    this.notices = notices;
  }

  /** The state as the URL holds it, defaults left out. */
  get urlState(): UrlState {
    return { date: this.date === this.range.end ? null : this.date };
  }

  /** Moves the map to a day, kept within the dataset's range. */
  setDate(day: Day) {
    this.date =
      day < this.range.start ? this.range.start : day > this.range.end ? this.range.end : day;
  }
}
