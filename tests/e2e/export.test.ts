/**
 * Export through the dialog, as a person does it, with the downloaded files checked: PNG size and
 * pixels, SVG structure and text, file names from the state, limits; and the data behind the map.
 */
import { DOMParser } from '@xmldom/xmldom';
import { csvParseRows } from 'd3-dsv';
import { VIEW_COLUMNS } from '../../src/lib/data-export.ts';
import { strFromU8, unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import type { Page } from '@playwright/test';
import { project } from '../../src/lib/viewport.ts';
import { dataset, levelColour } from './data.ts';
import { expect, test, waitForMapReady } from './fixtures.ts';
import { colourDistance, rgbOf, type Rgb } from './map-helpers.ts';

test.setTimeout(180_000);

async function openDialog(page: Page) {
  await page.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Chooses a custom size and a scale, as a person fills the dialog. */
async function customSize(
  dialog: ReturnType<Page['getByRole']>,
  width: number,
  height: number,
  scale: number,
) {
  await dialog.getByLabel('Size').selectOption({ label: 'Custom' });
  await dialog.getByLabel('Width').fill(String(width));
  await dialog.getByLabel('Height').fill(String(height));
  await dialog.getByLabel('Scale').selectOption({ label: `${scale}x` });
}

async function download(page: Page, dialog: ReturnType<Page['getByRole']>, path: string) {
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 150_000 }),
    dialog.getByRole('button', { name: 'Download', exact: true }).click(),
  ]);
  await file.saveAs(path);
  return file.suggestedFilename();
}

/** Where (lon, lat) lands in a picture framed like the export frames the current view. */
async function picturePoint(
  page: Page,
  size: { width: number; height: number },
  lon: number,
  lat: number,
) {
  const map = page.getByTestId('map');
  const [cLon, cLat] = (await map.getAttribute('data-center'))!.split(',').map(Number) as [
    number,
    number,
  ];
  const box = (await map.boundingBox())!;
  const zoom =
    Number(await map.getAttribute('data-zoom')) +
    Math.log2(Math.min(size.width / Math.round(box.width), size.height / Math.round(box.height)));
  const [cx, cy] = project([cLon, cLat], zoom);
  const [x, y] = project([lon, lat], zoom);
  return { x: x - cx + size.width / 2, y: y - cy + size.height / 2 };
}

function pixel(png: PNG, x: number, y: number): Rgb {
  const i = (png.width * Math.round(y) + Math.round(x)) * 4;
  return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
}

test('the dialog offers formats, sizes, scales, themes and what to burn in', async ({ page }) => {
  await page.goto('/');
  const dialog = await openDialog(page);
  await expect(dialog.getByRole('radio', { name: 'PNG' })).toBeChecked();
  await expect(dialog.getByRole('radio', { name: 'SVG' })).toBeVisible();
  const sizes = await dialog.getByLabel('Size').locator('option').allTextContents();
  expect(sizes).toEqual([
    'Current view',
    '1920 × 1080 (slides)',
    '1200 × 675 (social)',
    '1080 × 1080 (square)',
    '1200 × 628 (link preview)',
    'Custom',
  ]);
  expect(await dialog.getByLabel('Scale').locator('option').allTextContents()).toEqual([
    '1x',
    '2x',
    '3x',
    '4x',
  ]);
  for (const name of ['Title', 'Subtitle', 'Legend', 'Date', 'Source line', 'Credit']) {
    await expect(dialog.getByRole('checkbox', { name, exact: true })).toBeChecked();
  }
});

