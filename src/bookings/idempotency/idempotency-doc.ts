import type { ApiHeaderOptions } from '@nestjs/swagger';

export const IDEMPOTENCY_HEADER_DOC: ApiHeaderOptions = {
  name: 'Idempotency-Key',
  required: false,
  description:
    'A unique key per booking attempt (e.g. a UUID). A retry with the same key returns the first answer ' +
    '(header Idempotent-Replayed: true) and books nothing new; the same key with another body answers 422; ' +
    'while the first request still runs, 409.',
};
