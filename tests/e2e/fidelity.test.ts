/**
 * The picture engine's picture against MapLibre's (issue 18, item 3): for one state, the map on
 * screen (MapLibre's canvas alone, every element over it hidden) and the Export dialog's SVG of
 * the current view with nothing burnt in (the engine's, from the same state at the same camera
 * and size), rasterised by the same browser, compared pixel by pixel in CIEDE2000. Text is left
 * out: the pixels where the SVG's text changes the picture, widened by a few pixels, since
 * MapLibre sets its glyphs from distance fields and the SVG from the font.
 */
import { differenceCiede2000 } from 'culori';
import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import type { Page } from '@playwright/test';
import { expect, test, waitForMapReady } from './fixtures.ts';

test.setTimeout(180_000);

/** CIEDE2000 below this reads as the same colour to a reader (issue 18). */
const SAME_COLOUR = 5;
/** The share of the pixels outside text that must be the same colour in both pictures. */
const SAME_SHARE = 0.95;
/** How far around the SVG's text the comparison stays away, in pixels. */
const TEXT_MARGIN = 3;

const deltaE = differenceCiede2000();

interface Picture {
  png: PNG;
  width: number;
  height: number;
}

/** The SVG drawn by the page's browser at its own size, as PNG pixels. */
async function rasterise(page: Page, svg: string, width: number, height: number): Promise<PNG> {
  const dataUrl = await page.evaluate(
    async ({ base64, width, height }) => {
      const image = new Image();
      image.src = `data:image/svg+xml;base64,${base64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      canvas.getContext('2d')!.drawImage(image, 0, 0, width, height);
      return canvas.toDataURL('image/png');
    },
    { base64: Buffer.from(svg).toString('base64'), width, height },
  );
  return PNG.sync.read(Buffer.from(dataUrl.split(',')[1]!, 'base64'));
}

/** What MapLibre shows: the map's canvas, with every element drawn over it hidden. */
async function mapOnScreen(page: Page): Promise<PNG> {
  // Through the CSSOM: the app's Content-Security-Policy refuses a <style> of the test's own.
  await page.evaluate(() => {
    for (const element of document.querySelectorAll<HTMLElement>('body *')) {
      const canvas = element.classList.contains('maplibregl-canvas');
      element.style.setProperty('visibility', canvas ? 'visible' : 'hidden', 'important');
    }
  });
  const shot = await page
    .locator('canvas.maplibregl-canvas')
    .screenshot({ animations: 'disabled' });
  return PNG.sync.read(shot);
}

/** The engine's picture of the state on screen: the current view's SVG, with nothing burnt in. */
async function engineSvg(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('radio', { name: 'SVG' }).check();
  await dialog.getByLabel('Size').selectOption({ label: 'Current view' });
  for (const name of ['Title', 'Subtitle', 'Legend', 'Date', 'Source line', 'Credit']) {
    await dialog.getByRole('checkbox', { name, exact: true }).uncheck();
  }
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 150_000 }),
    dialog.getByRole('button', { name: 'Download', exact: true }).click(),
  ]);
  const path = test.info().outputPath('engine.svg');
  await file.saveAs(path);
  await dialog.getByRole('button', { name: 'Close' }).click();
  return readFileSync(path, 'utf8');
}

/** Both pictures of the page's state, the same size. */
async function bothPictures(page: Page) {
  const svg = await engineSvg(page);
  const map = await mapOnScreen(page);
  const { width, height } = map;
  const engine: Picture = { png: await rasterise(page, svg, width, height), width, height };
  const bare = await rasterise(page, svg.replace(/<text[\s\S]*?<\/text>/g, ''), width, height);
  return { map, engine, bare, svg };
}

const hexAt = (png: PNG, i: number) =>
  `#${[0, 1, 2].map((c) => png.data[i * 4 + c]!.toString(16).padStart(2, '0')).join('')}`;

/** Where the SVG's text is, widened by `TEXT_MARGIN`: true for a pixel left out. */
function textMask({ png, width, height }: Picture, bare: PNG): Uint8Array {
  const text = new Uint8Array(width * height);
  for (let i = 0; i < width * height; i++) {
    let d = 0;
    for (let c = 0; c < 3; c++) d += Math.abs(png.data[i * 4 + c]! - bare.data[i * 4 + c]!);
    if (d > 6) text[i] = 1;
  }
  const mask = new Uint8Array(width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      if (!text[y * width + x]) continue;
      for (let dy = -TEXT_MARGIN; dy <= TEXT_MARGIN; dy++)
        for (let dx = -TEXT_MARGIN; dx <= TEXT_MARGIN; dx++) {
          const [xx, yy] = [x + dx, y + dy];
          if (xx >= 0 && yy >= 0 && xx < width && yy < height) mask[yy * width + xx] = 1;
        }
    }
  return mask;
}

/** The share of the pixels outside text whose colours are within `SAME_COLOUR` of each other. */
function sameShare(map: PNG, engine: Picture, mask: Uint8Array): number {
  const known = new Map<string, number>();
  let compared = 0;
  let same = 0;
  for (let i = 0; i < engine.width * engine.height; i++) {
    if (mask[i]) continue;
    const pair = `${hexAt(map, i)}${hexAt(engine.png, i)}`;
    let d = known.get(pair);
    if (d === undefined) known.set(pair, (d = deltaE(pair.slice(0, 7), pair.slice(7))));
    compared++;
    if (d <= SAME_COLOUR) same++;
  }
  return same / compared;
}

/**
 * Each labelled country's fill in both pictures, where its name is written: at the pixel nearest
 * the name that no text covers and that lies inside a fill in both (each is one colour around
 * it), so both pictures are read at the same place.
 */
function labelFills(svg: string, map: PNG, engine: Picture, bare: PNG, mask: Uint8Array) {
  const { width, height } = engine;
  // One colour around the pixel in a picture: inside a fill, off any edge, line or glyph.
  const flat = (png: PNG, x: number, y: number) => {
    const colour = hexAt(png, y * width + x);
    for (let dy = -1; dy <= 1; dy++)
      for (let dx = -1; dx <= 1; dx++)
        if (hexAt(png, (y + dy) * width + x + dx) !== colour) return false;
    return true;
  };
  const inside = (x: number, y: number) =>
    x >= 1 &&
    y >= 1 &&
    x < width - 1 &&
    y < height - 1 &&
    !mask[y * width + x] &&
    flat(bare, x, y) &&
    flat(map, x, y);
  const out: { id: string; map: string; engine: string }[] = [];
  const labels = /<text data-id="([^"]+)"[^>]*><tspan x="([\d.]+)" y="([\d.]+)"/g;
  for (const [, id, sx, sy] of svg.matchAll(labels)) {
    const [cx, cy] = [Math.round(Number(sx)), Math.round(Number(sy))];
    search: for (let r = 0; r <= 40; r++)
      for (let dy = -r; dy <= r; dy++)
        for (let dx = -r; dx <= r; dx++) {
          if (Math.max(Math.abs(dx), Math.abs(dy)) !== r || !inside(cx + dx, cy + dy)) continue;
          const i = (cy + dy) * width + cx + dx;
          out.push({ id: id!, map: hexAt(map, i), engine: hexAt(engine.png, i) });
          break search;
        }
  }
  return out;
}

const STATES: { name: string; url: string; viewport: { width: number; height: number } }[] = [
  { name: 'the default view', url: '/?date=2025-07-10', viewport: { width: 1280, height: 800 } },
  { name: 'China selected', url: '/?country=CHN', viewport: { width: 1280, height: 800 } },
  { name: 'a scene', url: '/?mode=present&scene=3', viewport: { width: 1280, height: 800 } },
  // The app's dark map is the presentation's.
  {
    name: 'the dark theme',
    url: '/?mode=present&scene=1',
    viewport: { width: 1920, height: 1080 },
  },
  { name: 'a phone’s view', url: '/?date=2025-07-10', viewport: { width: 390, height: 844 } },
];

for (const state of STATES) {
  test(`${state.name}: the engine’s picture is MapLibre’s, outside text`, async ({ page }) => {
    await page.setViewportSize(state.viewport);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(state.url);
    await waitForMapReady(page);
    const { map, engine, bare, svg } = await bothPictures(page);
    expect([map.width, map.height]).toEqual([engine.width, engine.height]);
    const mask = textMask(engine, bare);
    const share = sameShare(map, engine, mask);
    test.info().annotations.push({
      type: 'fidelity',
      description: `${(share * 100).toFixed(2)}% of the pixels outside text within ΔE2000 ${SAME_COLOUR}`,
    });
    expect(share).toBeGreaterThanOrEqual(SAME_SHARE);
    const fills = labelFills(svg, map, engine, bare, mask);
    expect(fills.length).toBeGreaterThan(3);
    const apart = fills.filter((f) => deltaE(f.map, f.engine) > SAME_COLOUR);
    expect(apart).toEqual([]);
  });
}
