import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../../common/identity/actor';
import { DomainError } from '../../common/errors/domain-error';
import { RateLimiter } from '../../common/rate-limit/rate-limiter.service';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/environment';
import { queryRows } from '../../database/query-rows';
import { inTransaction, withRetries } from '../../database/transaction';
import { IdempotencyRequest } from './idempotency';
import { BOOKING_ATTEMPTS } from './booking-attempts';

export interface StoredResponse<T> {
  status: number;
  body: T;
  /** True when this answers a retry from the stored first answer. */
  replayed: boolean;
}

// A key still "running" after this long belongs to a request that died before its
// transaction committed (the answer is stored in that same transaction): it may be retried.
const ABANDONED_AFTER_SECONDS = 30;

/**
 * Runs a creating request at most once per (user, Idempotency-Key). The key is claimed
 * first (committed, so a parallel retry sees it and gets 409); the work and its stored
 * answer then commit together, so a booking never exists without its answer and a retry
 * returns the first answer instead of booking again.
 *
 * Every booking is created through `run`, so the limit on booking requests per member and
 * minute (BOOKING_ATTEMPTS) holds here for every request its route has not counted already.
 * Work that is a single statement (`oneStatement`) runs without a transaction of its own when
 * there is no key to store its answer with.
 */
@Injectable()
export class IdempotencyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rateLimiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run<T>(
    actor: Actor,
    request: IdempotencyRequest,
    status: number,
    work: (manager: EntityManager) => Promise<T>,
    options: { oneStatement?: boolean } = {},
  ): Promise<StoredResponse<T>> {
    // a booking route counted this attempt already, in the lookup of the actor
    if (actor.countedAttempt?.key !== BOOKING_ATTEMPTS.key) {
      await this.rateLimiter.consume(`${BOOKING_ATTEMPTS.key}:${actor.userId}`, { max: this.config[BOOKING_ATTEMPTS.setting], windowSeconds: BOOKING_ATTEMPTS.windowSeconds });
    }
    if (!request.key) {
      // work that is one statement commits by itself: no BEGIN and COMMIT around it (two round trips)
      const body = options.oneStatement ? await withRetries(() => work(this.dataSource.manager)) : await inTransaction(this.dataSource, work);
      return { status, body, replayed: false };
    }
    const claim = await this.claim(actor.userId, request);
    if ('replayed' in claim) return claim as StoredResponse<T>;
    try {
      const body = await inTransaction(this.dataSource, async (manager) => {
        const result = await work(manager);
        // Store the answer only if the claim is still ours (a retry may have taken over a
        // claim it thought abandoned); otherwise roll the work back rather than book twice.
        const stored = await queryRows(
          manager,
          `UPDATE idempotency_keys SET state = 'done', response_status = $4, response_body = $5, updated_at = now()
            WHERE user_id = $1 AND key = $2 AND state = 'running' AND updated_at = $3::timestamptz RETURNING 1`,
          [actor.userId, request.key, claim.token, status, JSON.stringify(result)],
        );
        if (stored.length === 0) throw new DomainError('idempotency_request_running');
        return result;
      });
      return { status, body, replayed: false };
    } catch (error) {
      // Nothing was booked: free our claim so the client may send the request again.
      await this.dataSource
        .query(`DELETE FROM idempotency_keys WHERE user_id = $1 AND key = $2 AND state = 'running' AND updated_at = $3::timestamptz`, [
          actor.userId,
          request.key,
          claim.token,
        ])
        .catch(() => undefined);
      throw error;
    }
  }

  /**
   * Claims the key (its `updated_at`, as exact text — a JS Date would lose the
   * microseconds — is the claim's token), or returns the stored answer
   * of the first request; throws 409 while that one runs, 422 for another body.
   */
  private async claim(userId: string, request: IdempotencyRequest): Promise<{ token: string } | StoredResponse<unknown>> {
    const [claimed] = await this.dataSource.query(
      `INSERT INTO idempotency_keys AS k (user_id, key, fingerprint, state) VALUES ($1, $2, $3, 'running')
       ON CONFLICT (user_id, key) DO UPDATE SET updated_at = now()
        WHERE k.state = 'running' AND k.fingerprint = EXCLUDED.fingerprint
          AND k.updated_at < now() - make_interval(secs => $4)
       RETURNING updated_at::text AS token`,
      [userId, request.key, request.fingerprint, ABANDONED_AFTER_SECONDS],
    );
    if (claimed) return { token: claimed.token };
    const [existing] = await this.dataSource.query(
      `SELECT fingerprint, state, response_status, response_body FROM idempotency_keys WHERE user_id = $1 AND key = $2`,
      [userId, request.key],
    );
    if (!existing) return this.claim(userId, request); // freed in between: try again
    if (existing.fingerprint !== request.fingerprint) throw new DomainError('idempotency_key_reused');
    if (existing.state === 'running') throw new DomainError('idempotency_request_running');
    return { status: existing.response_status, body: existing.response_body, replayed: true };
  }
}
