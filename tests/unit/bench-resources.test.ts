import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { resourceKind, sizeOf, totalsByKind, type Kind } from '../../bench/resources.ts';

const BASE = 'http://localhost:4173';

describe('resourceKind', () => {
  test.each<[string, Kind]>([
    ['/assets/index-U5yc55wU.js', 'app-js'],
    ['/assets/ExportDialog-U-TSBpuj.js', 'app-js'],
    ['/assets/maplibre-B2k4QVOw.js', 'maplibre'],
    ['/assets/maplibre-gl-csp-worker-pf4gVupo.js', 'maplibre'],
    ['/assets/deck-C7XwfXJM.js', 'deck'],
    ['/assets/maplibre-B2k4QVOw.css', 'css'],
    ['/geo/countries.json', 'geometry'],
    ['/data/events.json', 'data'],
    ['/bench-data.json', 'data'],
    ['/assets/noto-sans-latin-400-normal-BTkUljjl.woff2', 'fonts'],
    ['/', 'html'],
    ['/?w=1280&h=637', 'html'],
    ['/favicon.svg', 'other'],
  ])('%s is %s', (path, kind) => {
    expect(resourceKind(`${BASE}${path}`)).toBe(kind);
  });
});

describe('sizeOf', () => {
  const body = new TextEncoder().encode('{"a":1}'.repeat(500));

  test('gives the raw length', () => {
    expect(sizeOf(body).raw).toBe(3500);
  });

  test('gives the length gzipped at level 9', () => {
    expect(sizeOf(body).gzip).toBe(gzipSync(body, { level: 9 }).byteLength);
  });
});

describe('totalsByKind', () => {
  const shipped = [
    { url: `${BASE}/assets/index-a.js`, size: { raw: 100, gzip: 40 } },
    { url: `${BASE}/assets/chunk-b.js`, size: { raw: 50, gzip: 20 } },
    { url: `${BASE}/geo/countries.json`, size: { raw: 300, gzip: 100 } },
    { url: `${BASE}/assets/index-a.js`, size: { raw: 100, gzip: 40 } },
  ];

  test('adds up each kind, a repeated URL once', () => {
    expect(totalsByKind(shipped)['app-js']).toEqual({ raw: 150, gzip: 60 });
  });

  test('has every kind, at 0 where nothing was shipped', () => {
    expect(totalsByKind(shipped).fonts).toEqual({ raw: 0, gzip: 0 });
  });
});
