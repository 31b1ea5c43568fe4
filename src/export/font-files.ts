/**
 * The atlas's face as the export embeds it (see src/lib/svg-fonts.ts): the @fontsource Noto Sans
 * files in the weights the pictures use, each with the characters it covers. Their addresses are
 * the app's own (Vite emits the files into the build); their bytes are fetched only when an SVG
 * needs them.
 */
import unicode from '@fontsource/noto-sans/unicode.json';
import arabicUnicode from '@fontsource/noto-sans-arabic/unicode.json';
import type { EmbeddedFont, FontFile } from '../lib/svg-fonts.ts';
import type { OutlineFace } from './outline-text.ts';
import { base64 } from './raster.ts';

/** Every script cut of the weights a picture sets text in, by address. */
const urls = import.meta.glob<string>(
  '/node_modules/@fontsource/noto-sans/files/noto-sans-*-{400,600,700}-normal.woff2',
  { query: '?url', import: 'default', eager: true },
);

/** Noto Sans Arabic's Arabic cut, for the editions written in Arabic script. */
const arabicUrls = import.meta.glob<string>(
  '/node_modules/@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-{400,600,700}-normal.woff2',
  { query: '?url', import: 'default', eager: true },
);

/** The files, as `filesFor` takes them: Noto Sans's cuts, then Noto Sans Arabic's. */
export const NOTO_SANS_FILES: FontFile[] = [
  ...Object.entries(urls).flatMap(([path, url]) => {
    const [, subset = '', weight = ''] =
      /noto-sans-([a-z-]+)-(\d+)-normal\.woff2$/.exec(path) ?? [];
    const unicodeRange = (unicode as Record<string, string>)[subset];
    return unicodeRange
      ? [
          {
            family: 'Noto Sans',
            weight: Number(weight),
            style: 'normal' as const,
            unicodeRange,
            url,
          },
        ]
      : [];
  }),
  ...Object.entries(arabicUrls).map(([path, url]) => ({
    family: 'Noto Sans Arabic',
    weight: Number(/-(\d+)-normal\.woff2$/.exec(path)![1]),
    style: 'normal' as const,
    unicodeRange: arabicUnicode.arabic,
    url,
  })),
];

/** The chosen files with their bytes, for `textOutliner`. */
export async function outlineFaces(files: readonly FontFile[]): Promise<OutlineFace[]> {
  return Promise.all(
    files.map(async ({ url, weight, unicodeRange }) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      return { weight, unicodeRange, bytes: new Uint8Array(await response.arrayBuffer()) };
    }),
  );
}

/** The bytes of each file, base64-encoded: fetched once a session. */
const fetched = new Map<string, Promise<string>>();

function base64Of(url: string): Promise<string> {
  let bytes = fetched.get(url);
  if (!bytes) {
    bytes = fetch(url)
      .then((r) => {
        if (!r.ok) throw new Error(`${url}: ${r.status}`);
        return r.arrayBuffer();
      })
      .then((buffer) => base64(new Uint8Array(buffer)));
    fetched.set(url, bytes);
  }
  return bytes;
}

/** The chosen files with their bytes, ready for `embedFonts`. */
export async function embeddable(files: readonly FontFile[]): Promise<EmbeddedFont[]> {
  return Promise.all(
    files.map(async ({ url, ...face }) => ({
      ...face,
      base64: await base64Of(url),
      format: 'woff2' as const,
    })),
  );
}
