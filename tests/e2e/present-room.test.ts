/**
 * Presentation in a room: every scene's card shows its whole text, sources included, with no
 * scroll, on a 1280×720 projector, a 1920×1080 screen and a 4:3 1024×768 one, also while
 * auto-advance is paused (its Resume button takes a row of the controls); on a phone or a portrait
 * tablet a long card scrolls inside itself; the controls never cover the card; and the scene
 * counter sits in the room the camera keeps clear of the map, so no country or label lies under
 * it. One page load per size, every scene by keyboard.
 */
import type { Locator, Page } from '@playwright/test';
import { cardSide, FRAME_MARGIN, sceneCardRect, scenePadding } from '../../src/lib/scene-view.ts';
import { expectNoSeriousAxeViolations } from './axe.ts';
import { dataset } from './data.ts';
import { expect, test, waitForMapReady } from './fixtures.ts';

const scenes = dataset.scenes;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Whether two boxes share any area (touching edges do not count). */
const intersects = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Whether `inner` lies within `outer`, with half a pixel for sub-pixel layout. */
const within = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 0.5 &&
  inner.y >= outer.y - 0.5 &&
  inner.x + inner.width <= outer.x + outer.width + 0.5 &&
  inner.y + inner.height <= outer.y + outer.height + 0.5;

const box = async (locator: Locator) => (await locator.boundingBox())!;

/** The scene card, its sources line, the controls and the counter of scene `i` (0-based). */
function deck(page: Page, i: number) {
  const card = page.getByRole('article');
  const controls = page.getByRole('navigation', { name: 'Presentation' });
  return {
    card,
    sources: card.locator('p', { hasText: /^Sources?:/ }),
    controls,
    counter: controls.getByText(`${i + 1} / ${scenes.length}`, { exact: true }),
  };
}

/**
 * Opens the first scene at `size`, with its fonts loaded, and visits every scene with →. With
 * `paused`, the deck auto-advances (a kiosk) until a key pauses it, so the controls carry
 * "Resume auto-advance" as well and the card has less room.
 */
async function eachScene(
  page: Page,
  size: { width: number; height: number },
  check: (i: number) => Promise<void>,
  paused = false,
) {
  await page.setViewportSize(size);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(paused ? '/?mode=present&scene=1&autoplay=120' : '/?mode=present&scene=1');
  await waitForMapReady(page);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const resume = page.getByRole('button', { name: 'Resume auto-advance' });
  if (paused) {
    await page.keyboard.press('Shift');
    await expect(resume).toBeVisible();
  }
  for (const [i, scene] of scenes.entries()) {
    if (i > 0) await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(scene.title);
    if (paused) await expect(resume).toBeVisible();
    await check(i);
  }
}

test('at 1920×1080 the card is set for a room, larger than at 1280×720', async ({ page }) => {
  const bodySize = async () =>
    page
      .getByRole('article')
      .locator('p')
      .nth(1)
      .evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/?mode=present&scene=2');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(scenes[1]!.title);
  const laptop = await bodySize();
  await page.setViewportSize({ width: 1920, height: 1080 });
  const room = await bodySize();
  // The type follows the stage (1.5 times as large), not a fixed size.
  expect(room).toBeGreaterThanOrEqual(laptop * 1.4);
  expect(room).toBeGreaterThanOrEqual(20);
});

for (const { paused, ...size } of [
  { width: 1280, height: 720, paused: false },
  { width: 1280, height: 720, paused: true },
  { width: 1920, height: 1080, paused: false },
  { width: 1920, height: 1080, paused: true },
  { width: 1024, height: 768, paused: false },
  { width: 1024, height: 768, paused: true },
  { width: 768, height: 1024, paused: false },
  { width: 390, height: 844, paused: false },
  { width: 375, height: 667, paused: false },
]) {
  /** A projector, a screen in a room or a 4:3 one: every card fits whole, sources and all. */
  const wall = cardSide(size) === 'left';
  test(`at ${size.width}×${size.height}${paused ? ', auto-advance paused,' : ''} ${wall ? 'every card shows all its text, sources to the last line, no scroll; ' : ''}the controls never cover the card and the counter stays off the map`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await eachScene(
      page,
      size,
      async (i) => {
        const { card, sources, controls, counter } = deck(page, i);
        const title = scenes[i]!.title;
        const cardBox = await box(card);
        if (wall) {
          // The card's own scroll box, and every box around it that clips, hold all they contain.
          const clipped = await card.evaluate((el) => {
            const cut: string[] = [];
            for (let e: Element | null = el; e; e = e.parentElement) {
              if (getComputedStyle(e).overflowY !== 'visible' && e.scrollHeight > e.clientHeight)
                cut.push(`${e.tagName}.${e.className}: ${e.scrollHeight} > ${e.clientHeight}`);
            }
            return cut;
          });
          expect(clipped, title).toEqual([]);
          const sourcesBox = await box(sources);
          expect(within(sourcesBox, cardBox), `${title}: sources inside the card`).toBe(true);
          expect(within(sourcesBox, { x: 0, y: 0, ...size }), `${title}: sources on screen`).toBe(
            true,
          );
        }
        expect(intersects(await box(controls), cardBox), `${title}: controls and card`).toBe(false);

        // The counter lies in the room the scene's camera keeps clear (sceneCardRect), beside or
        // below the framed map, never on it.
        const stage = await box(page.getByTestId('map'));
        const stageSize = { width: Math.round(stage.width), height: Math.round(stage.height) };
        const cardRoom = sceneCardRect(stageSize);
        const padding = scenePadding(stageSize);
        const counterBox = await box(counter);
        const onStage = { ...counterBox, x: counterBox.x - stage.x, y: counterBox.y - stage.y };
        expect(within(onStage, cardRoom), `${title}: counter in the card's room`).toBe(true);
        const framed = {
          x: padding.left - FRAME_MARGIN,
          y: padding.top - FRAME_MARGIN,
          width: stageSize.width - padding.left - padding.right + 2 * FRAME_MARGIN,
          height: stageSize.height - padding.top - padding.bottom + 2 * FRAME_MARGIN,
        };
        expect(intersects(onStage, framed), `${title}: counter off the framed map`).toBe(false);

        // A card too long for its room scrolls inside itself, down to its last source.
        await card.evaluate((el) => (el.scrollTop = el.scrollHeight));
        const sourcesBox = await box(sources);
        expect(
          sourcesBox.y + sourcesBox.height,
          `${title}: the sources' last line scrolls into the card`,
        ).toBeLessThanOrEqual(cardBox.y + cardBox.height + 0.5);
        await card.evaluate((el) => (el.scrollTop = 0));
      },
      paused,
    );
  });
}

test('on a phone a long card scrolls from the keyboard and stays accessible', async ({ page }) => {
  const i = scenes.findIndex((s) => s.id === 'pakistan-conflict');
  await page.setViewportSize({ width: 375, height: 667 });
  await page.goto(`/?mode=present&scene=${i + 1}`);
  await waitForMapReady(page);
  const card = page.getByRole('article');
  await card.focus();
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => card.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
  // Still on the same scene: ↓ scrolls the card, it does not change the scene.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(scenes[i]!.title);
  await expectNoSeriousAxeViolations(page);
});
