import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../../auth/actor';
import { DomainError } from '../../common/errors/domain-error';
import { inTransaction } from '../../database/transaction';
import { IdempotencyRequest } from './idempotency';

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
 */
@Injectable()
export class IdempotencyService {
  constructor(private readonly dataSource: DataSource) {}

  async run<T>(
    actor: Actor,
    request: IdempotencyRequest,
    status: number,
    work: (manager: EntityManager) => Promise<T>,
  ): Promise<StoredResponse<T>> {
    if (!request.key) {
      return { status, body: await inTransaction(this.dataSource, work), replayed: false };
    }
    const stored = await this.claim(actor.userId, request);
    if (stored) return stored as StoredResponse<T>;
    try {
      const body = await inTransaction(this.dataSource, async (manager) => {
        const result = await work(manager);
        await manager.query(
          `UPDATE idempotency_keys SET state = 'done', response_status = $3, response_body = $4, updated_at = now()
            WHERE user_id = $1 AND key = $2`,
          [actor.userId, request.key, status, JSON.stringify(result)],
        );
        return result;
      });
      return { status, body, replayed: false };
    } catch (error) {
      // Nothing was booked: free the key so the client may send the request again.
      await this.dataSource
        .query(`DELETE FROM idempotency_keys WHERE user_id = $1 AND key = $2 AND state = 'running'`, [actor.userId, request.key])
        .catch(() => undefined);
      throw error;
    }
  }

  /** Claims the key, or returns the stored answer of the first request; throws 409/422 otherwise. */
  private async claim(userId: string, request: IdempotencyRequest): Promise<StoredResponse<unknown> | null> {
    const claimed = await this.dataSource.query(
      `INSERT INTO idempotency_keys AS k (user_id, key, fingerprint, state) VALUES ($1, $2, $3, 'running')
       ON CONFLICT (user_id, key) DO UPDATE SET updated_at = now()
        WHERE k.state = 'running' AND k.fingerprint = EXCLUDED.fingerprint
          AND k.updated_at < now() - make_interval(secs => $4)
       RETURNING 1`,
      [userId, request.key, request.fingerprint, ABANDONED_AFTER_SECONDS],
    );
    if (claimed.length > 0) return null;
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
