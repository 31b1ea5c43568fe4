/**
 * A picture's content worked out from the dataset, the geometry and a state as the URL holds it,
 * with no map and no page: what the picture engine draws (`SvgScene`) and the state it lays out
 * (`PictureState`). The command line draws its pictures from it in Node alone; the levels, arcs
 * and names follow the same rules as the app's map (src/state/atlas.svelte.ts, src/Atlas.svelte).
 */
import type { Topology } from 'topojson-specification';
import { ARC_LIMIT, arcFeatures, strongestArcs, visibleArcIds } from '../lib/arcs.ts';
import { boundaryFeatures, countryFeatures, countryFrames, labelPoints } from '../lib/countries.ts';
import type { Day } from '../lib/dates.ts';
import {
  changeDays,
  engagementIndex,
  eventDaysByActor,
  eventsBy,
  lastChangeOn,
  levelsOn,
  tensionsOn,
} from '../lib/engagement.ts';
import { defaultView, selectionBounds, selectionCamera, selectionPadding } from '../lib/framing.ts';
import {
  focusCapital,
  labelRank,
  rankedLabels,
  shapeCapital,
  shapeNames,
  type NameMeasure,
} from '../lib/labels.ts';
import type { PictureWords } from './picture-words.ts';
import type { Dataset } from '../lib/schema.ts';
import { FOCUS_ID, MOTIVE_CATEGORIES } from '../lib/vocabulary.ts';
import { showsScene, type Camera, type UrlContext, type UrlState } from '../lib/url-state.ts';
import type { LonLat, Size } from '../lib/viewport.ts';
import type { PictureState } from './plan.ts';
import type { SvgScene } from './svg.ts';

/** The level filter's id for "no data" (as AtlasState's `NO_DATA`). */
const NO_DATA = 'none';

/** What every picture of one dataset shares, worked out once. */
export interface PictureSource {
  dataset: Dataset;
  countries: SvgScene['countries'];
  boundaries: SvgScene['boundaries'];
  frames: PictureState['frames'];
  index: ReturnType<typeof engagementIndex>;
  changeDays: Day[];
  labelPlaces: ReturnType<typeof labelPoints>;
  capital: SvgScene['capital'];
  arcs: ReturnType<typeof arcFeatures>;
  eventDays: Map<string, Day[]>;
  capitals: Map<string, LonLat>;
  /** Every country on the map, covered by the sources or not. */
  mapCountries: Set<string>;
  /** The edition the pictures are in: its words, and how it measures names the browser shapes. */
  edition: PictureEdition;
}

/**
 * A picture's edition beyond its dataset's language (see src/lib/translation.ts): the words burnt
 * in around the map, and, for the editions written in Arabic script, how a name's lines measure
 * (`shapeNames`): the canvas in a browser, the font's own shaping in Node.
 */
export interface PictureEdition {
  words?: PictureWords;
  measure?: NameMeasure;
}

/** Decodes the geometry and indexes the dataset, for `pictureOf`. */
export function pictureSource(
  dataset: Dataset,
  topology: Topology,
  edition: PictureEdition = {},
): PictureSource {
  const countries = countryFeatures(topology, 'countries');
  const index = engagementIndex(dataset);
  return {
    dataset,
    countries,
    boundaries: boundaryFeatures(topology),
    frames: countryFrames(topology),
    index,
    changeDays: changeDays(index),
    labelPlaces: labelPoints(topology, new Map(dataset.countries.map((c) => [c.id, c.name]))),
    capital: edition.measure
      ? shapeCapital(focusCapital(dataset), edition.measure)
      : focusCapital(dataset),
    arcs: arcFeatures(dataset),
    eventDays: eventDaysByActor(dataset.events),
    capitals: new Map(dataset.countries.map((c) => [c.id, [c.capital.lon, c.capital.lat]])),
    mapCountries: new Set(countries.features.map((f) => f.properties.id)),
    edition,
  };
}

/** What a URL's state is checked against (`parseUrlState`), as the app's state builds it. */
export function urlContextOf(source: PictureSource): Required<UrlContext> {
  const { dataset } = source;
  return {
    start: dataset.meta.start,
    end: dataset.meta.reviewedThrough,
    actors: new Set([
      ...dataset.countries.map((c) => c.id),
      ...dataset.institutions.map((i) => i.id),
      ...source.mapCountries,
    ]),
    levels: dataset.levels.levels.map((l) => l.id),
    scenes: dataset.scenes.length,
  };
}

