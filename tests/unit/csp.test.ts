import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  APP_POLICY,
  formatPolicy,
  HEADER_ONLY_DIRECTIVES,
  parsePolicy,
  type Policy,
} from '../../scripts/csp.ts';
import { CSP_HEADER, startServer, type RunningServer } from '../../scripts/serve.ts';

const SMALL: Policy = {
  'default-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'frame-ancestors': ["'none'"],
};

describe('formatPolicy', () => {
  test.each([
    {
      delivery: 'header' as const,
      expected: "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'",
    },
    { delivery: 'meta' as const, expected: "default-src 'self'; img-src 'self' data:" },
  ])('writes a policy for a $delivery', ({ delivery, expected }) => {
    expect(formatPolicy(SMALL, delivery)).toBe(expected);
  });

  test.each(HEADER_ONLY_DIRECTIVES)('leaves %s out of a meta tag', (name) => {
    expect(parsePolicy(formatPolicy({ ...SMALL, [name]: ["'none'"] }, 'meta'))).not.toHaveProperty(
      name,
    );
  });

  test.each(['header', 'meta'] as const)('never writes a double quote (%s)', (delivery) => {
    // The meta tag's content attribute is double-quoted in index.html.
    expect(formatPolicy(APP_POLICY, delivery)).not.toContain('"');
  });
});

describe('parsePolicy', () => {
  test.each([
    { text: '', expected: {} },
    { text: "default-src 'self'", expected: { 'default-src': ["'self'"] } },
    {
      text: "  IMG-SRC  'self'   data: ;; object-src 'none';",
      expected: { 'img-src': ["'self'", 'data:'], 'object-src': ["'none'"] },
    },
    // A browser ignores a repeated directive after its first occurrence.
    {
      text: "script-src 'self'; script-src 'unsafe-inline'",
      expected: { 'script-src': ["'self'"] },
    },
  ])('reads "$text"', ({ text, expected }) => {
    expect(parsePolicy(text)).toEqual(expected);
  });

  test('reads back what formatPolicy writes', () => {
    expect(parsePolicy(formatPolicy(APP_POLICY, 'header'))).toEqual(APP_POLICY);
  });
});

describe('APP_POLICY', () => {
  const loose = /^('unsafe-|'wasm-unsafe-eval'|\*|https?:|blob:|filesystem:)/;

  test.each(Object.entries(APP_POLICY))('%s allows nothing loose', (_name, sources) => {
    for (const source of sources) expect(source).not.toMatch(loose);
  });

  test.each([
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]],
    ['style-src', ["'self'"]],
    ['worker-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
  ])('%s is %j', (name, sources) => {
    expect(APP_POLICY[name]).toEqual(sources);
  });
});

describe('the server', () => {
  let root: string;
  let server: RunningServer;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'atlas-serve-'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>t</title>');
    server = await startServer({ root, port: 0 });
  });

  afterAll(async () => {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  });

  test('its header is the whole policy, frame-ancestors included', () => {
    expect(parsePolicy(CSP_HEADER)).toEqual(APP_POLICY);
  });

  test.each(['/', '/index.html', '/assets/missing.js'])('sends it with %s', async (path) => {
    const response = await fetch(new URL(path, server.url));
    expect(response.headers.get('content-security-policy')).toBe(CSP_HEADER);
  });
});
