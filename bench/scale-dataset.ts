/**
 * A dataset at the size newsrooms will grow the atlas to (issue 17, item 7): the shipped dataset
 * extended to 200 countries and 5,000 events, with sources, quotes, motives and disagreements in
 * proportion to the shipped ones. Pure and seeded: the same dataset and seed give the same files,
 * so a bench run, a browser test and a unit test all see the same thing. Bench and tests only; it
 * never enters the app bundle.
 *
 * Events per country are skewed as coverage is: a few countries with about 80 events (Pakistan
 * has 15 of the shipped 78), most with a handful. Each country's events climb and fall through
 * the levels as a random walk, so the map changes colour on event days as it does now.
 */
import type {
  Citation,
  Country,
  Dataset,
  Disagreement,
  EngagementEvent,
  Motive,
  MotiveCategory,
  Quote,
  Source,
  SourceKind,
} from '../src/lib/schema.ts';
import { MOTIVE_CATEGORIES } from '../src/lib/schema.ts';

/** A country the geometry draws, with the point its label sits on. */
export interface GeometryCountry {
  id: string;
  name: string;
  label: [number, number];
}

export interface ScaleOptions {
  countries: number;
  events: number;
  /** The most events one country gets; the rest fall off from it. */
  topEvents: number;
  seed: number;
}

export const SCALE: ScaleOptions = { countries: 200, events: 5000, topEvents: 80, seed: 17 };

/** The dataset's files as JSON values, keyed by file name, ready to write or to validate. */
export type DatasetFiles = Record<string, unknown>;

/** mulberry32: small, fast and good enough to scatter dates and pick templates. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * How many events each of `n` countries gets, largest first: a power-law fall from `top` to a
 * floor of 2, scaled so the counts sum to `total` exactly.
 */
export function eventCounts(n: number, total: number, top: number): number[] {
  const floor = 2;
  // (1 - i/n)^p from top to floor; p chosen so the mean meets total / n.
  const mean = total / n;
  const p = (top - floor) / (mean - floor) - 1;
  const counts = Array.from({ length: n }, (_, i) =>
    Math.round(floor + (top - floor) * (1 - i / n) ** p),
  );
  // Rounding leaves the sum a little off: take from or give to the middle of the list.
  let diff = total - counts.reduce((a, b) => a + b, 0);
  for (let i = Math.floor(n / 4); diff !== 0; i = i + 1 >= n ? Math.floor(n / 4) : i + 1) {
    const step = Math.sign(diff);
    if (counts[i]! + step >= floor && counts[i]! + step <= top) {
      counts[i]! += step;
      diff -= step;
    }
  }
  return counts;
}

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const VERBS = [
  'A delegation from {c} meets the Taliban’s foreign minister in Kabul on trade and transit',
  '{c} and the Taliban government sign a memorandum on electricity and rail links',
  '{c} receives a Taliban delegation to discuss consular services and visas',
  'Officials of {c} and Kabul hold talks on border security and the fight against narcotics',
  '{c} sends humanitarian aid through the United Nations after an earthquake',
  '{c} lets the Taliban appoint a chargé d’affaires to its embassy',
  '{c} hosts a meeting of special envoys on Afghanistan with Taliban officials present',
  '{c} restates that it does not recognise the Taliban government, citing the bans on girls’ schooling',
  'Trade officials of {c} and Afghanistan agree a joint commission on mining and agriculture',
  '{c} reopens its embassy in Kabul at the level of a technical team',
];
const PUBLISHERS: [string, SourceKind, string][] = [
  ['Reuters', 'wire', 'en'],
  ['Associated Press', 'wire', 'en'],
  ['Agence France-Presse', 'wire', 'fr'],
  ['TOLOnews', 'regional', 'en'],
  ['Amu TV', 'regional', 'en'],
  ['Khaama Press', 'regional', 'en'],
  ['The Diplomat', 'outlet', 'en'],
  ['Al Jazeera English', 'outlet', 'en'],
  ['Ministry of Foreign Affairs', 'official', 'en'],
  ['Xinhua', 'official', 'zh'],
  ['TASS', 'official', 'ru'],
  ['Wikipedia', 'other', 'en'],
];
const MOTIVE_TEXT: Record<MotiveCategory, string> = {
  economic: '{c} wants access to Afghan markets, minerals and the transit routes to Central Asia.',
  security:
    '{c} wants the Taliban to keep militant groups on Afghan soil from striking across borders.',
  geopolitical: '{c} wants a say in Kabul as its neighbours and rivals build their own ties.',
};

