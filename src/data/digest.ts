/**
 * Whether the files the browser fetched are the very files the build checked: the build writes
 * each one's SHA-256 into the app (scripts/vite-dataset-plugin.ts), and the same bytes pass the
 * same checks, so the app need not load the validator and run it again. Anything else (another
 * dataset served beside the build, a file changed on the server, a page without `crypto.subtle`
 * outside a secure context) is checked in the browser, as before.
 */

/** The module the build writes the digest into. */
export const DATASET_DIGEST_MODULE = 'virtual:atlas-dataset-digest';

/** The SHA-256 (hex) of the files as `datasetBytes` lays them out; `null` when the build's did not pass. */
export type DatasetDigest = string | null;

/**
 * Every file, by its URL under the app's base, in one run of text: each URL and its file's text,
 * in the order of their URLs, each followed by a NUL (which JSON text cannot hold), so that no two
 * sets of files give the same run. What the build and the browser both hash.
 */
export function datasetBytes(texts: Readonly<Record<string, string>>): Uint8Array<ArrayBuffer> {
  const urls = Object.keys(texts).sort();
  return new TextEncoder().encode(urls.map((url) => `${url}\0${texts[url]}\0`).join(''));
}

/**
 * True when `texts` (each fetched file's text by its URL under the base) are exactly the files
 * the build checked, byte for byte.
 * @example await checkedAtBuild({ 'data/meta.json': '{…}', … }, '9f86d081884c7d65…')
 */
export async function checkedAtBuild(
  texts: Readonly<Record<string, string>>,
  digest: DatasetDigest,
): Promise<boolean> {
  // Outside a secure context (plain http beyond localhost) there is no crypto.subtle.
  if (digest === null || !globalThis.crypto?.subtle) return false;
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', datasetBytes(texts)));
  return Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join('') === digest;
}
