/**
 * Map exploration, the way a reader uses it: by pointer, keyboard, search, table and URL, with
 * pixels read where colour is the point.
 */
import { formatDate } from '../../src/lib/dates.ts';
import { MOTIVE_COLORS } from '../../src/lib/palette.ts';
import { dataset, levelColour, pointOnArc } from './data.ts';
import { expect, test, waitForMapReady } from './fixtures.ts';
import {
  colourDistance,
  hotspot,
  mapColourAt,
  mapHasColourNear,
  mapPointOf,
  rgbOf,
} from './map-helpers.ts';

const CHINA_VIEW = '&center=90,36&zoom=3.4';

test.describe('arcs', () => {
  for (const category of ['economic', 'security', 'geopolitical'] as const) {
    test(`China’s ${category} arc is drawn in its colour`, async ({ page }) => {
      await page.goto(`/?date=2025-07-10${CHINA_VIEW}`);
      await waitForMapReady(page);
      const [lon, lat] = pointOnArc(`chn-${category}`);
      expect(await mapHasColourNear(page, lon, lat, rgbOf(MOTIVE_COLORS[category]))).toBe(true);
    });
  }

  test('a motive toggled off takes its arcs away, and the URL says so', async ({ page }) => {
    await page.goto(`/?date=2025-07-10${CHINA_VIEW}`);
    await waitForMapReady(page);
    await page
      .getByRole('group', { name: 'Motives' })
      .getByRole('button', { name: 'Economic' })
      .click();
    await expect(page).toHaveURL(/motives=security,geopolitical/);
    await waitForMapReady(page);
    const [lon, lat] = pointOnArc('chn-economic');
    expect(await mapHasColourNear(page, lon, lat, rgbOf(MOTIVE_COLORS.economic))).toBe(false);
  });

  test('before the sources support a motive, its arc is not drawn', async ({ page }) => {
    await page.goto(`/?date=2024-06-01${CHINA_VIEW}`);
    await waitForMapReady(page);
    const [lon, lat] = pointOnArc('chn-economic');
    expect(await mapHasColourNear(page, lon, lat, rgbOf(MOTIVE_COLORS.economic))).toBe(false);
  });

  // The first picture's source holds only the arcs it shows (ArcsLayer): a later date must still
  // draw the others, whether they joined in the background or the date change asked for them.
  test('an arc the first picture did not show is drawn once a later date shows it', async ({
    page,
  }) => {
    await page.goto(`/?date=2024-06-01${CHINA_VIEW}`);
    await waitForMapReady(page);
    await page.getByRole('slider', { name: 'Map date' }).press('End');
    await waitForMapReady(page);
    const [lon, lat] = pointOnArc('chn-economic');
    expect(await mapHasColourNear(page, lon, lat, rgbOf(MOTIVE_COLORS.economic))).toBe(true);
  });
});

