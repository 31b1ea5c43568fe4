import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Topology } from 'topojson-specification';
import type { HtmlTagDescriptor, Plugin } from 'vite';
import { DATASET_DIGEST_MODULE, type DatasetDigest } from '../src/data/digest.ts';
import { geometryIds } from '../src/lib/geometry.ts';
import { validateDataset } from '../src/lib/validate.ts';

/** A file's text as the browser's `fetch(…).text()` reads it: UTF-8, without a byte-order mark. */
const textOf = (path: string) => readFileSync(path, 'utf8').replace(/^\uFEFF/, '');

/**
 * The SHA-256 of each served file (the dataset's and the geometry, by their URLs under the base),
 * if the dataset passes every check the app would make in the browser against that geometry;
 * `null` if not, so the browser checks it itself and says why.
 */
function datasetDigest(
  folder: string,
  urlPath: string,
  geometry: { url: string; path: string },
): DatasetDigest {
  const names = readdirSync(folder).filter((f) => f.endsWith('.json'));
  const texts = Object.fromEntries(names.map((name) => [name, textOf(join(folder, name))]));
  const geometryText = textOf(geometry.path);
  let ids: Set<string>;
  try {
    ids = geometryIds(JSON.parse(geometryText) as Topology);
  } catch {
    return null;
  }
  if (!validateDataset(texts, { geometryIds: ids }).ok) return null;
  const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
  const served: Record<string, string> = { [geometry.url]: sha256(geometry.path) };
  for (const name of names)
    served[`${urlPath.replace(/^\//, '')}${name}`] = sha256(join(folder, name));
  return served;
}

/**
 * Serves the dataset folder's JSON files at `urlPath` during development and emits them into the
 * build under the same path, so the app fetches its data from its own origin in both.
 * The JSON Schema under `<folder>/schema/` is for editors and is not shipped.
 *
 * The page preloads them, and the geometry: the browser fetches them while it loads and runs the
 * app's script, which asks for them only once it runs.
 *
 * It also checks the dataset as the app would, and gives the app the digest of what it checked
 * (`virtual:atlas-dataset-digest`): a browser that fetches the same bytes need not check them
 * again, and loads the validator only for a dataset the build has not seen.
 */
export function datasetPlugin({
  folder,
  urlPath,
  geometry,
}: {
  folder: string;
  urlPath: string;
  /** The geometry: its URL under the base, and the file served there. */
  geometry: { url: string; path: string };
}): Plugin {
  const files = () => readdirSync(folder).filter((f) => f.endsWith('.json'));
  const also = [geometry.url];
  let base = '/';
  return {
    name: 'atlas-dataset',
    configResolved(config) {
      base = config.base;
    },
    // The digest of the dataset as checked here (src/data/digest.ts), worked out when the app's
    // loader asks for it: in a build, and afresh on each dev server start.
    resolveId(id) {
      return id === DATASET_DIGEST_MODULE ? `\0${DATASET_DIGEST_MODULE}` : null;
    },
    load(id) {
      if (id !== `\0${DATASET_DIGEST_MODULE}`) return null;
      return `export default ${JSON.stringify(datasetDigest(folder, urlPath, geometry))};`;
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
