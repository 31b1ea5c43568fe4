import { crc32 as nodeCrc32 } from 'node:zlib';
import { PNG } from 'pngjs';
import { describe, expect, test } from 'vitest';
import { crc32, withPngText } from '../../src/lib/png-text.ts';

/** A 3×2 PNG, red, encoded by pngjs. */
function smallPng(): Uint8Array {
  const png = new PNG({ width: 3, height: 2 });
  png.data.fill(0);
  for (let i = 0; i < png.data.length; i += 4) [png.data[i], png.data[i + 3]] = [255, 255];
  return new Uint8Array(PNG.sync.write(png));
}

/** The chunks of a PNG, in order: type, data and whether the CRC is right. */
function chunks(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: { type: string; data: Uint8Array; crcOk: boolean }[] = [];
  for (let at = 8; at < bytes.length;) {
    const length = view.getUint32(at);
    const type = new TextDecoder().decode(bytes.subarray(at + 4, at + 8));
    const data = bytes.subarray(at + 8, at + 8 + length);
    const crc = view.getUint32(at + 8 + length);
    out.push({ type, data, crcOk: crc === nodeCrc32(bytes.subarray(at + 4, at + 8 + length)) });
    at += 12 + length;
  }
  return out;
}

describe('crc32', () => {
  test.each(['', 'IEND', 'iTXtDescription', 'Kabul – Kāshgar “quoted”'])(
    'of %j is zlib’s',
    (text) => {
      const bytes = new TextEncoder().encode(text);
      expect(crc32(bytes)).toBe(nodeCrc32(bytes));
    },
  );
});

describe('withPngText', () => {
  const text = 'A world map of Kabul’s ties on 10 July 2025 – “Formal recognition: Russia.”';
  const png = withPngText(smallPng(), 'Description', text);

  test('adds one iTXt chunk right after the header, with a CRC that checks', () => {
    const list = chunks(png);
    expect(list.map((c) => c.type).slice(0, 2)).toEqual(['IHDR', 'iTXt']);
    expect(list.filter((c) => c.type === 'iTXt')).toHaveLength(1);
    expect(list.every((c) => c.crcOk)).toBe(true);
  });

  test('the chunk holds the keyword and the text in UTF-8, uncompressed', () => {
    const data = chunks(png).find((c) => c.type === 'iTXt')!.data;
    const keywordEnd = data.indexOf(0);
    expect(new TextDecoder().decode(data.subarray(0, keywordEnd))).toBe('Description');
    // Compression flag and method, an empty language tag and translated keyword.
    expect([...data.subarray(keywordEnd + 1, keywordEnd + 5)]).toEqual([0, 0, 0, 0]);
    expect(new TextDecoder().decode(data.subarray(keywordEnd + 5))).toBe(text);
  });

  test('the picture decodes to the same pixels', () => {
    expect(Buffer.from(PNG.sync.read(Buffer.from(png)).data)).toEqual(
      Buffer.from(PNG.sync.read(Buffer.from(smallPng())).data),
    );
  });

  test('refuses what is not a PNG', () => {
    expect(() => withPngText(new TextEncoder().encode('GIF89a'), 'Description', 'x')).toThrow(
      'not a PNG file',
    );
  });
});
