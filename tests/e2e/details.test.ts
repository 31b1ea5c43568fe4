/**
 * The smaller things a reader runs into (issue #16, 1280 × 800): the legend filter and the map
 * agree, the tooltip gets out of the way of a selection, Esc closes the panel, the search list
 * is on top, an empty "Why they engage" says why, and levels stand out on the dark map.
 */
import type { Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { blend, contrastRatio, hexOfRgb } from '../../src/lib/colour.ts';
import { formatDate } from '../../src/lib/dates.ts';
import { motiveCountsFrom } from '../../src/lib/engagement.ts';
import { MAP_THEMES, MUTED_OPACITY } from '../../src/lib/style.ts';
import { expectNoSeriousAxeViolations } from './axe.ts';
import { dataset, levelColour } from './data.ts';
import { expect, test, waitForMapReady } from './fixtures.ts';
import {
  colourDistance,
  hotspot,
  mapColourAt,
  mapPointOf,
  rgbOf,
  type Rgb,
} from './map-helpers.ts';

/** Screenshots of the same colour differ by a unit or two after compositing. */
const SAME_COLOUR = 6;

const legendButton = (page: Page, name: string) =>
  page.getByRole('region', { name: 'Engagement with Kabul' }).getByRole('button', { name });

/** The colour a legend entry's swatch shows, read clear of its ring and its strike. */
async function swatchColour(page: Page, entry: string): Promise<Rgb> {
  const swatch = legendButton(page, entry).locator('.swatch');
  const png = PNG.sync.read(await swatch.screenshot());
  // Top left, inside the 1.5 px ring and above the strike, which crosses the middle rising.
  const i = (png.width * 3 + 4) * 4;
  return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
}

test.describe('the legend filter', () => {
  test('a hidden level’s countries look as its key shows them, and Afghanistan keeps its colour', async ({
    page,
  }) => {
    await page.goto('/?date=2025-07-10');
    await waitForMapReady(page);
    await legendButton(page, 'Ambassador level').click();
    await legendButton(page, 'No data').click();
    await expect(page).toHaveURL(/levels=/);
    await waitForMapReady(page);
    await page.mouse.move(0, 0);

    // China is at ambassador level on the day; Mongolia is a country the data never names. Each
    // point is read a few degrees from the country's name: every country is named now, and a
    // read that lands on the letters gets their halo.
    for (const [entry, level, lon, lat] of [
      ['Ambassador level', 'ambassador', 90, 33],
      ['No data', 'none', 97, 48.5],
    ] as const) {
      const onMap = await mapColourAt(page, lon, lat);
      const faded = rgbOf(blend(levelColour(level), MAP_THEMES.light.ocean, MUTED_OPACITY));
      expect(colourDistance(onMap, faded), `${entry} on the map`).toBeLessThanOrEqual(SAME_COLOUR);
      expect(
        colourDistance(await swatchColour(page, entry), onMap),
        `${entry} in the key`,
      ).toBeLessThanOrEqual(SAME_COLOUR);
    }

    // Afghanistan is the focus, not a level: "No data" hidden leaves it as the key shows it.
    const afghanistan = await mapColourAt(page, 64, 31.5);
    expect(colourDistance(afghanistan, rgbOf(levelColour('focus')))).toBeLessThanOrEqual(
      SAME_COLOUR,
    );
  });
});

test.describe('the tooltip and a selection', () => {
  test('a click, Enter on a country’s hotspot and a search each put the tooltip away', async ({
    page,
  }) => {
    await page.goto('/?date=2025-07-10');
    await waitForMapReady(page);
    const tooltip = page.getByRole('tooltip');
    const box = (await page.getByTestId('map').boundingBox())!;
    /** Rests the pointer on a country, starting off the map (which ends any quiet after a selection). */
    const hover = async (name: string, lon: number, lat: number) => {
      await page.mouse.move(0, 0);
      await waitForMapReady(page);
      const { x, y } = await mapPointOf(page, lon, lat);
      await page.mouse.move(box.x + x, box.y + y);
      await expect(tooltip).toContainText(name);
      return { x: box.x + x, y: box.y + y };
    };

    // A click.
    const russia = await hover('Russia', 48, 57);
    await page.mouse.click(russia.x, russia.y);
    await expect(page.getByRole('complementary', { name: 'Russia' })).toBeVisible();
    await expect(tooltip).toHaveCount(0);
    await page.mouse.move(russia.x + 4, russia.y + 2); // still on Russia: the panel says it all
    await expect(tooltip).toHaveCount(0);

    // Enter on a country's hotspot, which shows the tooltip while it has focus.
    const china = hotspot(page, 'China');
    await china.focus();
    await expect(tooltip).toContainText('China');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('complementary', { name: 'China' })).toBeVisible();
    await expect(tooltip).toHaveCount(0);

    // A search, with the pointer resting on a country (China's framing shows India).
    await hover('India', 78, 22);
    const search = page.getByRole('combobox', { name: 'Search countries' });
    await search.fill('Pakistan');
    await search.press('Enter');
    await expect(page.getByRole('complementary', { name: 'Pakistan' })).toBeVisible();
    await expect(tooltip).toHaveCount(0);
  });
});

