/**
 * Presentation in a room and in a hand: every scene's card shows its whole text with no scroll on a
 * 1280×720 projector, a 1920×1080 screen, a 4:3 1024×768 one, a portrait tablet and two phones,
 * also while auto-advance is paused (its Resume button takes room in the controls). Beside the map
 * (a column) the sources show to their last line; in a band at the bottom (a phone, a portrait
 * tablet) they fold behind a "Sources (n)" button that turns the card to them, whole. The controls
 * never cover the card, and the scene counter sits in the room the camera keeps clear of the map,
 * so no country or label lies under it. One page load per size, every scene by keyboard.
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

/** How many sources scene `i` cites (each once, however many of its claims it backs). */
const sourceCount = (i: number) => new Set(scenes[i]!.cites.map((c) => c.source)).size;

/** The scene card, its sources line, the controls and the counter of scene `i` (0-based). */
function deck(page: Page, i: number) {
  const card = page.getByRole('article');
  const controls = page.getByRole('navigation', { name: 'Presentation' });
  return {
    card,
    sources: card.locator('p', { hasText: /^Sources?:/ }),
    /** A band's sources: the button that folds them, and their list once shown. */
    fold: card.getByRole('button', { name: /^Sources? \(\d+\)$/ }),
    sourceList: card.getByRole('list'),
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
  { width: 390, height: 844, paused: true },
  { width: 375, height: 667, paused: false },
  { width: 375, height: 667, paused: true },
]) {
  /** A projector, a screen in a room or a 4:3 one: the sources show below the words. */
  const wall = cardSide(size) === 'left';
  test(`at ${size.width}×${size.height}${paused ? ', auto-advance paused,' : ''} every card shows all its text with no scroll, ${wall ? 'sources to the last line' : 'and its sources whole behind a button'}; the controls never cover the card and the counter stays off the map`, async ({
    page,
  }) => {
    test.setTimeout(150_000);
    await eachScene(
      page,
      size,
      async (i) => {
        const { card, sources, fold, sourceList, controls, counter } = deck(page, i);
        const title = scenes[i]!.title;
        const screen = { x: 0, y: 0, ...size };
        // The card's own scroll box, and every box around it that clips, hold all they contain.
        const clipped = () =>
          card.evaluate((el) => {
            const cut: string[] = [];
            for (let e: Element | null = el; e; e = e.parentElement) {
              if (getComputedStyle(e).overflowY !== 'visible' && e.scrollHeight > e.clientHeight)
                cut.push(`${e.tagName}.${e.className}: ${e.scrollHeight} > ${e.clientHeight}`);
            }
            return cut;
          });
        expect(await clipped(), title).toEqual([]);
        const cardBox = await box(card);
        if (wall) {
          const sourcesBox = await box(sources);
          expect(within(sourcesBox, cardBox), `${title}: sources inside the card`).toBe(true);
          expect(within(sourcesBox, screen), `${title}: sources on screen`).toBe(true);
        } else {
          // The card turns to its sources, every one of them in view, and back to its words.
          await fold.click();
          await expect(sourceList.getByRole('listitem')).toHaveCount(sourceCount(i));
          expect(await clipped(), `${title}: its sources`).toEqual([]);
          const listBox = await box(sourceList);
          expect(within(listBox, await box(card)), `${title}: sources inside the card`).toBe(true);
          expect(within(listBox, screen), `${title}: sources on screen`).toBe(true);
          expect(intersects(await box(controls), await box(card)), `${title}: controls`).toBe(
            false,
          );
          await card.getByRole('button', { name: 'Back to the scene' }).click();
          await expect(fold).toBeVisible();
          expect(await box(card), `${title}: the card back in its room`).toEqual(cardBox);
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
      },
      paused,
    );
  });
}

test('on a phone the sources unfold and fold by keyboard, and More holds the other controls', async ({
  page,
}) => {
  const i = scenes.findIndex((s) => s.id === 'pakistan-conflict');
  await page.setViewportSize({ width: 375, height: 667 });
  await page.goto(`/?mode=present&scene=${i + 1}`);
  await waitForMapReady(page);
  const card = page.getByRole('article');
  const fold = card.getByRole('button', { name: /^Sources \(\d+\)$/ });
  await fold.focus();
  await page.keyboard.press('Enter');
  const back = card.getByRole('button', { name: 'Back to the scene' });
  await expect(back).toHaveAttribute('aria-expanded', 'true');
  await expect(card.getByRole('listitem')).toHaveCount(sourceCount(i));
  await expectNoSeriousAxeViolations(page);
  await page.keyboard.press('Enter');
  await expect(fold).toHaveAttribute('aria-expanded', 'false');
  await expect(card.getByRole('list')).toHaveCount(0);

  // The bar keeps one row on a phone; full screen, the speaker view and export wait under More.
  const controls = page.getByRole('navigation', { name: 'Presentation' });
  await expect(controls.getByRole('button', { name: 'Export' })).toHaveCount(0);
  const more = controls.getByRole('button', { name: 'More' });
  await more.click();
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  for (const name of ['Full screen', 'Speaker view', 'Export']) {
    await expect(controls.getByRole('button', { name })).toBeVisible();
  }
  await expectNoSeriousAxeViolations(page);
  // Esc shuts the menu, not the presentation, and gives focus back to More.
  await page.keyboard.press('Escape');
  await expect(controls.getByRole('button', { name: 'Export' })).toHaveCount(0);
  await expect(more).toBeFocused();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(scenes[i]!.title);
  await more.click();
  await controls.getByRole('button', { name: 'Export' }).click();
  await expect(page.getByRole('dialog', { name: 'Export' })).toBeVisible();
});
