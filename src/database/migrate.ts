import { DataSource, MigrationExecutor } from 'typeorm';

// Any constant shared by all instances; it only has to differ from other advisory locks.
const MIGRATION_LOCK = 7_361_001;

/**
 * Runs pending migrations while holding a PostgreSQL advisory lock, so that several app
 * instances starting together against one database migrate once, one after the other.
 * Lock and migrations share one connection, which also works with a pool of one.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const executor = new MigrationExecutor(dataSource, runner);
    executor.transaction = 'each';
    const applied = await executor.executePendingMigrations();
    return applied.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}
