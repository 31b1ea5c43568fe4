/**
 * An article on another origin, for the embed's browser tests: a page served from 127.0.0.1
 * (the atlas is at localhost) on a port beside the one the browser tests serve the app on
 * (E2E_PORT lets two checkouts run side by side). Each test file takes its own offset, so files
 * running in parallel do not share a port.
 */
import { createServer } from 'node:http';

/** The origin of the host page at `offset` past the app's port. */
export function hostOrigin(offset: number): string {
  return `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 4311) + offset}`;
}

/** Serves `html` at `hostOrigin(offset)` until `close` is called. */
export async function hostPage(
  html: string,
  offset: number,
): Promise<{ url: string; close: () => void }> {
  const server = createServer((_req, res) => {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(html);
  });
  const origin = new URL(hostOrigin(offset));
  await new Promise<void>((done) => server.listen(Number(origin.port), origin.hostname, done));
  return {
    url: `${origin.origin}/`,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}
