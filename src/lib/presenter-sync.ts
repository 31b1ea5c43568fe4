/**
 * The messages between the presentation window and a speaker window, over a BroadcastChannel, so
 * the speaker's notes, titles and timer follow the room's screen and the speaker can move it.
 *
 * The protocol, both sides:
 * - a speaker window opens and sends `{ type: 'hello' }`;
 * - the presentation window answers with `{ type: 'scene', index, total, startedAt }`, and sends
 *   the same whenever its scene changes;
 * - the speaker's Previous and Next send `{ type: 'go', index }`; the presentation moves (clamping
 *   to its deck, as it does for any request) and its `scene` message confirms where it went.
 *
 * The speaker never assumes a move happened: it shows what the presentation last said, so two
 * windows can never disagree for long. Indexes are 0-based here; the URL's `scene=N` is 1-based.
 *
 * A BroadcastChannel only reaches windows of the same origin in the same browser profile.
 */

/** The channel both windows open. */
export const PRESENTER_CHANNEL = 'kabul-atlas-presenter';

/** What one window tells the other. */
export type PresenterMessage =
  | {
      /** The presentation window's current scene: sent when it changes and in reply to `hello`. */
      type: 'scene';
      /** The scene shown, 0-based, less than `total`. */
      index: number;
      /** How many scenes the deck has. */
      total: number;
      /** When the talk started, in epoch milliseconds (`Date.now()`), for the speaker's timer. */
      startedAt: number;
    }
  | {
      /** The speaker window asks the presentation to show a scene. */
      type: 'go';
      /** The scene asked for, 0-based. */
      index: number;
    }
  | {
      /** A speaker window just opened and asks for the current scene. */
      type: 'hello';
    };

function isIndex(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * What arrived on the channel, checked: a well-formed `PresenterMessage` (a fresh object with only
 * the known fields), or `null` for anything else. Any page of the same origin can post on the
 * channel, so nothing is trusted: indexes are whole and not negative, a scene lies inside its deck,
 * and the start time is a finite, non-negative epoch time.
 * @example parsePresenterMessage({ type: 'go', index: 2 }) // { type: 'go', index: 2 }
 * @example parsePresenterMessage({ type: 'scene', index: 5, total: 5, startedAt: 0 }) // null
 * @example parsePresenterMessage('next') // null
 */
export function parsePresenterMessage(data: unknown): PresenterMessage | null {
  if (!isRecord(data)) return null;
  switch (data.type) {
    case 'hello':
      return { type: 'hello' };
    case 'go':
      return isIndex(data.index) ? { type: 'go', index: data.index } : null;
    case 'scene': {
      const { index, total, startedAt } = data;
      if (!isIndex(index) || !isIndex(total) || index >= total) return null;
      if (typeof startedAt !== 'number' || !Number.isFinite(startedAt) || startedAt < 0) {
        return null;
      }
      return { type: 'scene', index, total, startedAt };
    }
    default:
      return null;
  }
}

/**
 * The part of a BroadcastChannel the link uses, so tests can pass an in-memory pair.
 * A real `BroadcastChannel` fits it.
 */
export interface PresenterChannel {
  postMessage(message: unknown): void;
  onmessage: ((event: MessageEvent) => void) | null;
  close(): void;
}

/** Opens a channel by name. */
export type PresenterChannelFactory = (name: string) => PresenterChannel;

/**
 * One window's end of the presenter channel: sends messages, hands checked ones to its handlers
 * (anything malformed is dropped), and closes.
 *
 * The default factory throws where `BroadcastChannel` does not exist (Safari before 15.4), so a page
 * that wants to degrade checks `typeof BroadcastChannel !== 'undefined'` first.
 * @example
 * const link = new PresenterLink();
 * const stop = link.onMessage((msg) => {
 *   if (msg.type === 'hello') link.send({ type: 'scene', index, total, startedAt });
 * });
 * link.send({ type: 'hello' });
 * // later: stop(); link.close();
 */
export class PresenterLink {
  readonly #channel: PresenterChannel;
  readonly #handlers = new Set<(message: PresenterMessage) => void>();
  #closed = false;

  constructor(factory: PresenterChannelFactory = (name) => new BroadcastChannel(name)) {
    this.#channel = factory(PRESENTER_CHANNEL);
    this.#channel.onmessage = (event) => {
      const message = parsePresenterMessage(event.data);
      if (message === null) return;
      // A copy, so a handler can unsubscribe (or subscribe another) while being called.
      for (const handler of [...this.#handlers]) handler(message);
    };
  }

  /** Sends a message to every other window on the channel (never to this one). No-op once closed. */
  send(message: PresenterMessage): void {
    // A closed BroadcastChannel throws on postMessage; a late send from a teardown is harmless.
    if (this.#closed) return;
    this.#channel.postMessage(message);
  }

  /**
   * Calls `handler` with each well-formed message from other windows.
   * @returns a function that stops calling it.
   */
  onMessage(handler: (message: PresenterMessage) => void): () => void {
    // Wrapped, so subscribing the same function twice gives two independent subscriptions.
    const subscription = (message: PresenterMessage) => handler(message);
    this.#handlers.add(subscription);
    return () => {
      this.#handlers.delete(subscription);
    };
  }

  /** Closes the channel: nothing more is sent or delivered. Safe to call twice. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#handlers.clear();
    this.#channel.onmessage = null;
    this.#channel.close();
  }
}

/**
 * Time elapsed as `mm:ss`, minutes running past 59 (a talk rarely lasts an hour, and `75:03` reads
 * at a glance); negative or non-finite times read as `00:00`.
 * @example formatElapsed(725_400) // '12:05'
 * @example formatElapsed(4_503_000) // '75:03'
 */
export function formatElapsed(ms: number): string {
  const seconds = Number.isFinite(ms) && ms > 0 ? Math.floor(ms / 1000) : 0;
  const mm = String(Math.floor(seconds / 60)).padStart(2, '0');
  const ss = String(seconds % 60).padStart(2, '0');
  return `${mm}:${ss}`;
}