test.describe('Esc', () => {
  test('closes the panel and gives focus back to the country’s hotspot, even from inside the panel', async ({
    page,
  }) => {
    await page.goto('/?date=2025-07-10');
    await waitForMapReady(page);
    const china = hotspot(page, 'China');
    await china.focus();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('complementary', { name: 'China' });
    await expect(panel).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(panel).toHaveCount(0);
    await expect(china).toBeFocused();
    await expect(page).not.toHaveURL(/country=/);

    // Again, with focus moved into the panel first.
    await page.keyboard.press('Enter');
    await expect(panel).toBeVisible();
    await panel.getByRole('button', { name: 'Close panel' }).focus();
    await page.keyboard.press('Escape');
    await expect(panel).toHaveCount(0);
    await expect(china).toBeFocused();
  });

  test('closes an open search list first, then the panel, back to the search box', async ({
    page,
  }) => {
    await page.goto('/?date=2025-07-10');
    await waitForMapReady(page);
    const search = page.getByRole('combobox', { name: 'Search countries' });
    await search.fill('Russia');
    await search.press('Enter');
    const panel = page.getByRole('complementary', { name: 'Russia' });
    await expect(panel).toBeVisible();

    await search.pressSequentially('Chi');
    const list = page.getByRole('listbox', { name: 'Countries and institutions' });
    await expect(list).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(list).toBeHidden();
    await expect(panel).toBeVisible();
    await page.keyboard.press('Escape'); // clears the box, as the search always did
    await expect(search).toHaveValue('');
    await expect(panel).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(panel).toHaveCount(0);
    await expect(search).toBeFocused();
  });

  test('closes the panel back to the table row that opened it', async ({ page }) => {
    await page.goto('/?view=table&date=2025-07-10');
    const row = page
      .getByRole('table', { name: 'Engagement with Kabul by country' })
      .getByRole('button', { name: 'Russia', exact: true });
    await row.press('Enter');
    const panel = page.getByRole('complementary', { name: 'Russia' });
    await expect(panel).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(panel).toHaveCount(0);
    await expect(row).toBeFocused();
  });

  test('in the export dialog closes the dialog and leaves the panel open', async ({ page }) => {
    await page.goto('/?date=2025-07-10&country=RUS');
    await waitForMapReady(page);
    await page.getByRole('button', { name: 'Export' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('complementary', { name: 'Russia' })).toBeVisible();
  });

  test('in a presentation still leaves the presentation', async ({ page }) => {
    await page.goto('/?mode=present&scene=2');
    await waitForMapReady(page);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('combobox', { name: 'Search countries' })).toBeVisible();
  });
});

