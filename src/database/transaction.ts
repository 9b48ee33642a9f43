import { DataSource, EntityManager } from 'typeorm';
import { pgErrorCode } from './pg-errors';

const RETRYABLE = new Set(['40001', '40P01']); // serialization failure, deadlock

/**
 * Runs `work` in one transaction and retries the whole transaction (never a statement
 * inside the aborted one) when PostgreSQL reports a serialization failure or deadlock.
 * Inside, use only the given manager: on the embedded database a query on another
 * connection waits for this transaction to end.
 */
export function inTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
  attempts = 5,
): Promise<T> {
  return withRetries(() => dataSource.transaction(work), attempts);
}

/**
 * Runs `attempt` again (up to `attempts` times, after a short random pause) when PostgreSQL
 * reports a serialization failure or deadlock: for a transaction, or a single statement that
 * is its own.
 */
export async function withRetries<T>(attempt: () => Promise<T>, attempts = 5): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      if (tries >= attempts || !RETRYABLE.has(pgErrorCode(error) ?? '')) throw error;
      await new Promise((r) => setTimeout(r, Math.random() * 20 * tries));
    }
  }
}
