/**
 * The embed: the atlas in an article's column (embed.html). Its URL is the app's state plus two
 * keys of its own, which controls it shows and its theme; this module reads and writes those, and
 * writes what a newsroom pastes (an iframe and the sizing script, or the custom element) and the
 * oEmbed answer for a link. Pure: no DOM, no Svelte, so the server and the CLI use it too.
 */

/** The parts of the atlas an embed can show besides the map. */
export const EMBED_CONTROLS = ['key', 'timeline', 'panel'] as const;
export type EmbedControl = (typeof EMBED_CONTROLS)[number];

export const EMBED_THEMES = ['light', 'dark'] as const;
export type EmbedTheme = (typeof EMBED_THEMES)[number];

export interface EmbedOptions {
  /** What shows besides the map; all of them by default. */
  controls: ReadonlySet<EmbedControl>;
  theme: EmbedTheme;
}

export const DEFAULT_EMBED_OPTIONS: EmbedOptions = {
  controls: new Set(EMBED_CONTROLS),
  theme: 'light',
};

/** The embed's page and its sizing script, relative to the app's base URL. */
export const EMBED_PAGE = 'embed.html';
export const EMBED_SCRIPT = 'embed.js';
/** The custom element embed.js defines: `<kabul-atlas src="…/embed.html?…" label="…">`. */
export const EMBED_ELEMENT = 'kabul-atlas';
/** The height an embed is given before it has said its own (a map and its key on a phone). */
export const EMBED_START_HEIGHT = 560;

/**
 * The messages between the host page's embed.js and the embed, by `postMessage`. The embed says
 * it is ready (to any origin: the message carries nothing); the host answers hello, to the
 * atlas's origin only, and the embed learns the host's origin from that event, as the browser
 * vouches for it. From then on the embed sends its height, to that origin only, each time it
 * changes. The host also says hello when an iframe loads, in case it came after the ready.
 */
export const READY = 'kabul-atlas:ready';
export const HELLO = 'kabul-atlas:hello';
export const HEIGHT = 'kabul-atlas:height';

export interface HelloMessage {
  type: typeof HELLO;
  /** The host window's height: a story's embed takes a share of it and scrolls inside. */
  viewport: number;
}

/** The height a story's embed asks for: most of the host's window, so its map stays in view. */
export function storyEmbedHeight(hostViewport: number): number {
  const height = Number.isFinite(hostViewport) && hostViewport > 0 ? hostViewport : 800;
  return Math.round(Math.min(900, Math.max(420, height * 0.85)));
}

export interface HeightMessage {
  type: typeof HEIGHT;
  height: number;
}

/** Whether `data` is a height message with a usable height (whole CSS pixels, 1 to 20,000). */
export function isHeightMessage(data: unknown): data is HeightMessage {
  if (typeof data !== 'object' || data === null) return false;
  const { type, height } = data as Record<string, unknown>;
  return (
    type === HEIGHT &&
    Number.isInteger(height) &&
    (height as number) > 0 &&
    (height as number) <= 20_000
  );
}

const isMessage = (data: unknown, type: string) =>
  typeof data === 'object' && data !== null && (data as { type?: unknown }).type === type;

/** Whether `data` is the host's hello. */
export function isHello(data: unknown): data is HelloMessage {
  return isMessage(data, HELLO);
}

/** Whether `data` is an embed saying it is ready. */
export function isReady(data: unknown): boolean {
  return isMessage(data, READY);
}

export interface ParsedEmbed {
  options: EmbedOptions;
  /** The query string without the embed's own keys: the app's state, for `parseUrlState`. */
  atlasSearch: string;
  notices: string[];
}

/**
 * Splits an embed's query string into its options and the app's state.
 * @example parseEmbedSearch('?date=2025-07-10&controls=key&theme=dark')
 *   // { options: { controls: Set { 'key' }, theme: 'dark' }, atlasSearch: '?date=2025-07-10', notices: [] }
 */
export function parseEmbedSearch(search: string): ParsedEmbed {
  const params = new URLSearchParams(search);
  const notices: string[] = [];
  let controls: ReadonlySet<EmbedControl> = DEFAULT_EMBED_OPTIONS.controls;
  const rawControls = params.get('controls');
  if (rawControls !== null) {
    const words = rawControls.split(',').filter((w) => w !== '' && w !== 'none');
    const known = words.filter((w): w is EmbedControl =>
      (EMBED_CONTROLS as readonly string[]).includes(w),
    );
    if (known.length < words.length) {
      notices.push(
        `Unknown controls left out (the embed shows ${EMBED_CONTROLS.join(', ')} or none).`,
      );
    }
    controls = new Set(known);
  }
  let theme: EmbedTheme = DEFAULT_EMBED_OPTIONS.theme;
  const rawTheme = params.get('theme');
  if (rawTheme !== null) {
    if ((EMBED_THEMES as readonly string[]).includes(rawTheme)) theme = rawTheme as EmbedTheme;
    else notices.push('Unknown theme; showing the light one.');
  }
  params.delete('controls');
  params.delete('theme');
  const rest = params.toString();
  return { options: { controls, theme }, atlasSearch: rest ? `?${rest}` : '', notices };
}

