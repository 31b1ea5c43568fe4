import { readFileSync } from 'node:fs';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, test } from 'vitest';
import { pdfDeck, type PdfPicture } from '../../src/lib/pdf-deck.ts';

const jpeg = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../fixtures/${name}`, import.meta.url)));

const WIDE: PdfPicture = {
  jpeg: jpeg('picture-16x9.jpg'),
  pixelWidth: 16,
  pixelHeight: 9,
  width: 1920,
  height: 1080,
};
const TALL: PdfPicture = {
  jpeg: jpeg('picture-9x16.jpg'),
  pixelWidth: 9,
  pixelHeight: 16,
  width: 1080,
  height: 1920,
};

/** The PDF read back by Mozilla's PDF.js, as a reader would open it. */
async function open(bytes: Uint8Array) {
  return getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false })
    .promise;
}

describe('pdfDeck', () => {
  test('has one page per picture', async () => {
    const pdf = await open(pdfDeck([WIDE, TALL, WIDE], 'Deck'));
    expect(pdf.numPages).toBe(3);
  });

  test.each([
    { page: 1, size: [1440, 810] },
    { page: 2, size: [810, 1440] },
  ])(
    'page $page is its picture’s size in points (0.75 pt per CSS pixel)',
    async ({ page, size }) => {
      const pdf = await open(pdfDeck([WIDE, TALL], 'Deck'));
      const viewport = (await pdf.getPage(page)).getViewport({ scale: 1 });
      expect([viewport.width, viewport.height]).toEqual(size);
    },
  );

  test('each page draws one image and nothing else', async () => {
    const pdf = await open(pdfDeck([WIDE, TALL], 'Deck'));
    const ops = (await (await pdf.getPage(2)).getOperatorList()).fnArray;
    expect(ops.filter((op) => op === OPS.paintImageXObject)).toHaveLength(1);
  });

  test('the image on a page is the picture, at its pixel size', async () => {
    const pdf = await open(pdfDeck([WIDE, TALL], 'Deck'));
    const page = await pdf.getPage(2);
    const list = await page.getOperatorList();
    const name = list.argsArray[list.fnArray.indexOf(OPS.paintImageXObject)]![0] as string;
    const image = await new Promise<{ width: number; height: number }>((resolve) =>
      page.objs.get(name, resolve),
    );
    expect([image.width, image.height]).toEqual([9, 16]);
  });

  test('the title is in the document information, in any script', async () => {
    const title = 'Kabul Engagement Atlas — کابل';
    const pdf = await open(pdfDeck([WIDE], title));
    const { info } = await pdf.getMetadata();
    expect((info as { Title?: string }).Title).toBe(title);
  });

  test('the cross-reference table points at every object', () => {
    const bytes = pdfDeck([WIDE, TALL], 'Deck');
    const text = new TextDecoder('latin1').decode(bytes);
    const start = Number(/startxref\n(\d+)/.exec(text)![1]);
    const entries = text
      .slice(start)
      .split('\n')
      .filter((line) => / 00000 n $/.test(line));
    const wrong = entries
      .map((line, i) => ({ id: i + 1, at: Number(line.slice(0, 10)) }))
      .filter(({ id, at }) => !text.startsWith(`${id} 0 obj`, at));
    expect({ count: entries.length, wrong }).toEqual({ count: 9, wrong: [] });
  });

  test('refuses an empty deck', () => {
    expect(() => pdfDeck([], 'Deck')).toThrow(RangeError);
  });
});
