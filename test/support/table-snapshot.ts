import { DataSource } from 'typeorm';

/**
 * What a refused request must leave as it was: every table's row count and a hash of its
 * contents. Left out are the bookkeeping of the requests themselves: rate-limit counters
 * (counting refused attempts is their job) and a token's last use.
 */
const NOT_DATA = ['schema_migrations', 'rate_limit_counters'];
const VOLATILE_COLUMNS: Record<string, string[]> = { api_tokens: ['last_used_at'] };

export type TableSnapshot = Record<string, { rows: number; hash: string }>;

export async function tableSnapshot(dataSource: DataSource): Promise<TableSnapshot> {
  const tables: Array<{ name: string }> = await dataSource.query(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const parts = tables
    .filter(({ name }) => !NOT_DATA.includes(name))
    .map(({ name }) => {
      const row = (VOLATILE_COLUMNS[name] ?? []).reduce((expr, column) => `${expr} - '${column}'`, 'to_jsonb(t)');
      return `SELECT '${name}' AS name, count(*)::int AS rows, coalesce(md5(string_agg((${row})::text, '|' ORDER BY (${row})::text)), '') AS hash FROM ${name} t`;
    });
  const rows: Array<{ name: string; rows: number; hash: string }> = await dataSource.query(parts.join(' UNION ALL '));
  return Object.fromEntries(rows.map((r) => [r.name, { rows: r.rows, hash: r.hash }]));
}

/** The tables whose rows or contents differ between two snapshots. */
export function changedTables(before: TableSnapshot, after: TableSnapshot): string[] {
  return Object.keys({ ...before, ...after }).filter((name) => JSON.stringify(before[name]) !== JSON.stringify(after[name]));
}
