import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HtmlTagDescriptor, Plugin } from 'vite';

/**
 * Serves the dataset folder's JSON files at `urlPath` during development and emits them into the
 * build under the same path, so the app fetches its data from its own origin in both.
 * The JSON Schema under `<folder>/schema/` is for editors and is not shipped.
 *
 * The page preloads them, and the `also` files (the geometry): the browser fetches them while it
 * loads and runs the app's script, which asks for them only once it runs.
 */
export function datasetPlugin({
  folder,
  urlPath,
  also = [],
}: {
  folder: string;
  urlPath: string;
  also?: string[];
}): Plugin {
  const files = () => readdirSync(folder).filter((f) => f.endsWith('.json'));
  let base = '/';
  return {
    name: 'atlas-dataset',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml(): HtmlTagDescriptor[] {
      const urls = [...also, ...files().map((name) => `${urlPath.replace(/^\//, '')}${name}`)];
      // `crossorigin`: fetch() asks in CORS mode, and a preload is used only if its mode matches.
      return urls.map((url) => ({
        tag: 'link',
        attrs: { rel: 'preload', href: `${base}${url}`, as: 'fetch', crossorigin: 'anonymous' },
        injectTo: 'head',
      }));
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0] ?? '';
        if (!path.startsWith(urlPath)) return next();
        const name = path.slice(urlPath.length);
        if (!files().includes(name)) return next();
        res.setHeader('content-type', 'application/json');
        res.end(readFileSync(join(folder, name)));
      });
    },
    generateBundle() {
      for (const name of files()) {
        this.emitFile({
          type: 'asset',
          fileName: join(urlPath.replace(/^\//, ''), name),
          source: readFileSync(join(folder, name)),
        });
      }
    },
  };
}
