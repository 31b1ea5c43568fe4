import { describe, expect, test } from 'vitest';
import {
  DEFAULT_EMBED_OPTIONS,
  elementSnippet,
  escapeHtml,
  formatEmbedSearch,
  iframeSnippet,
  isHeightMessage,
  oembedFor,
  parseEmbedSearch,
  type EmbedControl,
  type EmbedOptions,
} from '../../src/lib/embed.ts';

const options = (controls: EmbedControl[], theme: 'light' | 'dark' = 'light'): EmbedOptions => ({
  controls: new Set(controls),
  theme,
});

describe('parseEmbedSearch', () => {
  test.each([
    ['', ['key', 'timeline', 'panel'], 'light', ''],
    ['?controls=key', ['key'], 'light', ''],
    ['?controls=none', [], 'light', ''],
    ['?controls=', [], 'light', ''],
    ['?controls=panel,key', ['panel', 'key'], 'light', ''],
    ['?theme=dark', ['key', 'timeline', 'panel'], 'dark', ''],
    [
      '?date=2025-07-10&controls=timeline&country=CHN',
      ['timeline'],
      'light',
      '?date=2025-07-10&country=CHN',
    ],
  ])('%s → controls %j, theme %s, state %s', (search, controls, theme, atlasSearch) => {
    const parsed = parseEmbedSearch(search);
    expect([...parsed.options.controls].sort()).toEqual([...controls].sort());
    expect(parsed.options.theme).toBe(theme);
    expect(parsed.atlasSearch).toBe(atlasSearch);
    expect(parsed.notices).toEqual([]);
  });

  test.each([
    ['?controls=key,search', 'Unknown controls'],
    ['?theme=sepia', 'Unknown theme'],
  ])('%s gives a notice saying %s', (search, words) => {
    expect(parseEmbedSearch(search).notices.join(' ')).toContain(words);
  });

  test('a notice never repeats the unknown value, which an attacker could write', () => {
    const notice = parseEmbedSearch('?controls=<img src=x onerror=alert(1)>').notices.join(' ');
    expect(notice).not.toContain('<img');
  });
});

describe('formatEmbedSearch', () => {
  test.each([
    ['', DEFAULT_EMBED_OPTIONS, ''],
    ['?date=2025-07-10', options(['key']), '?date=2025-07-10&controls=key'],
    ['', options([]), '?controls=none'],
    ['?country=CHN', options(['panel', 'key', 'timeline'], 'dark'), '?country=CHN&theme=dark'],
    ['', options(['panel', 'key']), '?controls=key,panel'],
    ['?motives=economic,security', options(['key']), '?motives=economic,security&controls=key'],
  ])('%s with %o → %s', (search, opts, expected) => {
    expect(formatEmbedSearch(search, opts)).toBe(expected);
  });

  test.each([
    ['?date=2025-07-10', options(['timeline'], 'dark')],
    ['', options([])],
    ['?country=CHN&motives=economic', DEFAULT_EMBED_OPTIONS],
  ])('reads back what it writes: %s', (search, opts) => {
    const parsed = parseEmbedSearch(formatEmbedSearch(search, opts));
    expect(parsed.atlasSearch).toBe(search);
    expect([...parsed.options.controls].sort()).toEqual([...opts.controls].sort());
    expect(parsed.options.theme).toBe(opts.theme);
  });
});

describe('snippets', () => {
  const input = {
    base: 'https://atlas.example/',
    search: '?date=2025-07-10&country=CHN',
    title: 'Kabul Engagement Atlas',
  };

  test('the iframe points at the embed with the state, and the script at embed.js', () => {
    const html = iframeSnippet(input);
    expect(html).toContain(
      'src="https://atlas.example/embed.html?date=2025-07-10&amp;country=CHN"',
    );
    expect(html).toContain('<script async src="https://atlas.example/embed.js"></script>');
    expect(html).toContain('data-kabul-atlas');
  });

  test('the custom element carries the same address, its name as label', () => {
    const html = elementSnippet(input);
    expect(html).toMatch(
      /^<kabul-atlas src="https:\/\/atlas\.example\/embed\.html\?date=2025-07-10&amp;country=CHN" label="Kabul Engagement Atlas"><\/kabul-atlas>/,
    );
  });

  test('a title with markup stays text', () => {
    const html = iframeSnippet({ ...input, title: '"><script>alert(1)</script>' });
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
  });

  test.each([
    ['&', '&amp;'],
    ['"', '&quot;'],
    ["'", '&#39;'],
    ['<>', '&lt;&gt;'],
  ])('escapeHtml(%s) → %s', (raw, escaped) => {
    expect(escapeHtml(raw)).toBe(escaped);
  });
});

describe('isHeightMessage', () => {
  test.each([
    [{ type: 'kabul-atlas:height', height: 640 }, true],
    [{ type: 'kabul-atlas:height', height: 0 }, false],
    [{ type: 'kabul-atlas:height', height: 640.5 }, false],
    [{ type: 'kabul-atlas:height', height: 1e9 }, false],
    [{ type: 'kabul-atlas:height', height: '640' }, false],
    [{ type: 'other:height', height: 640 }, false],
    ['kabul-atlas:height', false],
    [null, false],
  ])('%j → %s', (data, expected) => {
    expect(isHeightMessage(data)).toBe(expected);
  });
});

describe('oembedFor', () => {
  const base = 'http://localhost:4173/';
  const title = 'Kabul Engagement Atlas';

  test('a link to the app gives the embed of the same state', () => {
    const answer = oembedFor({ url: `${base}?date=2025-07-10&country=CHN` }, base, title);
    expect(answer).toMatchObject({ version: '1.0', type: 'rich', title, provider_url: base });
    expect('html' in answer && answer.html).toContain(
      `src="${base}embed.html?date=2025-07-10&amp;country=CHN"`,
    );
  });

  test('a link to an embed keeps its options', () => {
    const answer = oembedFor({ url: `${base}embed.html?controls=key&theme=dark` }, base, title);
    expect('html' in answer && answer.html).toContain('embed.html?controls=key&amp;theme=dark"');
  });

  test.each([
    [{ url: 'https://elsewhere.example/?date=2025-07-10' }, 404],
    [{ url: `${base}assets/index.js` }, 404],
    [{ url: 'not a url' }, 404],
    [{ url: null }, 404],
    [{ url: base, format: 'xml' }, 501],
  ])('%j is refused with %i', (query, status) => {
    expect(oembedFor(query, base, title)).toMatchObject({ status });
  });

  test.each([
    [{}, 640, 560],
    [{ maxwidth: '400', maxheight: '300' }, 400, 300],
    [{ maxwidth: '100' }, 280, 560],
    [{ maxwidth: 'wide', maxheight: '-5' }, 640, 560],
  ])('size for %j is %i × %i', (limits, width, height) => {
    const answer = oembedFor({ url: base, ...limits }, base, title);
    expect(answer).toMatchObject({ width, height });
  });
});
