/**
 * Presentation mode, as a presenter uses it: scenes by URL and by keyboard (clicker keys included),
 * quick presses, leaving, full screen, the speaker window and the kiosk clock. The camera each scene
 * ends on is checked against the same pure function the app uses, computed here in Node.
 */
import { countryFeatures, frameOf, labelPoints } from '../../src/lib/countries.ts';
import { MAP_THEMES } from '../../src/lib/style.ts';
import { sceneMapState } from '../../src/lib/scene-view.ts';
import type { Topology } from 'topojson-specification';
import { readFileSync } from 'node:fs';
import { expectNoSeriousAxeViolations } from './axe.ts';
import { dataset, levelColour } from './data.ts';
import { expect, test, waitForMapReady } from './fixtures.ts';
import { colourDistance, mapColourAt, mapHasColourNear, rgbOf } from './map-helpers.ts';
import { levelOn, engagementIndex } from '../../src/lib/engagement.ts';

const scenes = dataset.scenes;
const topology = JSON.parse(readFileSync('public/geo/countries.json', 'utf8')) as Topology;
const frames = new Map(
  countryFeatures(topology).features.map((f) => [f.properties.id, frameOf(f.geometry)]),
);
const heading = (page: import('@playwright/test').Page) => page.getByRole('heading', { level: 1 });
const engagement = engagementIndex(dataset);
const labelAt = new Map(
  labelPoints(topology, new Map(dataset.countries.map((c) => [c.id, c.name]))).features.map((f) => [
    f.properties.id,
    f.geometry.coordinates as [number, number],
  ]),
);

/**
 * The highlighted countries big enough to sample (at least 6° wide and tall), with the colour a
 * highlighted country has on the dark map: its level's, or the dark theme's focus colour.
 */
function sampledHighlights(scene: (typeof scenes)[number]) {
  return scene.highlight.flatMap((id) => {
    const frame = frames.get(id);
    const at = labelAt.get(id);
    if (!frame || !at || frame[1][0] - frame[0][0] < 6 || frame[1][1] - frame[0][1] < 6) return [];
    const colour =
      id === 'AFG'
        ? MAP_THEMES.dark.focus(dataset.levels)
        : levelColour(levelOn(engagement, id, scene.date)?.level ?? 'none', 'dark');
    return [{ id, at, colour }];
  });
}

/** The map element's size: the stage the scene is framed for. */
async function stageSize(page: import('@playwright/test').Page) {
  const box = (await page.getByTestId('map').boundingBox())!;
  return { width: Math.round(box.width), height: Math.round(box.height) };
}

async function expectSceneCamera(page: import('@playwright/test').Page, index: number) {
  const expected = sceneMapState(scenes[index]!, await stageSize(page), frames).camera;
  const map = page.getByTestId('map');
  const [lon, lat] = (await map.getAttribute('data-center'))!.split(',').map(Number) as [
    number,
    number,
  ];
  const zoom = Number(await map.getAttribute('data-zoom'));
  expect(Math.abs(zoom - expected.zoom)).toBeLessThan(0.01);
  expect(Math.abs(lon - expected.lon)).toBeLessThan(0.05);
  expect(Math.abs(lat - expected.lat)).toBeLessThan(0.05);
}

test.describe('scenes by URL', () => {
  for (const [i, scene] of scenes.entries()) {
    test(`?mode=present&scene=${i + 1} opens “${scene.title}”`, async ({ page }) => {
      await page.goto(`/?mode=present&scene=${i + 1}`);
      await expect(heading(page)).toHaveText(scene.title);
      await waitForMapReady(page);
      await expectSceneCamera(page, i);
      await expect(page).toHaveURL(new RegExp(`mode=present&scene=${i + 1}$`));
      await page.waitForTimeout(800); // the highlight's paint transition
      // Around the label (whose letters cover its exact point), the country's full level colour.
      for (const { id, at, colour } of sampledHighlights(scene)) {
        expect(await mapHasColourNear(page, at[0], at[1], rgbOf(colour), 14, 6), id).toBe(true);
      }
    });
  }
});

test('the whole deck by keyboard, forward with → and back with PageUp', async ({ page }) => {
  test.setTimeout(240_000);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/?mode=present&scene=1');
  await waitForMapReady(page);
  for (let i = 1; i < scenes.length; i++) {
    await page.keyboard.press(i % 3 === 0 ? 'Space' : i % 3 === 1 ? 'ArrowRight' : 'PageDown');
    await expect(heading(page)).toHaveText(scenes[i]!.title);
    await expect(page).toHaveURL(new RegExp(`scene=${i + 1}$`));
  }
  await waitForMapReady(page);
  await expectSceneCamera(page, scenes.length - 1);
  for (let i = scenes.length - 2; i >= 0; i--) {
    await page.keyboard.press(i % 2 === 0 ? 'PageUp' : 'ArrowLeft');
    await expect(heading(page)).toHaveText(scenes[i]!.title);
  }
  await expect(page).toHaveURL(/scene=1$/);
});

test('quick presses never leave the map between two scenes', async ({ page }) => {
  await page.goto('/?mode=present&scene=1');
  await waitForMapReady(page);
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect(heading(page)).toHaveText(scenes[5]!.title);
  await expect(page).toHaveURL(/scene=6$/);
  await waitForMapReady(page);
  await expectSceneCamera(page, 5);
  await expect(page.getByText(`Scene 6 of ${scenes.length}`)).toBeVisible();
});

test('a scene lands on its camera when the stage changes size during the flight', async ({
  page,
}) => {
  await page.goto('/?mode=present&scene=2');
  await waitForMapReady(page);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('map')).toHaveAttribute('data-ready', 'false');
  // Mid-flight, the window grows taller (a phone's toolbar folding away, a font landing).
  await page.setViewportSize({ width: 1280, height: 900 });
  await waitForMapReady(page);
  await expectSceneCamera(page, 2);
});

