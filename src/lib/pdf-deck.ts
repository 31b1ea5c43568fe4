/**
 * The deck as one PDF: one picture per page, edge to edge, for those who present from a PDF.
 *
 * Each page is a JPEG, which PDF takes as it is (the DCTDecode filter), so the file is a catalog,
 * a page tree, and per page an image, the one-line drawing that places it and the page itself:
 * small enough to write here rather than ship a PDF library for it (PDF 1.4, ISO 32000-1 §7).
 */

export interface PdfPicture {
  /** The JPEG file's bytes. */
  jpeg: Uint8Array;
  /** The picture's size in pixels. */
  pixelWidth: number;
  pixelHeight: number;
  /** The page's size in CSS pixels (1 px = 0.75 pt, as browsers print). */
  width: number;
  height: number;
}

/** Points per CSS pixel: CSS has 96 px to the inch, PDF 72 pt. */
const PT_PER_PX = 0.75;

const encoder = new TextEncoder();

/** A PDF text string for any Unicode text: UTF-16BE with its byte-order mark, in hex. */
function textString(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0');
  return `<${hex.toUpperCase()}>`;
}

/** A number as PDF writes it: no exponent, at most two decimals. */
function num(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/**
 * A PDF with one page per picture, in order, each page the picture's size.
 * @example const bytes = pdfDeck([{ jpeg, pixelWidth: 3840, pixelHeight: 2160, width: 1920, height: 1080 }], 'Kabul Engagement Atlas')
 */
export function pdfDeck(pictures: readonly PdfPicture[], title: string): Uint8Array<ArrayBuffer> {
  if (pictures.length === 0) throw new RangeError('a PDF needs at least one page');
  const chunks: Uint8Array[] = [];
  const offsets: number[] = [];
  let length = 0;
  const write = (part: string | Uint8Array) => {
    const bytes = typeof part === 'string' ? encoder.encode(part) : part;
    chunks.push(bytes);
    length += bytes.length;
  };
  const object = (id: number, ...parts: (string | Uint8Array)[]) => {
    offsets[id] = length;
    write(`${id} 0 obj\n`);
    for (const part of parts) write(part);
    write('\nendobj\n');
  };

  // Objects 1–3: catalog, page tree, document information; then three per page.
  const pageId = (i: number) => 4 + 3 * i;
  // The binary comment tells file tools that the file holds binary data.
  write('%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n');
  object(1, '<< /Type /Catalog /Pages 2 0 R >>');
  const kids = pictures.map((_, i) => `${pageId(i)} 0 R`).join(' ');
  object(2, `<< /Type /Pages /Kids [${kids}] /Count ${pictures.length} >>`);
  object(3, `<< /Title ${textString(title)} /Producer ${textString(title)} >>`);
  pictures.forEach((picture, i) => {
    const [page, drawing, image] = [pageId(i), pageId(i) + 1, pageId(i) + 2];
    const w = num(picture.width * PT_PER_PX);
    const h = num(picture.height * PT_PER_PX);
    object(
      page,
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] ` +
        `/Resources << /XObject << /Picture ${image} 0 R >> >> /Contents ${drawing} 0 R >>`,
    );
    const draw = `q ${w} 0 0 ${h} 0 0 cm /Picture Do Q`;
    object(drawing, `<< /Length ${draw.length} >>\nstream\n${draw}\nendstream`);
    object(
      image,
      `<< /Type /XObject /Subtype /Image /Width ${picture.pixelWidth} ` +
        `/Height ${picture.pixelHeight} /ColorSpace /DeviceRGB /BitsPerComponent 8 ` +
        `/Filter /DCTDecode /Length ${picture.jpeg.length} >>\nstream\n`,
      picture.jpeg,
      '\nendstream',
    );
  });

  const count = pageId(pictures.length);
  const xref = length;
  // Each cross-reference entry is exactly 20 bytes: offset, generation, in use, and a two-byte end.
  const entries = offsets
    .slice(1)
    .map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`)
    .join('');
  write(`xref\n0 ${count}\n0000000000 65535 f \n${entries}`);
  write(`trailer\n<< /Size ${count} /Root 1 0 R /Info 3 0 R >>\nstartxref\n${xref}\n%%EOF\n`);

  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
