import PDFDocument from 'pdfkit';
import type { Locale } from '../common/errors/error-messages';
import { DocumentFont, documentFonts } from './document-fonts';

/*
 * Why pdfkit: it writes tagged PDF (a structure tree with headings, paragraphs, lists,
 * tables and figures with alternative text, marked content, document language and a
 * displayed title) and documents a PDF/UA route (`subset: 'PDF/UA'`), it embeds and
 * subsets TrueType fonts, and it streams on Node without a browser. The other candidates
 * here either draw pages without a structure tree or need a headless browser per document.
 */

const LANG: Record<Locale, string> = { de: 'de-DE', en: 'en-GB' };
const FOOTER: Record<Locale, (page: number, pages: number) => string> = {
  de: (page, pages) => `Seite ${page} von ${pages}`,
  en: (page, pages) => `Page ${page} of ${pages}`,
};
// A4 with 2 cm margins; the bottom keeps room for the page number
const MARGINS = { top: 57, left: 57, right: 57, bottom: 70 };

type PdfDocument = InstanceType<typeof PDFDocument>;
type Structure = ReturnType<PdfDocument['struct']>;

/** One cell of a table: a header cell names its column (or row) for screen readers. */
export type Cell = string | { text: string; header: 'column' | 'row' };

/**
 * An accessible A4 document: every part is written through a method that puts it into
 * the structure tree in reading order, so no caller can leave content untagged. Knows no
 * program: the programs say what to write, in the reader's language.
 */
export class TaggedDocument {
  private readonly doc: PdfDocument;
  private readonly root: Structure;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;
  private readonly fonts = documentFonts();

  constructor(
    title: string,
    private readonly locale: Locale,
  ) {
    this.doc = new PDFDocument({
      pdfVersion: '1.7',
      tagged: true,
      subset: 'PDF/UA',
      lang: LANG[locale],
      displayTitle: true,
      info: { Title: title, Author: 'Praxisnah', Creator: 'Praxisnah' },
      size: 'A4',
      margins: MARGINS,
      // the footer says "page n of m": pages stay in memory until the number is known
      bufferPages: true,
      // no Helvetica to start with: it would be read from its metrics file for every document
      font: null,
      // the type definitions predate pdfkit's PDF/UA subset
    } as unknown as PDFKit.PDFDocumentOptions);
    // registered by their family name: a table cell names its font (its settings are deep-copied,
    // which a parsed font must not be), and pdfkit restores the current one by source and family
    for (const font of [this.fonts.regular, this.fonts.bold]) this.doc.registerFont(font.family, font.src as never, font.family);
    this.useFont(this.fonts.regular, 10.5);
    this.doc.on('data', (chunk: Buffer) => this.chunks.push(chunk));
    this.done = new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
    this.root = this.doc.struct('Document');
    this.doc.addStructure(this.root);
  }

  /** The document's (or, in a bundle, each part's) main heading. */
  heading(text: string) {
    this.block('H1', text, this.fonts.bold, 17, 10);
  }

  subheading(text: string) {
    this.ensureRoom(60);
    this.doc.moveDown(0.4);
    this.block('H2', text, this.fonts.bold, 12.5, 4);
  }

  paragraph(text: string) {
    this.block('P', text, this.fonts.regular, 10.5, 6);
  }

  /** A bulleted list (rules, what is stored). */
  list(items: string[]) {
    const list = this.doc.struct('L');
    this.root.add(list);
    this.useFont(this.fonts.regular, 10.5);
    this.doc.list(items, { structParent: list, bulletRadius: 2, textIndent: 12, paragraphGap: 2 } as never);
    list.end();
    this.doc.moveDown(0.5);
  }

  /** Labels and their values (school, company, dates), as a two-column table with row headers. */
  facts(rows: Array<[string, string]>) {
    this.table(rows.map(([label, value]) => [{ text: label, header: 'row' }, value]), [150, '*']);
  }

  /** A table; header cells are marked as such. */
  table(rows: Cell[][], widths: Array<number | '*'>) {
    this.useFont(this.fonts.regular, 10);
    this.doc.table({
      structParent: this.root,
      columnStyles: widths,
      defaultStyle: { padding: 4, border: 0.5, borderColor: '#999999' },
      data: rows.map((row) =>
        row.map((cell) =>
          typeof cell === 'string'
            ? { text: cell }
            : { text: cell.text, type: 'TH', scope: cell.header === 'row' ? 'Row' : 'Column', font: { src: this.fonts.bold.family } },
        ),
      ),
    } as never);
    this.doc.x = this.doc.page.margins.left;
    this.doc.moveDown(0.8);
  }

  /**
   * Places to sign: a line with a caption under it, two side by side. The line is
   * decoration (an artifact); the caption is the text a reader hears.
   */
  signatures(captions: string[]) {
    const doc = this.doc;
    const left = doc.page.margins.left;
    const width = (doc.page.width - left - doc.page.margins.right - 30) / 2;
    for (let i = 0; i < captions.length; i += 2) {
      this.ensureRoom(70);
      const y = doc.y + 34;
      captions.slice(i, i + 2).forEach((caption, column) => {
        const x = left + column * (width + 30);
        doc.markContent('Artifact', { type: 'Layout' });
        doc.moveTo(x, y).lineTo(x + width, y).lineWidth(0.7).stroke();
        doc.endMarkedContent();
        this.root.add(doc.struct('P', {}, () => this.useFont(this.fonts.regular, 9).text(caption, x, y + 4, { width, lineBreak: true })));
      });
      doc.x = left;
      doc.y = y + 26;
    }
  }

  /** An image with its alternative text (a QR code says where it leads). */
  figure(png: Buffer, alt: string, size: number) {
    this.ensureRoom(size + 10);
    const { x, y } = { x: this.doc.page.margins.left, y: this.doc.y };
    this.root.add(this.doc.struct('Figure', { alt }, () => this.doc.image(png, x, y, { width: size, height: size })));
    this.doc.x = x;
    this.doc.y = y + size + 8;
  }

  /** The next part of a bundle starts on a page of its own. */
  newPage() {
    this.doc.addPage();
  }

  /** Writes the page numbers and ends the document. */
  finish(): Promise<Buffer> {
    const doc = this.doc;
    const { start, count } = doc.bufferedPageRange();
    for (let i = start; i < start + count; i++) {
      doc.switchToPage(i);
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0; // the footer sits in the margin and must not open a page
      doc.markContent('Artifact', { type: 'Pagination' });
      this.useFont(this.fonts.regular, 8.5).fillColor('#555555');
      doc.text(FOOTER[this.locale](i - start + 1, count), doc.page.margins.left, doc.page.height - 40, {
        width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
        align: 'right',
        lineBreak: false,
      });
      doc.endMarkedContent();
      doc.fillColor('black');
      doc.page.margins.bottom = bottom;
    }
    this.root.end();
    doc.end();
    return this.done;
  }

  private block(role: 'H1' | 'H2' | 'P', text: string, font: DocumentFont, size: number, gap: number) {
    const doc = this.doc;
    doc.x = doc.page.margins.left;
    this.root.add(doc.struct(role, {}, () => this.useFont(font, size).text(text, { paragraphGap: gap })));
    this.useFont(this.fonts.regular, 10.5);
  }

  private useFont(font: DocumentFont, size: number) {
    return this.doc.font(font.family).fontSize(size);
  }

  /** A heading or a row of signatures is never split from what follows it at a page's foot. */
  private ensureRoom(height: number) {
    if (this.doc.y + height > this.doc.page.height - this.doc.page.margins.bottom) this.doc.addPage();
  }
}
