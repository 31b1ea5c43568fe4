/**
 * What a page shipped, by kind: each response sorted into app JS, maplibre-gl, deck.gl, CSS,
 * geometry, data and fonts, and sized raw and gzipped (zlib level 9). The local server sends the
 * build's Brotli copies, smaller still; gzip at level 9 is what any host would reach.
 */
import { gzipSync } from 'node:zlib';

export const KINDS = [
  'app-js',
  'maplibre',
  'deck',
  'css',
  'geometry',
  'data',
  'fonts',
  'html',
  'other',
] as const;
export type Kind = (typeof KINDS)[number];

/** How each kind is named in BENCHMARKS.md. */
export const KIND_LABELS: Readonly<Record<Kind, string>> = {
  'app-js': 'JS besides maplibre-gl and deck.gl',
  maplibre: 'maplibre-gl (JS and worker)',
  deck: 'deck.gl (and luma.gl)',
  css: 'CSS',
  geometry: 'geometry',
  data: 'data',
  fonts: 'fonts',
  html: 'HTML',
  other: 'other (icons, …)',
};

/**
 * The kind of a response by its URL: the builds name maplibre-gl's and deck.gl's chunks after
 * them (`assets/maplibre-….js`, `assets/maplibre-gl-csp-worker-….js`, `assets/deck-….js`), the
 * geometry lives under `geo/`, the rest goes by extension.
 * @example resourceKind('http://localhost:4173/assets/maplibre-B2k4QVOw.js') // 'maplibre'
 * @example resourceKind('http://localhost:4173/data/events.json') // 'data'
 */
export function resourceKind(url: string): Kind {
  const path = new URL(url).pathname;
  const file = path.slice(path.lastIndexOf('/') + 1);
  if (/\.m?js$/.test(file)) {
    if (file.startsWith('maplibre')) return 'maplibre';
    if (file.startsWith('deck')) return 'deck';
    return 'app-js';
  }
  if (file.endsWith('.css')) return 'css';
  if (path.startsWith('/geo/')) return 'geometry';
  if (file.endsWith('.json')) return 'data';
  if (/\.(woff2?|ttf|otf)$/.test(file)) return 'fonts';
  if (file === '' || file.endsWith('.html')) return 'html';
  return 'other';
}

/** A body's size uncompressed, and gzipped at level 9. */
export interface Size {
  raw: number;
  gzip: number;
}

export function sizeOf(body: Uint8Array): Size {
  return { raw: body.byteLength, gzip: gzipSync(body, { level: 9 }).byteLength };
}

/** One response of a page: where from and how big. */
export interface Shipped {
  url: string;
  size: Size;
}

/**
 * Raw and gzip totals per kind; every kind is present (0 where the page shipped none). A URL
 * listed twice (a font asked for by two stylesheets) counts once.
 */
export function totalsByKind(shipped: readonly Shipped[]): Record<Kind, Size> {
  const totals = Object.fromEntries(KINDS.map((k) => [k, { raw: 0, gzip: 0 }])) as Record<
    Kind,
    Size
  >;
  const seen = new Set<string>();
  for (const { url, size } of shipped) {
    if (seen.has(url)) continue;
    seen.add(url);
    const total = totals[resourceKind(url)];
    total.raw += size.raw;
    total.gzip += size.gzip;
  }
  return totals;
}
