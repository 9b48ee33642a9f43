import type { Response } from 'express';
import { StoredResponse } from './idempotency.service';

/** Sends a (possibly replayed) stored answer with its status; a replay says so in a header. */
export function respond<T>(res: Response, answer: StoredResponse<T>): T {
  res.status(answer.status);
  if (answer.replayed) res.setHeader('Idempotent-Replayed', 'true');
  return answer.body;
}
