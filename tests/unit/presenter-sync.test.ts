import { describe, expect, test } from 'vitest';
import {
  formatElapsed,
  parsePresenterMessage,
  PRESENTER_CHANNEL,
  PresenterLink,
  type PresenterChannel,
  type PresenterChannelFactory,
  type PresenterMessage,
} from '../../src/lib/presenter-sync.ts';

/**
 * An in-memory stand-in for BroadcastChannel, as browsers behave: a message reaches every other
 * open channel of the same name (never the sender), as a structured clone, in a later task.
 */
function channelHub() {
  const open = new Set<FakeChannel>();
  class FakeChannel implements PresenterChannel {
    onmessage: ((event: MessageEvent) => void) | null = null;
    constructor(readonly name: string) {
      open.add(this);
    }
    postMessage(message: unknown): void {
      if (!open.has(this)) throw new DOMException('channel is closed', 'InvalidStateError');
      const data = structuredClone(message);
      for (const other of open) {
        if (other === this || other.name !== this.name) continue;
        setTimeout(() => {
          if (open.has(other)) other.onmessage?.(new MessageEvent('message', { data }));
        }, 0);
      }
    }
    close(): void {
      open.delete(this);
    }
  }
  const factory: PresenterChannelFactory = (name) => new FakeChannel(name);
  return { factory, open };
}

/** Lets queued deliveries run. */
const delivered = () => new Promise((resolve) => setTimeout(resolve, 5));

/** Two windows' links on one hub, and what the second one received. */
function linkedPair() {
  const hub = channelHub();
  const presentation = new PresenterLink(hub.factory);
  const speaker = new PresenterLink(hub.factory);
  const received: PresenterMessage[] = [];
  speaker.onMessage((m) => received.push(m));
  return { hub, presentation, speaker, received };
}

describe('parsePresenterMessage', () => {
  test.each<[string, unknown, PresenterMessage]>([
    ['hello', { type: 'hello' }, { type: 'hello' }],
    ['go to the first scene', { type: 'go', index: 0 }, { type: 'go', index: 0 }],
    ['go to a later scene', { type: 'go', index: 14 }, { type: 'go', index: 14 }],
    [
      'a scene',
      { type: 'scene', index: 2, total: 15, startedAt: 1_760_000_000_000 },
      { type: 'scene', index: 2, total: 15, startedAt: 1_760_000_000_000 },
    ],
    [
      'the last scene of a deck',
      { type: 'scene', index: 14, total: 15, startedAt: 0 },
      { type: 'scene', index: 14, total: 15, startedAt: 0 },
    ],
    [
      'a fractional start time (performance.timeOrigin + now)',
      { type: 'scene', index: 0, total: 1, startedAt: 1_760_000_000_000.25 },
      { type: 'scene', index: 0, total: 1, startedAt: 1_760_000_000_000.25 },
    ],
  ])('accepts %s', (_, data, expected) => {
    expect(parsePresenterMessage(data)).toEqual(expected);
  });

  test.each<[string, unknown]>([
    ['undefined', undefined],
    ['null', null],
    ['a string', 'next'],
    ['a number', 3],
    ['an array', [{ type: 'hello' }]],
    ['an object without a type', { index: 1 }],
    ['an unknown type', { type: 'next' }],
    ['a type of the wrong case', { type: 'Hello' }],
    ['go without an index', { type: 'go' }],
    ['go to a negative index', { type: 'go', index: -1 }],
    ['go to a fractional index', { type: 'go', index: 1.5 }],
    ['go to an index given as text', { type: 'go', index: '2' }],
    ['go to NaN', { type: 'go', index: NaN }],
    ['go to Infinity', { type: 'go', index: Infinity }],
    ['go to an unsafe integer', { type: 'go', index: 2 ** 60 }],
    ['a scene without a total', { type: 'scene', index: 0, startedAt: 0 }],
    ['a scene without a start time', { type: 'scene', index: 0, total: 3 }],
    ['a scene past the end of its deck', { type: 'scene', index: 3, total: 3, startedAt: 0 }],
    ['a scene of an empty deck', { type: 'scene', index: 0, total: 0, startedAt: 0 }],
    ['a scene with a negative index', { type: 'scene', index: -1, total: 3, startedAt: 0 }],
    ['a scene with a fractional total', { type: 'scene', index: 0, total: 2.5, startedAt: 0 }],
    ['a scene with a negative start time', { type: 'scene', index: 0, total: 3, startedAt: -1 }],
    ['a scene with NaN as start time', { type: 'scene', index: 0, total: 3, startedAt: NaN }],
    ['a scene with start time as text', { type: 'scene', index: 0, total: 3, startedAt: '0' }],
  ])('rejects %s', (_, data) => {
    expect(parsePresenterMessage(data)).toBeNull();
  });

  test('keeps only the known fields', () => {
    expect(parsePresenterMessage({ type: 'go', index: 1, html: '<img src=x>' })).toEqual({
      type: 'go',
      index: 1,
    });
  });
});

