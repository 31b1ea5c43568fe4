/**
 * The picture engine's SVG as pixels in the browser: drawn as an image onto a canvas of the
 * picture's size times its scale, then encoded. The SVG must carry its fonts (an SVG drawn as an
 * image reaches no font of the page), and goes in as a `data:` URL, which the app's
 * Content-Security-Policy allows for images.
 */

/** How a picture's pixels are written: a PNG, or a JPEG (the PDF deck's pages) at a quality. */
export type Encoding = { type: 'image/png' } | { type: 'image/jpeg'; quality: number };

/** `svg` drawn at `size × scale` pixels and encoded. */
export async function rasterSvg(
  svg: string,
  size: { width: number; height: number },
  scale: number,
  encoding: Encoding = { type: 'image/png' },
): Promise<Blob> {
  const image = new Image();
  image.src = `data:image/svg+xml;base64,${base64(new TextEncoder().encode(svg))}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(size.width * scale);
  canvas.height = Math.round(size.height * scale);
  // Read back at once (toBlob): a canvas kept in memory spares a GPU read-back of every pixel.
  const g = canvas.getContext('2d', { willReadFrequently: true });
  if (!g) throw new Error('the browser gave no canvas to draw the picture on');
  g.drawImage(image, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) =>
        blob
          ? resolve(blob)
          : reject(new Error(`the browser could not encode the ${encoding.type}`)),
      encoding.type,
      'quality' in encoding ? encoding.quality : undefined,
    ),
  );
}

/** Bytes as base64, in slices: `String.fromCharCode` takes its arguments on the stack. */
export function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}
