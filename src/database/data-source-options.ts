import { DataSourceOptions } from 'typeorm';
import { migrations } from '../../migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/**
 * One set of options for the app, the CLI and the tests. The schema comes from the
 * migrations alone: never synchronize.
 */
export function dataSourceOptions(url: string, poolSize: number, connectionTimeoutMs = 10_000): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    synchronize: false,
    migrationsRun: false, // run by runMigrations() under an advisory lock, see migrate.ts
    migrations,
    migrationsTableName: 'schema_migrations',
    namingStrategy: new SnakeNamingStrategy(),
    extra: {
      max: poolSize,
      // how long a request may queue for a free connection before it answers 503
      connectionTimeoutMillis: connectionTimeoutMs,
      // Every session speaks UTC; people see Europe/Berlin, converted at the edges.
      options: '-c TimeZone=UTC',
    },
  };
}
