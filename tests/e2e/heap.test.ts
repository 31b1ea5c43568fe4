/**
 * The JS heap stays bounded over a long session: 200 scene transitions in presentation mode and
 * 200 date changes in exploration, by keyboard. The page's heap is read through the DevTools
 * protocol after forced garbage collection, before and after each run of 200, once a warm-up
 * pass has filled the caches that are meant to fill (fonts, glyphs, shaders, tiles of every zoom).
 *
 * Measured here (Chromium, SwiftShader, 480x360), growth per 200: presentation +1.3 MB twice
 * (46.9 -> 48.1), exploration +0.7 MB twice (46.7 -> 47.5, 46.8 -> 47.4). The bound, 4 MB per
 * 200, is three times the worst of these; a leak of 3 MB per 100 key presses (30 KB kept per
 * keydown, tried by hand) measured +6.7 and +6.6 MB and failed it.
 *
 * Time: every change is drawn in software WebGL and read back at each compositor commit
 * (headless, --disable-gpu): 83 s on this 2-core machine at a load of 3 to 8, 3 minutes under
 * a full parallel suite, hence the long timeout.
 * Not measured: MapLibre's workers (heaps of their own) and GPU memory.
 */
import type { CDPSession, Page } from '@playwright/test';
import { dataset } from './data.ts';
import { expect, test, waitForMapReady } from './fixtures.ts';

const MB = 1024 * 1024;
/** Growth allowed over one run of 200 changes, in MB. */
const BOUND_MB = 4;
const RUN = 200;

// Smaller than the other tests' 1280x800: software WebGL draws it faster; the code paths are the same.
test.use({ viewport: { width: 480, height: 360 } });

/** JS heap in use after garbage collection, in bytes. */
async function heapAfterGc(cdp: CDPSession): Promise<number> {
  // Twice: objects whose finalisers ran in the first pass are only freed by the second.
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

/** Presses `key` `times` times, then waits until the map has drawn the result. */
async function press(page: Page, key: string, times: number) {
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
  await waitForMapReady(page);
}

/** The heap before and after `run`, once `warmUp` has run, in MB. */
async function growth(cdp: CDPSession, warmUp: () => Promise<void>, run: () => Promise<void>) {
  await warmUp();
  const before = await heapAfterGc(cdp);
  await run();
  const after = await heapAfterGc(cdp);
  return { before: before / MB, after: after / MB, growth: (after - before) / MB };
}

test(`${RUN} scene transitions and ${RUN} date changes keep the JS heap within ${BOUND_MB} MB each`, async ({
  page,
}) => {
  test.setTimeout(300_000); // see the note on time above
  const cdp = await page.context().newCDPSession(page);
  const steps = dataset.scenes.length - 1;

  // Presentation: with reduced motion a scene jumps, so the deck can be walked quickly.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/?mode=present&scene=1');
  await waitForMapReady(page);
  const present = await growth(
    cdp,
    () => press(page, 'ArrowRight', steps),
    async () => {
      for (let done = 0, forward = false; done < RUN; done += steps, forward = !forward) {
        await press(page, forward ? 'ArrowRight' : 'ArrowLeft', Math.min(steps, RUN - done));
      }
    },
  );

  // Exploration: Page Up and Page Down move the timeline a month, across the whole span and back.
  await page.goto('/?date=2021-08-15');
  await waitForMapReady(page);
  await page.getByRole('slider', { name: 'Map date' }).focus();
  const explore = await growth(
    cdp,
    async () => {
      await press(page, 'End', 1);
      await press(page, 'Home', 1);
    },
    async () => {
      for (let done = 0, forward = true; done < RUN; done += 50, forward = !forward) {
        await press(page, forward ? 'PageUp' : 'PageDown', 50);
      }
    },
  );

  const line = (name: string, m: typeof present) =>
    `${name} ${m.before.toFixed(1)} -> ${m.after.toFixed(1)} MB (${m.growth >= 0 ? '+' : ''}${m.growth.toFixed(1)})`;
  test.info().annotations.push({
    type: 'heap',
    description: `${line('presentation', present)}; ${line('exploration', explore)}`,
  });
  expect(present.growth, line('presentation', present)).toBeLessThan(BOUND_MB);
  expect(explore.growth, line('exploration', explore)).toBeLessThan(BOUND_MB);
});
