/**
 * The atlas on phones (375×667, 390×844) and a tablet (768×1024): every control of the masthead
 * on screen, the bottom sheet at half height that a finger, a mouse or the keyboard takes to full
 * height and back, the key beside the motive toggles, and a table as wide as the screen.
 */
import type { Locator, Page } from '@playwright/test';
import { SHEET_HALF } from '../../src/lib/sheet.ts';
import { expectNoSeriousAxeViolations } from './axe.ts';
import { dataset } from './data.ts';
import { expect, test, waitForMapReady } from './fixtures.ts';
import { mapPointOf } from './map-helpers.ts';

const PHONES = [
  { width: 375, height: 667 },
  { width: 390, height: 844 },
];
const TABLET = { width: 768, height: 1024 };

type Box = { x: number; y: number; width: number; height: number };
const boxOf = async (locator: Locator): Promise<Box> => (await locator.boundingBox())!;
const intersect = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The masthead's controls, as a reader finds them: the search and every button. */
const mastheadControls = async (page: Page) => [
  page.getByRole('combobox', { name: 'Search countries' }),
  ...(await page.getByRole('banner').getByRole('button').all()),
];

/** The page is no wider than the screen, and every masthead control lies inside it. */
async function expectMastheadFits(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement!.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
  const controls = await mastheadControls(page);
  // Not fewer than a phone's: the search, a view, Story, Share and Export.
  expect(controls.length).toBeGreaterThanOrEqual(5);
  for (const control of controls) {
    const box = await boxOf(control);
    expect(box.x, String(control)).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, String(control)).toBeLessThanOrEqual(innerWidth);
  }
}

/** With the key open, the levels and the motive toggles are both on screen, neither over the other, and a toggle works. */
async function expectKeyBesideToggles(page: Page) {
  const levels = page.getByRole('region', { name: 'Engagement with Kabul', exact: true });
  const motives = page.getByRole('group', { name: 'Motives' });
  // Wholly in view: not scrolled or clipped out of the key's box, nor off the screen.
  await expect(levels).toBeInViewport({ ratio: 1 });
  await expect(motives).toBeInViewport({ ratio: 1 });
  const [a, b] = [await boxOf(levels), await boxOf(motives)];
  expect(intersect(a, b), `levels ${JSON.stringify(a)}, motives ${JSON.stringify(b)}`).toBe(false);
  const viewport = page.viewportSize()!;
  for (const box of [a, b]) {
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
  }
  // A click lands on the toggle itself (Playwright refuses one another element would take).
  const security = motives.getByRole('button', { name: 'Security' });
  await security.click();
  await expect(security).toHaveAttribute('aria-pressed', 'false');
  await security.click();
  await expect(security).toHaveAttribute('aria-pressed', 'true');
}

/** The table reflows to the screen: no sideways scroll in it or around it. */
async function expectTableFits(page: Page) {
  const region = page.getByRole('region', { name: 'Table view' });
  await expect(region.getByRole('table')).toBeVisible();
  const overflow = await region.evaluate((el) =>
    [el, ...el.querySelectorAll('*')]
      // Whatever a reader could scroll sideways (hidden overflow, as of visually hidden text, is not).
      .filter(
        (e) =>
          e.scrollWidth > e.clientWidth &&
          ['auto', 'scroll'].includes(getComputedStyle(e).overflowX),
      )
      .map((e) => `${e.tagName}.${e.className}: ${e.scrollWidth} > ${e.clientWidth}`),
  );
  expect(overflow).toEqual([]);
  const regionBox = await boxOf(region);
  const china = region.getByRole('button', { name: 'China', exact: true });
  const chinaBox = await boxOf(china);
  expect(chinaBox.x + chinaBox.width).toBeLessThanOrEqual(regionBox.x + regionBox.width);
  // The cells are still a table's, for screen readers.
  await expect(region.getByRole('columnheader', { name: 'Since' })).toHaveCount(1);
}

for (const size of PHONES) {
  test(`${size.width}×${size.height}: the masthead fits, the key leaves the motives clear, the table reflows`, async ({
    page,
  }) => {
    await page.setViewportSize(size);
    // With a country's sheet open: the key goes over it, not under.
    await page.goto('/?country=CHN&date=2025-07-10');
    await expect(page.getByRole('complementary', { name: 'China' })).toBeVisible();
    await waitForMapReady(page);
    await expectMastheadFits(page);
    await page.getByRole('button', { name: 'Key and filters' }).click();
    await expectKeyBesideToggles(page);
    await page.getByRole('button', { name: 'Table', exact: true }).click();
    await expectTableFits(page);
    await expectMastheadFits(page);
    await expectNoSeriousAxeViolations(page);
  });
}

