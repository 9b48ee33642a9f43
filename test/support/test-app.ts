import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/bootstrap';
import { AppConfig, loadConfig } from '../../src/config/environment';
import { freshDatabase, TestDatabase } from './test-database';

export interface TestApp {
  app: NestExpressApplication;
  http: ReturnType<NestExpressApplication['getHttpServer']>;
  dataSource: DataSource;
  config: AppConfig;
  databaseUrl: string;
  database: TestDatabase;
  /** Listens on a loopback port (once) and gives its base URL, for truly parallel requests. */
  url(): Promise<string>;
  close(): Promise<void>;
}

/**
 * The real app (same bootstrap as `npm start`) on a fresh database — or, with `database`,
 * on the database of an earlier app (a restart); the database is then left to its owner.
 */
export async function startTestApp(env: Record<string, string> = {}, shared?: TestDatabase): Promise<TestApp> {
  const database = shared ? { ...shared, drop: async () => undefined } : await freshDatabase();
  // No background mail worker: tests run it themselves (t.app.get(OutboxWorker).runOnce()).
  // Every test registers its organisations from 127.0.0.1 and books in bursts: the registration
  // and booking limits are lifted unless a test sets them to prove them.
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', OUTBOX_POLL_MS: '0', REGISTRATION_LIMIT_PER_HOUR: '1000000', BOOKING_LIMIT_PER_MINUTE: '1000000', ...env, DATABASE_URL: database.url });
  const app = await createApp(config, { url: database.url, poolSize: database.poolSize, connectionTimeoutMs: database.connectionTimeoutMs });
  await app.init();
  let baseUrl: string | undefined;
  return {
    app,
    http: app.getHttpServer(),
    dataSource: app.get(DataSource),
    config,
    databaseUrl: database.url,
    database,
    async url() {
      if (!baseUrl) {
        await app.listen(0, '127.0.0.1');
        baseUrl = await app.getUrl();
      }
      return baseUrl.replace('[::1]', '127.0.0.1');
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
