/**
 * The Arabic, Dari and Pashto editions (src/i18n): chosen by ?lang= and the language menu, kept in
 * the URL, right to left, in their own words and digits, and loaded only when asked for.
 */
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../scripts/dataset-files.ts';
import type { TranslationFile } from '../../src/lib/translation.ts';
import { localDigits } from '../../src/i18n/locales.ts';
import { PNG } from 'pngjs';
import { expectNoSeriousAxeViolations } from './axe.ts';
import { expect, test, waitForMapReady } from './fixtures.ts';
import { mapPointOf } from './map-helpers.ts';

/** The masthead's buttons in each edition (src/i18n/messages/shell/<locale>.json). */
const MASTHEAD = [
  { lang: 'ar', share: 'مشاركة', exportLabel: 'تصدير', story: 'القصة' },
  { lang: 'fa-AF', share: 'اشتراک', exportLabel: 'خروجی', story: 'روایت' },
  { lang: 'ps', share: 'شریکول', exportLabel: 'صادرول', story: 'کیسه' },
] as const;

for (const { lang, share, exportLabel, story } of MASTHEAD) {
  test(`?lang=${lang}: right to left, the interface in its words, axe clean`, async ({ page }) => {
    await page.goto(`/?lang=${lang}`);
    await waitForMapReady(page);
    const html = page.locator('html');
    await expect(html).toHaveAttribute('lang', lang);
    await expect(html).toHaveAttribute('dir', 'rtl');
    for (const name of [share, exportLabel, story]) {
      await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
    }
    // None of the English interface words of the same controls is left.
    // MapLibre's own controls too (their `locale`, src/map/MapView.svelte).
    for (const name of ['Share', 'Export', 'Story', 'Present', 'Map', 'Table', 'Zoom in']) {
      await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
    }
    await expect(page.getByRole('slider', { name: 'Map date' })).toHaveCount(0);
    await expectNoSeriousAxeViolations(page);
  });
}

test('the language menu changes the edition and the URL keeps it', async ({ page }) => {
  await page.goto('/?country=CHN');
  await waitForMapReady(page);
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('fa-AF');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fa-AF');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page).toHaveURL(/[?&]lang=fa-AF/);
  await expect(page).toHaveURL(/[?&]country=CHN/);
  await expect(page.getByRole('button', { name: 'اشتراک', exact: true })).toBeVisible();
  // And back: the reader's own words again, with `lang` gone from the URL (the default).
  await page.getByRole('combobox', { name: 'زبان' }).selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.getByRole('button', { name: 'Share', exact: true })).toBeVisible();
  await expect(page).not.toHaveURL(/lang=/);
});

// 23 June 2026, the day the data are reviewed through: 2 Saratan 1405 (Nowruz 1405 fell on
// 21 March 2026; Hamal, Sawr and Jawza have 31 days), Chungash (چنګاښ) in Pashto; 8 Muharram 1448
// by Umm al-Qura (1 Muharram 1448 = 16 June 2026).
const DATES = [
  { query: '?lang=fa-AF&cal=persian', date: '۲ سرطان ۱۴۰۵' },
  { query: '?lang=ps&cal=persian', date: '۲ چنګاښ ۱۴۰۵' },
  { query: '?cal=persian', date: '2 Saratan 1405' },
  { query: '?lang=ar&cal=islamic', date: '٨ محرم ١٤٤٨ هـ (±١ يوم)' },
];
for (const { query, date } of DATES) {
  test(`${query} writes the map’s date as ${date}`, async ({ page }) => {
    await page.goto(`/${query}`);
    await waitForMapReady(page);
    await expect(page.locator('.timeline .current')).toHaveText(date);
  });
}

test('the English first load fetches no other edition’s messages', async ({ page }) => {
  const asked: string[] = [];
  page.on('request', (request) => asked.push(new URL(request.url()).pathname));
  await page.goto('/');
  await waitForMapReady(page);
  expect(asked.filter((path) => /\/assets\/(ar|fa-AF|ps)-[\w-]+\.js$/.test(path))).toEqual([]);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ps');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ps');
  // The Pashto of each area on screen (src/i18n/<area>.ts), and nothing else's.
  expect(asked.filter((path) => /\/assets\/ps-[\w-]+\.js$/.test(path)).length).toBeGreaterThan(0);
  expect(asked.filter((path) => /\/assets\/(ar|fa-AF)-[\w-]+\.js$/.test(path))).toEqual([]);
});

test('an unknown language falls back to English with a notice', async ({ page }) => {
  await page.goto('/?lang=fr');
  await waitForMapReady(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('status').filter({ hasText: 'Unknown language “fr”' })).toBeVisible();
});

/**
 * Finland in Pashto (فنلینډ, with ډ, which has no Unicode presentation form): the widths the
 * browser's own text gives it joined, and letter by letter (a zero-width non-joiner between
 * letters keeps each in its isolated form, as a canvas text without shaping would draw them).
 */
const FINLAND = { id: 'FIN', at: [27.38, 63.3] as [number, number], pashto: 'فنلینډ' };
const NORDIC = '?lang=ps&center=20,62&zoom=4';

async function widthsOf(page: Page, word: string, size: number) {
  return page.evaluate(
    async ([text, px]) => {
      await document.fonts.load(`400 ${px}px "Noto Sans Arabic"`, text);
      const g = document.createElement('canvas').getContext('2d')!;
      g.font = `400 ${px}px "Noto Sans Arabic"`;
      return {
        joined: g.measureText(text).width,
        apart: g.measureText([...text].join('\u200c')).width,
      };
    },
    [word, size] as const,
  );
}

