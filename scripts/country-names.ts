/**
 * `npm run country-names`: gives every country of the shipped map a name in each translation file
 * (data/translations/<locale>.json) that has none yet, from CLDR through Node's
 * `Intl.DisplayNames` (Node ships all of ICU; Chromium's has no Pashto, so the names cannot be
 * left to the reader's browser). A name already in a file is kept: a native reader's correction is
 * never overwritten. The map's ids are ISO alpha-3; `Intl.DisplayNames` takes alpha-2, which
 * `i18n-iso-countries` maps.
 */
import iso from 'i18n-iso-countries';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, shippedGeometryIds } from './dataset-files.ts';

const LOCALES = ['ar', 'fa-AF', 'ps'] as const;

for (const locale of LOCALES) {
  const path = join(REPO_ROOT, 'data/translations', `${locale}.json`);
  if (!existsSync(path)) throw new Error(`${path} is missing`);
  const file = JSON.parse(readFileSync(path, 'utf8')) as { countries?: Record<string, string> };
  const names = new Intl.DisplayNames(locale, { type: 'region', fallback: 'none' });
  const countries = { ...file.countries };
  let added = 0;
  for (const id of [...shippedGeometryIds()].sort()) {
    if (countries[id] !== undefined) continue;
    const alpha2 = iso.alpha3ToAlpha2(id);
    const name = alpha2 ? names.of(alpha2) : undefined;
    if (!name) {
      console.warn(`${locale}: no CLDR name for ${id}; add one by hand`);
      continue;
    }
    countries[id] = name;
    added++;
  }
  const sorted = Object.fromEntries(Object.entries(countries).sort(([a], [b]) => (a < b ? -1 : 1)));
  writeFileSync(path, `${JSON.stringify({ ...file, countries: sorted }, null, 2)}\n`);
  console.log(`data/translations/${locale}.json: ${added} names added`);
}