test('a PNG is size × scale pixels, named from the state, with the map’s colours and a title', async ({
  page,
}) => {
  await page.goto('/?date=2025-07-10&country=CHN');
  await waitForMapReady(page);
  const dialog = await openDialog(page);
  await customSize(dialog, 600, 400, 2);
  const name = await download(page, dialog, test.info().outputPath('map.png'));
  expect(name).toBe('kabul-atlas_CHN_2025-07-10_600x400@2x.png');
  const png = PNG.sync.read(readFileSync(test.info().outputPath('map.png')));
  expect([png.width, png.height]).toEqual([1200, 800]);
  // China, away from its label, in the colour of its level on the date.
  const at = await picturePoint(page, { width: 600, height: 400 }, 110, 28);
  expect(
    colourDistance(pixel(png, at.x * 2, at.y * 2), rgbOf(levelColour('ambassador'))),
  ).toBeLessThanOrEqual(6);
  // The title area holds dark text on its light panel.
  let dark = 0;
  for (let y = 20; y < 90; y++) for (let x = 20; x < 500; x++) if (pixel(png, x, y)[0] < 80) dark++;
  expect(dark).toBeGreaterThan(200);
});

test('a PNG asked for while the map gets ready for another size comes out at its own size', async ({
  page,
}) => {
  await page.goto('/?date=2025-07-10&country=CHN');
  await waitForMapReady(page);
  const dialog = await openDialog(page);
  // The off-screen map starts getting ready for the social size, then the choice changes.
  await dialog.getByLabel('Size').selectOption({ label: '1200 × 675 (social)' });
  await customSize(dialog, 600, 400, 1);
  await download(page, dialog, test.info().outputPath('changed.png'));
  const png = PNG.sync.read(readFileSync(test.info().outputPath('changed.png')));
  expect([png.width, png.height]).toEqual([600, 400]);
  const at = await picturePoint(page, { width: 600, height: 400 }, 110, 28);
  expect(
    colourDistance(pixel(png, at.x, at.y), rgbOf(levelColour('ambassador'))),
  ).toBeLessThanOrEqual(6);
});

test('the dark theme draws the dark map', async ({ page }) => {
  await page.goto('/?date=2025-07-10');
  await waitForMapReady(page);
  const dialog = await openDialog(page);
  await customSize(dialog, 500, 300, 1);
  await dialog.getByRole('radio', { name: 'Dark' }).check();
  await download(page, dialog, test.info().outputPath('dark.png'));
  const png = PNG.sync.read(readFileSync(test.info().outputPath('dark.png')));
  // The Arabian Sea, south of Pakistan: the dark theme's ocean.
  const at = await picturePoint(page, { width: 500, height: 300 }, 64, 18);
  expect(colourDistance(pixel(png, at.x, at.y), rgbOf('#0e1217'))).toBeLessThanOrEqual(6);
});

/** The SVG of 10 July 2025 at a preset size, downloaded from the dialog: its name and text. */
async function downloadSvg(page: Page, size: string) {
  await page.goto('/?date=2025-07-10');
  await waitForMapReady(page);
  const dialog = await openDialog(page);
  await dialog.getByRole('radio', { name: 'SVG' }).check();
  await dialog.getByLabel('Size').selectOption({ label: size });
  const path = test.info().outputPath('map.svg');
  const name = await download(page, dialog, path);
  return { name, text: readFileSync(path, 'utf8') };
}

test('an SVG is real vectors: a path per country and arc, the title and the source line as text', async ({
  page,
}) => {
  const { name, text } = await downloadSvg(page, '1200 × 675 (social)');
  expect(name).toBe('kabul-atlas_2025-07-10_1200x675@1x.svg');
  // xmldom throws on XML that is not well formed.
  const doc = new DOMParser({
    onError: (level, message) => {
      throw new Error(`${level}: ${message}`);
    },
  }).parseFromString(text, 'image/svg+xml');
  expect(doc.documentElement?.getAttribute('viewBox')).toBe('0 0 1200 675');
  expect(text).not.toContain('<image');
  expect(doc.documentElement?.getElementsByTagName('title')[0]?.textContent).toBe(
    'Kabul Engagement Atlas: engagement with the Taliban government in Kabul, 10 July 2025',
  );
  expect(text).toContain('Kabul Engagement Atlas');
  expect(text).toContain('Sources:');
  expect(text).toContain('id="country-CHN"');
  expect(text).toContain('id="country-RUS"');
  const arcs = dataset.motives.filter((m) => m.actor.length === 3).length;
  expect((text.match(/<path/g) ?? []).length).toBeGreaterThan(100 + arcs);
});