/** How wide the dark strokes of a name are on the map, in a band around its point. */
async function inkWidth(page: Page, at: [number, number]): Promise<number> {
  const { x, y } = await mapPointOf(page, ...at);
  const png = PNG.sync.read(await page.getByTestId('map').screenshot());
  let [left, right] = [Infinity, -Infinity];
  for (let py = Math.round(y) - 10; py <= Math.round(y) + 10; py++) {
    for (let px = Math.round(x) - 60; px <= Math.round(x) + 60; px++) {
      const i = (png.width * py + px) * 4;
      const light = (png.data[i]! + png.data[i + 1]! + png.data[i + 2]!) / 3;
      // The quiet label colour (#6e6a64) against the no-data fill (#dfdbd4) and its halo.
      if (light < 150) [left, right] = [Math.min(left, px), Math.max(right, px)];
    }
  }
  return right - left + 1;
}

test('Pashto names are shaped by the browser: in the first picture and on the map, their letters join', async ({
  page,
}) => {
  // The picture engine's first picture: the name as text, which the browser sets.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/maplibre-[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`/${NORDIC}`, { waitUntil: 'commit' });
  const name = page.getByTestId('static-map').locator(`text[data-id="${FINLAND.id}"]`);
  await expect(name).toHaveText(FINLAND.pashto);
  // 13 px: the label size at zoom 4 (style.ts LABEL_SIZE).
  const widths = await widthsOf(page, FINLAND.pashto, 13);
  expect(widths.apart - widths.joined).toBeGreaterThan(15);
  const set = await name.evaluate((text) => (text as SVGTextElement).getComputedTextLength());
  expect(Math.abs(set - widths.joined)).toBeLessThan(1);

  // MapLibre's map: the name is an image the browser's text drew, as wide as the joined word.
  release();
  await waitForMapReady(page);
  const ink = await inkWidth(page, FINLAND.at);
  expect(Math.abs(ink - widths.joined)).toBeLessThan(4);
});

/** Each edition's words the walk-through below looks for (src/i18n/messages, data/translations). */
const WALK = [
  { lang: 'ar', exportLabel: 'تصدير', exportTitle: 'تصدير', download: 'تنزيل', table: 'الجدول' },
  {
    lang: 'fa-AF',
    exportLabel: 'خروجی',
    exportTitle: 'صادر کردن',
    download: 'دانلود',
    table: 'جدول',
  },
  { lang: 'ps', exportLabel: 'صادرول', exportTitle: 'صادرول', download: 'ښکته کول', table: 'جدول' },
] as const;

for (const { lang, exportLabel, exportTitle, download, table } of WALK) {
  test(`?lang=${lang}: the panel, the table, a scene (axe clean) and an SVG export in the edition`, async ({
    page,
  }) => {
    const words = JSON.parse(
      readFileSync(join(REPO_ROOT, 'data/translations', `${lang}.json`), 'utf8'),
    ) as TranslationFile;
    const russia = words.countries!['RUS']!;
    const recognition = words.levels!['recognition']!.label!;

    // The panel: the country's name and level in the edition, marked as such; the sources' own
    // English (an event's summary) marked English.
    await page.goto(`/?lang=${lang}&country=RUS&date=2025-07-10`);
    await waitForMapReady(page);
    const heading = page.getByRole('heading', { level: 2, name: russia });
    await expect(heading).toHaveAttribute('lang', lang);
    const panel = page.locator('.panel, [role="dialog"]').filter({ has: heading }).first();
    await expect(panel.locator('.status strong').first()).toHaveText(recognition);
    await expect(panel.locator('.status strong').first()).toHaveAttribute('lang', lang);
    await expect(panel.locator('p.summary[lang="en"]').first()).toBeVisible();
    await expectNoSeriousAxeViolations(page);

    // The table: the same level, in the same words.
    await page.getByRole('button', { name: table, exact: true }).click();
    const row = page.getByRole('row').filter({ hasText: russia });
    await expect(row.getByText(recognition, { exact: true })).toHaveAttribute('lang', lang);
    await expectNoSeriousAxeViolations(page);

    // A scene of the presentation: its title translated.
    // The page writes the translation's digits in the edition's.
    const scene = localDigits(Object.values(words.scenes!)[0]!.title!, lang);
    await page.goto(`/?lang=${lang}&mode=present&scene=1`);
    await expect(page.getByRole('heading', { level: 1, name: scene })).toHaveAttribute(
      'lang',
      lang,
    );
    await expectNoSeriousAxeViolations(page);

    // An SVG export: the map's names, the legend and the date line in the edition, with the
    // Arabic script's font inside the file.
    await page.goto(`/?lang=${lang}&date=2025-07-10`);
    await waitForMapReady(page);
    await page.getByRole('button', { name: exportLabel, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: exportTitle });
    await dialog.getByRole('radio', { name: 'SVG' }).check();
    const [file] = await Promise.all([
      page.waitForEvent('download', { timeout: 150_000 }),
      dialog.getByRole('button', { name: download, exact: true }).click(),
    ]);
    const text = readFileSync((await file.path())!, 'utf8');
    expect(text).toContain(`>${words.countries!['AFG']!}<`);
    expect(text).toContain(recognition);
    expect(text).toMatch(/@font-face\{font-family:'Noto Sans Arabic'/);
  });
}

test('a bad value in the URL is told in the edition’s words', async ({ page }) => {
  await page.goto('/?lang=ps&date=soon');
  await waitForMapReady(page);
  await expect(
    page.getByRole('status').filter({ hasText: 'نېټه “soon” د کلیز نېټه نه ده' }),
  ).toBeVisible();
});
