import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/environment';
import { dataSourceOptions } from '../database/data-source-options';
import { EMBEDDED_POOL_SIZE, startEmbeddedPostgres } from '../database/embedded-postgres';

/**
 * The database for a command-line task: DATABASE_URL, or the embedded one in DATA_DIR.
 * The embedded database belongs to one process at a time: stop the app first.
 */
export async function openDatabase(config: AppConfig) {
  const embedded = config.DATABASE_URL ? undefined : await startEmbeddedPostgres({ dataDir: config.DATA_DIR });
  const dataSource = new DataSource({
    ...dataSourceOptions(config.DATABASE_URL ?? embedded!.url, embedded ? EMBEDDED_POOL_SIZE : 2),
    // compiled entities, for the schema diff of `migration:generate`
    entities: [join(__dirname, '..', '**', '*.entity.js')],
  });
  await dataSource.initialize();
  return {
    dataSource,
    async close() {
      await dataSource.destroy();
      await embedded?.stop();
    },
  };
}
