import { describe, expect, test } from 'vitest';
import {
  dragHeight,
  pointerVelocity,
  sheetHeight,
  snapAfterDrag,
  snapForKey,
  type SheetSnap,
} from '../../src/lib/sheet.ts';

// A 375×667 phone's stage with the timeline and the source line below it.
const STAGE = 400;

describe('sheetHeight', () => {
  test.each<[SheetSnap, number, number]>([
    ['half', 400, 180],
    ['half', 405, 182],
    ['full', 400, 400],
    ['full', 605, 605],
  ])('%s of a %i px stage is %i px', (snap, stage, expected) => {
    expect(sheetHeight(snap, stage)).toBe(expected);
  });
});

describe('dragHeight', () => {
  test.each([
    ['follows the pointer up', { startHeight: 180, startY: 400, y: 300 }, 280],
    ['follows the pointer down', { startHeight: 400, startY: 100, y: 250 }, 250],
    ['stops at the stage', { startHeight: 180, startY: 400, y: -50 }, STAGE],
    ['stops a little under half height', { startHeight: 180, startY: 400, y: 600 }, 135],
    ['follows to the fraction of a pixel', { startHeight: 180, startY: 400.4, y: 300 }, 280.4],
    ['starts where the sheet was caught', { startHeight: 399.6, startY: 20, y: 21 }, 398.6],
    [
      'caught low as it settled, it moves on from there',
      { startHeight: 90, startY: 560, y: 559 },
      91,
    ],
    ['caught low, it goes no lower', { startHeight: 90, startY: 560, y: 600 }, 90],
    ['caught above the stage, it goes no higher', { startHeight: 420, startY: 20, y: 0 }, 420],
  ])('%s', (_, drag, expected) => {
    expect(dragHeight({ ...drag, stage: STAGE })).toBeCloseTo(expected, 9);
  });
});

describe('snapAfterDrag', () => {
  test.each<[string, number, number, SheetSnap]>([
    ['a slow release nearer half stays half', 289, 0, 'half'],
    ['a slow release nearer full goes full', 291, 0, 'full'],
    ['a slow release at full stays full', 400, 0.1, 'full'],
    ['a flick up from near half goes full', 210, -0.8, 'full'],
    ['a flick down from near full goes half', 390, 0.8, 'half'],
    ['a flick is 0.5 px/ms or more', 390, 0.5, 'half'],
    ['just under a flick goes to the nearer', 390, 0.49, 'full'],
  ])('%s', (_, height, velocity, expected) => {
    expect(snapAfterDrag({ height, velocity, stage: STAGE })).toBe(expected);
  });
});

describe('snapForKey', () => {
  test.each<[string, SheetSnap | null]>([
    ['ArrowUp', 'full'],
    ['PageUp', 'full'],
    ['End', 'full'],
    ['ArrowDown', 'half'],
    ['PageDown', 'half'],
    ['Home', 'half'],
    ['Enter', null],
    [' ', null],
    ['ArrowLeft', null],
  ])('%j asks for %s', (key, expected) => {
    expect(snapForKey(key)).toBe(expected);
  });
});

describe('pointerVelocity', () => {
  test.each([
    ['no samples', [], 0],
    ['one sample', [{ y: 10, t: 0 }], 0],
    [
      'a steady move up',
      [
        { y: 500, t: 0 },
        { y: 450, t: 50 },
        { y: 400, t: 100 },
      ],
      -1,
    ],
    [
      'only the last 100 ms count',
      [
        { y: 900, t: 0 },
        { y: 500, t: 200 },
        { y: 520, t: 300 },
      ],
      0.2,
    ],
    [
      'a pointer that stopped before letting go',
      [
        { y: 500, t: 0 },
        { y: 400, t: 50 },
        { y: 400, t: 400 },
      ],
      0,
    ],
  ])('%s', (_, samples, expected) => {
    expect(pointerVelocity(samples)).toBeCloseTo(expected, 6);
  });
});