describe('PresenterLink', () => {
  test(`opens the channel named ${PRESENTER_CHANNEL}`, () => {
    const names: string[] = [];
    const hub = channelHub();
    new PresenterLink((name) => {
      names.push(name);
      return hub.factory(name);
    });
    expect(names).toEqual(['kabul-atlas-presenter']);
  });

  test.each<PresenterMessage>([
    { type: 'hello' },
    { type: 'go', index: 4 },
    { type: 'scene', index: 4, total: 15, startedAt: 1_760_000_000_000 },
  ])('delivers $type to the other window as sent', async (message) => {
    const { presentation, received } = linkedPair();
    presentation.send(message);
    await delivered();
    expect(received).toEqual([message]);
  });

  test('carries a hello and its reply both ways', async () => {
    const hub = channelHub();
    const presentation = new PresenterLink(hub.factory);
    const speaker = new PresenterLink(hub.factory);
    const reply: PresenterMessage = { type: 'scene', index: 2, total: 5, startedAt: 1000 };
    presentation.onMessage((m) => {
      if (m.type === 'hello') presentation.send(reply);
    });
    const heard: PresenterMessage[] = [];
    speaker.onMessage((m) => heard.push(m));
    speaker.send({ type: 'hello' });
    await delivered();
    await delivered();
    expect(heard).toEqual([reply]);
  });

  test('does not deliver a message to the window that sent it', async () => {
    const { presentation } = linkedPair();
    const own: PresenterMessage[] = [];
    presentation.onMessage((m) => own.push(m));
    presentation.send({ type: 'go', index: 1 });
    await delivered();
    expect(own).toEqual([]);
  });

  test('ignores malformed data posted on the channel', async () => {
    const { hub, received } = linkedPair();
    const stranger = hub.factory(PRESENTER_CHANNEL);
    for (const data of ['next', { type: 'go', index: -1 }, { type: 'scene', index: 9, total: 3 }]) {
      stranger.postMessage(data);
    }
    stranger.postMessage({ type: 'go', index: 1 });
    await delivered();
    expect(received).toEqual([{ type: 'go', index: 1 }]);
  });

  test('calls every handler', async () => {
    const { presentation, speaker } = linkedPair();
    let calls = 0;
    speaker.onMessage(() => calls++);
    speaker.onMessage(() => calls++);
    presentation.send({ type: 'hello' });
    await delivered();
    expect(calls).toBe(2);
  });

  test('stops calling a handler once unsubscribed', async () => {
    const { presentation, speaker } = linkedPair();
    const heard: PresenterMessage[] = [];
    const stop = speaker.onMessage((m) => heard.push(m));
    presentation.send({ type: 'go', index: 1 });
    await delivered();
    stop();
    presentation.send({ type: 'go', index: 2 });
    await delivered();
    expect(heard).toEqual([{ type: 'go', index: 1 }]);
  });

  test('delivers nothing to a closed link', async () => {
    const { presentation, speaker, received } = linkedPair();
    speaker.close();
    presentation.send({ type: 'hello' });
    await delivered();
    expect(received).toEqual([]);
  });

  test('drops a message still in flight when the receiver closes', async () => {
    const { presentation, speaker, received } = linkedPair();
    presentation.send({ type: 'hello' });
    speaker.close();
    await delivered();
    expect(received).toEqual([]);
  });

  test('sends nothing once closed', async () => {
    const { presentation, received } = linkedPair();
    presentation.close();
    presentation.send({ type: 'hello' });
    await delivered();
    expect(received).toEqual([]);
  });

  test('does not throw on a send after close (a late send from a teardown)', () => {
    const { presentation } = linkedPair();
    presentation.close();
    expect(() => presentation.send({ type: 'hello' })).not.toThrow();
  });

  test('closes its channel, once, even when closed twice', () => {
    const hub = channelHub();
    const link = new PresenterLink(hub.factory);
    link.close();
    link.close();
    expect(hub.open.size).toBe(0);
  });
});

describe('formatElapsed', () => {
  test.each([
    [0, '00:00'],
    [999, '00:00'],
    [1_000, '00:01'],
    [59_999, '00:59'],
    [60_000, '01:00'],
    [725_400, '12:05'],
    [3_599_000, '59:59'],
    [4_503_000, '75:03'],
    [-5_000, '00:00'],
    [NaN, '00:00'],
    [Infinity, '00:00'],
  ])('%d ms reads %s', (ms, expected) => {
    expect(formatElapsed(ms)).toBe(expected);
  });
});