/** The sheet's box and the map's: the sheet is the country panel's container. */
async function sheetAndMap(page: Page) {
  const sheet = page.locator('#country-sheet');
  return { sheet: await boxOf(sheet), map: await boxOf(page.getByTestId('map')) };
}

/** Settles to half height (`SHEET_HALF` of the map's), the timeline and sources shown. */
async function expectHalf(page: Page, handle: Locator) {
  await expect(handle).toHaveAttribute('aria-pressed', 'false');
  await expect
    .poll(async () => {
      const { sheet, map } = await sheetAndMap(page);
      return Math.round((sheet.height / map.height) * 100);
    })
    .toBe(SHEET_HALF * 100);
  await expect(page.getByRole('slider', { name: 'Map date' })).toBeVisible();
  await expect(page.getByRole('contentinfo')).toBeVisible();
}

/** Settles to full height: the sheet covers the whole stage, the timeline and sources fold away. */
async function expectFull(page: Page, handle: Locator) {
  await expect(handle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('slider', { name: 'Map date' })).toBeHidden();
  await expect(page.getByRole('contentinfo')).toBeHidden();
  await expect
    .poll(async () => {
      const { sheet, map } = await sheetAndMap(page);
      return [Math.round(sheet.y - map.y), Math.round(sheet.height - map.height)];
    })
    .toEqual([0, 0]);
  // Down to the screen's bottom edge, where the timeline was.
  const { sheet } = await sheetAndMap(page);
  expect(Math.round(sheet.y + sheet.height)).toBe(page.viewportSize()!.height);
}

/**
 * Drags the handle's centre to `y` with the mouse, in small steps as a hand does; `holdMs` holds
 * still there before letting go, so the release is no flick.
 */
async function mouseDrag(page: Page, handle: Locator, y: number, holdMs = 0) {
  const box = await boxOf(handle);
  const x = box.x + box.width / 2;
  await page.mouse.move(x, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(x, y, { steps: 12 });
  if (holdMs > 0) await page.waitForTimeout(holdMs);
  await page.mouse.up();
}

const capitalOf = (id: string) => dataset.countries.find((c) => c.id === id)!.capital;

/** Whether a place shows in the map above the sheet. */
async function clearAboveSheet(page: Page, id: string) {
  const { lon, lat } = capitalOf(id);
  const { sheet, map } = await sheetAndMap(page);
  const { x, y } = await mapPointOf(page, lon, lat);
  return x >= 0 && x <= map.width && y >= 0 && y <= sheet.y - map.y;
}

test('375×667: the sheet opens at half height over a framed map, and the keyboard and the mouse take it to full height and back', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.setViewportSize(PHONES[0]!);
  await page.goto('/?country=CHN&date=2025-07-10');
  const panel = page.getByRole('complementary', { name: 'China' });
  await expect(panel).toBeVisible();
  await waitForMapReady(page);
  const handle = page.getByRole('button', { name: 'Full height' });
  await expectHalf(page, handle);
  await expect.poll(() => clearAboveSheet(page, 'CHN'), { message: 'Beijing' }).toBe(true);
  await expect.poll(() => clearAboveSheet(page, 'AFG'), { message: 'Kabul' }).toBe(true);
  await expectMastheadFits(page);
  await expectNoSeriousAxeViolations(page);

  // Keyboard: Up and Down, then Enter and Space toggle.
  await handle.focus();
  await page.keyboard.press('ArrowUp');
  await expectFull(page, handle);
  // The map under the sheet is out of the tab order: back from the handle is the masthead.
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('button', { name: 'Export', exact: true })).toBeFocused();
  await handle.focus();
  await page.keyboard.press('ArrowDown');
  await expectHalf(page, handle);
  await page.keyboard.press('Enter');
  await expectFull(page, handle);
  await page.keyboard.press('Space');
  await expectHalf(page, handle);

  // Mouse: dragged to the top it goes full; dragged down, half again.
  const map = await boxOf(page.getByTestId('map'));
  await mouseDrag(page, handle, map.y + 20);
  await expectFull(page, handle);
  await mouseDrag(page, handle, page.viewportSize()!.height - 150);
  await expectHalf(page, handle);
  // A short drag, held still before letting go, settles back where it began.
  const before = (await sheetAndMap(page)).sheet;
  await mouseDrag(page, handle, before.y - 30, 300);
  await expectHalf(page, handle);

  // The map above the sheet still frames the selection, and Close closes the panel.
  await waitForMapReady(page);
  await expect.poll(() => clearAboveSheet(page, 'CHN'), { message: 'Beijing' }).toBe(true);
  await expect.poll(() => clearAboveSheet(page, 'AFG'), { message: 'Kabul' }).toBe(true);
  // Closed at full height, the next country's sheet opens at half height again.
  await handle.press('ArrowUp');
  await expectFull(page, handle);
  await panel.getByRole('button', { name: /close/i }).click();
  await expect(panel).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Full height' })).toHaveCount(0);
  await expect(page.getByRole('slider', { name: 'Map date' })).toBeVisible();
  const search = page.getByRole('combobox', { name: 'Search countries' });
  await search.fill('Pakistan');
  await search.press('Enter');
  await expect(page.getByRole('complementary', { name: 'Pakistan' })).toBeVisible();
  await expectHalf(page, handle);
});

