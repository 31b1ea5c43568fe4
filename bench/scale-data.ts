/**
 * `tsx bench/scale-data.ts [FOLDER]`: writes the 200-country, 5,000-event dataset
 * (bench/scale-dataset.ts) to FOLDER, bench/dist/scale-data/ by default, for the bench's scale
 * pass and the browser tests that build the app on it (`ATLAS_DATA_DIR=FOLDER`).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { readDatasetFolder, REPO_ROOT } from '../scripts/dataset-files.ts';
import { isMain } from '../scripts/is-main.ts';
import type { Dataset } from '../src/lib/schema.ts';
import { validateDataset } from '../src/lib/validate.ts';
import { datasetTexts, scaleDataset, type GeometryCountry } from './scale-dataset.ts';

export const SCALE_DATA_DIR = join(REPO_ROOT, 'bench/dist/scale-data');

/** The countries the shipped geometry draws, with their label points. */
export function shippedGeometryCountries(): GeometryCountry[] {
  const topology = JSON.parse(
    readFileSync(join(REPO_ROOT, 'public/geo/countries.json'), 'utf8'),
  ) as Topology;
  const countries = topology.objects['countries'] as GeometryCollection;
  return countries.geometries.map((g) => {
    const properties = g.properties as { name: string; label: [number, number] };
    return { id: String(g.id), name: properties.name, label: properties.label };
  });
}

/** The shipped dataset, parsed; throws if it does not validate. */
export function shippedDataset(): Dataset {
  const result = validateDataset(readDatasetFolder(join(REPO_ROOT, 'data')));
  if (!result.ok) throw new Error('data/ does not validate: run npm run validate');
  return result.dataset;
}

/** The scale dataset's files as text, keyed by file name. */
export function scaleDatasetTexts(): Record<string, string> {
  return datasetTexts(scaleDataset(shippedDataset(), shippedGeometryCountries()));
}

/** Writes the scale dataset to `folder` and returns the folder. */
export function writeScaleDataset(folder = SCALE_DATA_DIR): string {
  mkdirSync(folder, { recursive: true });
  for (const [name, text] of Object.entries(scaleDatasetTexts()))
    writeFileSync(join(folder, name), text);
  return folder;
}

if (isMain(import.meta.url)) {
  console.log(`wrote ${writeScaleDataset(process.argv[2])}`);
}
