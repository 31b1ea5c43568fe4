/**
 * The app's Content-Security-Policy, as data, and its two deliveries: the response header that
 * scripts/serve.ts sends (`npm start`, the browser tests, the command-line export) and the
 * `<meta http-equiv>` that vite.config.ts writes into the built index.html, for any static host.
 *
 * Everything comes from the app's own origin. The exceptions, each needed and nothing more:
 * - `img-src data:`: maplibre-gl.css draws the zoom buttons' icons as `data:image/svg+xml` URLs.
 * - no `blob:` anywhere: MapLibre's standard build starts its worker from a blob: URL, so the app
 *   uses MapLibre's CSP build, whose worker is a file of our own (vite.config.ts, src/main.ts).
 * - `style-src 'self'` with no 'unsafe-inline': component CSS is in files, MapLibre and Svelte's
 *   `style:` directives set styles through the CSSOM, which a policy does not restrict.
 */

/** A policy: directive name to its source list. */
export type Policy = Readonly<Record<string, readonly string[]>>;

/** The policy of the built app. */
export const APP_POLICY: Policy = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

/**
 * The embed's policy (embed.html, for articles): the app's, except that any page may frame it.
 * The app itself still refuses to be framed.
 */
export const EMBED_POLICY: Policy = { ...APP_POLICY, 'frame-ancestors': ['*'] };

/**
 * Directives a `<meta>` policy cannot carry: browsers ignore them there, and Chromium says so
 * with a console error (CSP3 §6.1; `frame-ancestors` is the one this app uses).
 */
export const HEADER_ONLY_DIRECTIVES: readonly string[] = [
  'frame-ancestors',
  'report-uri',
  'sandbox',
];

/** How a policy reaches the browser. */
export type Delivery = 'header' | 'meta';

/**
 * The policy as the text of a header or a meta tag's `content`, dropping what the delivery
 * cannot carry.
 * @example formatPolicy({ 'default-src': ["'self'"], 'frame-ancestors': ["'none'"] }, 'meta')
 *   // "default-src 'self'"
 */
export function formatPolicy(policy: Policy, delivery: Delivery): string {
  return Object.entries(policy)
    .filter(([name]) => delivery === 'header' || !HEADER_ONLY_DIRECTIVES.includes(name))
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');
}

/**
 * A policy's text back as data, the way a browser reads it: directive names are
 * case-insensitive, and a repeated directive is ignored after its first occurrence.
 * @example parsePolicy("default-src 'self'; img-src 'self' data:")
 *   // { 'default-src': ["'self'"], 'img-src': ["'self'", 'data:'] }
 */
export function parsePolicy(text: string): Record<string, string[]> {
  const policy: Record<string, string[]> = {};
  for (const part of text.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    const key = name.toLowerCase();
    if (!(key in policy)) policy[key] = sources;
  }
  return policy;
}
