/**
 * Checks a dataset folder: each file against its schema, then every cross-reference, real
 * calendar dates, country codes against the geometry, and excerpts against the founding text.
 * Used by `npm run validate` and by the app, which refuses a bad dataset with the same messages.
 */
import * as v from 'valibot';
import { isRealDate } from './dates.ts';
import { DATASET_FILES, type Dataset, type DatasetFile, type Citation } from './schema.ts';

/** One problem, located as `file: path: reason`. */
export interface Problem {
  file: string;
  /** Where in the file, e.g. `events[3].cites[0].source`; empty for the whole file. */
  path: string;
  reason: string;
}

export type ValidationResult = { ok: true; dataset: Dataset } | { ok: false; problems: Problem[] };

export interface ValidateOptions {
  /** Ids present in the shipped geometry; every country code must be one of them. */
  geometryIds?: ReadonlySet<string>;
  /** The founding article's text; every excerpt of it and every quote must appear verbatim. */
  foundingText?: string;
}

/** `events.json: events[3].actor: unknown actor "XXX"` */
export function formatProblem(p: Problem): string {
  return p.path ? `${p.file}: ${p.path}: ${p.reason}` : `${p.file}: ${p.reason}`;
}

/** Shows a value in a message, cut short so a huge string cannot flood the report. */
function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

