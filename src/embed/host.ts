/**
 * embed.js: the script a host page loads beside its embeds. It sizes each atlas iframe to the
 * height its content asks for, and defines `<kabul-atlas src="…/embed.html?…">`, which becomes
 * such an iframe. Built on its own as a classic script (scripts/vite-embed-script-plugin.ts):
 * host pages load it with `<script async>`, so it has no imports at run time.
 *
 * Origins are checked on both sides: the host says hello to each iframe at the atlas's origin
 * only, and takes a height only from that origin and that iframe's own window, so several
 * embeds on one page each keep their own.
 */
import {
  EMBED_ELEMENT,
  EMBED_START_HEIGHT,
  HELLO,
  isHeightMessage,
  isReady,
  type HelloMessage,
} from '../lib/embed.ts';

/** Set on the host's window by the first copy of the script: a page may paste the snippet twice. */
const INSTALLED = Symbol.for('kabul-atlas.embed');

/** The iframes being sized, with the origin each one's messages must come from. */
const watched = new Map<HTMLIFrameElement, string>();

/** The atlas's origin for an iframe, or null for a src that is no web address. */
function originOf(iframe: HTMLIFrameElement): string | null {
  try {
    const url = new URL(iframe.src, location.href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

/** Says hello to an iframe, at the atlas's origin only. */
function hello(iframe: HTMLIFrameElement, origin: string) {
  const message: HelloMessage = { type: HELLO, viewport: window.innerHeight };
  iframe.contentWindow?.postMessage(message, origin);
}

/**
 * Starts sizing an iframe: says hello after each load, and now if it has loaded already (its
 * document is then another origin's, which the host cannot read; a frame still blank is the
 * host's own, and a message to it would be dropped with a warning).
 */
function watch(iframe: HTMLIFrameElement) {
  const origin = originOf(iframe);
  if (origin === null || watched.get(iframe) === origin) return;
  watched.set(iframe, origin);
  iframe.addEventListener('load', () => hello(iframe, origin));
  if (iframe.contentDocument === null) hello(iframe, origin);
}

/** The watched iframe a message came from, if it came from the atlas's origin. */
function senderOf(event: MessageEvent): HTMLIFrameElement | null {
  for (const [iframe, origin] of watched) {
    if (iframe.contentWindow === event.source && event.origin === origin) return iframe;
  }
  return null;
}

function onMessage(event: MessageEvent) {
  const iframe = senderOf(event);
  if (!iframe) return;
  if (isReady(event.data)) hello(iframe, event.origin);
  else if (isHeightMessage(event.data)) iframe.style.height = `${event.data.height}px`;
}

/** `<kabul-atlas src="…" label="…">`: an iframe of the embed (`label` its accessible name), sized to its content. */
class KabulAtlasElement extends HTMLElement {
  connectedCallback() {
    if (this.querySelector('iframe')) return;
    const iframe = document.createElement('iframe');
    iframe.src = this.getAttribute('src') ?? '';
    iframe.title = this.getAttribute('label') ?? 'Kabul Engagement Atlas';
    iframe.loading = 'lazy';
    iframe.style.cssText = `display: block; width: 100%; height: ${EMBED_START_HEIGHT}px; border: 0`;
    this.style.display = 'block';
    this.append(iframe);
    watch(iframe);
  }
}

function watchAll() {
  for (const iframe of document.querySelectorAll<HTMLIFrameElement>('iframe[data-kabul-atlas]'))
    watch(iframe);
}

const host = window as unknown as Record<symbol, boolean>;
if (!host[INSTALLED]) {
  host[INSTALLED] = true;
  addEventListener('message', onMessage);
  if (!customElements.get(EMBED_ELEMENT)) customElements.define(EMBED_ELEMENT, KabulAtlasElement);
  watchAll();
  // An async script may run before the rest of the page is parsed.
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', watchAll);
} else {
  watchAll();
}