test('the search list is drawn above the open panel, where a pointer can pick from it', async ({
  page,
}) => {
  await page.goto('/?date=2025-07-10&country=RUS');
  await waitForMapReady(page);
  await expect(page.getByRole('complementary', { name: 'Russia' })).toBeVisible();
  const search = page.getByRole('combobox', { name: 'Search countries' });
  await search.fill('a');
  const options = page
    .getByRole('listbox', { name: 'Countries and institutions' })
    .getByRole('option');
  await expect(options.first()).toBeVisible();
  const panelBox = (await page.locator('aside[aria-label="Russia"]').boundingBox())!;
  let overPanel = 0;
  for (let i = 0; i < Math.min(6, await options.count()); i++) {
    const option = options.nth(i);
    const box = await option.boundingBox();
    if (!box) continue;
    // Near the option's right end: the part of the list that hangs over the panel.
    const [x, y] = [box.x + box.width - 6, box.y + box.height / 2];
    if (x > panelBox.x && y > panelBox.y) overPanel++;
    const hit = await page.evaluate(
      ([px, py, id]) => {
        const top = document.elementFromPoint(px!, py!);
        return !!top?.closest(`[id="${id}"]`);
      },
      [x, y, await option.getAttribute('id')] as const,
    );
    expect(hit, `option ${i + 1} is on top at its right end`).toBe(true);
  }
  // The check means something only where the list hangs over the panel.
  expect(overPanel).toBeGreaterThan(0);
  await options.first().click();
  await expect(page.getByRole('complementary', { name: 'Russia' })).toHaveCount(0);
});

test('an empty “Why they engage” says from when the sources give motives, and whose', async ({
  page,
}) => {
  const motives = dataset.motives.filter((m) => m.actor === 'RUS');
  const first = motives.map(motiveCountsFrom).sort()[0]!;
  const founding = dataset.sources.find((s) => s.id === dataset.meta.foundingSource)!;
  const dayBefore = new Date(Date.parse(`${first}T00:00:00Z`) - 86_400_000)
    .toISOString()
    .slice(0, 10);
  await page.goto(`/?date=${dayBefore}&country=RUS`);
  const section = page
    .getByRole('complementary', { name: 'Russia' })
    .getByRole('region', { name: 'Why they engage' });
  await expect(section).toContainText(`no motive for Russia before ${formatDate(first)}`);
  await expect(section).toContainText(`the founding article, ${founding.publisher}`);
  await expect(section).toContainText(founding.title);
  await expectNoSeriousAxeViolations(page);

  // From that day on the motives are listed and the note is gone.
  await page.goto(`/?date=${first}&country=RUS`);
  await expect(section.getByRole('heading', { level: 4 }).first()).toBeVisible();
  await expect(section).not.toContainText('no motive');
});

test('in presentation, Russia’s formal recognition stands out 3:1 from the sea', async ({
  page,
}) => {
  // The scene of 3 July 2025, when Russia recognised the Taliban government.
  const scene = dataset.scenes.findIndex(
    (s) => s.highlight.join() === 'RUS' && s.date >= '2025-07-03',
  );
  await page.goto(`/?mode=present&scene=${scene + 1}`);
  await waitForMapReady(page);
  const russia = await mapColourAt(page, 110, 60);
  const sea = await mapColourAt(page, 51, 42.5); // the Caspian
  const dark = MAP_THEMES.dark;
  expect(colourDistance(sea, rgbOf(dark.ocean))).toBeLessThanOrEqual(SAME_COLOUR);
  expect(
    colourDistance(
      russia,
      rgbOf(dark.levels(dataset.levels).levels.find((l) => l.id === 'recognition')!.color),
    ),
  ).toBeLessThanOrEqual(SAME_COLOUR);
  expect(contrastRatio(hexOfRgb(russia), hexOfRgb(sea))).toBeGreaterThanOrEqual(3);
});