/** After the page's next frame: the moves sent so far have reached the sheet. */
const nextFrame = (page: Page) =>
  page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => done())));

/** The sheet's top edge on screen, in CSS pixels. */
const sheetTop = async (page: Page) => (await boxOf(page.locator('#country-sheet'))).y;

/**
 * Presses on the handle's centre with the mouse or a finger, moves `dy` pixels in 5-pixel steps,
 * and returns how far the sheet's top moved meanwhile, read while still pressed; then lets go.
 */
async function dragSheetBy(page: Page, handle: Locator, dy: number, input: 'mouse' | 'touch') {
  const box = await boxOf(handle);
  const x = Math.round(box.x + box.width / 2);
  const y = Math.round(box.y + box.height / 2);
  const steps = Math.abs(dy) / 5;
  const before = await sheetTop(page);
  let moved: number;
  if (input === 'mouse') {
    await page.mouse.move(x, y);
    await page.mouse.down();
    for (let i = 1; i <= steps; i++) await page.mouse.move(x, y + (dy * i) / steps);
    await nextFrame(page);
    moved = (await sheetTop(page)) - before;
    await page.mouse.up();
  } else {
    const cdp = await page.context().newCDPSession(page);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', at: number) =>
      cdp.send('Input.dispatchTouchEvent', {
        type,
        touchPoints: type === 'touchEnd' ? [] : [{ x, y: at }],
      });
    await touch('touchStart', y);
    for (let i = 1; i <= steps; i++) await touch('touchMove', y + (dy * i) / steps);
    await nextFrame(page);
    moved = (await sheetTop(page)) - before;
    await touch('touchEnd', y + dy);
    await cdp.detach();
  }
  return moved;
}

/** Within 2 px of `expected`. */
const expectMoved = (moved: number, expected: number, what: string) =>
  expect(Math.abs(moved - expected), `${what}: moved ${moved} px`).toBeLessThanOrEqual(2);

/** From rest at full height, 50 px down; from rest at half height, 50 px up: the sheet keeps step. */
async function expectSheetFollows(page: Page, input: 'mouse' | 'touch') {
  await page.setViewportSize(PHONES[1]!);
  await page.goto('/?country=PAK&date=2025-07-10');
  await expect(page.getByRole('complementary', { name: 'Pakistan' })).toBeVisible();
  await waitForMapReady(page);
  const handle = page.getByRole('button', { name: 'Full height' });
  await handle.press('ArrowUp');
  await expectFull(page, handle);
  expectMoved(await dragSheetBy(page, handle, 50, input), 50, 'down from full');
  await handle.press('ArrowDown');
  await expectHalf(page, handle);
  expectMoved(await dragSheetBy(page, handle, -50, input), -50, 'up from half');
}

test('390×844: a mouse drag moves the sheet with the pointer from its first pixel, from rest or caught as it settles', async ({
  page,
}) => {
  await expectSheetFollows(page, 'mouse');
  // Caught on its way to full height (the page's animations held still, so it stays where it was
  // caught until the press): it moves on from there, not from full height.
  const handle = page.getByRole('button', { name: 'Full height' });
  await handle.press('ArrowDown');
  await expectHalf(page, handle);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Animation.enable');
  await cdp.send('Animation.setPlaybackRate', { playbackRate: 0 });
  await handle.press('ArrowUp');
  await expect(handle).toHaveAttribute('aria-pressed', 'true');
  const map = await boxOf(page.getByTestId('map'));
  const caught = await sheetTop(page);
  expect(caught, 'still on its way').toBeGreaterThan(map.y + 100);
  expectMoved(await dragSheetBy(page, handle, 50, 'mouse'), 50, 'caught on its way');
  await cdp.send('Animation.setPlaybackRate', { playbackRate: 1 });
});

/** What `watchSheetFrom` saw: the sheet's top at the event, and the lowest it reached after. */
type SheetWatch = { start: number; lowest: number };

/**
 * From the next `type` event (the key or the release that sends the sheet to a snap), reads the
 * sheet's top then and every frame for half a second after; `sheetWatched` gives what it saw.
 */
async function watchSheetFrom(page: Page, type: 'keydown' | 'pointerup') {
  await page.locator('#country-sheet').evaluate((sheet, type) => {
    const seen = window as unknown as { sheetWatch?: SheetWatch };
    delete seen.sheetWatch;
    addEventListener(
      type,
      () => {
        const start = sheet.getBoundingClientRect().top;
        const t0 = performance.now();
        let lowest = start;
        const frame = () => {
          lowest = Math.max(lowest, sheet.getBoundingClientRect().top);
          if (performance.now() - t0 < 500) requestAnimationFrame(frame);
          else seen.sheetWatch = { start, lowest };
        };
        requestAnimationFrame(frame);
      },
      { once: true, capture: true },
    );
  }, type);
}

