/**
 * The embed's side of the sizing: says it is ready, and once the host page's embed.js answers
 * hello, tells it the height of `content`, to the host's origin only, and again each time it
 * changes. Nothing but the ready is sent to a page that has not asked, nor anything to an opaque
 * origin.
 */
import { HEIGHT, isHello, READY, type HeightMessage } from '../lib/embed.ts';

/** Starts reporting; returns a function that stops. */
export function reportHeight(content: HTMLElement): () => void {
  let host: string | null = null;
  let sent = 0;
  const send = () => {
    if (host === null) return;
    const height = Math.ceil(content.getBoundingClientRect().height);
    if (height === sent || height <= 0) return;
    sent = height;
    const message: HeightMessage = { type: HEIGHT, height };
    parent.postMessage(message, host);
  };
  const onMessage = (event: MessageEvent) => {
    if (parent === window || event.source !== parent || !isHello(event.data)) return;
    if (event.origin === 'null') return;
    host = event.origin;
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
