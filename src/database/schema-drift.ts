import { DataSource } from 'typeorm';

// The entities do not declare the constraints and indexes written by hand in the
// migrations (CHECKs, partial and expression indexes, foreign keys); TypeORM's diff would
// drop them all, so those statements are not differences.
const HAND_WRITTEN_DROP = /DROP (CONSTRAINT|INDEX)/;
const HAND_WRITTEN_CREATE = /ADD CONSTRAINT|CREATE (UNIQUE )?INDEX/;

/** What TypeORM would change to bring the migrated schema to the entities; empty when they agree. */
export async function schemaDrift(dataSource: DataSource) {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return {
    up: sql.upQueries.filter((q) => !HAND_WRITTEN_DROP.test(q.query)).map((q) => q.query),
    down: sql.downQueries.filter((q) => !HAND_WRITTEN_CREATE.test(q.query)).map((q) => q.query),
  };
}
