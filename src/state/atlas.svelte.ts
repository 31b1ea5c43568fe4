/**
 * What the reader chose, and what follows from it. Knows no pixels and never touches the map:
 * the map components read this state and draw it. Everything here that a reader would share
 * (date, selection, filters, camera, view) round-trips through the URL.
 */
import type { FeatureCollection, LineString } from 'geojson';
import {
  ARC_LIMIT,
  arcFeatures,
  strongestArcs,
  visibleArcIds,
  type ArcProps,
  type DrawnArcs,
} from '../lib/arcs.ts';
import type { Day } from '../lib/dates.ts';
import {
  changeDays,
  engagementIndex,
  eventDaysByActor,
  eventsBy,
  lastChangeOn,
  levelsOn,
  tensionsOn,
  type EngagementIndex,
} from '../lib/engagement.ts';
import type { Dataset, MotiveCategory } from '../lib/schema.ts';
import type { CalendarId } from '../lib/calendar-ids.ts';
import { BASE_LOCALE, type Locale } from '../i18n/locales.ts';
import { FOCUS_ID, MOTIVE_CATEGORIES } from '../lib/vocabulary.ts';
import {
  DEFAULT_URL_STATE,
  showsScene,
  type Camera,
  type Mode,
  type UrlContext,
  type UrlState,
  type View,
} from '../lib/url-state.ts';

/** `none` stands for "no data" in the level filter. */
export const NO_DATA = 'none';

export class AtlasState {
  readonly dataset: Dataset;
  readonly index: EngagementIndex;
  /** What URLs are checked against: the date range, the selectable ids, the level ids. */
  readonly context: Required<UrlContext>;
  readonly allLevels: readonly string[];
  /**
   * The actors a selection frames on the map: the dataset's countries (at their capitals) and the
   * map's others (at their labels).
   */
  readonly framable: ReadonlySet<string>;

  /** The day the map shows. */
  date = $state<Day>('');
  /** The selected country, institution or group, whose panel is open. */
  selected = $state<string | null>(null);
  /** Motive categories whose arcs are drawn. */
  motivesShown = $state.raw<ReadonlySet<MotiveCategory>>(new Set(MOTIVE_CATEGORIES));
  /** Levels (and `none`) whose countries are drawn in full colour. */
  levelsShown = $state.raw<ReadonlySet<string>>(new Set());
  /**
   * Where the reader moved the map; `null` until they do: then the map shows the selected
   * country framed with Kabul, or the default view, both worked out from the state and the screen.
   */
  camera = $state.raw<Camera | null>(null);
  view = $state<View>('map');
  /** Whether the timeline is playing. Not shared in URLs. */
  playing = $state(false);
  /** Notes on URL values that were ignored, shown until dismissed. */
  notices = $state<string[]>([]);
  mode = $state<Mode>('explore');
  /** The presentation's scene, 0-based (the URL counts from 1). */
  sceneIndex = $state(0);
  /** Kiosk auto-advance, seconds per scene. */
  autoplay = $state<number | null>(null);
  /** The edition the reader chose: the interface's language (src/i18n). */
  lang = $state<Locale>(BASE_LOCALE);
  /** The calendar dates are written in. */
  calendar = $state<CalendarId>('gregory');

  /** The scene on screen in presentation mode. */
  scene = $derived.by(() => this.dataset.scenes[this.sceneIndex] ?? null);