test('the words: defaults from the state, an edited headline in the preview and the file', async ({
  page,
}) => {
  await page.goto('/?country=CHN&date=2025-06-30');
  await waitForMapReady(page);
  const dialog = await openDialog(page);
  const headline = dialog.getByLabel('Headline', { exact: true });
  await expect(headline).toHaveValue(/^China: /);
  await expect(dialog.getByLabel('Sources', { exact: true })).toHaveValue(/^Sources: /);
  const preview = dialog.getByRole('img');
  await expect(preview).toHaveAttribute('src', /China%3A/);
  await headline.fill('Beijing goes first');
  await dialog.getByLabel('Note', { exact: true }).fill('Levels as the sources give them.');
  await expect(preview).toHaveAttribute('src', /Beijing%20goes%20first/);
  await dialog.getByRole('radio', { name: 'SVG' }).check();
  const path = test.info().outputPath('edited.svg');
  await download(page, dialog, path);
  const text = readFileSync(path, 'utf8');
  expect([
    text.includes('Beijing goes first'),
    text.includes('Note: Levels as the sources'),
  ]).toEqual([true, true]);
});

test('the dialog remembers the last size, scale and elements on the device', async ({ page }) => {
  await page.goto('/');
  await waitForMapReady(page);
  let dialog = await openDialog(page);
  await dialog.getByLabel('Size').selectOption({ label: '1080 × 1080 (square)' });
  await dialog.getByLabel('Scale').selectOption({ label: '3x' });
  await dialog.getByRole('checkbox', { name: 'Legend', exact: true }).uncheck();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.reload();
  await waitForMapReady(page);
  dialog = await openDialog(page);
  await expect(dialog.getByLabel('Size')).toHaveValue('square');
  await expect(dialog.getByLabel('Scale')).toHaveValue('3');
  await expect(dialog.getByRole('checkbox', { name: 'Legend', exact: true })).not.toBeChecked();
});

test('a 1080 px square reads in a feed: names ≥ 2.2% of its height, the title ≥ 4%, on opaque plates', async ({
  page,
}) => {
  const { text } = await downloadSvg(page, '1080 × 1080 (square)');
  const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
  const byId = (id: string) => doc.getElementById(id);
  const sizeOf = (el: { getAttribute(name: string): string | null }) =>
    Number(el.getAttribute('font-size'));
  const names = Array.from(byId('labels')?.getElementsByTagName('text') ?? []);
  expect(names.length).toBeGreaterThan(5);
  expect(Math.min(...names.map(sizeOf))).toBeGreaterThanOrEqual(0.022 * 1080);
  expect(sizeOf(byId('title')!)).toBeGreaterThanOrEqual(0.04 * 1080);
  // The panels behind the text: nothing of the map shows through them.
  const furniture = byId('furniture');
  const plates = Array.from(furniture?.getElementsByTagName('rect') ?? []).filter(
    (rect) => rect.parentNode === furniture,
  );
  expect(plates.length).toBeGreaterThan(0);
  expect(plates.map((p) => p.getAttribute('fill-opacity'))).toEqual(plates.map(() => null));
});

