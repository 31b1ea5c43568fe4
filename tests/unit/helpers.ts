import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Topology } from 'topojson-specification';
import { readDatasetFolder, REPO_ROOT, shippedGeometryIds } from '../../scripts/dataset-files.ts';
import type { Dataset } from '../../src/lib/schema.ts';
import { validateDataset, formatProblem } from '../../src/lib/validate.ts';

export const FIXTURES = join(REPO_ROOT, 'tests/fixtures');
export const FIXTURE_FOUNDING_TEXT = readFileSync(join(FIXTURES, 'founding.txt'), 'utf8');
export const FIXTURE_GEOMETRY = new Set(['AFG', 'CHN', 'RUS', 'PAK', 'USA', 'NOR']);

/** Reads and validates a fixture dataset folder by name, e.g. `minimal`. */
export function fixtureResult(name: string) {
  return validateDataset(readDatasetFolder(join(FIXTURES, 'datasets', name)), {
    geometryIds: FIXTURE_GEOMETRY,
    foundingText: FIXTURE_FOUNDING_TEXT,
  });
}

/** The minimal valid fixture dataset; throws with the problems if it is not valid. */
export function minimalDataset(): Dataset {
  const result = fixtureResult('minimal');
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.dataset;
}

/** The shipped dataset and geometry, validated, for tests that measure the real map. */
export function shipped(): { dataset: Dataset; topology: Topology } {
  const result = validateDataset(readDatasetFolder(join(REPO_ROOT, 'data')), {
    geometryIds: shippedGeometryIds(),
  });
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  const topology = JSON.parse(
    readFileSync(join(REPO_ROOT, 'public/geo/countries.json'), 'utf8'),
  ) as Topology;
  return { dataset: result.dataset, topology };
}