test.describe('hover and selection', () => {
  test('hovering a country shows its name, level and since when', async ({ page }) => {
    await page.goto('/?date=2025-07-10');
    await waitForMapReady(page);
    const box = (await page.getByTestId('map').boundingBox())!;
    const { x, y } = await mapPointOf(page, 48, 57);
    await page.mouse.move(box.x + x, box.y + y);
    const tooltip = page.getByRole('tooltip');
    await expect(tooltip).toContainText('Russia');
    await expect(tooltip).toContainText('Formal recognition since 3 July 2025');
  });

  test('clicking a country opens its sourced panel', async ({ page }) => {
    await page.goto('/?date=2025-07-10');
    await waitForMapReady(page);
    const box = (await page.getByTestId('map').boundingBox())!;
    const { x, y } = await mapPointOf(page, 48, 57);
    await page.mouse.click(box.x + x, box.y + y);
    const panel = page.getByRole('complementary', { name: 'Russia' });
    await expect(panel).toBeVisible();
    await expect(panel).toContainText('Formal recognition');
    await expect(panel).toContainText('since 3 July 2025');
    await expect(page).toHaveURL(/country=RUS/);
  });

  test('Russia’s panel shows the sources that disagree about its ambassador', async ({ page }) => {
    await page.goto('/?date=2025-07-10&country=RUS');
    const panel = page.getByRole('complementary', { name: 'Russia' });
    await expect(panel.getByText(/disagree/i).first()).toBeVisible();
  });

  test('a panel shows verbatim quotes with speaker and attribution', async ({ page }) => {
    const quote = dataset.quotes.find((q) => q.about.includes('AFG'))!;
    await page.goto('/?country=AFG');
    const panel = page.getByRole('complementary', { name: 'Afghanistan' });
    await expect(
      panel.locator('blockquote').filter({ hasText: quote.text.slice(0, 40) }),
    ).toBeVisible();
    await expect(panel).toContainText(quote.speaker);
  });

  test('Afghanistan’s panel gives the government’s position and its challenges', async ({
    page,
  }) => {
    await page.goto('/?country=AFG');
    const panel = page.getByRole('complementary', { name: 'Afghanistan' });
    await expect(panel.getByRole('heading', { name: /position/i })).toBeVisible();
    await expect(panel.getByRole('heading', { name: /challenges/i })).toBeVisible();
  });

  test('the panel lists its sources, with links only where the data has an address', async ({
    page,
  }) => {
    await page.goto('/?country=PAK');
    const panel = page.getByRole('complementary', { name: 'Pakistan' });
    const links = panel.getByRole('link');
    await expect(links.first()).toBeVisible();
    const hrefs = await links.evaluateAll((els) => els.map((el) => el.getAttribute('href')));
    const known = new Set(dataset.sources.flatMap((s) => (s.url ? [s.url] : [])));
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.filter((h) => !known.has(h ?? ''))).toEqual([]);
  });

  test('a new country’s panel opens at its top, wherever the last one was scrolled to', async ({
    page,
  }) => {
    await page.goto('/?date=2025-07-10&country=PAK');
    await waitForMapReady(page);
    const panel = page.getByRole('complementary', { name: 'Pakistan' });
    await panel.hover();
    await page.mouse.wheel(0, 3000);
    await expect.poll(() => panel.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
    await hotspot(page, 'China').focus();
    await page.keyboard.press('Enter');
    const china = page.getByRole('complementary', { name: 'China' });
    await expect(china).toBeVisible();
    expect(await china.evaluate((el) => el.scrollTop)).toBe(0);
  });

  test('a selection’s own task builds the panel’s heading; its sections follow the next frame', async ({
    page,
  }) => {
    await page.goto('/?date=2025-07-10&country=PAK');
    await waitForMapReady(page);
    const pakistan = page.getByRole('complementary', { name: 'Pakistan' });
    await expect(pakistan.getByRole('heading', { name: 'Timeline' })).toBeVisible();
    // In the page, so that no frame passes between the click and the first look.
    const seen = await page.evaluate(async () => {
      const look = () => {
        const panel = document.querySelector('aside[aria-label="China"]');
        const headings = [...(panel?.querySelectorAll('h2, h3') ?? [])].filter(
          (h) => !h.closest('[hidden]'),
        );
        return headings.map((h) => h.textContent?.trim() ?? '');
      };
      document.querySelector<HTMLButtonElement>('button[aria-label^="China:"]')!.click();
      await Promise.resolve();
      const inTask = look();
      await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 50)));
      return { inTask, after: look() };
    });
    expect(seen.inTask).toEqual(['China']);
    expect(seen.after).toEqual(expect.arrayContaining(['China', 'Timeline', 'Sources']));
  });

  test('Close panel closes it and clears the selection from the URL', async ({ page }) => {
    await page.goto('/?country=CHN');
    await page.getByRole('button', { name: 'Close panel' }).click();
    await expect(page.getByRole('complementary', { name: 'China' })).toHaveCount(0);
    await expect(page).not.toHaveURL(/country=/);
  });

  test('keyboard: Tab reaches a country on the map, focus shows its tooltip, Enter opens it', async ({
    page,
  }) => {
    await page.goto('/?date=2025-07-10');
    await waitForMapReady(page);
    const china = hotspot(page, 'China');
    await china.focus();
    await expect(page.getByRole('tooltip')).toContainText('China');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('complementary', { name: 'China' })).toBeVisible();
  });

  test('a selection is announced to screen readers', async ({ page }) => {
    await page.goto('/?date=2025-07-10&country=CHN');
    await expect(
      page.locator('[aria-live="polite"]').filter({ hasText: 'China selected' }),
    ).toHaveCount(1);
  });

  test('the UN and the World Bank are reachable from the table', async ({ page }) => {
    await page.goto('/?view=table');
    for (const name of ['United Nations', 'World Bank']) {
      await page.getByRole('table').getByRole('button', { name, exact: true }).click();
      await expect(page.getByRole('complementary', { name })).toBeVisible();
    }
  });

  // Markup itself is refused by the validator (tests/e2e/hostile-datasets.test.ts); what it lets
  // through, angle brackets and ampersands in prose, must reach the screen exactly as written.
  test('data text is rendered as text, never as markup', async ({ page }) => {
    const name = 'China < "PRC" & > 1 <= 2';
    await page.route('**/data/countries.json', async (route) => {
      const response = await route.fetch();
      const data = (await response.json()) as { countries: { id: string; name: string }[] };
      data.countries.find((c) => c.id === 'CHN')!.name = name;
      await route.fulfill({ response, json: data });
    });
    await page.goto('/?country=CHN');
    const panel = page.getByRole('complementary', { name });
    await expect(panel).toBeVisible();
    await expect(panel.getByRole('heading', { level: 2 })).toHaveText(name);
  });
});

