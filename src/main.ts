import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './bootstrap';
import { ConfigError, loadConfig } from './config/environment';
import { EMBEDDED_CONNECTION_TIMEOUT_MS, EMBEDDED_POOL_SIZE, EmbeddedPostgres, startEmbeddedPostgres } from './database/embedded-postgres';
import { waitForDatabase } from './database/wait-for-database';
import { listenWhileStarting, StandbyServer } from './health/standby-server';
import { demoOnFirstStart } from './cli/first-start-demo';
import cluster from 'node:cluster';
import { poolShare, runPrimary, workersWanted } from './cluster/app-workers';

async function main() {
  const logger = new Logger('Praxisnah');
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }

  // several workers only on a PostgreSQL server: the embedded database is one process's
  const workers = config.DATABASE_URL ? workersWanted(config.WEB_CONCURRENCY) : 1;
  if (workers > 1 && cluster.isPrimary) return runPrimary(workers, logger);
  if (!config.DATABASE_URL && config.WEB_CONCURRENCY !== 1) logger.warn('WEB_CONCURRENCY gilt nur mit DATABASE_URL: die eingebettete Datenbank läuft in einem Prozess.');

  let embedded: EmbeddedPostgres | undefined;
  let standby: StandbyServer | undefined;
  if (config.DATABASE_URL) {
    // Only a database that is not there yet opens the port early, to answer /health with 503.
    await waitForDatabase(config.DATABASE_URL, async () => {
      standby = await listenWhileStarting(config.PORT, config.HOST);
    });
    standby?.databaseReached();
  } else {
    embedded = await startEmbeddedPostgres({ dataDir: config.DATA_DIR });
  }
  const app = await createApp(
    config,
    embedded
      ? { url: embedded.url, poolSize: EMBEDDED_POOL_SIZE, connectionTimeoutMs: EMBEDDED_CONNECTION_TIMEOUT_MS }
      : { url: config.DATABASE_URL!, poolSize: poolShare(config.DATABASE_POOL_SIZE, workers) },
  );

  // Graceful shutdown: stop taking requests, finish running ones, close the pool, then the
  // embedded database, so its files are left clean.
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal} received, shutting down`);
    const forced = setTimeout(() => process.exit(1), 15_000).unref();
    await app.close();
    await embedded?.stop();
    clearTimeout(forced);
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));

  await app.init();
  const demo = await demoOnFirstStart(app, config);
  await standby?.close();
  await app.listen(config.PORT, config.HOST);
  logger.log(`Praxisnah läuft auf ${config.PUBLIC_URL} (API-Dokumentation: ${config.PUBLIC_URL}/api/docs)`);
  if (embedded) logger.log(`eingebettete Datenbank in ${config.DATA_DIR}`);
  if (demo) process.stdout.write(`${demo}Die Demo wurde beim ersten Start angelegt, weil die Datenbank leer war (abschalten: DEMO=false).\n\n`);
}

main().catch((error) => {
  process.stderr.write(`Praxisnah could not start: ${error?.stack ?? error}\n`);
  process.exit(1);
});
