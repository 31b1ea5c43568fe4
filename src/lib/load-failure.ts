/**
 * Why the atlas could not be shown, told apart so the error screen can say it plainly to a reader:
 * the connection failed (`network`), the server failed (`server`), a file is not on the site
 * (`missing`), a file came but cannot be read (`unreadable`), or the data is readable but wrong
 * (`invalid`). The problems under it are for the site's maintainer.
 */
import type { Problem } from './validate.ts';

export type LoadFailureKind = 'network' | 'server' | 'missing' | 'unreadable' | 'invalid';

export interface LoadFailure {
  kind: LoadFailureKind;
  problems: Problem[];
}

/** What one request for a file gave: a response's status and text, or the error fetch threw. */
export type Fetched =
  { file: string; status: number; text: string } | { file: string; error: string };

/** The reason the validator gives a file that is not JSON; such a file is `unreadable`. */
export const NOT_JSON = 'not valid JSON';

// The kind a reader is told first when several files fail: a dropped connection or a failing
// server explains the rest, and trying again may cure them; a missing file outranks a bad one.
const PRECEDENCE: LoadFailureKind[] = ['network', 'server', 'missing', 'unreadable', 'invalid'];

/**
 * The failure behind files that did not arrive (the connection failed, the server answered with
 * an error or "not found"), or null when every file arrived.
 * @example transportFailure([{ file: 'data/events.json', status: 404, text: '' }])
 *   // { kind: 'missing', problems: [{ file: 'data/events.json', path: '', reason: 'file is missing (HTTP 404)' }] }
 */
export function transportFailure(fetched: readonly Fetched[]): LoadFailure | null {
  const failed = fetched.flatMap((f): { kind: LoadFailureKind; problem: Problem }[] => {
    if ('error' in f) {
      return [{ kind: 'network', problem: problem(f.file, `could not be fetched (${f.error})`) }];
    }
    if (f.status >= 200 && f.status < 300) return [];
    if (f.status === 404 || f.status === 410) {
      return [{ kind: 'missing', problem: problem(f.file, `file is missing (HTTP ${f.status})`) }];
    }
    return [{ kind: 'server', problem: problem(f.file, `the server answered HTTP ${f.status}`) }];
  });
  if (failed.length === 0) return null;
  return { kind: firstKind(failed.map((f) => f.kind)), problems: failed.map((f) => f.problem) };
}

/**
 * The failure behind problems found in files that did arrive: `unreadable` if any is not JSON,
 * `missing` if the validator was not given a file, `invalid` otherwise.
 */
export function contentFailure(problems: Problem[]): LoadFailure {
  const kinds = problems.map((p): LoadFailureKind => {
    if (p.reason.startsWith(NOT_JSON)) return 'unreadable';
    if (p.path === '' && p.reason.startsWith('file is missing')) return 'missing';
    return 'invalid';
  });
  return { kind: firstKind(kinds), problems };
}

function firstKind(kinds: LoadFailureKind[]): LoadFailureKind {
  return PRECEDENCE.find((kind) => kinds.includes(kind)) ?? 'invalid';
}

function problem(file: string, reason: string): Problem {
  return { file, path: '', reason };
}
