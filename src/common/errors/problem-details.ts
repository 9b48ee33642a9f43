import { HttpException, HttpStatus } from '@nestjs/common';
import type { Request } from 'express';
import { isConnectionError } from '../../database/pg-errors';
import { localizeValidationMessage } from '../validation/validation-messages';
import { DomainError } from './domain-error';
import { ErrorCode, errorDefinition } from './error-catalog';
import { Locale, render } from './error-messages';
import { requestLocale } from '../http/locale';

/** RFC 9457 problem details, the one error body of the API. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: ErrorCode;
  requestId?: string;
  errors?: Array<{ field: string; code: string; message: string }>;
  /** The conflicts the refusal names (see Conflict), each with its `detail`. */
  conflicts?: Array<Record<string, string | number | null>>;
}

export interface ProblemResponse {
  status: number;
  body: ProblemDetails;
  headers: Record<string, string>;
}

const titles: Record<number, { de: string; en: string }> = {
  400: { de: 'Ungültige Anfrage', en: 'Bad request' },
  401: { de: 'Nicht angemeldet', en: 'Not logged in' },
  403: { de: 'Keine Berechtigung', en: 'Forbidden' },
  404: { de: 'Nicht gefunden', en: 'Not found' },
  405: { de: 'Nicht erlaubt', en: 'Method not allowed' },
  409: { de: 'Konflikt', en: 'Conflict' },
  413: { de: 'Anfrage zu groß', en: 'Payload too large' },
  415: { de: 'Falsches Datenformat', en: 'Unsupported media type' },
  422: { de: 'Nicht verarbeitbar', en: 'Unprocessable content' },
  429: { de: 'Zu viele Anfragen', en: 'Too many requests' },
  500: { de: 'Interner Fehler', en: 'Internal error' },
  503: { de: 'Vorübergehend nicht verfügbar', en: 'Service unavailable' },
};

/** The body-parser error type of a body that is not UTF-8 (see http/require-utf8.ts). */
export const INVALID_UTF8 = 'encoding.invalid';

/** Maps anything thrown (domain error, Nest/Express error, driver error) to a DomainError. */
export function toDomainError(error: unknown): DomainError {
  if (error instanceof DomainError) return error;
  const bodyParser = error as { type?: string; status?: number };
  if (bodyParser?.type === 'entity.parse.failed') return new DomainError('malformed_json');
  if (bodyParser?.type === INVALID_UTF8) return new DomainError('body_encoding_invalid');
  if (bodyParser?.type === 'entity.too.large') return new DomainError('payload_too_large');
  if (bodyParser?.type === 'encoding.unsupported' || bodyParser?.type === 'charset.unsupported') {
    return new DomainError('unsupported_media_type');
  }
  if (error instanceof HttpException) {
    switch (error.getStatus()) {
      case HttpStatus.NOT_FOUND:
        return new DomainError('route_not_found');
      case HttpStatus.PAYLOAD_TOO_LARGE:
        return new DomainError('payload_too_large');
      case HttpStatus.METHOD_NOT_ALLOWED:
        return new DomainError('method_not_allowed');
      case HttpStatus.UNSUPPORTED_MEDIA_TYPE:
        return new DomainError('unsupported_media_type');
      case HttpStatus.BAD_REQUEST:
        return new DomainError('validation_failed');
    }
  }
  if (bodyParser?.status === 400) return new DomainError('validation_failed');
  if (isConnectionError(error)) return new DomainError('database_unavailable');
  return new DomainError('internal');
}

/**
 * A refusal in words of one language: its message, and each conflict it names written out
 * (`detail`) beside what the conflict is about; the message gets the conflicts' details as
 * its parameter `conflicts`. Pages and the API say the same.
 */
export function describeRefusal(error: DomainError, locale: Locale): { detail: string; conflicts: Array<Record<string, string | number | null>> } {
  const conflicts = error.conflicts.map((c) => ({ ...c.about, detail: render(errorDefinition(c.code)[locale], c.params) }));
  const params = conflicts.length > 0 ? { ...error.params, conflicts: conflicts.map((c) => c.detail).join(' ') } : error.params;
  return { detail: render(errorDefinition(error.code)[locale], params), conflicts };
}

export function problemFor(error: DomainError, req: Request, locale: Locale = requestLocale(req)): ProblemResponse {
  const definition = errorDefinition(error.code);
  const status = definition.status;
  const { detail, conflicts } = describeRefusal(error, locale);
  const body: ProblemDetails = {
    type: `urn:praxisnah:problem:${error.code}`,
    title: (titles[status] ?? titles[500])[locale],
    status,
    detail,
    instance: req.originalUrl?.split('?')[0] ?? req.url,
    code: error.code,
    requestId: typeof req.id === 'string' ? req.id : undefined,
  };
  if (conflicts.length > 0) body.conflicts = conflicts;
  if (error.fieldErrors.length > 0) {
    body.errors = error.fieldErrors.map((f) => ({ ...f, message: localizeValidationMessage(f.message, locale) }));
  }
  const headers: Record<string, string> = { 'Content-Type': 'application/problem+json; charset=utf-8' };
  if (error.params.retryAfterSeconds !== undefined) headers['Retry-After'] = String(error.params.retryAfterSeconds);
  return { status, body, headers };
}
