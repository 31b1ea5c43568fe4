/**
 * The off-screen renderer's frame discipline: draw calls held back while the hidden map settles,
 * and a settle that repaints until a repaint takes a single frame. The map stand-in below fires
 * MapLibre's `render` and `idle` events as a real map does after `triggerRepaint`.
 */
import { describe, expect, test } from 'vitest';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { settle } from '../../src/export/render-map.ts';
import { gateDraws } from '../../src/map/gate-draws.ts';

const DRAW_CALLS = [
  'drawArrays',
  'drawElements',
  'drawArraysInstanced',
  'drawElementsInstanced',
  'drawRangeElements',
] as const;

/** A context whose calls record their arguments and return a token. */
function recordingContext() {
  const calls: [string, unknown[]][] = [];
  const gl: Record<string, (...args: unknown[]) => unknown> = {};
  for (const name of [...DRAW_CALLS, 'clear', 'bufferData', 'useProgram']) {
    gl[name] = (...args: unknown[]) => {
      calls.push([name, args]);
      return `${name} done`;
    };
  }
  return { gl, calls };
}

describe('gateDraws', () => {
  test.each(DRAW_CALLS)('%s does nothing while the gate is shut', (name) => {
    const { gl, calls } = recordingContext();
    gateDraws(gl, { open: false });
    gl[name]!(4, 6, 5123, 0);
    expect(calls).toEqual([]);
  });

  test.each(DRAW_CALLS)(
    '%s reaches the context with its arguments while the gate is open',
    (name) => {
      const { gl, calls } = recordingContext();
      gateDraws(gl, { open: true });
      expect([gl[name]!(4, 6, 5123, 0), calls]).toEqual([
        `${name} done`,
        [[name, [4, 6, 5123, 0]]],
      ]);
    },
  );

  test('the gate is read at each call, not when the calls are wrapped', () => {
    const { gl, calls } = recordingContext();
    const gate = { open: false };
    gateDraws(gl, gate);
    gl.drawElements!(1);
    gate.open = true;
    gl.drawElements!(2);
    gate.open = false;
    gl.drawElements!(3);
    expect(calls).toEqual([['drawElements', [2]]]);
  });

  test.each(['clear', 'bufferData', 'useProgram'])('%s goes through with the gate shut', (name) => {
    const { gl, calls } = recordingContext();
    gateDraws(gl, { open: false });
    gl[name]!(1);
    expect(calls).toEqual([[name, [1]]]);
  });

  test('released, the context has its own draw calls back', () => {
    const { gl } = recordingContext();
    const own = { ...gl };
    gateDraws(gl, { open: false })();
    expect(DRAW_CALLS.map((name) => gl[name] === own[name])).toEqual(DRAW_CALLS.map(() => true));
  });

  test('released, a context whose draw calls come from its prototype keeps no copies', () => {
    class Context {
      drawArrays() {
        return 'drawn';
      }
    }
    const gl = new Context();
    gateDraws(gl, { open: false })();
    expect([Object.keys(gl), gl.drawArrays()]).toEqual([[], 'drawn']);
  });

  test('a draw call the context lacks (WebGL 1) is not made up', () => {
    const gl: Record<string, unknown> = { drawArrays: () => 'drawn' };
    gateDraws(gl, { open: true });
    expect(Object.keys(gl)).toEqual(['drawArrays']);
  });
});

/**
 * A map that, for the n-th repaint, draws `framesPerRepaint[n]` frames (the last number repeats)
 * and then fires `idle`, on later tasks as MapLibre does.
 */
function repaintingMap(framesPerRepaint: number[]) {
  const listeners = new Map<string, Set<() => void>>();
  const fire = (type: string) => [...(listeners.get(type) ?? [])].forEach((f) => f());
  let repaints = 0;
  const map = {
    on(type: string, f: () => void) {
      if (!listeners.has(type)) listeners.set(type, new Set());
      listeners.get(type)!.add(f);
      return map;
    },
    off(type: string, f: () => void) {
      listeners.get(type)?.delete(f);
      return map;
    },
    triggerRepaint() {
      const frames = framesPerRepaint[Math.min(repaints, framesPerRepaint.length - 1)]!;
      repaints++;
      setTimeout(() => {
        for (let i = 0; i < frames; i++) fire('render');
        fire('idle');
      });
    },
  };
  return { map: map as unknown as MapLibreMap, repaints: () => repaints };
}

describe('settle', () => {
  test.each([
    { framesPerRepaint: [1], repaints: 1 },
    { framesPerRepaint: [4, 1], repaints: 2 },
    { framesPerRepaint: [12, 2, 2, 1], repaints: 4 },
  ])('repaints until a repaint is one frame: $framesPerRepaint', async (c) => {
    const { map, repaints } = repaintingMap(c.framesPerRepaint);
    await settle(map);
    expect(repaints()).toBe(c.repaints);
  });

  test('gives up on a map that never settles after ten repaints', async () => {
    const { map, repaints } = repaintingMap([2]);
    await settle(map);
    expect(repaints()).toBe(10);
  });

  test('an aborted settle returns without waiting for the map', async () => {
    const { map, repaints } = repaintingMap([2]);
    const abort = new AbortController();
    const settled = settle(map, abort.signal);
    abort.abort();
    await settled;
    expect(repaints()).toBe(1);
  });
});
