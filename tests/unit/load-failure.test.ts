import { describe, expect, test } from 'vitest';
import {
  contentFailure,
  transportFailure,
  type Fetched,
  type LoadFailureKind,
} from '../../src/lib/load-failure.ts';

const arrived = (file: string): Fetched => ({ file, status: 200, text: '{}' });

describe('transportFailure', () => {
  test('is null when every file arrived', () => {
    expect(transportFailure([arrived('a.json'), arrived('b.json')])).toBeNull();
  });

  test.each<[string, Fetched, LoadFailureKind, string]>([
    ['a 404', { file: 'a.json', status: 404, text: '' }, 'missing', 'file is missing (HTTP 404)'],
    ['a 410', { file: 'a.json', status: 410, text: '' }, 'missing', 'file is missing (HTTP 410)'],
    ['a 500', { file: 'a.json', status: 500, text: '' }, 'server', 'the server answered HTTP 500'],
    ['a 503', { file: 'a.json', status: 503, text: '' }, 'server', 'the server answered HTTP 503'],
    ['a 403', { file: 'a.json', status: 403, text: '' }, 'server', 'the server answered HTTP 403'],
    [
      'a thrown fetch',
      { file: 'a.json', error: 'TypeError: Failed to fetch' },
      'network',
      'could not be fetched (TypeError: Failed to fetch)',
    ],
  ])('%s is told as its own kind, with the file and the reason', (_, fetched, kind, reason) => {
    expect(transportFailure([arrived('b.json'), fetched])).toEqual({
      kind,
      problems: [{ file: 'a.json', path: '', reason }],
    });
  });

  test.each<[string, Fetched[], LoadFailureKind]>([
    [
      'a server error outranks a missing file',
      [
        { file: 'a.json', status: 404, text: '' },
        { file: 'b.json', status: 500, text: '' },
      ],
      'server',
    ],
    [
      'a dropped connection outranks a server error',
      [
        { file: 'a.json', status: 500, text: '' },
        { file: 'b.json', error: 'TypeError: Failed to fetch' },
      ],
      'network',
    ],
  ])('%s, and every failed file is listed', (_, fetched, kind) => {
    const failure = transportFailure(fetched);
    expect(failure?.kind).toBe(kind);
    expect(failure?.problems.map((p) => p.file)).toEqual(['a.json', 'b.json']);
  });
});

describe('contentFailure', () => {
  test.each<[string, string[], LoadFailureKind]>([
    ['a file that is not JSON', ['not valid JSON (Unexpected end of JSON input)'], 'unreadable'],
    ['a dangling reference', ['unknown actor "XXX"'], 'invalid'],
    [
      'a bad file beside a dangling reference',
      ['unknown actor "XXX"', 'not valid JSON (Unexpected token)'],
      'unreadable',
    ],
    ['a file the validator was not given', ['file is missing'], 'missing'],
  ])('%s is %s', (_, reasons, kind) => {
    const problems = reasons.map((reason) => ({ file: 'events.json', path: '', reason }));
    expect(contentFailure(problems)).toEqual({ kind, problems });
  });

  test('a missing key inside a file is invalid data, not a missing file', () => {
    const problems = [{ file: 'events.json', path: 'events[0].date', reason: 'is missing' }];
    expect(contentFailure(problems).kind).toBe('invalid');
  });
});