/** What the last `watchSheetFrom` saw, once its half second is over. */
async function sheetWatched(page: Page): Promise<SheetWatch> {
  const handle = await page.waitForFunction(
    () => (window as unknown as { sheetWatch?: SheetWatch }).sheetWatch,
  );
  return (await handle.jsonValue())!;
}

test('390×844: on its way to full height the sheet only rises, though the timeline folds away under it', async ({
  page,
}) => {
  await page.setViewportSize(PHONES[1]!);
  await page.goto('/?country=PAK&date=2025-07-10');
  await expect(page.getByRole('complementary', { name: 'Pakistan' })).toBeVisible();
  await waitForMapReady(page);
  const handle = page.getByRole('button', { name: 'Full height' });
  await expectHalf(page, handle);
  await watchSheetFrom(page, 'keydown');
  await handle.press('ArrowUp');
  const key = await sheetWatched(page);
  expect(key.lowest - key.start, `by key: ${JSON.stringify(key)}`).toBeLessThanOrEqual(1);
  await expectFull(page, handle);
  await handle.press('ArrowDown');
  await expectHalf(page, handle);
  // Let go of a drag most of the way up: it goes on up from there.
  const map = await boxOf(page.getByTestId('map'));
  await watchSheetFrom(page, 'pointerup');
  await mouseDrag(page, handle, map.y + map.height / 5, 300);
  const drag = await sheetWatched(page);
  expect(drag.lowest - drag.start, `by drag: ${JSON.stringify(drag)}`).toBeLessThanOrEqual(1);
  await expectFull(page, handle);
});

test.describe('on a touch screen', () => {
  test.use({ hasTouch: true });

  test('390×844: a tap on the handle toggles the sheet, and a finger drags it to full height and back', async ({
    page,
  }) => {
    await page.setViewportSize(PHONES[1]!);
    await page.goto('/?country=PAK&date=2025-07-10');
    await expect(page.getByRole('complementary', { name: 'Pakistan' })).toBeVisible();
    await waitForMapReady(page);
    const handle = page.getByRole('button', { name: 'Full height' });
    await expectHalf(page, handle);
    const cdp = await page.context().newCDPSession(page);
    /** A finger on the handle's centre, moved to `y` over a few frames, then lifted. */
    const swipe = async (y: number) => {
      const box = await boxOf(handle);
      const x = Math.round(box.x + box.width / 2);
      const from = Math.round(box.y + box.height / 2);
      const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', at: number) =>
        cdp.send('Input.dispatchTouchEvent', {
          type,
          touchPoints: type === 'touchEnd' ? [] : [{ x, y: at }],
        });
      await touch('touchStart', from);
      for (let i = 1; i <= 10; i++) await touch('touchMove', from + ((y - from) * i) / 10);
      await touch('touchEnd', y);
    };
    const tap = async () => {
      const box = await boxOf(handle);
      await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
    };
    // Taps first: Chromium swallows a tap that stops a swipe's fling, as a phone does.
    await tap();
    await expectFull(page, handle);
    await tap();
    await expectHalf(page, handle);
    const map = await boxOf(page.getByTestId('map'));
    await swipe(map.y + 30);
    await expectFull(page, handle);
    await swipe(800);
    await expectHalf(page, handle);
  });

  test('390×844: a finger drags the sheet from where it is, down from full and up from half', async ({
    page,
  }) => {
    await expectSheetFollows(page, 'touch');
  });
});

test('768×1024: a tablet keeps the side panel, and the masthead, key and table fit', async ({
  page,
}) => {
  await page.setViewportSize(TABLET);
  await page.goto('/?country=CHN&date=2025-07-10');
  const panel = page.getByRole('complementary', { name: 'China' });
  await expect(panel).toBeVisible();
  await waitForMapReady(page);
  await expectMastheadFits(page);
  // Beside the map, full height, with no sheet handle.
  const [panelBox, mapBox] = [await boxOf(panel), await boxOf(page.getByTestId('map'))];
  expect(Math.round(panelBox.x + panelBox.width)).toBe(TABLET.width);
  expect(Math.round(panelBox.height)).toBe(Math.round(mapBox.height));
  await expect(page.getByRole('button', { name: 'Full height' })).toHaveCount(0);
  await expect(page.getByRole('slider', { name: 'Map date' })).toBeVisible();
  await expectKeyBesideToggles(page);
  await page.getByRole('button', { name: 'Table', exact: true }).click();
  await expectTableFits(page);
});
