// Reads a PDF back with an independent parser (pdfjs-dist) and prints what the tests check:
// text per page, fonts, language, marked flag, PDF/UA identifier, structure roles, and images as RGBA for a QR
// decoder. Runs as a child process: jest's module loader cannot import pdfjs-dist's ESM build.
import { readFileSync } from 'node:fs';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';

const data = new Uint8Array(readFileSync(process.argv[2]));
const pdf = await pdfjs.getDocument({ data, useSystemFonts: false, disableFontFace: true, fontExtraProperties: true, verbosity: 0 }).promise;
const pages = [];
const fonts = new Map();
const roles = new Set();
const collect = (node) => {
  if (!node) return;
  if (node.role) roles.add(node.role);
  for (const child of node.children ?? []) collect(child);
};
const images = [];
for (let n = 1; n <= pdf.numPages; n++) {
  const page = await pdf.getPage(n);
  const content = await page.getTextContent();
  pages.push(content.items.map((item) => item.str + (item.hasEOL ? '\n' : '')).join(''));
  const ops = await page.getOperatorList();
  for (let i = 0; i < ops.fnArray.length; i++) {
    if (ops.fnArray[i] === pdfjs.OPS.setFont) {
      const font = page.commonObjs.get(ops.argsArray[i][0]);
      fonts.set(font.name, { name: font.name, type: font.type, embedded: font.missingFile === false, standard: /^(Helvetica|Times|Courier|Symbol|ZapfDingbats)/.test(font.name ?? '') });
    }
    if (ops.fnArray[i] === pdfjs.OPS.paintImageXObject && process.argv[3] === 'images') {
      const image = await new Promise((resolve) => page.objs.get(ops.argsArray[i][0], resolve));
      images.push({ width: image.width, height: image.height, kind: image.kind, data: Buffer.from(image.data).toString('base64') });
    }
  }
  collect(await page.getStructTree());
}
const meta = await pdf.getMetadata();
process.stdout.write(JSON.stringify({
  pageCount: pdf.numPages,
  pages,
  fonts: [...fonts.values()],
  markInfo: await pdf.getMarkInfo(),
  language: meta.info.Language ?? null,
  title: meta.info.Title ?? null,
  displayTitle: (await pdf.getViewerPreferences())?.DisplayDocTitle ?? null,
  // the XMP metadata's claim of PDF/UA conformance (part 1)
  pdfUaPart: meta.metadata?.get('pdfuaid:part') ?? null,
  roles: [...roles],
  images,
}));