test('data-ready turns false in the same task as a key that changes the scene', async ({
  page,
}) => {
  await page.goto('/?mode=present&scene=3');
  await waitForMapReady(page);
  // The value just after each key's own task: a timer set while the key is handled runs after it.
  await page.evaluate(() => {
    const map = document.querySelector('[data-testid="map"]')!;
    const seen: (string | null)[] = [];
    (window as unknown as { readyAfterKey: typeof seen }).readyAfterKey = seen;
    addEventListener('keydown', () => setTimeout(() => seen.push(map.getAttribute('data-ready'))), {
      capture: true,
    });
  });
  const keys = ['ArrowRight', 'PageDown', 'ArrowLeft', 'End', 'Home'];
  for (const key of keys) {
    await page.keyboard.press(key);
    await waitForMapReady(page);
  }
  const seen = await page.evaluate(
    () => (window as unknown as { readyAfterKey: string[] }).readyAfterKey,
  );
  expect(seen).toEqual(keys.map(() => 'false'));
});

test('Home, End, and a number then Enter jump', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/?mode=present&scene=3');
  await expect(heading(page)).toHaveText(scenes[2]!.title);
  await page.keyboard.press('End');
  await expect(heading(page)).toHaveText(scenes.at(-1)!.title);
  await page.keyboard.press('Home');
  await expect(heading(page)).toHaveText(scenes[0]!.title);
  await page.keyboard.type('12');
  await page.keyboard.press('Enter');
  await expect(heading(page)).toHaveText(scenes[11]!.title);
  await expect(page).toHaveURL(/scene=12$/);
});

test('the on-screen controls step through the deck', async ({ page }) => {
  await page.goto('/?mode=present&scene=2');
  await page.getByRole('button', { name: 'Next scene' }).click();
  await expect(heading(page)).toHaveText(scenes[2]!.title);
  await page.getByRole('button', { name: 'Previous scene' }).click();
  await expect(heading(page)).toHaveText(scenes[1]!.title);
});

test('a scene colours its highlighted country in full and sets the others back', async ({
  page,
}) => {
  const i = scenes.findIndex((s) => s.id === 'china-2023');
  const scene = scenes[i]!;
  const index = engagementIndex(dataset);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`/?mode=present&scene=${i + 1}`);
  await waitForMapReady(page);
  await page.waitForTimeout(800); // the highlight's paint transition
  const china = await mapColourAt(page, 103, 31);
  const chinaLevel = levelOn(index, 'CHN', scene.date)!.level;
  expect(colourDistance(china, rgbOf(levelColour(chinaLevel, 'dark')))).toBeLessThanOrEqual(4);
  // Iran is not highlighted: drawn well darker than its level's colour on the dark map (read
  // south-east of its name, clear of the letters and of Tehran's arc).
  const iran = await mapColourAt(page, 58, 28.5);
  const iranLevel = levelOn(index, 'IRN', scene.date)!.level;
  expect(colourDistance(iran, rgbOf(levelColour(iranLevel, 'dark')))).toBeGreaterThan(40);
});

test('Esc returns to exploration at the same date and camera', async ({ page }) => {
  const i = scenes.findIndex((s) => s.id === 'russia-recognition');
  await page.goto(`/?mode=present&scene=${i + 1}`);
  await waitForMapReady(page);
  const center = await page.getByTestId('map').getAttribute('data-center');
  await page.keyboard.press('Escape');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Kabul Engagement Atlas' }),
  ).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`date=${scenes[i]!.date}`));
  await expect(page).toHaveURL(/center=/);
  await expect(page.getByTestId('map')).toHaveAttribute('data-center', center!);
});

test('F toggles full screen', async ({ page }) => {
  await page.goto('/?mode=present&scene=1');
  await heading(page).waitFor();
  await page.keyboard.press('f');
  await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
  await page.keyboard.press('f');
  await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(false);
});

test('a scene out of range opens the first', async ({ page }) => {
  await page.goto('/?mode=present&scene=999');
  await expect(heading(page)).toHaveText(scenes[0]!.title);
  await expect(page).toHaveURL(/scene=1$/);
});

test('the speaker view follows the presentation and can drive it', async ({ page, context }) => {
  await page.goto('/?mode=present&scene=1');
  await heading(page).waitFor();
  const speaker = await context.newPage();
  await speaker.goto('/?mode=speaker');
  await expect(speaker.getByRole('heading', { level: 1 })).toHaveText(scenes[0]!.title);
  await expect(speaker.getByRole('timer', { name: 'Elapsed time' })).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(speaker.getByRole('heading', { level: 1 })).toHaveText(scenes[1]!.title);
  if (scenes[1]!.notes)
    await expect(speaker.getByText(scenes[1]!.notes.slice(0, 30))).toBeVisible();
  await speaker.getByRole('button', { name: 'Next scene' }).click();
  await expect(heading(page)).toHaveText(scenes[2]!.title);
});

test('auto-advance moves on by itself and pauses on input', async ({ page }) => {
  await page.goto('/?mode=present&scene=1&autoplay=3');
  await expect(heading(page)).toHaveText(scenes[1]!.title, { timeout: 8000 });
  await page.keyboard.press('Shift');
  await expect(page.getByRole('button', { name: 'Resume auto-advance' })).toBeVisible();
  await page.waitForTimeout(3500);
  await expect(heading(page)).toHaveText(scenes[1]!.title);
});

test('presentation mode has no serious or critical accessibility violation', async ({ page }) => {
  await page.goto('/?mode=present&scene=2');
  await waitForMapReady(page);
  await expectNoSeriousAxeViolations(page);
});
