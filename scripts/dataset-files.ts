/**
 * Node-side access to a dataset folder, the shipped geometry and the founding article, shared by
 * `npm run validate` and the data tests.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Topology } from 'topojson-specification';
import { geometryIds } from '../src/lib/geometry.ts';
import { DATASET_FILES } from '../src/lib/schema.ts';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The raw text of each dataset file in a folder; a missing file is left out. */
export function readDatasetFolder(folder: string): Partial<Record<string, string>> {
  const texts: Partial<Record<string, string>> = {};
  for (const file of Object.keys(DATASET_FILES)) {
    const path = join(folder, file);
    if (existsSync(path)) texts[file] = readFileSync(path, 'utf8');
  }
  return texts;
}

/** The ids in the geometry the app ships. */
export function shippedGeometryIds(): Set<string> {
  const topology = JSON.parse(
    readFileSync(join(REPO_ROOT, 'public/geo/countries.json'), 'utf8'),
  ) as Topology;
  return geometryIds(topology);
}

/**
 * Where the founding article's text is: `ATLAS_FOUNDING_TEXT`, or the team's shared folder beside
 * the repository. The article is not republished in the repository; only excerpts are.
 */
export function foundingTextPath(): string {
  return (
    process.env.ATLAS_FOUNDING_TEXT ?? join(REPO_ROOT, '../shared/seed/000_ef67e7443071baf2.txt')
  );
}

/** The founding article's text, or `undefined` where it is not on this machine. */
export function readFoundingText(): string | undefined {
  const path = foundingTextPath();
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}