/**
 * The embed's query string: the app's (as `formatUrlState` writes it) and the options that differ
 * from the defaults, in a fixed order.
 * @example formatEmbedSearch('?date=2025-07-10', { controls: new Set(['key']), theme: 'light' })
 *   // '?date=2025-07-10&controls=key'
 */
export function formatEmbedSearch(atlasSearch: string, options: EmbedOptions): string {
  const params = new URLSearchParams(atlasSearch);
  const all = EMBED_CONTROLS.every((c) => options.controls.has(c));
  if (!all) {
    const shown = EMBED_CONTROLS.filter((c) => options.controls.has(c));
    params.set('controls', shown.length > 0 ? shown.join(',') : 'none');
  }
  if (options.theme !== DEFAULT_EMBED_OPTIONS.theme) params.set('theme', options.theme);
  // Commas are safe in a query string and keep the address readable, as formatUrlState does.
  const text = params.toString().replaceAll('%2C', ',');
  return text ? `?${text}` : '';
}

/** Escapes text for an HTML attribute value in double quotes, or for element content. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;');
}

export interface SnippetInput {
  /** The app's base URL, absolute, ending in `/`: `https://atlas.example/`. */
  base: string;
  /** The embed's query string (`formatEmbedSearch`). */
  search: string;
  /** The iframe's accessible name. */
  title: string;
  /** The height the iframe starts at, before the embed says its own. */
  height?: number;
}

/** The embed's address for a state. */
export function embedAddress(base: string, search: string): string {
  return `${base}${EMBED_PAGE}${search}`;
}

/**
 * What a newsroom pastes: a responsive iframe, and the atlas's own script that sizes it to its
 * content. The iframe works without the script, at its starting height.
 */
export function iframeSnippet({
  base,
  search,
  title,
  height = EMBED_START_HEIGHT,
}: SnippetInput): string {
  const src = escapeHtml(embedAddress(base, search));
  return (
    `<iframe src="${src}" title="${escapeHtml(title)}" data-kabul-atlas ` +
    `style="width: 100%; height: ${height}px; border: 0" loading="lazy"></iframe>\n` +
    `<script async src="${escapeHtml(`${base}${EMBED_SCRIPT}`)}"></script>`
  );
}

/** The same as a custom element, which embed.js turns into the sized iframe. */
export function elementSnippet({ base, search, title }: SnippetInput): string {
  const src = escapeHtml(embedAddress(base, search));
  return (
    `<${EMBED_ELEMENT} src="${src}" label="${escapeHtml(title)}"></${EMBED_ELEMENT}>\n` +
    `<script async src="${escapeHtml(`${base}${EMBED_SCRIPT}`)}"></script>`
  );
}

/** An oEmbed 1.0 answer of type `rich` (https://oembed.com/, section 2.3.4). */
export interface OEmbed {
  version: '1.0';
  type: 'rich';
  title: string;
  provider_name: string;
  provider_url: string;
  html: string;
  width: number;
  height: number;
  cache_age: number;
}

/** Why a link has no oEmbed answer: 404 for a link that is not the atlas's, 501 for XML. */
export interface OEmbedRefusal {
  status: 404 | 501;
  reason: string;
}

/** The widths an oEmbed answer may ask for, and the one it gets by default (an article column). */
const OEMBED_WIDTH = { default: 640, min: 280, max: 1200 } as const;

/**
 * The oEmbed answer for `url`, a link to the atlas (the app or its embed) under `base`: the
 * iframe and script for the same state, `maxwidth` and `maxheight` honoured.
 */
export function oembedFor(
  query: {
    url: string | null;
    maxwidth?: string | null;
    maxheight?: string | null;
    format?: string | null;
  },
  base: string,
  title: string,
): OEmbed | OEmbedRefusal {
  if (query.format && query.format !== 'json') {
    return { status: 501, reason: 'Only format=json is served.' };
  }
  let target: URL;
  try {
    target = new URL(query.url ?? '');
  } catch {
    return { status: 404, reason: 'url is not a link to this atlas.' };
  }
  const root = new URL(base);
  const path = target.pathname;
  const ours =
    target.origin === root.origin &&
    (path === root.pathname ||
      path === `${root.pathname}index.html` ||
      path === `${root.pathname}${EMBED_PAGE}`);
  if (!ours) return { status: 404, reason: 'url is not a link to this atlas.' };
  // A link to the app carries its state; a link to an embed its options too.
  const search = path.endsWith(EMBED_PAGE)
    ? target.search
    : formatEmbedSearch(parseEmbedSearch(target.search).atlasSearch, DEFAULT_EMBED_OPTIONS);
  const bound = (raw: string | null | undefined, fallback: number) => {
    const n = Number(raw);
    return raw && Number.isFinite(n) && n > 0 ? Math.floor(n) : fallback;
  };
  const width = Math.max(
    OEMBED_WIDTH.min,
    Math.min(OEMBED_WIDTH.max, bound(query.maxwidth, OEMBED_WIDTH.default), OEMBED_WIDTH.default),
  );
  const height = Math.min(bound(query.maxheight, EMBED_START_HEIGHT), EMBED_START_HEIGHT);
  return {
    version: '1.0',
    type: 'rich',
    title,
    provider_name: 'Kabul Engagement Atlas',
    provider_url: base,
    html: iframeSnippet({ base, search, title, height }),
    width,
    height,
    cache_age: 3600,
  };
}
