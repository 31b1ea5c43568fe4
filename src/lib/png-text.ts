/**
 * Text inside a PNG file: an `iTXt` chunk (UTF-8, so curly quotes and names in any script survive)
 * with a keyword such as `Description`, the PNG specification's keyword for a picture's words
 * that image viewers, CMSs and screen-reader tools read as alt text.
 */

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** CRC-32 (ISO 3309), as every PNG chunk ends with. */
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * The PNG with an `iTXt` chunk of `keyword` and `text`, placed right after the header chunk
 * (before the pixels, where readers that stop early still find it).
 * @throws if `png` is not a PNG.
 */
export function withPngText(
  png: Uint8Array,
  keyword: string,
  text: string,
): Uint8Array<ArrayBuffer> {
  if (!SIGNATURE.every((b, i) => png[i] === b)) throw new Error('not a PNG file');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  // The signature, then IHDR: its length, type, data and CRC.
  const afterHeader = 8 + 12 + view.getUint32(8);
  const utf8 = new TextEncoder();
  // keyword NUL, compression flag 0, method 0, empty language tag NUL, empty translated keyword NUL.
  const data = new Uint8Array([...utf8.encode(keyword), 0, 0, 0, 0, 0, ...utf8.encode(text)]);
  const chunk = new Uint8Array(12 + data.length);
  const out = new DataView(chunk.buffer);
  out.setUint32(0, data.length);
  chunk.set(utf8.encode('iTXt'), 4);
  chunk.set(data, 8);
  out.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)));
  const result = new Uint8Array(png.length + chunk.length);
  result.set(png.subarray(0, afterHeader), 0);
  result.set(chunk, afterHeader);
  result.set(png.subarray(afterHeader), afterHeader + chunk.length);
  return result;
}
