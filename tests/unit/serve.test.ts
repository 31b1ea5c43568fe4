import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CSP_HEADER, startServer, type RunningServer } from '../../scripts/serve.ts';
import { precompressFolder } from '../../scripts/vite-precompress-plugin.ts';

/** Some kilobytes of script, repetitive as real code is. */
const SCRIPT = Buffer.from(
  Array.from({ length: 200 }, (_, i) => `export const level${i} = { id: 'level-${i}' };\n`).join(
    '',
  ),
);
/** Not a real font: what matters is that the server sends a .woff2 as it is. */
const FONT = Buffer.from(SCRIPT);

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  /** The body as sent, still encoded. */
  body: Buffer;
}

/** A GET with exactly the Accept-Encoding given (fetch would add its own and decode the body). */
function get(url: string, acceptEncoding: string): Promise<Reply> {
  return new Promise((done, fail) => {
    const req = request(url, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end();
  });
}

function decoded({ headers, body }: Reply): Buffer {
  if (headers['content-encoding'] === 'br') return brotliDecompressSync(body);
  if (headers['content-encoding'] === 'gzip') return gunzipSync(body);
  return body;
}

describe('the server, on a build with precompressed copies', () => {
  let root: string;
  let server: RunningServer;
  const script = () => new URL('assets/index-abc.js', server.url).href;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'atlas-serve-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>t</title>');
    writeFileSync(join(root, 'assets', 'index-abc.js'), SCRIPT);
    writeFileSync(join(root, 'assets', 'font-abc.woff2'), FONT);
    await precompressFolder(root);
    server = await startServer({ root, port: 0 });
  });

  afterAll(async () => {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  });

  test.each([
    { accept: 'br', expected: 'br' },
    { accept: 'gzip, deflate, br, zstd', expected: 'br' },
    { accept: 'gzip, deflate', expected: 'gzip' },
    { accept: '', expected: 'identity' },
  ])(
    'asked with Accept-Encoding $accept, sends a script as $expected',
    async ({ accept, expected }) => {
      const reply = await get(script(), accept);
      expect(reply.headers['content-encoding'] ?? 'identity').toBe(expected);
    },
  );

  test.each([
    { accept: 'br', sent: 'br' },
    { accept: 'gzip', sent: 'gzip' },
    { accept: '', sent: 'identity' },
  ])('the body sent as $sent decodes to the file', async ({ accept }) => {
    expect(decoded(await get(script(), accept))).toEqual(SCRIPT);
  });

  test("sends the Brotli copy with the script's own Content-Type", async () => {
    expect((await get(script(), 'br')).headers['content-type']).toBe('text/javascript');
  });

  test('tells caches the body depends on Accept-Encoding', async () => {
    expect((await get(script(), 'br')).headers.vary).toBe('Accept-Encoding');
  });

  test('still sends its Content-Security-Policy with a compressed body', async () => {
    expect((await get(script(), 'br')).headers['content-security-policy']).toBe(CSP_HEADER);
  });

  test('sends a font as it is, whatever the browser accepts', async () => {
    const reply = await get(new URL('assets/font-abc.woff2', server.url).href, 'br, gzip');
    expect(reply.headers['content-encoding']).toBeUndefined();
  });
});