export interface PictureOf {
  state: PictureState;
  scene: SvgScene;
  /** The selected country, while exploring. */
  selected: string | null;
}

/**
 * The picture of `url` (a state as `parseUrlState` reads it). `view` is the map the state is
 * seen in: while exploring, the camera is the URL's, else the one the app opens on in a map of
 * that size (the selection framed with Kabul, or the region); a scene frames itself.
 * @example pictureOf(source, parseUrlState('?country=CHN', context).state, { width: 1920, height: 1080 })
 */
export function pictureOf(source: PictureSource, url: UrlState, view: Size): PictureOf {
  const { dataset } = source;
  // A story's scene is pictured as the presentation shows it.
  const sceneIndex = showsScene(url.mode) ? (url.scene ?? 1) - 1 : null;
  const sceneData = sceneIndex === null ? null : (dataset.scenes[sceneIndex] ?? null);
  const date = sceneData?.date ?? url.date ?? dataset.meta.reviewedThrough;
  const changeDay = lastChangeOn(source.changeDays, date) || date;
  const levelOf = levelsOn(source.index, changeDay);
  const tensionOf = tensionsOn(source.index, changeDay);
  const motives = new Set(sceneData ? MOTIVE_CATEGORIES : (url.motives ?? MOTIVE_CATEGORIES));
  // The legend's filter, while exploring: a presentation shows every level.
  const filtered = !sceneData && url.levels !== null;
  const levelsShown = new Set(url.levels ?? []);
  const isShown = (id: string) => !filtered || levelsShown.has(levelOf.get(id)?.level ?? NO_DATA);
  const selected = sceneData ? null : url.country;

  const muted = new Set<string>();
  if (filtered) {
    for (const id of [...dataset.countries.map((c) => c.id), ...source.mapCountries]) {
      if (id !== FOCUS_ID && !isShown(id)) muted.add(id);
    }
  }
  const rankOf = new Map(dataset.levels.levels.map((l) => [l.id, l.rank]));
  const arcProps = source.arcs.features.map((f) => f.properties);
  const drawn = strongestArcs(
    arcProps,
    visibleArcIds(arcProps, date, motives, isShown),
    (actor) =>
      (rankOf.get(levelOf.get(actor)?.level ?? '') ?? 0) * 100_000 +
      eventsBy(source.eventDays.get(actor), date),
    ARC_LIMIT,
    selected,
  ).ids;
  const ranked = rankedLabels(
    source.labelPlaces,
    labelRank(dataset.levels, levelOf),
    source.frames,
  );
  const measure = source.edition.measure;
  const labels = measure ? shapeNames(ranked, measure) : ranked;
  const highlight = sceneData
    ? sceneData.highlight.filter((id) => source.mapCountries.has(id))
    : null;

  const state: PictureState = {
    dataset,
    date,
    camera: url.camera ?? exploringCamera(source, selected, view),
    view,
    motives,
    focus: sceneData ? sceneData.highlight : selected ? [selected] : [],
    scene: sceneData ? { scene: sceneData, number: sceneIndex! + 1 } : null,
    frames: source.frames,
    names: () => ({ labels, capital: source.capital }),
    words: source.edition.words,
  };
  const scene: SvgScene = {
    countries: source.countries,
    boundaries: source.boundaries,
    labels,
    capital: source.capital,
    arcs: source.arcs.features.filter((f) => drawn.has(f.properties.id)),
    levelOf,
    tensionOf,
    muted,
    highlight,
    selected,
  };
  return { state, scene, selected };
}

/**
 * The camera the app gives a state the reader has not moved: the selection's capital, Kabul, all
 * of Afghanistan and the arcs between them, or the region's default view.
 */
function exploringCamera(source: PictureSource, selected: string | null, view: Size): Camera {
  const kabul = source.capitals.get(FOCUS_ID);
  const capital = selected
    ? (source.capitals.get(selected) ??
      (source.labelPlaces.features.find((f) => f.properties.id === selected)?.geometry
        .coordinates as LonLat | undefined))
    : undefined;
  if (!capital || !kabul) return defaultView(view);
  const arcPoints = source.arcs.features
    .filter((f) => f.properties.actor === selected)
    .flatMap((f) => f.geometry.coordinates as LonLat[]);
  const afghanistan = source.frames.get(FOCUS_ID) ?? [];
  const bounds = selectionBounds([capital, kabul, ...afghanistan, ...arcPoints]);
  return selectionCamera(bounds, view, selectionPadding(bounds, view, []));
}