test.describe('time', () => {
  test('arrow keys on the timeline move a day and recolour the map', async ({ page }) => {
    await page.goto('/?date=2025-07-02');
    await waitForMapReady(page);
    const russia = () => mapColourAt(page, 48, 57);
    expect(colourDistance(await russia(), rgbOf(levelColour('ambassador')))).toBeLessThanOrEqual(3);
    await page.getByRole('slider', { name: 'Map date' }).press('ArrowRight');
    await expect(page).toHaveURL(/date=2025-07-03/);
    await waitForMapReady(page);
    expect(colourDistance(await russia(), rgbOf(levelColour('recognition')))).toBeLessThanOrEqual(
      3,
    );
  });

  test('the article’s date preset shows the state of affairs the article describes', async ({
    page,
  }) => {
    await page.goto('/');
    await page.getByRole('button', { name: /^Article’s date/ }).click();
    await expect(page).toHaveURL(/date=2025-05-30/);
  });

  test('play runs the timeline forward and pause stops it', async ({ page }) => {
    await page.goto('/?date=2021-08-15');
    await page.getByRole('button', { name: 'Play' }).click();
    // Moving: the URL follows the date (a busy machine may take a while to start).
    await expect(page).not.toHaveURL(/date=2021-08-15/);
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
    // The URL catches up with the date the slider shows, a frame after the last step.
    const shown = await page
      .getByRole('slider', { name: 'Map date' })
      .getAttribute('aria-valuetext');
    const urlDate = () => new URL(page.url()).searchParams.get('date');
    await expect.poll(() => formatDate(urlDate() ?? '')).toBe(shown);
    const paused = urlDate();
    expect(paused).not.toBeNull();
    expect(paused! > '2021-08-15').toBe(true);
    // Paused: nothing moves any more.
    await page.waitForTimeout(600);
    expect(new URL(page.url()).searchParams.get('date')).toBe(paused);
  });

  test('events are ticks on the timeline', async ({ page }) => {
    await page.goto('/');
    const ticks = page.getByRole('toolbar', { name: 'Events' }).getByRole('button');
    await expect.poll(() => ticks.count()).toBeGreaterThan(30);
  });
});

