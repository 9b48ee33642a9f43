import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import request from 'supertest';

export interface ReadPdf {
  pageCount: number;
  pages: string[];
  fonts: Array<{ name: string; type: string; embedded: boolean; standard: boolean }>;
  markInfo: { Marked: boolean } | null;
  language: string | null;
  title: string | null;
  displayTitle: boolean | null;
  pdfUaPart: string | null;
  roles: string[];
  images: Array<{ width: number; height: number; kind: number; data: string }>;
  /** All pages' text in one. */
  text: string;
}

/**
 * Reads a PDF with pdfjs-dist in a child process (read-pdf.mjs): pdfjs is an ES module
 * that jest's module loader does not import, and a separate process is an independent reader.
 */
export async function readPdf(body: Buffer, withImages = false): Promise<ReadPdf> {
  const folder = mkdtempSync(join(tmpdir(), 'pdf-'));
  const file = join(folder, 'document.pdf');
  writeFileSync(file, body);
  try {
    const output = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, [join(__dirname, 'read-pdf.mjs'), file, ...(withImages ? ['images'] : [])], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
        error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout),
      ),
    );
    const read = JSON.parse(output) as Omit<ReadPdf, 'text'>;
    return { ...read, text: read.pages.join('\n') };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** A response's body as bytes, whatever its type (supertest parses only text and JSON). */
export const asBytes = (req: request.Test) =>
  req.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });

/** Decodes the QR codes among a PDF's images (pdfjs gives 1-bit grey, RGB or RGBA pixels). */
export function qrCodesIn(read: ReadPdf): string[] {
  return read.images.flatMap((image) => {
    const source = Buffer.from(image.data, 'base64');
    const pixels = new Uint8ClampedArray(image.width * image.height * 4);
    for (let i = 0; i < image.width * image.height; i++) {
      let value: number[];
      if (image.kind === 3) value = [source[i * 4], source[i * 4 + 1], source[i * 4 + 2]];
      else if (image.kind === 2) value = [source[i * 3], source[i * 3 + 1], source[i * 3 + 2]];
      else {
        const row = Math.floor(i / image.width);
        const column = i % image.width;
        const byte = source[row * Math.ceil(image.width / 8) + (column >> 3)];
        const bit = (byte >> (7 - (column & 7))) & 1;
        value = bit ? [255, 255, 255] : [0, 0, 0];
      }
      pixels.set([...value, 255], i * 4);
    }
    const code = jsQR(pixels, image.width, image.height);
    return code ? [code.data] : [];
  });
}