/**
 * The shipped dataset grown to `options`' size. The shipped records stay as they are (so every
 * scene, quote and disagreement still resolves); the countries the geometry draws that the data
 * lack are added in the geometry's order, each with its label point as its capital.
 */
export function scaleDataset(
  shipped: Dataset,
  geometry: readonly GeometryCountry[],
  options: ScaleOptions = SCALE,
): DatasetFiles {
  const random = seededRandom(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

  const known = new Set(shipped.countries.map((c) => c.id));
  const added: Country[] = geometry
    .filter((g) => !known.has(g.id))
    .slice(0, Math.max(0, options.countries - shipped.countries.length))
    .map((g) => ({
      id: g.id,
      name: g.name,
      altNames: [],
      capital: { name: `Capital of ${g.name}`, lon: g.label[0], lat: g.label[1] },
    }));
  const countries = [...shipped.countries, ...added];

  // Who gets how many events: the shipped order first (Pakistan, China, Russia lead), Afghanistan
  // itself kept to its own few.
  const partners = countries.filter((c) => c.id !== 'AFG');
  const shippedCount = new Map<string, number>();
  for (const e of shipped.events) shippedCount.set(e.actor, (shippedCount.get(e.actor) ?? 0) + 1);
  const ranked = [...partners].sort(
    (a, b) => (shippedCount.get(b.id) ?? 0) - (shippedCount.get(a.id) ?? 0),
  );
  const newTotal = options.events - shipped.events.length;
  const targets = eventCounts(ranked.length, newTotal + shipped.events.length, options.topEvents);
  const wanted = ranked.map((c, i) => ({
    country: c,
    count: Math.max(0, targets[i]! - (shippedCount.get(c.id) ?? 0)),
  }));
  // Shipped events already cover part of the total: trim the new ones from the tail to fit.
  let excess = wanted.reduce((a, w) => a + w.count, 0) - newTotal;
  for (let i = wanted.length - 1; excess > 0; i = i > 0 ? i - 1 : wanted.length - 1) {
    if (wanted[i]!.count > 1) {
      wanted[i]!.count -= 1;
      excess -= 1;
    }
  }
  for (let i = 0; excess < 0; i = (i + 1) % wanted.length) {
    wanted[i]!.count += 1;
    excess += 1;
  }

  const startMs = Date.parse(shipped.meta.start);
  // New events end before the review date, so the shipped `reviewedThrough` still closes the span.
  const endMs = Date.parse(shipped.meta.reviewedThrough) - DAY_MS;
  const sources: Source[] = [];
  const quotes: Quote[] = [];
  const events: EngagementEvent[] = [];
  const disagreements: Disagreement[] = [];
  const motives: Motive[] = [];
  const levels = [...shipped.levels.levels].sort((a, b) => a.rank - b.rank);
  // In the shipped proportions: 125 sources, 7 quotes, 176 citations, 3 disagreements per 78 events.
  const sourcesPerEvent = shipped.sources.length / shipped.events.length;
  const quotesPerEvent = shipped.quotes.length / shipped.events.length;

  const newSource = (country: Country, day: string): string => {
    const [publisher, kind, language] = pick(PUBLISHERS);
    const id = `scale-src-${sources.length + 1}`;
    sources.push({
      id,
      publisher:
        publisher === 'Ministry of Foreign Affairs' ? `${publisher} of ${country.name}` : publisher,
      kind,
      title: `${country.name} and the Taliban: talks in Kabul`,
      date: day,
      language,
      url: `https://example.org/${id}`,
    });
    return id;
  };

  for (const { country, count } of wanted) {
    const days = Array.from({ length: count }, () =>
      isoDay(startMs + Math.floor(random() * ((endMs - startMs) / DAY_MS)) * DAY_MS),
    ).sort();
    let rank = 1 + Math.floor(random() * 2);
    const mine: EngagementEvent[] = [];
    days.forEach((day, j) => {
      const precision = random();
      // About one in seven shipped events is dated to the month, a few to the year only.
      const monthOnly = precision < 0.14 && day.slice(0, 7) > shipped.meta.start.slice(0, 7);
      const yearOnly =
        !monthOnly && precision > 0.97 && day.slice(0, 4) > shipped.meta.start.slice(0, 4);
      const date = monthOnly ? day.slice(0, 7) : yearOnly ? day.slice(0, 4) : day;
      const cites: Citation[] = [];
      const sourceCount = random() < sourcesPerEvent - 1 ? 2 : 1;
      for (let k = 0; k < sourceCount; k++) {
        const reuse = k > 0 && sources.length > 0 && random() < 0.3;
        cites.push({ source: reuse ? pick(sources).id : newSource(country, day) });
      }
      if (random() < quotesPerEvent) {
        const id = `scale-quote-${quotes.length + 1}`;
        quotes.push({
          id,
          source: cites[0]!.source,
          text: `We discussed trade, transit and security with ${country.name}, and agreed to meet again.`,
          speaker: 'Zabihullah Mujahid',
          role: 'Spokesman of the Taliban government',
          channel: 'told reporters in Kabul',
          about: [country.id],
        });
        cites[0] = { ...cites[0]!, quote: id };
      }
      // The level moves on about a third of events, a step up more often than down.
      const event: EngagementEvent = {
        id: `scale-${country.id.toLowerCase()}-${j + 1}`,
        actor: country.id,
        date,
        summary: `${pick(VERBS).replace('{c}', country.name)}.`,
        cites,
      };
      // A year-only date counts from the day the evidence allows, as the shipped ones do.
      if (yearOnly) event.from = day;
      if (j === 0 || random() < 0.37) {
        rank = Math.min(levels.length, Math.max(1, rank + (random() < 0.7 ? 1 : -1)));
        event.level = levels[rank - 1]!.id;
      }
      if (random() < 0.09) event.tension = pick(['tension', 'conflict', 'none'] as const);
      if (random() < 0.05) event.claimedBy = 'the Taliban government';
      mine.push(event);
    });
    events.push(...mine);
    // Disagreements: two claims of one country's events, as often as in the shipped data.
    const disputes = Math.round(
      (mine.length * shipped.disagreements.length) / shipped.events.length + random() - 0.5,
    );
    for (let k = 0; k < disputes && mine.length >= 2 * (k + 1); k++) {
      const a = mine[2 * k]!;
      const b = mine[2 * k + 1]!;
      disagreements.push({
        id: `scale-dispute-${disagreements.length + 1}`,
        actor: country.id,
        summary: `Sources differ on when ${country.name} took this step.`,
        claims: [a.id, b.id],
        mapFollows: b.id,
        reason: 'The later report is dated to the day and confirmed by both sides.',
      });
    }
    // Motives: the busiest partners have all three, the quiet ones one or none.
    const motiveCount = Math.min(3, Math.floor(mine.length / 30) + (random() < 0.45 ? 1 : 0));
    const since = mine[Math.floor(mine.length / 2)]?.cites[0]?.source;
    for (const category of MOTIVE_CATEGORIES.slice(0, motiveCount)) {
      const ev = mine[Math.floor(random() * mine.length)];
      if (!ev || !since) break;
      const day = sources.find((s) => s.id === ev.cites[0]!.source)!.date;
      motives.push({
        id: `scale-${country.id.toLowerCase()}-${category}`,
        actor: country.id,
        category,
        summary: MOTIVE_TEXT[category].replace('{c}', country.name),
        since: day,
        cites: [{ source: ev.cites[0]!.source }],
      });
    }
  }

  const schema = (name: string) => `schema/${name}.schema.json`;
  return {
    'meta.json': { $schema: schema('meta'), ...shipped.meta },
    'levels.json': { $schema: schema('levels'), ...shipped.levels },
    'countries.json': { $schema: schema('countries'), countries },
    'institutions.json': { $schema: schema('institutions'), institutions: shipped.institutions },
    'sources.json': { $schema: schema('sources'), sources: [...shipped.sources, ...sources] },
    'quotes.json': { $schema: schema('quotes'), quotes: [...shipped.quotes, ...quotes] },
    'events.json': { $schema: schema('events'), events: [...shipped.events, ...events] },
    'motives.json': { $schema: schema('motives'), motives: [...shipped.motives, ...motives] },
    'statements.json': { $schema: schema('statements'), statements: shipped.statements },
    'disagreements.json': {
      $schema: schema('disagreements'),
      disagreements: [...shipped.disagreements, ...disagreements],
    },
    'scenes.json': { $schema: schema('scenes'), scenes: shipped.scenes },
    // The shipped editions: the grown data claims no edition of its own.
    'changelog.json': { $schema: schema('changelog'), editions: shipped.changelog },
  };
}

/** The files as the text a dataset folder holds. */
export function datasetTexts(files: DatasetFiles): Record<string, string> {
  return Object.fromEntries(
    Object.entries(files).map(([name, value]) => [name, `${JSON.stringify(value)}\n`]),
  );
}
