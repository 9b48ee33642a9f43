import { isUtf8 } from 'node:buffer';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { INVALID_UTF8 } from '../errors/problem-details';

/**
 * For the body parsers' `verify`: a body whose bytes are not UTF-8 is refused (400
 * body_encoding_invalid) instead of being decoded leniently, which would store replacement
 * characters (�) in names and titles without anyone noticing.
 */
export function requireUtf8(_req: IncomingMessage, _res: ServerResponse, body: Buffer) {
  if (!isUtf8(body)) throw Object.assign(new Error('request body is not UTF-8'), { type: INVALID_UTF8 });
}
