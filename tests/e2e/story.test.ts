/**
 * The story (issue 19, item 3): the scenes as a scrolling article, the map sticky beside or behind
 * the text, moving to each step's scene as the reader scrolls; each step linkable; the keyboard and
 * a screen reader get the text and a description of the map; on phones and in an embed.
 */
import type { Page } from '@playwright/test';
import { hostOrigin, hostPage } from './host-page.ts';
import { iframeSnippet } from '../../src/lib/embed.ts';
import { expectNoSeriousAxeViolations } from './axe.ts';
import { dataset } from './data.ts';
import { expect, test, waitForMapReady } from './fixtures.ts';

const scenes = dataset.scenes;
const step = (page: Page, n: number) =>
  page.getByRole('region', { name: scenes[n - 1]!.title, exact: true });
const camera = (page: Page) => page.getByTestId('map').getAttribute('data-center');

test('scrolling moves the map to each step’s scene, and the URL names the step', async ({
  page,
}) => {
  await page.goto('/?mode=story');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(dataset.meta.title);
  await waitForMapReady(page);
  const first = await camera(page);

  await step(page, 3).scrollIntoViewIfNeeded();
  await page.mouse.wheel(0, 200);
  await expect(page).toHaveURL(/[?&]mode=story&scene=3$/);
  await waitForMapReady(page);
  expect(await camera(page)).not.toBe(first);
  // The date is the scene's: the step says it, and the map's description says the same.
  await expect(step(page, 3).locator('time')).toHaveAttribute('datetime', scenes[2]!.date);

  await step(page, 2).scrollIntoViewIfNeeded();
  await expect(page).toHaveURL(/[?&]scene=2$/);
});

test('a link to a step opens the story there', async ({ page }) => {
  await page.goto('/?mode=story&scene=5');
  await expect(step(page, 5).getByRole('heading', { level: 2 })).toBeInViewport();
  await waitForMapReady(page);
  await expect(page).toHaveURL(/[?&]scene=5$/);
  await expect(step(page, 5).getByRole('link', { name: 'Link to this part' })).toHaveAttribute(
    'href',
    '?mode=story&scene=5',
  );
});

test('the keyboard reads the story: End reaches its last step, and Explore leaves it', async ({
  page,
}) => {
  await page.goto('/?mode=story');
  await waitForMapReady(page);
  // The map is described in words, and is not itself in the tab order.
  await expect(step(page, 1)).toContainText(/The map: A world map of how states engage/);
  await expect(page.getByTestId('map')).not.toBeFocused();
  // The reader's keys go to the article: a click in its text first, as a person reading does.
  await step(page, 1).getByRole('heading', { level: 2 }).click();
  await page.keyboard.press('End');
  await expect(page).toHaveURL(new RegExp(`[?&]scene=${scenes.length}$`));
  await page.getByRole('button', { name: 'Explore the map' }).last().click();
  await expect(page).not.toHaveURL(/mode=story/);
  await expect(page.getByRole('slider')).toBeVisible();
});

test('the masthead’s Story button opens the story at its first step', async ({ page }) => {
  await page.goto('/');
  await waitForMapReady(page);
  await page.getByRole('button', { name: 'Story' }).click();
  await expect(page).toHaveURL(/[?&]mode=story/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(dataset.meta.title);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('the map is behind the text, a step is a card over it, and nothing is out of reach', async ({
    page,
  }) => {
    await page.goto('/?mode=story&scene=2');
    await waitForMapReady(page);
    const card = step(page, 2).getByRole('heading', { level: 2 });
    await expect(card).toBeInViewport();
    const map = await page.getByTestId('map').boundingBox();
    expect(map?.width).toBe(390);
    // The page scrolls down, not sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    await expectNoSeriousAxeViolations(page);
  });
});

test('the story has no serious or critical accessibility violation', async ({ page }) => {
  await page.goto('/?mode=story&scene=3');
  await waitForMapReady(page);
  await expectNoSeriousAxeViolations(page);
});

test.describe('in an embed', () => {
  const HOST = 8;
  test.use({ hostOrigins: [hostOrigin(HOST)] });

  test('the story scrolls inside a frame most of the window tall, and its map follows', async ({
    page,
    baseURL,
  }) => {
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head>
<body><h1>Article</h1>${iframeSnippet({ base: baseURL!, search: '?mode=story', title: 'Story' })}</body></html>`;
    const host = await hostPage(html, HOST);
    try {
      await page.setViewportSize({ width: 1000, height: 800 });
      await page.goto(host.url);
      const story = page.frameLocator('iframe[title="Story"]');
      await story.locator('[data-testid="map"][data-ready="true"]').waitFor();
      // 85 % of the host's 800 px window.
      await expect
        .poll(() => page.locator('iframe').evaluate((el) => el.getBoundingClientRect().height))
        .toBe(680);
      const frame = page.frames().find((f) => f.url().includes('embed.html'))!;
      await story
        .getByRole('region', { name: scenes[3]!.title, exact: true })
        .scrollIntoViewIfNeeded();
      await expect.poll(() => frame.url()).toMatch(/[?&]scene=4$/);
    } finally {
      host.close();
    }
  });
});
