/**
 * The first map, as a reader sees it: countries coloured by their level on the date in the URL,
 * read from the pixels, against the colours the dataset gives.
 */
import { readFileSync } from 'node:fs';
import { formatDate } from '../../src/lib/dates.ts';
import type { Levels } from '../../src/lib/schema.ts';
import { expect, test, waitForMapReady } from './fixtures.ts';
import { colourDistance, mapColourAt, rgbOf } from './map-helpers.ts';

const levels = JSON.parse(readFileSync('data/levels.json', 'utf8')) as Levels;
const colourOf = (id: string) => {
  if (id === 'focus') return levels.focus.color;
  if (id === 'none') return levels.noData.color;
  const level = levels.levels.find((l) => l.id === id);
  if (!level) throw new Error(`no level ${id} in data/levels.json`);
  return level.color;
};

// Points well inside each country and away from its label.
const PLACES: Record<string, [number, number]> = {
  China: [88, 32],
  Russia: [48, 57],
  Afghanistan: [64.5, 33],
  // Mongolia: the sources used here say nothing about it, so it is drawn as no data.
  Mongolia: [103, 46.5],
};

const CASES: [string, Record<string, string>][] = [
  // Before Russia's recognition on 3 July 2025, after it accepted the ambassador.
  [
    '2025-06-15',
    { China: 'ambassador', Russia: 'ambassador', Afghanistan: 'focus', Mongolia: 'none' },
  ],
  // After the recognition.
  [
    '2025-07-10',
    { China: 'ambassador', Russia: 'recognition', Afghanistan: 'focus', Mongolia: 'none' },
  ],
];

for (const [date, expected] of CASES) {
  for (const [place, level] of Object.entries(expected)) {
    test(`on ${date}, ${place} has the colour of “${level}”`, async ({ page }) => {
      await page.goto(`/?date=${date}`);
      await waitForMapReady(page);
      const [lon, lat] = PLACES[place]!;
      const colour = await mapColourAt(page, lon, lat);
      expect(
        colourDistance(colour, rgbOf(colourOf(level))),
        `${place} is rgb(${colour.join(',')})`,
      ).toBeLessThanOrEqual(3);
    });
  }
}

test('Mongolia is not in the dataset, so no-data is what the sources say', () => {
  const countries = JSON.parse(readFileSync('data/countries.json', 'utf8')) as {
    countries: { id: string }[];
  };
  expect(countries.countries.map((c) => c.id)).not.toContain('MNG');
});

test('a change of date turns Russia from ambassador to recognition without a reload', async ({
  page,
}) => {
  await page.goto('/?date=2025-06-15');
  await waitForMapReady(page);
  // End: the timeline's last day, after Russia's recognition.
  await page.getByRole('slider', { name: 'Map date' }).press('End');
  await expect(page).not.toHaveURL(/date=/);
  await waitForMapReady(page);
  const colour = await mapColourAt(page, ...PLACES.Russia!);
  expect(colourDistance(colour, rgbOf(colourOf('recognition')))).toBeLessThanOrEqual(3);
});

test('the default date is the dataset’s latest event, and the URL stays clean', async ({
  page,
}) => {
  await page.goto('/');
  await waitForMapReady(page);
  const last = [
    ...new Set(
      JSON.parse(readFileSync('data/events.json', 'utf8')).events.map(
        (e: { date: string }) => e.date,
      ),
    ),
  ]
    .sort()
    .at(-1) as string;
  await expect(page.getByRole('slider', { name: 'Map date' })).toHaveAttribute(
    'aria-valuetext',
    formatDate(last),
  );
  expect(new URL(page.url()).search).toBe('');
});

test.describe('a resize of the window is not the reader moving the map', () => {
  test('the default view is framed anew for the new size, and the URL stays clean', async ({
    page,
  }) => {
    await page.goto('/');
    await waitForMapReady(page);
    const map = page.getByTestId('map');
    const zoom = await map.getAttribute('data-zoom');
    await page.setViewportSize({ width: 900, height: 700 });
    await expect(map).not.toHaveAttribute('data-zoom', zoom!);
    await waitForMapReady(page);
    await page.waitForTimeout(300); // the URL is written a task after the frame
    expect(new URL(page.url()).search).toBe('');
  });

  test('a camera the reader chose stays where it is, and so does the URL', async ({ page }) => {
    await page.goto('/?center=60,35&zoom=3');
    await waitForMapReady(page);
    const map = page.getByTestId('map');
    await page.setViewportSize({ width: 900, height: 640 });
    await expect.poll(async () => (await map.boundingBox())?.width).toBeLessThan(901);
    await waitForMapReady(page);
    await page.waitForTimeout(300);
    await expect(map).toHaveAttribute('data-center', '60.000000,35.000000');
    await expect(map).toHaveAttribute('data-zoom', '3.000000');
    expect(new URL(page.url()).search).toBe('?center=60,35&zoom=3');
  });
});

test('a bad date in the URL falls back with a visible notice', async ({ page }) => {
  await page.goto('/?date=2025-02-30');
  await waitForMapReady(page);
  await expect(page.getByRole('status').filter({ hasText: 'not a calendar date' })).toBeVisible();
});

test('the map has a legend with every level, no data and the focus', async ({ page }) => {
  await page.goto('/');
  const legend = page.getByRole('region', { name: 'Engagement with Kabul' });
  for (const label of [
    ...levels.levels.map((l) => l.label),
    levels.noData.label,
    levels.focus.label,
  ]) {
    await expect(legend.getByText(label, { exact: true })).toBeVisible();
  }
});

test('the title and the source line are visible', async ({ page }) => {
  await page.goto('/');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Kabul Engagement Atlas' }),
  ).toBeVisible();
  await expect(page.getByRole('contentinfo')).toContainText('Al Jazeera Net');
  // Its sentences read as sentences: the review date, then the boundaries.
  await expect(page.getByRole('contentinfo')).toContainText(
    'data reviewed through 23 June 2026. Boundaries: Natural Earth; disputed areas drawn neutrally.',
  );
});