  /**
   * The last day on or before the date on which a level or tension changes. Levels and tensions
   * are computed from it, not from the date: a step that crosses no change day keeps the same
   * maps, and nothing that reads them (fills, outlines, labels, arcs, hotspots) runs again.
   */
  readonly #changeDays: readonly Day[];
  #changeDay = $derived.by(() => lastChangeOn(this.#changeDays, this.date));
  /** Each country's level on the date. */
  levels = $derived.by(() => levelsOn(this.index, this.#changeDay || this.date));
  /** Each country in tension or conflict with Kabul on the date. */
  tensions = $derived.by(() => tensionsOn(this.index, this.#changeDay || this.date));
  /**
   * The countries of the map (`framable`: more than the data names) whose level the legend filter
   * hides on the date. Never Afghanistan: it is the focus, not a level ("No data" hidden would
   * otherwise fade it), and the key shows it in its own colour whatever the filter.
   */
  muted = $derived.by(() => {
    const out = new Set<string>();
    for (const id of this.framable) if (id !== FOCUS_ID && !this.isLevelShown(id)) out.add(id);
    return out;
  });

  /** Every motive arc of the dataset: partner capital to Kabul, one per motive. */
  readonly arcs: FeatureCollection<LineString, ArcProps>;
  readonly #arcProps: readonly ArcProps[];
  readonly #eventDays: ReadonlyMap<string, readonly Day[]>;
  readonly #levelRank: ReadonlyMap<string, number>;
  /**
   * The arcs the map draws on the date, of those its filters show: at most ARC_LIMIT at once, the
   * strongest (closest level first, then most events so far); `leftOut` counts the others.
   */
  arcsDrawn: DrawnArcs = $derived.by(() =>
    strongestArcs(
      this.#arcProps,
      visibleArcIds(this.#arcProps, this.date, this.motivesShown, (actor) =>
        this.isLevelShown(actor),
      ),
      (actor) =>
        (this.#levelRank.get(this.levels.get(actor)?.level ?? '') ?? 0) * 100_000 +
        eventsBy(this.#eventDays.get(actor), this.date),
      ARC_LIMIT,
      this.selected,
    ),
  );

  /**
   * @param mapCountries every country on the map (the geometry's ids): those the dataset does not
   * cover can be selected too, and their panel says the sources are silent.
   */
  constructor(dataset: Dataset, mapCountries: Iterable<string> = []) {
    this.dataset = dataset;
    this.index = engagementIndex(dataset);
    this.#changeDays = changeDays(this.index);
    this.arcs = arcFeatures(dataset);
    this.#arcProps = this.arcs.features.map((f) => f.properties);
    this.#eventDays = eventDaysByActor(dataset.events);
    this.#levelRank = new Map(dataset.levels.levels.map((l) => [l.id, l.rank]));
    this.allLevels = [...dataset.levels.levels.map((l) => l.id), NO_DATA];
    this.framable = new Set([...dataset.countries.map((c) => c.id), ...mapCountries]);
    this.context = {
      start: dataset.meta.start,
      // The map reaches the date the data are reviewed through, the last event or later.
      end: dataset.meta.reviewedThrough,
      actors: new Set([...this.framable, ...dataset.institutions.map((i) => i.id)]),
      levels: dataset.levels.levels.map((l) => l.id),
      scenes: dataset.scenes.length,
    };
    this.date = this.context.end;
    this.levelsShown = new Set(this.allLevels);
  }

  /** Applies a state read from the URL; `null` values take their defaults. */
  applyUrl(state: UrlState, notices: string[]) {
    this.date = state.date ?? this.context.end;
    this.selected = state.country;
    this.motivesShown = new Set(state.motives ?? MOTIVE_CATEGORIES);
    this.levelsShown = new Set(state.levels ?? this.allLevels);
    this.camera = state.camera;
    this.view = state.view;
    this.mode = state.mode;
    this.autoplay = state.autoplay;
    this.lang = state.lang;
    this.calendar = state.calendar;
    this.notices = notices;
    if (showsScene(state.mode)) this.goToScene((state.scene ?? 1) - 1);
    else this.sceneIndex = (state.scene ?? 1) - 1;
  }

  /** The state as the URL holds it, defaults left out. A presentation's URL names only its scene. */
  get urlState(): UrlState {
    if (this.mode !== 'explore') {
      return {
        ...DEFAULT_URL_STATE,
        mode: this.mode,
        scene: this.sceneIndex + 1,
        autoplay: this.autoplay,
        lang: this.lang,
        calendar: this.calendar,
      };
    }
    const allMotives = MOTIVE_CATEGORIES.every((c) => this.motivesShown.has(c));
    const allLevels = this.allLevels.every((l) => this.levelsShown.has(l));
    return {
      date: this.date === this.context.end ? null : this.date,
      country: this.selected,
      motives: allMotives ? null : MOTIVE_CATEGORIES.filter((c) => this.motivesShown.has(c)),
      levels: allLevels ? null : this.allLevels.filter((l) => this.levelsShown.has(l)),
      camera: this.camera,
      view: this.view,
      mode: 'explore',
      scene: null,
      autoplay: null,
      lang: this.lang,
      calendar: this.calendar,
    };
  }

  /** Moves the map to a day, kept within the dataset's range. */
  setDate(day: Day) {
    const { start, end } = this.context;
    this.date = day < start ? start : day > end ? end : day;
  }

  /**
   * Selects an actor (or clears with `null`). A country is framed with Kabul by the map, so any
   * camera of the reader's goes and the URL carries only the country. An institution, or closing
   * the panel, keeps the view on screen: `framing` is the selection's framing the map shows now
   * (the page works it out), kept as the camera so nothing jumps.
   */
  select(id: string | null, framing: Camera | null = null) {
    if (id !== null && this.framable.has(id)) this.camera = null;
    else this.camera ??= framing;
    this.selected = id;
  }

  toggleMotive(category: MotiveCategory) {
    const next = new Set(this.motivesShown);
    if (next.has(category)) next.delete(category);
    else next.add(category);
    this.motivesShown = next;
  }

  toggleLevel(level: string) {
    const next = new Set(this.levelsShown);
    if (next.has(level)) next.delete(level);
    else next.add(level);
    this.levelsShown = next;
  }

  showAllLevels() {
    this.levelsShown = new Set(this.allLevels);
  }

  /** Whether the legend filter lets a country's level on the date through. */
  isLevelShown(country: string): boolean {
    return this.levelsShown.has(this.levels.get(country)?.level ?? NO_DATA);
  }

  /**
   * Shows scene `index` (0-based, kept within the deck): its motives at once; its date, camera
   * and highlight are eased in by the presentation view.
   */
  goToScene(index: number) {
    const last = this.dataset.scenes.length - 1;
    this.sceneIndex = Math.max(0, Math.min(last, index));
    const scene = this.dataset.scenes[this.sceneIndex];
    if (scene) this.motivesShown = new Set(scene.motives);
  }

  nextScene() {
    this.goToScene(this.sceneIndex + 1);
  }

  previousScene() {
    this.goToScene(this.sceneIndex - 1);
  }

  /** Starts the presentation at a scene (0-based). */
  present(index = 0) {
    this.mode = 'present';
    this.selected = null;
    this.view = 'map';
    this.goToScene(index);
  }

  /** Starts the story (the scenes as a scrolling article) at a scene (0-based). */
  tell(index = 0) {
    this.mode = 'story';
    this.selected = null;
    this.view = 'map';
    this.goToScene(index);
  }

  /**
   * Back to exploration at the same date and camera: what the room saw stays on screen, with
   * the motives of the scene and no selection.
   */
  explore(camera: Camera | null) {
    this.mode = 'explore';
    this.autoplay = null;
    if (camera) this.camera = camera;
  }
}
