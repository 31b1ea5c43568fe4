/**
 * Checks a dataset folder: each file against its schema (shapes, lengths, no markup in text), then
 * every cross-reference, real calendar dates within the dataset's span, country codes against the
 * geometry, and excerpts against the founding text. Used by `npm run validate` and by the app,
 * which refuses a bad dataset with the same messages. Hostile input (tests/fixtures/
 * hostile-datasets.ts) gets a short message, never a crash.
 */
import * as v from 'valibot';
import { isRealDate, type Day } from './dates.ts';
import { latestEventDay } from './engagement.ts';
import { assembleDataset } from './dataset-files.ts';
import { NOT_JSON } from './load-failure.ts';
import {
  DATASET_FILES,
  Translation,
  type Dataset,
  type DatasetFile,
  type Citation,
} from './schema.ts';
import { translationProblems } from './translation.ts';

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

/**
 * No dataset of the atlas starts before 2021: it is about the Taliban government that took Kabul
 * on 15 August 2021, and an earlier start is a typo (2012 for 2021) or out of scope.
 */
export const EARLIEST_START: Day = '2021-01-01';

/** Shows a value in a message, cut short so a huge string cannot flood the report. */
function show(value: unknown): string {
  let text: string;
  try {
    // JSON.stringify writes Infinity as null and recurses: a value nested 10 000 deep overflows.
    text = typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    text = Array.isArray(value) ? '[…]' : '{…}';
  }
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

function pathOf(items: readonly v.IssuePathItem[]): string {
  let out = '';
  for (const item of items) {
    const key = item.key;
    out += typeof key === 'number' ? `[${key}]` : out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/**
 * A schema issue as a problem, in the editor's words where valibot's are obscure: a missing key
 * is "missing", and an array where an object belongs is said once, not as a missing key for
 * every field the object should have.
 */
function problemOf(file: string, issue: v.BaseIssue<unknown>): Problem {
  const items = issue.path ?? [];
  const last = items.at(-1);
  if (last?.origin === 'key' && Array.isArray(last.input))
    return { file, path: pathOf(items.slice(0, -1)), reason: 'must be an object, not an array' };
  if (last?.origin === 'key' && issue.input === undefined)
    return { file, path: pathOf(items), reason: 'is missing' };
  const got =
    issue.kind === 'schema' || issue.kind === 'validation' ? ` (got ${show(issue.input)})` : '';
  return { file, path: pathOf(items), reason: `${issue.message}${got}` };
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
      // A byte-order mark, as some editors save one: the browser's fetch drops it, so Node does too.
      json = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (error) {
      // The parser quotes the text it choked on: keep it on one line, without control characters.
      // eslint-disable-next-line no-control-regex -- stripping control characters is the point
      const message = (error as Error).message.replace(/[\u0000-\u001f\u007f]+/g, ' ');
      problems.push({ file, path: '', reason: `${NOT_JSON} (${message})` });
      continue;
    }
    const result = v.safeParse(schema, json);
    if (!result.success) {
      const seen = new Set<string>();
      for (const issue of result.issues) {
        const problem = problemOf(file, issue);
        const line = formatProblem(problem);
        if (!seen.has(line)) problems.push(problem);
        seen.add(line);
      }
      continue;
    }
    parsed[file] = result.output;
  }
  if (problems.length > 0) return { ok: false, problems };

  const dataset = assembleDataset(parsed as Record<DatasetFile, unknown>);
  problems.push(...crossCheck(dataset, options));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, dataset };
}

/**
 * Checks one translation file (data/translations/<locale>.json) against its schema and the
 * dataset it translates: every id it names must be one the dataset (or, for names, the map) has,
 * and its `locale` must be the one its file name says.
 */
export function validateTranslation(
  file: string,
  text: string,
  dataset: Dataset,
  geometryIds: ReadonlySet<string>,
): Problem[] {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return [{ file, path: '', reason: `${NOT_JSON} (${(error as Error).message})` }];
  }
  const result = v.safeParse(Translation, json);
  if (!result.success) return result.issues.map((issue) => problemOf(file, issue));
  const problems = translationProblems(file, result.output, dataset, geometryIds);
  if (!file.endsWith(`${result.output.locale}.json`)) {
    problems.push({ file, path: 'locale', reason: `is ${result.output.locale}, not the file's` });
  }
  return problems;
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
  unique(
    'levels.json',
    'tensions',
    d.levels.tensions.map((t) => t.id),
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
  unique(
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

  // The span the timeline shows: from the start to the last day an event counts from. Every dated
  // record must meet it, or it could never be seen. A partial date is compared at its own
  // precision (`2021` meets a span starting `2021-08-15`; `2021-07` does not), which works
  // because `YYYY-MM-DD` strings sort as dates.
  const start = d.meta.start;
  const end = latestEventDay(d.events) ?? start;
  const span = `the dataset's span ${start} to ${end}`;
  // A bad start is reported once, not again as every record outside a span that makes no sense.
  const spanOk = isRealDate(start) && start >= EARLIEST_START && start <= end;
  const inSpan = (file: string, path: string, date: string) => {
    if (spanOk && (date < start.slice(0, date.length) || date > end.slice(0, date.length)))
      add(file, path, `${show(date)} is outside ${span}`);
  };
  if (start < EARLIEST_START)
    add(
      'meta.json',
      'start',
      `${show(start)} is before ${EARLIEST_START}: the atlas begins in 2021`,
    );
  else if (start > end)
    add('meta.json', 'start', `${show(start)} is after the last event (${end})`);
  realDate('meta.json', 'reviewedThrough', d.meta.reviewedThrough);
  // The date reviewed through closes the span: an event after it would be one nobody looked for.
  if (d.meta.reviewedThrough < end)
    add(
      'meta.json',
      'reviewedThrough',
      `${show(d.meta.reviewedThrough)} is before the last event (${end})`,
    );
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

  d.sources.forEach((s, i) => {
    realDate('sources.json', `sources[${i}].date`, s.date);
    // A reader must be able to find a source, or be told why they cannot.
    if (s.url === undefined && s.access === undefined)
      add(
        'sources.json',
        `sources[${i}]`,
        'needs a url, or an access note saying why there is none',
      );
  });

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
  const eventsById = new Map(d.events.map((e) => [e.id, e]));
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
    inSpan('events.json', `${at}.date`, e.date);
    if (e.from !== undefined) {
      realDate('events.json', `${at}.from`, e.from);
      if (!e.from.startsWith(e.date))
        add('events.json', `${at}.from`, `${show(e.from)} is not within the date ${show(e.date)}`);
      else inSpan('events.json', `${at}.from`, e.from);
    }
    if (e.level !== undefined && !levelIds.has(e.level))
      add('events.json', `${at}.level`, `unknown level ${show(e.level)}`);
    citations('events.json', at, e.cites);
  });

  d.motives.forEach((m, i) => {
    const at = `motives[${i}]`;
    actor('motives.json', `${at}.actor`, m.actor);
    realDate('motives.json', `${at}.since`, m.since);
    inSpan('motives.json', `${at}.since`, m.since);
    if (m.from !== undefined) {
      realDate('motives.json', `${at}.from`, m.from);
      if (!m.from.startsWith(m.since))
        add(
          'motives.json',
          `${at}.from`,
          `${show(m.from)} is not within the date ${show(m.since)}`,
        );
      else inSpan('motives.json', `${at}.from`, m.from);
    }
    citations('motives.json', at, m.cites);
  });

  d.statements.forEach((s, i) => {
    const at = `statements[${i}]`;
    actor('statements.json', `${at}.actor`, s.actor);
    realDate('statements.json', `${at}.since`, s.since);
    inSpan('statements.json', `${at}.since`, s.since);
    citations('statements.json', at, s.cites);
  });

  d.disagreements.forEach((g, i) => {
    const at = `disagreements[${i}]`;
    actor('disagreements.json', `${at}.actor`, g.actor);
    g.claims.forEach((c, j) => {
      const event = eventsById.get(c);
      if (!event) add('disagreements.json', `${at}.claims[${j}]`, `unknown event ${show(c)}`);
      else if (actorIds.has(g.actor) && event.actor !== g.actor)
        add(
          'disagreements.json',
          `${at}.claims[${j}]`,
          `event ${show(c)} is about ${show(event.actor)}, not ${show(g.actor)}`,
        );
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
    inSpan('scenes.json', `${at}.date`, s.date);
    s.highlight.forEach((a, j) => actor('scenes.json', `${at}.highlight[${j}]`, a));
    if ('fit' in s.camera) {
      s.camera.fit.forEach((c, j) => {
        if (!countryIds.has(c))
          add('scenes.json', `${at}.camera.fit[${j}]`, `unknown country ${show(c)}`);
      });
    }
    citations('scenes.json', at, s.cites);
  });

  problems.push(...changelogProblems(d));
  return problems;
}

/**
 * The corrections log reads as a history: editions 1, 2, 3… in order, on real days that never go
 * back, the last of them the edition `meta.json` declares (an import that forgot to bump one of
 * the two is caught here).
 */
function changelogProblems(d: Dataset): Problem[] {
  const problems: Problem[] = [];
  const add = (path: string, reason: string) =>
    problems.push({ file: 'changelog.json', path, reason });
  d.changelog.forEach((e, i) => {
    const at = `editions[${i}]`;
    if (e.edition !== i + 1)
      add(
        `${at}.edition`,
        `must be ${i + 1}: editions count up from 1 in order (got ${e.edition})`,
      );
    if (!isRealDate(e.date)) add(`${at}.date`, `not a real calendar date ${show(e.date)}`);
    const before = d.changelog[i - 1];
    if (before && e.date < before.date)
      add(
        `${at}.date`,
        `${show(e.date)} is before edition ${before.edition}'s ${show(before.date)}`,
      );
  });
  const latest = d.changelog.at(-1)?.edition;
  if (latest !== undefined && d.meta.edition !== latest)
    problems.push({
      file: 'meta.json',
      path: 'edition',
      reason: `${d.meta.edition} is not the changelog's latest edition (${latest})`,
    });
  return problems;
}
