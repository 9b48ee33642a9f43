import type { Response } from 'express';
import type { PdfFile } from './booking-documents';

/**
 * Sends a document to download. Never cached on the way: documents may name pupils, and a
 * booking changes (a moved slot, a cancelled day).
 */
export function sendPdf(res: Response, file: PdfFile) {
  res.setHeader('Content-Type', 'application/pdf');
  res.setHeader('Content-Disposition', `attachment; filename="${file.filename.replace(/[^\w.-]/g, '_')}"`);
  res.setHeader('Cache-Control', 'private, no-store');
  res.setHeader('Content-Length', String(file.body.length));
  res.end(file.body);
}
