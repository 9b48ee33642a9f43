import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '../errors/domain-error';

export interface RateLimit {
  max: number;
  windowSeconds: number;
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
    const [row] = await this.dataSource.query(
      `INSERT INTO rate_limit_counters AS c (key, window_started_at, hits)
       VALUES ($1, now(), 1)
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN c.window_started_at <= now() - make_interval(secs => $2) THEN 1 ELSE c.hits + 1 END,
         window_started_at = CASE WHEN c.window_started_at <= now() - make_interval(secs => $2) THEN now() ELSE c.window_started_at END
       RETURNING hits,
         GREATEST(1, ceil(extract(epoch FROM c.window_started_at + make_interval(secs => $2) - now())))::int AS retry_after`,
      [key, limit.windowSeconds],
    );
    if (row.hits > limit.max) {
      const retryAfterSeconds = Number(row.retry_after);
      throw new DomainError('rate_limited', { retryAfterSeconds, minutes: Math.ceil(retryAfterSeconds / 60) });
    }
  }

  async reset(key: string): Promise<void> {
    await this.dataSource.query('DELETE FROM rate_limit_counters WHERE key = $1', [key]);
  }
}
