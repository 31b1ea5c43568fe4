/**
 * `npm run validate -- <folder> [--founding-text FILE]`: checks a dataset folder and prints one
 * line per problem as `file: path: reason`; exits 1 if there is any. The folder defaults to data/;
 * the founding text to the one `foundingTextPath()` finds. The folder's translations
 * (`translations/<locale>.json`) are checked against it too.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { formatProblem, validateDataset, validateTranslation } from '../src/lib/validate.ts';
import {
  foundingTextPath,
  readDatasetFolder,
  readFoundingText,
  shippedGeometryIds,
} from './dataset-files.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'founding-text': { type: 'string' } },
});
const folder = positionals[0] ?? 'data';
if (!existsSync(folder) || !statSync(folder).isDirectory()) {
  console.error(`${folder}: not a dataset folder`);
  process.exit(1);
}

const textFile = values['founding-text'];
const foundingText = textFile !== undefined ? readFileSync(textFile, 'utf8') : readFoundingText();
if (foundingText === undefined) {
  console.warn(
    `note: founding text not found at ${foundingTextPath()}; excerpts not checked verbatim (set ATLAS_FOUNDING_TEXT)`,
  );
}
const result = validateDataset(readDatasetFolder(folder), {
  geometryIds: shippedGeometryIds(),
  foundingText,
});
const translations = join(folder, 'translations');
const translationProblems =
  result.ok && existsSync(translations)
    ? readdirSync(translations)
        .filter((name) => name.endsWith('.json'))
        .sort()
        .flatMap((name) =>
          validateTranslation(
            `translations/${name}`,
            readFileSync(join(translations, name), 'utf8'),
            result.dataset,
            shippedGeometryIds(),
          ),
        )
    : [];
if (result.ok && translationProblems.length > 0) {
  for (const p of translationProblems) console.error(`${folder}/${formatProblem(p)}`);
  console.error(
    `${translationProblems.length} problem${translationProblems.length === 1 ? '' : 's'}`,
  );
  process.exit(1);
} else if (result.ok) {
  const d = result.dataset;
  console.log(
    `${folder}: valid (${d.countries.length} countries, ${d.events.length} events, ${d.motives.length} motives, ${d.quotes.length} quotes, ${d.sources.length} sources)`,
  );
} else {
  for (const p of result.problems) console.error(`${folder}/${formatProblem(p)}`);
  console.error(`${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}`);
  process.exit(1);
}
