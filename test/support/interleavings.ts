import { Client } from 'pg';
import { EntityManager } from 'typeorm';
import { TestApp } from './test-app';

/**
 * Tools that make a dangerous order of two transactions happen on purpose instead of
 * hoping that timing hits it. They need a PostgreSQL server: on the embedded database
 * there is one connection, and a transaction held open by the test would hold back every
 * request behind it.
 */

export interface OpenTransaction<T> {
  /** What the work returned; its changes are not committed yet. */
  result: T;
  commit(): Promise<void>;
}

/**
 * Runs `work` in a transaction and keeps it open, with every lock it took, until
 * `commit()`: the requests the test sends meanwhile queue behind those locks.
 */
export async function holdOpen<T>(t: TestApp, work: (manager: EntityManager) => Promise<T>): Promise<OpenTransaction<T>> {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let ready!: (value: T) => void;
  let failed!: (error: unknown) => void;
  const started = new Promise<T>((resolve, reject) => ((ready = resolve), (failed = reject)));
  const transaction = t.dataSource.transaction(async (manager) => {
    const result = await work(manager);
    ready(result);
    await gate;
  });
  transaction.catch(failed);
  const result = await started;
  return {
    result,
    commit: async () => {
      release();
      await transaction;
    },
  };
}

/** Waits until `count` sessions of this database wait for a lock (a row lock, usually). */
export async function lockWaiters(t: TestApp, count: number, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const [{ waiting }] = await t.dataSource.query(
      `SELECT count(*)::int AS waiting FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
    );
    if (waiting >= count) return;
    if (Date.now() > until) throw new Error(`expected ${count} sessions waiting for a lock, saw ${waiting} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/**
 * A gate on its own connection (not the app's pool, which the requests queued behind the
 * gate fill): locks what `lockQuery` selects FOR UPDATE until `open()`.
 */
export async function closedGate(databaseUrl: string, lockQuery: string, parameters: unknown[]) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query('BEGIN');
  await client.query(lockQuery, parameters);
  return {
    async open() {
      await client.query('COMMIT');
      await client.end();
    },
  };
}

/**
 * Waits until `count` sessions wait for a lock, or gives up quietly after `patienceMs` when
 * fewer arrive (some requests are refused before they reach a lock). Polls over its own
 * connection, outside any transaction (inside one, pg_stat_activity would not change).
 */
export async function queueForming(databaseUrl: string, count: number, patienceMs = 400): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const until = Date.now() + patienceMs;
    while (Date.now() < until) {
      const { rows } = await client.query(
        `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      if (rows[0].waiting >= count) return;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  } finally {
    await client.end();
  }
}
