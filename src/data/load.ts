/**
 * Fetches the dataset and the geometry from the app's own origin and validates them together,
 * so a bad dataset reaches the screen as a plain sentence for the reader and the validator's
 * messages for the maintainer, never as a blank map. Files the build has checked already (the
 * same bytes, see digest.ts) are read without checking them again: the validator is a chunk that
 * loads only for a dataset the build has not seen.
 */
import type { Topology } from 'topojson-specification';
import buildDigest from 'virtual:atlas-dataset-digest';
import { assembleDataset, DATASET_FILE_NAMES } from '../lib/dataset-files.ts';
import {
  contentFailure,
  NOT_JSON,
  transportFailure,
  type Fetched,
  type LoadFailure,
} from '../lib/load-failure.ts';
import type { Dataset } from '../lib/schema.ts';
import { checkedAtBuild } from './digest.ts';

export type Loaded =
  { ok: true; dataset: Dataset; topology: Topology } | ({ ok: false } & LoadFailure);

const GEOMETRY = 'geo/countries.json';

/** A fetched file, with its bytes as served when it came (what the build's digest is of). */
type FetchedFile = Fetched & { bytes?: Uint8Array<ArrayBuffer> };

/** Fetches `path` under `base`, named `file` as the validator names it (`events.json`). */
async function fetchFile(base: string, path: string, file = path): Promise<FetchedFile> {
  try {
    const response = await fetch(`${base}${path}`);
    if (!response.ok) return { file, status: response.status, text: '' };
    const bytes = new Uint8Array(await response.arrayBuffer());
    // As response.text() reads it: UTF-8, a byte-order mark dropped.
    return { file, status: response.status, text: new TextDecoder().decode(bytes), bytes };
  } catch (error) {
    return { file, error: String(error) };
  }
}

/** Loads `data/*.json` and `geo/countries.json` under `base` (the app's base URL). */
export async function loadAtlas(base: string): Promise<Loaded> {
  const files = DATASET_FILE_NAMES;
  const fetched = await Promise.all([
    fetchFile(base, GEOMETRY),
    ...files.map((f) => fetchFile(base, `data/${f}`, f)),
  ]);
  const transport = transportFailure(fetched);
  if (transport) return { ok: false, ...transport };
  const [geometryText, ...texts] = fetched.map((f) => ('text' in f ? f.text : ''));
  let topology: Topology;
  try {
    topology = JSON.parse(geometryText!) as Topology;
  } catch (error) {
    const reason = `${NOT_JSON} (${(error as Error).message})`;
    return { ok: false, ...contentFailure([{ file: GEOMETRY, path: '', reason }]) };
  }
  const paths = [GEOMETRY, ...files.map((f) => `data/${f}`)];
  const bytes = Object.fromEntries(fetched.map((f, i) => [paths[i]!, f.bytes ?? new Uint8Array()]));
  if (await checkedAtBuild(bytes, buildDigest)) {
    const parsed = Object.fromEntries(files.map((f, i) => [f, JSON.parse(texts[i]!) as unknown]));
    return {
      ok: true,
      dataset: assembleDataset(parsed as Record<(typeof files)[number], unknown>),
      topology,
    };
  }
  const [{ validateDataset }, { geometryIds }] = await Promise.all([
    import('../lib/validate.ts'),
    import('../lib/geometry.ts'),
  ]);
  const result = validateDataset(Object.fromEntries(files.map((f, i) => [f, texts[i]])), {
    geometryIds: geometryIds(topology),
  });
  return result.ok
    ? { ok: true, dataset: result.dataset, topology }
    : { ok: false, ...contentFailure(result.problems) };
}
