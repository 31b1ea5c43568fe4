/**
 * The embed's side of the sizing: says it is ready, and once the host page's embed.js answers
 * hello, tells it the height of `content`, to the host's origin only, and again each time it
 * changes. Nothing but the ready is sent to a page that has not asked, nor anything to an opaque
 * origin.
 */
import { HEIGHT, isHello, READY, type HeightMessage } from '../lib/embed.ts';

/**
 * Starts reporting; returns a function that stops. With `fixed`, the height asked for is a
 * function of the host's window instead (a story scrolls inside its frame).
 */
export function reportHeight(
  content: HTMLElement,
  fixed: ((hostViewport: number) => number) | null = null,
): () => void {
  let host: string | null = null;
  let hostViewport = 0;
  let sent = 0;
  const send = () => {
    if (host === null) return;
    const height = fixed ? fixed(hostViewport) : Math.ceil(content.getBoundingClientRect().height);
    if (height === sent || height <= 0) return;
    sent = height;
    const message: HeightMessage = { type: HEIGHT, height };
    parent.postMessage(message, host);
  };
  const onMessage = (event: MessageEvent) => {
    if (parent === window || event.source !== parent || !isHello(event.data)) return;
    if (event.origin === 'null') return;
    host = event.origin;
    hostViewport = Number(event.data.viewport) || 0;
    sent = 0;
    send();
  };
  addEventListener('message', onMessage);
  const observer = new ResizeObserver(send);
  observer.observe(content);
  // The embed's page is ready long after its load event, when the host may have said hello.
  if (parent !== window) parent.postMessage({ type: READY }, '*');
  return () => {
    removeEventListener('message', onMessage);
    observer.disconnect();
  };
}
