/**
 * Serves the built app (dist/) on localhost, compressed (Brotli or gzip) when the build left
 * compressed copies and the browser accepts them.
 *
 *   npx tsx scripts/serve.ts [--port N] [--root DIR]      (or PORT=N)
 *
 * Default port 4173; if that port is busy, a free one is taken instead. Once listening, prints
 * what it serves and how to stop it, then, last, `Kabul Engagement Atlas: http://localhost:PORT/`.
 *
 * `startServer` is exported for tests and command-line tools; importing this module starts nothing.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import sirv from 'sirv';
import { oembedFor } from '../src/lib/embed.ts';
import { APP_POLICY, EMBED_POLICY, formatPolicy } from './csp.ts';
import { isMain } from './is-main.ts';

export const DEFAULT_PORT = 4173;

/** Vite puts content-hashed files under /assets/: those never change under the same name. */
const HASHED = /^\/assets\//;

/**
 * Sent with every response: the page's policy, and a worker's (a worker script is governed by
 * the policy of its own response). The built index.html carries the same as a meta tag, less
 * `frame-ancestors`, which only a header can say.
 */
export const CSP_HEADER = formatPolicy(APP_POLICY, 'header');
/** The embed's page (embed.html, or /embed as sirv also serves it) may be framed by any page. */
export const EMBED_CSP_HEADER = formatPolicy(EMBED_POLICY, 'header');
const EMBED_PATH = /^\/embed(?:\.html)?$/;

/**
 * Sent with every response besides the policy: no guessing a type the server did not say, and
 * no more than the atlas's origin in the Referer of a link followed to a source's publisher.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};

/** What the server answers: it only serves files, so it takes no other method. */
const ALLOWED_METHODS = ['GET', 'HEAD'];

/** A Host header this server will write back into an oEmbed answer: a name or address, a port. */
const HOST = /^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

export interface ServerOptions {
  /** Folder to serve (default: dist/ under the current directory). */
  root?: string;
  /** Port to try first; 0 picks any free port. Default 4173. */
  port?: number;
  /** Address to bind (default 127.0.0.1, so nothing outside this machine can connect). */
  host?: string;
  /** If true, a busy port is an error instead of falling back to a free one. */
  strictPort?: boolean;
}

export interface RunningServer {
  /** `http://localhost:PORT/` */
  url: string;
  port: number;
  close: () => Promise<void>;
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const root = resolve(options.root ?? 'dist');
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? DEFAULT_PORT;
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new Error(
      `Nothing to serve: ${root} does not exist. Build the app first (npx vite build).`,
    );
  }
  if (!existsSync(resolve(root, 'index.html'))) {
    throw new Error(
      `Nothing to serve: ${root} has no index.html. Build the app first (npx vite build).`,
    );
  }

  // dev: true makes sirv look files up on each request instead of listing the folder once at start,
  // so a rebuild of dist/ while this server runs is served correctly (the hashed names change).
  // brotli and gzip: the build writes NAME.br and NAME.gz beside each text file
  // (scripts/vite-precompress-plugin.ts); sirv sends one when the request's Accept-Encoding allows
  // it (Brotli first), with Content-Encoding, the original's Content-Type and
  // `Vary: Accept-Encoding`, and the file itself otherwise or when there is no copy. A file
  // edited by hand in dist/ leaves its copies stale: rebuild instead.
  const files = sirv(root, {
    dev: true,
    etag: true,
    brotli: true,
    gzip: true,
    setHeaders(res, pathname) {
      res.setHeader(
        'Cache-Control',
        HASHED.test(pathname) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });

  // The dataset's title, for oEmbed answers: read once, when first asked.
  let title: string | null = null;
  const titleOf = () => {
    try {
      title ??= (
        JSON.parse(readFileSync(resolve(root, 'data/meta.json'), 'utf8')) as { title: string }
      ).title;
    } catch {
      title = 'Kabul Engagement Atlas';
    }
    return title;
  };

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    res.setHeader('Content-Security-Policy', EMBED_PATH.test(path) ? EMBED_CSP_HEADER : CSP_HEADER);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    if (!ALLOWED_METHODS.includes(req.method ?? '')) {
      res.statusCode = 405;
      res.setHeader('Allow', ALLOWED_METHODS.join(', '));
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end("Method not allowed: this server only serves the atlas's files.\n");
      return;
    }
    if (path === '/oembed') {
      answerOEmbed(req, res, titleOf());
      return;
    }
    files(req, res, () => {
      res.statusCode = 404;
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.setHeader('Cache-Control', 'no-cache');
      res.end('Not found\n');
    });
  });

  let bound: number;
  try {
    bound = await listen(server, port, host);
  } catch (error) {
    if (options.strictPort || !isAddressInUse(error) || port === 0) throw error;
    bound = await listen(server, 0, host);
  }

  return {
    url: `http://localhost:${bound}/`,
    port: bound,
    close: () =>
      new Promise<void>((done, fail) => {
        server.close((error) => (error ? fail(error) : done()));
        server.closeAllConnections();
      }),
  };
}

/** `GET /oembed?url=…[&maxwidth=N][&maxheight=N][&format=json]`: the embed of a link to the atlas. */
function answerOEmbed(req: IncomingMessage, res: ServerResponse, title: string) {
  const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
  const host = req.headers.host ?? '';
  res.setHeader('Cache-Control', 'no-cache');
  if (!HOST.test(host)) {
    res.statusCode = 400;
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.end('Bad Host header.\n');
    return;
  }
  const answer = oembedFor(
    {
      url: query.get('url'),
      maxwidth: query.get('maxwidth'),
      maxheight: query.get('maxheight'),
      format: query.get('format'),
    },
    `http://${host}/`,
    title,
  );
  if ('status' in answer) {
    res.statusCode = answer.status;
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.end(`${answer.reason}\n`);
    return;
  }
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.end(req.method === 'HEAD' ? undefined : JSON.stringify(answer));
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((done, fail) => {
    const onError = (error: Error) => {
      server.off('listening', onListening);
      fail(error);
    };
    const onListening = () => {
      server.off('error', onError);
      done((server.address() as AddressInfo).port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

function isAddressInUse(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'EADDRINUSE';
}

/** Port from `--port N` / `--port=N`, else the PORT environment variable, else the default. */
export function parsePort(argv: string[], env: NodeJS.ProcessEnv): number {
  let raw: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--port') raw = argv[i + 1];
    else if (arg.startsWith('--port=')) raw = arg.slice('--port='.length);
  }
  raw ??= env.PORT;
  if (raw === undefined || raw === '') return DEFAULT_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`Invalid port: ${raw}`);
  }
  return port;
}

function argValue(argv: string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === name) return argv[i + 1];
    if (arg.startsWith(`${name}=`)) return arg.slice(name.length + 1);
  }
  return undefined;
}

if (isMain(import.meta.url)) {
  const argv = process.argv.slice(2);
  try {
    const root = argValue(argv, '--root') ?? 'dist';
    const server = await startServer({
      root,
      port: parsePort(argv, process.env),
    });
    // The URL last: it is what a newcomer looks for after `npm start`.
    console.log(`Serving the atlas from ${root}/ (Ctrl+C stops it).`);
    console.log(`Kabul Engagement Atlas: ${server.url}`);
    const stop = () => {
      server.close().finally(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
