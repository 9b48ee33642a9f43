import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';

/** The entity tag of a calendar: a hash of its text. */
export const etagOf = (body: string) => `"${createHash('sha1').update(body).digest('base64url')}"`;

/**
 * Sends an .ics with ETag and Last-Modified, and answers a conditional request whose copy
 * is still current with 304, so calendar apps polling every hour cost next to nothing.
 */
export function sendCalendar(req: Request, res: Response, body: string, lastModified: Date, filename: string, etag = etagOf(body)) {
  const modified = new Date(Math.floor(lastModified.getTime() / 1000) * 1000); // HTTP dates have seconds
  res.setHeader('ETag', etag);
  res.setHeader('Last-Modified', modified.toUTCString());
  res.setHeader('Cache-Control', 'private, no-cache');
  const ifNoneMatch = req.headers['if-none-match'];
  const ifModifiedSince = req.headers['if-modified-since'];
  const unchanged = ifNoneMatch
    ? ifNoneMatch.split(',').some((tag) => tag.trim() === etag || tag.trim() === `W/${etag}`)
    : ifModifiedSince !== undefined && !Number.isNaN(Date.parse(ifModifiedSince)) && modified.getTime() <= Date.parse(ifModifiedSince);
  if (unchanged) {
    res.status(304).end();
    return;
  }
  res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
  res.setHeader('Content-Disposition', `inline; filename="${filename}"`);
  res.status(200).send(body);
}