test('an SVG carries its fonts: the cuts its text needs, and its title set in them anywhere', async ({
  page,
}) => {
  const { text } = await downloadSvg(page, '1920 × 1080 (slides)');
  // English text: the latin cut, in each weight the picture sets (regular, semibold, bold), and
  // no script it does not use.
  const faces = [...text.matchAll(/@font-face\{[^}]*\}/g)].map((m) => m[0]);
  const weights = faces.map((f) => Number(/font-weight:(\d+)/.exec(f)![1])).sort();
  expect(new Set(weights).size).toBe(weights.length);
  expect(weights.length).toBeGreaterThanOrEqual(2);
  for (const face of faces) {
    expect(face).toContain("font-family:'Noto Sans'");
    expect(face).toMatch(/src:url\(data:font\/woff2;base64,[A-Za-z0-9+/=]+\) format\('woff2'\)/);
    expect(face).toContain('unicode-range:U+0000-00FF');
  }
  expect(text.length).toBeLessThan(600 * 1024);

  // Opened as an image, where no page font reaches it (this machine has no Noto Sans), the title
  // is set in the embedded face: it differs from the same file without its fonts.
  // A blank page: the app's policy allows no blob: images.
  await page.goto('about:blank');
  const titleBand = async (svg: string) => {
    await page.setContent('<canvas width="1920" height="160"></canvas>');
    return page.evaluate(async (source) => {
      const image = new Image();
      image.src = URL.createObjectURL(new Blob([source], { type: 'image/svg+xml' }));
      await image.decode();
      const g = document.querySelector('canvas')!.getContext('2d')!;
      g.drawImage(image, 0, 0);
      return Array.from(g.getImageData(0, 0, 1920, 160).data);
    }, svg);
  };
  const embedded = await titleBand(text);
  const bare = await titleBand(
    text.replace(/<defs><style>@font-face[\s\S]*?<\/style><\/defs>/, ''),
  );
  let differing = 0;
  for (let i = 0; i < embedded.length; i += 4) {
    if (Math.abs(embedded[i]! - bare[i]!) > 40) differing += 1;
  }
  expect(differing).toBeGreaterThan(500);
});

test('text as outlines: an SVG that needs no font, drawn as the SVG with its fonts is', async ({
  page,
}) => {
  await page.goto('/?date=2025-07-10');
  await waitForMapReady(page);
  const dialog = await openDialog(page);
  await dialog.getByRole('radio', { name: 'SVG' }).check();
  await dialog.getByLabel('Size').selectOption({ label: '1920 × 1080 (slides)' });
  const withFontsPath = test.info().outputPath('fonts.svg');
  await download(page, dialog, withFontsPath);
  await dialog.getByRole('checkbox', { name: 'Text as outlines (no font needed)' }).check();
  const outlinedPath = test.info().outputPath('outlined.svg');
  await download(page, dialog, outlinedPath);
  const withFonts = readFileSync(withFontsPath, 'utf8');
  const outlined = readFileSync(outlinedPath, 'utf8');

  const doc = new DOMParser().parseFromString(outlined, 'image/svg+xml').documentElement!;
  expect(doc.getElementsByTagName('text').length).toBe(0);
  expect(outlined).not.toContain('@font-face');
  expect(doc.getElementsByTagName('title')[0]?.textContent).toMatch(/^Kabul Engagement Atlas/);
  expect(doc.getElementsByTagName('desc')[0]?.textContent).toContain('Formal recognition: Russia');
  expect(outlined.length).toBeLessThan(600 * 1024);

  // Both drawn as images on a blank page: the glyphs' shapes are the embedded font's, so only
  // their edges differ (a path's antialiasing against text's).
  await page.goto('about:blank');
  const same = await page.evaluate(
    async ([fonts, outlines]) => {
      const pixels = async (source: string) => {
        const image = new Image();
        image.src = URL.createObjectURL(new Blob([source], { type: 'image/svg+xml' }));
        await image.decode();
        const canvas = new OffscreenCanvas(1920, 1080);
        const g = canvas.getContext('2d')!;
        g.drawImage(image, 0, 0);
        return g.getImageData(0, 0, 1920, 1080).data;
      };
      const [a, b] = [await pixels(fonts), await pixels(outlines)];
      let count = 0;
      for (let i = 0; i < a.length; i += 4) {
        const d = Math.max(...[0, 1, 2].map((k) => Math.abs(a[i + k]! - b[i + k]!)));
        if (d <= 48) count += 1;
      }
      return count;
    },
    [withFonts, outlined] as const,
  );
  expect(same / (1920 * 1080)).toBeGreaterThanOrEqual(0.99);
});

