import { EntityManager } from 'typeorm';

/**
 * The rows a statement returns, also for UPDATE/DELETE … RETURNING: TypeORM's plain
 * `query()` answers those with `[rows, rowCount]` instead, which is easy to mistake for
 * rows (an always non-empty array).
 */
export async function queryRows<T = Record<string, unknown>>(
  manager: EntityManager,
  sql: string,
  parameters: unknown[] = [],
): Promise<T[]> {
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  try {
    const result = await runner.query(sql, parameters, true);
    return result.records as T[];
  } finally {
    if (!manager.queryRunner) await runner.release();
  }
}
