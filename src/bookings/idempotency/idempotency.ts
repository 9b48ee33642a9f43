import { createHash } from 'node:crypto';
import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { DomainError } from '../../common/errors/domain-error';

export interface IdempotencyRequest {
  /** The client's Idempotency-Key header, if it sent one. */
  key: string | null;
  /** What the request asked for: method, path and body. Same key, other fingerprint: 422. */
  fingerprint: string;
}

/**
 * A request without a key: a page form, which guards against sending twice by redirecting
 * after the post, or the demo data.
 */
export const WITHOUT_KEY: IdempotencyRequest = { key: null, fingerprint: '' };

const KEY = /^[\x21-\x7e]{1,200}$/; // printable ASCII, as the IETF draft's examples

/** JSON with sorted keys, so that the same body in another key order is the same request. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function idempotencyOf(req: Request): IdempotencyRequest {
  const header = req.headers['idempotency-key'];
  if (header !== undefined && (typeof header !== 'string' || !KEY.test(header))) {
    throw new DomainError('validation_failed', {}, [
      { field: 'Idempotency-Key', code: 'header', message: 'idempotencyKey' },
    ]);
  }
  return { key: header ?? null, fingerprint: fingerprintOf(req.method, req.originalUrl.split('?')[0], req.body) };
}

/** What a request asks for, independent of the body's key order. */
export const fingerprintOf = (method: string, path: string, body: unknown) =>
  createHash('sha256').update(`${method} ${path} ${canonical(body)}`).digest('hex');

/** The Idempotency-Key of a POST that creates a booking (optional header). */
export const Idempotency = createParamDecorator((_: unknown, ctx: ExecutionContext) =>
  idempotencyOf(ctx.switchToHttp().getRequest<Request>()),
);
