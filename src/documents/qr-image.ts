import { toBuffer } from 'qrcode';

/**
 * A QR code as PNG for a document. Error correction M survives a crease or a smudge on
 * paper; the quiet zone of 4 modules is what phone cameras need to find the code.
 * Grey without an alpha channel and unfiltered: pdfkit would otherwise split the alpha
 * into a mask of its own and unpack five trial filters per row, most of a confirmation's
 * time, for an image of black and white squares that compresses as well either way.
 */
export function qrPng(address: string): Promise<Buffer> {
  return toBuffer(address, { type: 'png', errorCorrectionLevel: 'M', margin: 4, scale: 8, rendererOpts: { colorType: 0, filterType: 0 } as never });
}