test('a size past 8192 pixels a side is refused with the reason', async ({ page }) => {
  await page.goto('/');
  const dialog = await openDialog(page);
  await customSize(dialog, 5000, 1000, 2);
  await expect(dialog.getByRole('alert')).toContainText(/too large/i);
  await expect(dialog.getByRole('button', { name: 'Download', exact: true })).toBeDisabled();
});

test('in presentation mode the export is the scene, named for it', async ({ page }) => {
  const scene = dataset.scenes[2]!;
  await page.goto('/?mode=present&scene=3');
  await waitForMapReady(page);
  const dialog = await openDialog(page);
  await customSize(dialog, 480, 270, 1);
  const name = await download(page, dialog, test.info().outputPath('scene.png'));
  expect(name).toBe(`kabul-atlas_scene-03-${scene.id}_480x270@1x.png`);
});

test('in presentation mode the whole deck downloads as a zip of numbered PNGs', async ({
  page,
}) => {
  test.setTimeout(600_000);
  await page.goto('/?mode=present&scene=1');
  await waitForMapReady(page);
  const dialog = await openDialog(page);
  await customSize(dialog, 320, 200, 1);
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 550_000 }),
    dialog.getByRole('button', { name: 'Download all scenes' }).click(),
  ]);
  expect(file.suggestedFilename()).toBe('kabul-atlas_scenes_320x200@1x.zip');
  await file.saveAs(test.info().outputPath('scenes.zip'));
  const { unzipSync } = await import('fflate');
  const files = unzipSync(readFileSync(test.info().outputPath('scenes.zip')));
  const entries = Object.keys(files).sort();
  expect(entries).toEqual(
    dataset.scenes
      .map((s, i) => `kabul-atlas_scene-${String(i + 1).padStart(2, '0')}-${s.id}_320x200@1x.png`)
      .sort(),
  );
  // Each scene's PNG tells its own scene in its Description.
  const third = Buffer.from(files[entries[2]!]!);
  expect(third.includes(`scene 3: ${dataset.scenes[2]!.title}`)).toBe(true);
});

test('in presentation mode the whole deck downloads as a PDF, a page per scene', async ({
  page,
}) => {
  test.setTimeout(600_000);
  await page.goto('/?mode=present&scene=1');
  await waitForMapReady(page);
  const dialog = await openDialog(page);
  await customSize(dialog, 320, 200, 2);
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 550_000 }),
    dialog.getByRole('button', { name: 'Download scenes as PDF' }).click(),
  ]);
  expect(file.suggestedFilename()).toBe('kabul-atlas_scenes_320x200@2x.pdf');
  await file.saveAs(test.info().outputPath('scenes.pdf'));
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await getDocument({
    data: new Uint8Array(readFileSync(test.info().outputPath('scenes.pdf'))),
    isEvalSupported: false,
  }).promise;
  const last = (await pdf.getPage(pdf.numPages)).getViewport({ scale: 1 });
  expect({ pages: pdf.numPages, size: [last.width, last.height] }).toEqual({
    pages: dataset.scenes.length,
    size: [240, 150],
  });
});

test('Copy puts the PNG on the clipboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/?date=2025-07-10');
  await waitForMapReady(page);
  const dialog = await openDialog(page);
  await customSize(dialog, 400, 300, 2);
  await dialog.getByRole('button', { name: 'Copy', exact: true }).click();
  await expect(dialog.getByText('Copied to the clipboard')).toBeVisible({ timeout: 60_000 });
  const copied = await page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    const blob = await item!.getType('image/png');
    return [...new Uint8Array(await blob.arrayBuffer())];
  });
  const png = PNG.sync.read(Buffer.from(copied));
  expect([png.width, png.height]).toEqual([800, 600]);
});

