import type { HtmlTagDescriptor, ResolvedConfig } from 'vite';
import { describe, expect, test } from 'vitest';
import { datasetPlugin } from '../../scripts/vite-dataset-plugin.ts';
import { DATASET_FILES } from '../../src/lib/schema.ts';

/** The tags the plugin adds to index.html, under a given base. */
function preloads(base: string): HtmlTagDescriptor[] {
  const plugin = datasetPlugin({
    folder: 'data',
    urlPath: '/data/',
    geometry: { url: 'geo/countries.json', path: 'public/geo/countries.json' },
  });
  (plugin.configResolved as (config: ResolvedConfig) => void)({ base } as ResolvedConfig);
  return (plugin.transformIndexHtml as () => HtmlTagDescriptor[])();
}
const hrefs = (base: string) => preloads(base).map((tag) => tag.attrs?.['href']);

describe('datasetPlugin preloads', () => {
  test('every file the app loads: the geometry and each dataset file', () => {
    expect(new Set(hrefs('/'))).toEqual(
      new Set([
        '/geo/countries.json',
        ...Object.keys(DATASET_FILES).map((file) => `/data/${file}`),
      ]),
    );
  });

  test('under the app’s base', () => {
    expect(hrefs('/atlas/')).toContain('/atlas/data/events.json');
  });

  test('as fetches in CORS mode, as fetch() asks, so the browser uses them', () => {
    for (const tag of preloads('/')) {
      expect(tag.attrs).toMatchObject({ rel: 'preload', as: 'fetch', crossorigin: 'anonymous' });
    }
  });
});
