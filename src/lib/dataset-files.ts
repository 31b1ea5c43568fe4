/**
 * A dataset's files and how their contents make a `Dataset`, without their schemas: what the app
 * needs to read a dataset the build has already checked (src/data/load.ts), so the validator and
 * valibot load only for a dataset the build has not seen.
 */
import type { Dataset, Scene } from './schema.ts';

/** The files of a dataset folder, in the order the validator reads them (schema.ts `DATASET_FILES`). */
export const DATASET_FILE_NAMES = [
  'meta.json',
  'levels.json',
  'countries.json',
  'institutions.json',
  'sources.json',
  'quotes.json',
  'events.json',
  'motives.json',
  'statements.json',
  'disagreements.json',
  'scenes.json',
  'changelog.json',
] as const;

export type DatasetFileName = (typeof DATASET_FILE_NAMES)[number];

/**
 * A scene camera as its schema gives it: a bearing and pitch the file leaves out are 0 (schema.ts
 * `SceneCamera`, the schema's only defaults; tests/unit/dataset-digest.test.ts holds the two to
 * the same dataset).
 */
function withCameraDefaults(scene: Scene): Scene {
  const { camera } = scene;
  if (!('center' in camera)) return scene;
  return {
    ...scene,
    camera: { ...camera, bearing: camera.bearing ?? 0, pitch: camera.pitch ?? 0 },
  };
}

/**
 * The dataset from its files' contents, each parsed and already checked against its schema (by
 * the validator, or by the build for the same bytes), as the validator gives it.
 */
export function assembleDataset(p: Readonly<Record<DatasetFileName, unknown>>): Dataset {
  const get = <T>(file: DatasetFileName, key: string): T =>
    (p[file] as Record<string, T>)[key] as T;
  return {
    meta: p['meta.json'] as Dataset['meta'],
    levels: p['levels.json'] as Dataset['levels'],
    countries: get('countries.json', 'countries'),
    institutions: get('institutions.json', 'institutions'),
    sources: get('sources.json', 'sources'),
    quotes: get('quotes.json', 'quotes'),
    events: get('events.json', 'events'),
    motives: get('motives.json', 'motives'),
    statements: get('statements.json', 'statements'),
    disagreements: get('disagreements.json', 'disagreements'),
    scenes: get<Scene[]>('scenes.json', 'scenes').map(withCameraDefaults),
    changelog: get('changelog.json', 'editions'),
  };
}
