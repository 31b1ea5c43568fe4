/**
 * The atlas at 200 countries and 5,000 events (issue 17, item 7): the bench's generated dataset
 * (bench/scale-dataset.ts) served in place of the shipped one. One page load per viewport covers
 * the timeline's marks, the arcs' key and a long panel.
 */
import type { Page } from '@playwright/test';
import { scaleDatasetTexts } from '../../bench/scale-data.ts';
import { ARC_LIMIT } from '../../src/lib/arcs.ts';
import { EVENT_PAGE } from '../../src/lib/long-panel.ts';
import { MARK_GAP_PX } from '../../src/lib/timeline.ts';
import { expect, test, waitForMapReady } from './fixtures.ts';

const texts = scaleDatasetTexts();

async function serveScale(page: Page) {
  await page.route('**/data/*.json', (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop() ?? '';
    const body = texts[name];
    return body === undefined
      ? route.fulfill({ status: 404, body: 'not found' })
      : route.fulfill({ status: 200, contentType: 'application/json', body });
  });
}

test('at 200 countries: aimable timeline marks, 40 arcs, a long panel that pages', async ({
  page,
}) => {
  await serveScale(page);
  await page.goto('/?country=PAK');
  await waitForMapReady(page, 60_000);

  // The timeline: one mark per aimable width at most, where there were 1,613 ticks.
  const toolbar = page.getByRole('toolbar', { name: 'Events' });
  const marks = toolbar.getByRole('button');
  const width = (await toolbar.boundingBox())!.width;
  expect(await marks.count()).toBeLessThanOrEqual(Math.floor(width / MARK_GAP_PX.mouse));
  expect(await marks.count()).toBeGreaterThan(50);

  // The arcs: the strongest ARC_LIMIT, and the key says how many more.
  await expect(page.getByRole('group', { name: 'Motives' })).toContainText(
    new RegExp(`The ${ARC_LIMIT} strongest arcs, and \\d+ more`),
  );

  // The panel: a digest, the latest EVENT_PAGE events, and Show more below them.
  const panel = page.getByRole('complementary', { name: 'Pakistan' });
  await expect(panel.getByText(/^\d+ events up to /)).toBeVisible();
  const events = panel.locator('li.event');
  await expect(events).toHaveCount(EVENT_PAGE);
  const more = panel.getByRole('button', { name: /^Show 10 earlier events/ });
  // Where an element sits in the panel's content, whatever the panel is scrolled to.
  const topInPanel = (el: Element) =>
    el.getBoundingClientRect().top + el.closest('aside')!.scrollTop;
  const buttonTop = await more.evaluate(topInPanel);
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(events).toHaveCount(2 * EVENT_PAGE);
  // Focus goes to the first new event, where the button was: nothing above it moved.
  const focused = page.locator('li.event:focus');
  await expect(focused).toHaveCount(1);
  // (a year's heading may come first)
  expect(Math.abs((await focused.evaluate(topInPanel)) - buttonTop)).toBeLessThan(60);
  // Each shown event keeps its sources.
  expect(await panel.locator('li.event:not(:has(.cites))').count()).toBe(0);

  // Last, as it moves the date: a gathered mark steps through its days by keyboard, and Enter
  // goes to the day reached.
  const first = marks.first();
  await expect(first).toHaveAccessibleName(/ to .*: \d+ events on \d+ days$/);
  await first.focus();
  await expect(first).toHaveAccessibleName(/\(day 1 of .* on \d+ days\)$/);
  // Back from the next mark's first day to this one's last.
  await marks.nth(1).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(first).toBeFocused();
  await expect(first).toHaveAccessibleName(/\(day (\d+) of .* on \1 days\)$/);
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await expect(first).toHaveAccessibleName(/^\d+ \w+ \d{4}, \d+ events? \(day 2 of /);
  const day = /^(\d+ \w+ \d{4})/.exec((await first.getAttribute('aria-label')) ?? '')![1]!;
  await page.keyboard.press('Enter');
  await expect(page.locator('.current')).toHaveText(day);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('at 200 countries the timeline’s marks are a finger apart', async ({ page }) => {
    await serveScale(page);
    await page.goto('/');
    await waitForMapReady(page, 60_000);
    const toolbar = page.getByRole('toolbar', { name: 'Events' });
    const width = (await toolbar.boundingBox())!.width;
    const marks = toolbar.getByRole('button');
    expect(await marks.count()).toBeLessThanOrEqual(Math.floor(width / MARK_GAP_PX.touch));
    const xs = await marks.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().x));
    const gaps = xs.slice(1).map((x, i) => x - xs[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(MARK_GAP_PX.touch - 1);
  });
});
