import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

/**
 * Serves the dataset folder's JSON files at `urlPath` during development and emits them into the
 * build under the same path, so the app fetches its data from its own origin in both.
 * The JSON Schema under `<folder>/schema/` is for editors and is not shipped.
 */
export function datasetPlugin({ folder, urlPath }: { folder: string; urlPath: string }): Plugin {
  const files = () => readdirSync(folder).filter((f) => f.endsWith('.json'));
  return {
    name: 'atlas-dataset',
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
