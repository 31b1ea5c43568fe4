/**
 * Fetches the dataset and the geometry from the app's own origin and validates them together,
 * so a bad dataset reaches the screen as the validator's messages, never as a blank map.
 */
import type { Topology } from 'topojson-specification';
import { geometryIds } from '../lib/geometry.ts';
import { DATASET_FILES, type Dataset } from '../lib/schema.ts';
import { validateDataset, type Problem } from '../lib/validate.ts';

export type Loaded =
  { ok: true; dataset: Dataset; topology: Topology } | { ok: false; problems: Problem[] };

async function fetchText(url: string): Promise<string | undefined> {
  const response = await fetch(url);
  return response.ok ? response.text() : undefined;
}

/** Loads `data/*.json` and `geo/countries.json` under `base` (the app's base URL). */
export async function loadAtlas(base: string): Promise<Loaded> {
  const files = Object.keys(DATASET_FILES);
  const [geometryText, ...texts] = await Promise.all([
    fetchText(`${base}geo/countries.json`),
    ...files.map((file) => fetchText(`${base}data/${file}`)),
  ]);
  let topology: Topology;
  try {
    if (geometryText === undefined) throw new Error('file is missing');
    topology = JSON.parse(geometryText) as Topology;
  } catch (error) {
    return {
      ok: false,
      problems: [{ file: 'geo/countries.json', path: '', reason: (error as Error).message }],
    };
  }
  const result = validateDataset(Object.fromEntries(files.map((f, i) => [f, texts[i]])), {
    geometryIds: geometryIds(topology),
  });
  return result.ok ? { ok: true, dataset: result.dataset, topology } : result;
}
