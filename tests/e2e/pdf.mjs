// A printed PDF read back as text (pdfjs-dist), for the print tests of every engine.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** Each page's text, as one string with its lines joined by spaces. */
export async function pdfPages(bytes) {
  const doc = await getDocument({ data: new Uint8Array(bytes), disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  const pages = [];
  for (let i = 1; i <= doc.numPages; i += 1) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((it) => it.str + (it.hasEOL ? ' ' : '')).join('').replace(/\s+/g, ' '));
  }
  await doc.destroy();
  return pages;
}


/** Every piece of text of a PDF with its size in points (from its text matrix), page by page. */
export async function pdfTextSizes(bytes) {
  const doc = await getDocument({ data: new Uint8Array(bytes), disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  const items = [];
  for (let i = 1; i <= doc.numPages; i += 1) {
    const content = await (await doc.getPage(i)).getTextContent();
    for (const it of content.items) {
      if (!it.str || !it.str.trim()) continue;
      const [, , c, d] = it.transform;
      items.push({ page: i, str: it.str, pt: Math.hypot(c, d) });
    }
  }
  await doc.destroy();
  return items;
}