function pathOf(issue: v.BaseIssue<unknown>): string {
  let out = '';
  for (const item of issue.path ?? []) {
    const key = item.key;
    out += typeof key === 'number' ? `[${key}]` : out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/**
 * Validates the raw texts of a dataset folder's files (missing files as `undefined`).
 * @example validateDataset({ 'meta.json': '{...}', ... }, { geometryIds })
 */
export function validateDataset(
  texts: Partial<Record<string, string>>,
  options: ValidateOptions = {},
): ValidationResult {
  const problems: Problem[] = [];
  const parsed: Partial<Record<DatasetFile, unknown>> = {};

  for (const [file, schema] of Object.entries(DATASET_FILES) as [DatasetFile, v.GenericSchema][]) {
    const text = texts[file];
    if (text === undefined) {
      problems.push({ file, path: '', reason: 'file is missing' });
      continue;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      problems.push({ file, path: '', reason: `not valid JSON (${(error as Error).message})` });
      continue;
    }
    const result = v.safeParse(schema, json);
    if (!result.success) {
      for (const issue of result.issues) {
        const got =
          issue.kind === 'schema' || issue.kind === 'validation'
            ? ` (got ${show(issue.input)})`
            : '';
        problems.push({ file, path: pathOf(issue), reason: `${issue.message}${got}` });
      }
      continue;
    }
    parsed[file] = result.output;
  }
  if (problems.length > 0) return { ok: false, problems };

  const dataset = assemble(parsed as Record<DatasetFile, never>);
  problems.push(...crossCheck(dataset, options));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, dataset };
}

function assemble(p: Record<DatasetFile, never>): Dataset {
  const get = <T>(file: DatasetFile, key: string): T => (p[file] as Record<string, T>)[key] as T;
  return {
    meta: p['meta.json'],
    levels: p['levels.json'],
    countries: get('countries.json', 'countries'),
    institutions: get('institutions.json', 'institutions'),
    sources: get('sources.json', 'sources'),
    quotes: get('quotes.json', 'quotes'),
    events: get('events.json', 'events'),
    motives: get('motives.json', 'motives'),
    statements: get('statements.json', 'statements'),
    disagreements: get('disagreements.json', 'disagreements'),
    scenes: get('scenes.json', 'scenes'),
  };
}

/** The checks a schema cannot make: references, uniqueness, real dates, geometry, verbatim text. */
function crossCheck(d: Dataset, options: ValidateOptions): Problem[] {
  const problems: Problem[] = [];
  const add = (file: string, path: string, reason: string) => problems.push({ file, path, reason });

  const unique = (file: string, key: string, ids: string[], taken = new Set<string>()) => {
    ids.forEach((id, i) => {
      if (taken.has(id)) add(file, `${key}[${i}].id`, `duplicate id ${show(id)}`);
      taken.add(id);
    });
    return taken;
  };
  const levelIds = unique(
    'levels.json',
    'levels',
    d.levels.levels.map((l) => l.id),
  );
  const actorIds = unique(
    'countries.json',
    'countries',
    d.countries.map((c) => c.id),
  );
  unique(
    'institutions.json',
    'institutions',
    d.institutions.map((i) => i.id),
    actorIds,
  );
  const sourceIds = unique(
    'sources.json',
    'sources',
    d.sources.map((s) => s.id),
  );
  unique(
    'quotes.json',
    'quotes',
    d.quotes.map((q) => q.id),
  );
  const eventIds = unique(
    'events.json',
    'events',
    d.events.map((e) => e.id),
  );
  unique(
    'motives.json',
    'motives',
    d.motives.map((m) => m.id),
  );
  unique(
    'statements.json',
    'statements',
    d.statements.map((s) => s.id),
  );
  unique(
    'disagreements.json',
    'disagreements',
    d.disagreements.map((s) => s.id),
  );
  const countryIds = new Set(d.countries.map((c) => c.id));

  const ranks = new Set<number>();
  d.levels.levels.forEach((l, i) => {
    if (ranks.has(l.rank)) add('levels.json', `levels[${i}].rank`, `duplicate rank ${l.rank}`);
    ranks.add(l.rank);
  });

  const realDate = (file: string, path: string, date: string) => {
    if (!isRealDate(date)) add(file, path, `not a real calendar date ${show(date)}`);
  };
  realDate('meta.json', 'start', d.meta.start);
  if (!sourceIds.has(d.meta.foundingSource)) {
    add('meta.json', 'foundingSource', `unknown source ${show(d.meta.foundingSource)}`);
  }

  if (options.geometryIds) {
    d.countries.forEach((c, i) => {
      if (!options.geometryIds!.has(c.id))
        add('countries.json', `countries[${i}].id`, `country ${show(c.id)} is not in the geometry`);
    });
  }

  d.institutions.forEach((inst, i) => {
    const at = `institutions[${i}]`;
    if (inst.kind === 'group' && (inst.members ?? []).length === 0)
      add('institutions.json', `${at}.members`, 'a group needs its members');
    if (inst.kind === 'group' && inst.membership === undefined)
      add('institutions.json', `${at}.membership`, 'a group must say who names its members');
    if (inst.kind === 'institution' && inst.members !== undefined)
      add('institutions.json', `${at}.members`, 'only a group has members');
    (inst.members ?? []).forEach((m, j) => {
      if (!countryIds.has(m))
        add('institutions.json', `${at}.members[${j}]`, `unknown country ${show(m)}`);
    });
  });

  d.sources.forEach((s, i) => realDate('sources.json', `sources[${i}].date`, s.date));

  const founding = d.meta.foundingSource;
  const verbatim = (file: string, path: string, text: string) => {
    if (options.foundingText !== undefined && !options.foundingText.includes(text)) {
      add(file, path, `not verbatim in the founding source: ${show(text)}`);
    }
  };
  const actor = (file: string, path: string, id: string) => {
    if (!actorIds.has(id)) add(file, path, `unknown actor ${show(id)}`);
  };
  const quotesById = new Map(d.quotes.map((q) => [q.id, q]));
  const citations = (file: string, at: string, cites: Citation[]) => {
    cites.forEach((c, j) => {
      const path = `${at}.cites[${j}]`;
      if (!sourceIds.has(c.source)) add(file, `${path}.source`, `unknown source ${show(c.source)}`);
      if (c.excerpt !== undefined && c.source === founding)
        verbatim(file, `${path}.excerpt`, c.excerpt);
      if (c.quote !== undefined) {
        const quote = quotesById.get(c.quote);
        if (!quote) add(file, `${path}.quote`, `unknown quote ${show(c.quote)}`);
        else if (quote.source !== c.source)
          add(
            file,
            `${path}.quote`,
            `quote ${show(c.quote)} is from ${show(quote.source)}, not ${show(c.source)}`,
          );
      }
    });
  };

  d.quotes.forEach((q, i) => {
    if (!sourceIds.has(q.source))
      add('quotes.json', `quotes[${i}].source`, `unknown source ${show(q.source)}`);
    if (q.source === founding) verbatim('quotes.json', `quotes[${i}].text`, q.text);
    q.about.forEach((a, j) => actor('quotes.json', `quotes[${i}].about[${j}]`, a));
  });

  d.events.forEach((e, i) => {
    const at = `events[${i}]`;
    actor('events.json', `${at}.actor`, e.actor);
    realDate('events.json', `${at}.date`, e.date);
    if (e.from !== undefined) {
      realDate('events.json', `${at}.from`, e.from);
      if (!e.from.startsWith(e.date))
        add('events.json', `${at}.from`, `${show(e.from)} is not within the date ${show(e.date)}`);
    }
    if (e.level !== undefined && !levelIds.has(e.level))
      add('events.json', `${at}.level`, `unknown level ${show(e.level)}`);
    citations('events.json', at, e.cites);
  });

  d.motives.forEach((m, i) => {
    const at = `motives[${i}]`;
    actor('motives.json', `${at}.actor`, m.actor);
    realDate('motives.json', `${at}.since`, m.since);
    if (m.from !== undefined) {
      realDate('motives.json', `${at}.from`, m.from);
      if (!m.from.startsWith(m.since))
        add(
          'motives.json',
          `${at}.from`,
          `${show(m.from)} is not within the date ${show(m.since)}`,
        );
    }
    citations('motives.json', at, m.cites);
  });

  d.statements.forEach((s, i) => {
    const at = `statements[${i}]`;
    actor('statements.json', `${at}.actor`, s.actor);
    realDate('statements.json', `${at}.since`, s.since);
    citations('statements.json', at, s.cites);
  });

  d.disagreements.forEach((g, i) => {
    const at = `disagreements[${i}]`;
    actor('disagreements.json', `${at}.actor`, g.actor);
    g.claims.forEach((c, j) => {
      if (!eventIds.has(c))
        add('disagreements.json', `${at}.claims[${j}]`, `unknown event ${show(c)}`);
    });
    if (!g.claims.includes(g.mapFollows))
      add(
        'disagreements.json',
        `${at}.mapFollows`,
        `${show(g.mapFollows)} is not one of the claims`,
      );
  });

  unique(
    'scenes.json',
    'scenes',
    d.scenes.map((s) => s.id),
  );
  d.scenes.forEach((s, i) => {
    const at = `scenes[${i}]`;
    realDate('scenes.json', `${at}.date`, s.date);
    s.highlight.forEach((a, j) => actor('scenes.json', `${at}.highlight[${j}]`, a));
    if ('fit' in s.camera) {
      s.camera.fit.forEach((c, j) => {
        if (!countryIds.has(c))
          add('scenes.json', `${at}.camera.fit[${j}]`, `unknown country ${show(c)}`);
      });
    }
    citations('scenes.json', at, s.cites);
  });

  return problems;
}
