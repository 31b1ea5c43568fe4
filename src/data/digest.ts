/**
 * Whether the files the browser fetched are the very files the build checked: the build writes
 * each one's SHA-256 into the app (scripts/vite-dataset-plugin.ts), and the same bytes pass the
 * same checks, so the app need not load the validator and run it again. Anything else (another
 * dataset served beside the build, a file changed on the server, a page without `crypto.subtle`
 * outside a secure context) is checked in the browser, as before.
 *
 * One digest per file, of its bytes as served: the browser hashes each file as it arrives, on
 * the bytes it has (no copy of the whole dataset as one text), and 3 MB of events and sources
 * cost a 200-country atlas about 30 ms less than one digest of them all did.
 */

/** The module the build writes the digests into. */
export const DATASET_DIGEST_MODULE = 'virtual:atlas-dataset-digest';

/**
 * Each served file's SHA-256 (hex) by its URL under the app's base (`data/events.json`), or
 * `null` when the build's dataset did not pass its checks.
 */
export type DatasetDigest = Readonly<Record<string, string>> | null;

const hex = (hash: ArrayBuffer) =>
  Array.from(new Uint8Array(hash), (b) => b.toString(16).padStart(2, '0')).join('');

/** A file's SHA-256 in hex, as the build writes it. */
export async function fileDigest(bytes: BufferSource): Promise<string> {
  return hex(await crypto.subtle.digest('SHA-256', bytes));
}

/**
 * True when `files` (each fetched file's bytes by its URL under the base) are exactly the files
 * the build checked, byte for byte: the same URLs, and each one's digest the same.
 * @example await checkedAtBuild({ 'data/meta.json': bytes, … }, { 'data/meta.json': '9f86d0…', … })
 */
export async function checkedAtBuild(
  files: Readonly<Record<string, BufferSource>>,
  digest: DatasetDigest,
): Promise<boolean> {
  // Outside a secure context (plain http beyond localhost) there is no crypto.subtle.
  if (digest === null || !globalThis.crypto?.subtle) return false;
  const urls = Object.keys(files);
  if (urls.length !== Object.keys(digest).length || urls.some((url) => !(url in digest))) {
    return false;
  }
  const hashes = await Promise.all(urls.map((url) => fileDigest(files[url]!)));
  return urls.every((url, i) => hashes[i] === digest[url]);
}
