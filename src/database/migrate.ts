import { DataSource } from 'typeorm';

// Any constant shared by all instances; it only has to differ from other advisory locks.
const MIGRATION_LOCK = 7_361_001;

/**
 * Runs pending migrations while holding a PostgreSQL advisory lock, so that several app
 * instances starting together against one database migrate once, one after the other.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const lockHolder = dataSource.createQueryRunner();
  await lockHolder.connect();
  try {
    await lockHolder.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await lockHolder.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await lockHolder.release();
  }
}