test('the dialog gives the picture’s alt text to copy, and the PNG carries it as its Description', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/?date=2025-07-10&country=CHN');
  await waitForMapReady(page);
  const dialog = await openDialog(page);
  const alt = dialog.getByRole('textbox', { name: 'Alt text' });
  await expect(alt).toHaveValue(/^A world map of how states engage .* China is highlighted: /);
  const text = await alt.inputValue();
  await dialog.getByRole('button', { name: 'Copy alt text' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);

  await customSize(dialog, 320, 200, 1);
  await download(page, dialog, test.info().outputPath('alt.png'));
  const bytes = readFileSync(test.info().outputPath('alt.png'));
  // The iTXt chunk: keyword, five bytes of flags and empty tags, then the words in UTF-8.
  const at = bytes.indexOf('iTXtDescription');
  expect(at).toBeGreaterThan(0);
  const length = bytes.readUInt32BE(at - 4);
  const words = bytes.subarray(at + 4 + 'Description'.length + 5, at + 4 + length).toString('utf8');
  expect(words).toBe(`Kabul Engagement Atlas: China and Kabul, 10 July 2025. ${text}`);
  expect(PNG.sync.read(bytes).width).toBe(320);
});

test('a picture 8192 pixels wide is drawn at full size', async ({ page }) => {
  await page.goto('/?date=2025-07-10&country=CHN');
  await waitForMapReady(page);
  const dialog = await openDialog(page);
  await customSize(dialog, 4096, 1024, 2);
  await download(page, dialog, test.info().outputPath('wide.png'));
  const png = PNG.sync.read(readFileSync(test.info().outputPath('wide.png')));
  expect([png.width, png.height]).toEqual([8192, 2048]);
  // China, past MapLibre's default 4096-pixel canvas limit, in its level's colour.
  const at = await picturePoint(page, { width: 4096, height: 1024 }, 110, 28);
  expect(at.x * 2).toBeGreaterThan(4096);
  expect(
    colourDistance(pixel(png, at.x * 2, at.y * 2), rgbOf(levelColour('ambassador'))),
  ).toBeLessThanOrEqual(6);
});

test('the dialog downloads the view’s data as CSV and the whole dataset as a zip', async ({
  page,
}) => {
  await page.goto('/?date=2025-07-10');
  await waitForMapReady(page);
  const dialog = await openDialog(page);
  const data = dialog.getByRole('region', { name: 'The data' });
  await expect(data).toContainText('Every country’s level on 10 July 2025');

  const [csvFile] = await Promise.all([
    page.waitForEvent('download'),
    data.getByRole('button', { name: 'Download CSV of this view' }).click(),
  ]);
  expect(csvFile.suggestedFilename()).toBe('kabul-atlas_2025-07-10.csv');
  const csvPath = test.info().outputPath('view.csv');
  await csvFile.saveAs(csvPath);
  const [header, ...rows] = csvParseRows(readFileSync(csvPath, 'utf8').replace(/^\uFEFF/, ''));
  expect(header).toEqual([...VIEW_COLUMNS]);
  expect(rows.map((r) => r[2])).toEqual(dataset.countries.map((c) => c.id));
  expect(rows.find((r) => r[2] === 'RUS')?.[4]).toBe('recognition');
  await expect(dialog.getByRole('status')).toHaveText('Saved kabul-atlas_2025-07-10.csv');

  const [zipFile] = await Promise.all([
    page.waitForEvent('download'),
    data.getByRole('button', { name: 'Download all data (zip)' }).click(),
  ]);
  expect(zipFile.suggestedFilename()).toBe(`kabul-atlas-data_${dataset.meta.reviewedThrough}.zip`);
  const zipPath = test.info().outputPath('data.zip');
  await zipFile.saveAs(zipPath);
  const files = unzipSync(readFileSync(zipPath));
  const events = Object.entries(files).find(([name]) => name.endsWith('/events.csv'))![1];
  expect(csvParseRows(strFromU8(events)).length - 1).toBe(dataset.events.length);
  expect(Object.keys(files).map((n) => n.split('/').pop())).toEqual(
    expect.arrayContaining(['README.md', 'CITATION.cff', 'LICENSE.txt', 'sources.csv']),
  );
});