test.describe('filters and search', () => {
  test('a legend entry filters its level out, and the URL says so', async ({ page }) => {
    await page.goto('/?date=2025-07-10');
    await waitForMapReady(page);
    const legend = page.getByRole('region', { name: 'Engagement with Kabul' });
    await legend.getByRole('button', { name: 'Ambassador level' }).click();
    await expect(legend.getByRole('button', { name: 'Ambassador level' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
    await expect(page).toHaveURL(/levels=/);
    await waitForMapReady(page);
    const china = await mapColourAt(page, 88, 32);
    expect(colourDistance(china, rgbOf(levelColour('ambassador')))).toBeGreaterThan(30);
  });

  test.describe('search by any name', () => {
    for (const [query, id, name] of [
      ['Emirates', 'ARE', 'United Arab Emirates'],
      ['UAE', 'ARE', 'United Arab Emirates'],
      ['Türkiye', 'TUR', 'Türkiye'],
      ['turkiye', 'TUR', 'Türkiye'],
    ] as const) {
      test(`“${query}” finds ${name}, flies there and selects it`, async ({ page }) => {
        await page.goto('/');
        await waitForMapReady(page);
        const before = await page.getByTestId('map').getAttribute('data-center');
        const search = page.getByRole('combobox', { name: 'Search countries' });
        await search.fill(query);
        await search.press('Enter');
        await expect(
          page.getByRole('complementary', {
            name: dataset.countries.find((c) => c.id === id)!.name,
          }),
        ).toBeVisible();
        await expect(page).toHaveURL(new RegExp(`country=${id}`));
        await expect(page.getByTestId('map')).not.toHaveAttribute('data-center', before ?? '');
      });
    }
  });
});

test.describe('table view', () => {
  test('lists every country with data, with its level, and a row selects it', async ({ page }) => {
    await page.goto('/?view=table&date=2025-07-10');
    const table = page.getByRole('table', { name: 'Engagement with Kabul by country' });
    for (const country of dataset.countries) {
      await expect(table.getByRole('button', { name: country.name, exact: true })).toBeVisible();
    }
    await table.getByRole('button', { name: 'Russia', exact: true }).click();
    await expect(page.getByRole('complementary', { name: 'Russia' })).toBeVisible();
  });

  test('sorts by level', async ({ page }) => {
    await page.goto('/?view=table&date=2025-07-10');
    const table = page.getByRole('table', { name: 'Engagement with Kabul by country' });
    const header = table.getByRole('columnheader', { name: 'Level' });
    await header.getByRole('button').click();
    await expect(header).toHaveAttribute('aria-sort', /ascending|descending/);
    const first = await table.getByRole('row').nth(1).textContent();
    const last = await table.getByRole('row').last().textContent();
    expect(first).not.toEqual(last);
  });
});

test.describe('URL state', () => {
  test('restores date, selection, filters and camera exactly', async ({ page }) => {
    await page.goto(
      '/?date=2024-09-01&country=CHN&motives=security&levels=ambassador,embassy&center=75.5,38.25&zoom=3.75',
    );
    await waitForMapReady(page);
    await expect(page.getByRole('complementary', { name: 'China' })).toBeVisible();
    await expect(page.getByRole('slider', { name: 'Map date' })).toHaveAttribute(
      'aria-valuetext',
      '1 September 2024',
    );
    const motives = page.getByRole('group', { name: 'Motives' });
    await expect(motives.getByRole('button', { name: 'Security' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expect(motives.getByRole('button', { name: 'Economic' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
    const legend = page.getByRole('region', { name: 'Engagement with Kabul' });
    await expect(legend.getByRole('button', { name: 'Formal recognition' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
    await expect(page.getByTestId('map')).toHaveAttribute('data-center', '75.500000,38.250000');
    await expect(page.getByTestId('map')).toHaveAttribute('data-zoom', '3.750000');
  });

  for (const [search, words] of [
    ['?country=XYZ', 'No country or institution “XYZ”'],
    ['?motives=love', 'Unknown motive'],
    ['?levels=friends', 'Unknown level'],
    ['?center=999,0&zoom=3', 'not a place on the map'],
    ['?date=garbage', 'not a calendar date'],
  ] as const) {
    test(`${search} falls back with a notice`, async ({ page }) => {
      await page.goto(`/${search}`);
      await waitForMapReady(page);
      await expect(page.getByRole('status').filter({ hasText: words })).toBeVisible();
    });
  }
});

test.describe('small screens and motion', () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test('on a phone the panel is a bottom sheet', async ({ page }) => {
    await page.goto('/?country=CHN');
    const panel = page.getByRole('complementary', { name: 'China' });
    await expect(panel).toBeVisible();
    const box = (await panel.boundingBox())!;
    expect(box.y).toBeGreaterThan(740 * 0.3);
    expect(box.width).toBeGreaterThan(360);
  });

  test('with reduced motion, search jumps to the country', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto('/');
    await waitForMapReady(page);
    const before = await page.getByTestId('map').getAttribute('data-center');
    const search = page.getByRole('combobox', { name: 'Search countries' });
    await search.fill('Qatar');
    await search.press('Enter');
    await expect(page.getByTestId('map')).not.toHaveAttribute('data-center', before!, {
      timeout: 1000,
    });
    // The framing follows from the selection: the URL names the country, not a camera.
    await expect(page).toHaveURL(/\?country=QAT$/);
  });
});

test.describe('keyboard alone', () => {
  test('Tab reaches search, views, the map’s countries, the key, the motives and the timeline', async ({
    page,
  }) => {
    await page.goto('/');
    await waitForMapReady(page);
    const reached = new Set<string>();
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      const name = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el
          ? `${el.getAttribute('role') ?? el.tagName.toLowerCase()}:${el.getAttribute('aria-label') ?? el.textContent?.trim() ?? ''}`
          : '';
      });
      reached.add(name);
    }
    const all = [...reached].join('\n');
    expect(all).toContain('combobox:');
    expect(all).toMatch(/button:Table/);
    expect(all).toMatch(/button:China: /);
    expect(all).toMatch(/button:Ambassador level/);
    expect(all).toMatch(/button:Economic/);
    expect(all).toMatch(/input:Map date/);
    expect(all).toMatch(/button:Play/);
  });
});
