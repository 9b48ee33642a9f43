import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { EMBEDDED_CONNECTION_TIMEOUT_MS, EMBEDDED_POOL_SIZE } from '../../src/database/embedded-postgres';

export interface TestDatabase {
  url: string;
  /** Connections the app may open: one on embedded PGlite (see EMBEDDED_POOL_SIZE). */
  poolSize: number;
  connectionTimeoutMs?: number;
  drop(): Promise<void>;
}

/**
 * A fresh, empty database for one test file; the app migrates it at start like any other.
 * On a PostgreSQL server (DATABASE_URL): a new database beside the given one, dropped
 * afterwards. On embedded PGlite: this worker's instance with its schema wiped.
 */
export async function freshDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `praxisnah_test_${process.pid}_${randomBytes(4).toString('hex')}`;
    await withClient(serverUrl, (c) => c.query(`CREATE DATABASE ${name}`));
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      poolSize: 10,
      drop: async () => {
        await withClient(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      },
    };
  }
  const urls = (process.env.PGLITE_URLS ?? '').split(',').filter(Boolean);
  if (urls.length === 0) throw new Error('Neither DATABASE_URL nor the embedded test database is set up');
  const url = urls[(Number(process.env.JEST_WORKER_ID ?? 1) - 1) % urls.length];
  await withClient(url, async (c) => {
    await c.query('DROP SCHEMA IF EXISTS public CASCADE');
    await c.query('CREATE SCHEMA public');
  });
  return { url, poolSize: EMBEDDED_POOL_SIZE, connectionTimeoutMs: EMBEDDED_CONNECTION_TIMEOUT_MS, drop: async () => undefined };
}

export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
