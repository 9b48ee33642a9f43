import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '../errors/domain-error';

export interface RateLimit {
  max: number;
  windowSeconds: number;
}

/** What counting one attempt answered: the attempts in the window so far, and when it ends. */
export interface CountedAttempt {
  hits: number;
  retryAfterSeconds: number;
}

/**
 * The fixed-window count as one statement, for `consume` and for lookups that count in their
 * own round trip (the actor's lookup on a booking route, credentials.service.ts): `source`
 * yields the key, `window` is the placeholder of the window in seconds. A new window starts
 * at 1; within it the count goes up; the answer is the count and the seconds the window has left.
 */
export const countAttemptSql = (source: string, window: string) => `
  INSERT INTO rate_limit_counters AS c (key, window_started_at, hits)
  SELECT key, now(), 1 FROM (${source}) AS attempt(key)
  ON CONFLICT (key) DO UPDATE SET
    hits = CASE WHEN c.window_started_at <= now() - make_interval(secs => ${window}) THEN 1 ELSE c.hits + 1 END,
    window_started_at = CASE WHEN c.window_started_at <= now() - make_interval(secs => ${window}) THEN now() ELSE c.window_started_at END
  RETURNING hits,
    GREATEST(1, ceil(extract(epoch FROM c.window_started_at + make_interval(secs => ${window}) - now())))::int AS retry_after`;

/** Throws `rate_limited` (429 with Retry-After) when a counted attempt is past the limit. */
export function refuseOverLimit(attempt: CountedAttempt, max: number): void {
  if (attempt.hits <= max) return;
  const { retryAfterSeconds } = attempt;
  throw new DomainError('rate_limited', { retryAfterSeconds, minutes: Math.ceil(retryAfterSeconds / 60) });
}

/**
 * Fixed-window counters in PostgreSQL, shared by every app instance. `consume` counts an
 * attempt and refuses past the limit in one atomic statement, so a burst of parallel
 * requests cannot slip through between a check and an increment.
 */
@Injectable()
export class RateLimiter {
  constructor(private readonly dataSource: DataSource) {}

  /** Counts one attempt; throws `rate_limited` (429 with Retry-After) past the limit. */
  async consume(key: string, limit: RateLimit): Promise<void> {
    const [row] = await this.dataSource.query(countAttemptSql('SELECT $1::text', '$2'), [key, limit.windowSeconds]);
    refuseOverLimit({ hits: row.hits, retryAfterSeconds: Number(row.retry_after) }, limit.max);
  }

  async reset(key: string): Promise<void> {
    await this.dataSource.query('DELETE FROM rate_limit_counters WHERE key = $1', [key]);
  }
}
