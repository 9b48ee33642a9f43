// fontkit is pdfkit's own font reader; it ships no type definitions, and only opening a file is used
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fontkit: { openSync(path: string): object } = require('fontkit');

/** A font as pdfkit takes it: the parsed font and the family name it is cached under. */
export interface DocumentFont {
  src: object;
  family: string;
}

// DejaVu Sans has every German character (ä, ö, ü, ß, „ “, –) and is embedded: PDF/UA
// forbids relying on the reader's standard fonts.
const FILES = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
};

let parsed: { regular: DocumentFont; bold: DocumentFont } | undefined;

/**
 * The two fonts, parsed once per process and shared by every document. Given a file,
 * pdfkit parses the font anew for each document, and the glyphs and layout tables that
 * fontkit decodes and keeps on the font object are lost with it: a third of a class-visit
 * confirmation's time went there. The font object holds no document's state (each
 * document makes its own subset of the glyphs it used), so sharing it is safe.
 */
export function documentFonts() {
  parsed ??= {
    regular: { src: fontkit.openSync(FILES.regular), family: 'DejaVuSans' },
    bold: { src: fontkit.openSync(FILES.bold), family: 'DejaVuSans-Bold' },
  };
  return parsed;
}
