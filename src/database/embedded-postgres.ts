import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { Logger } from '@nestjs/common';

export interface EmbeddedPostgres {
  /** A postgres:// URL for the ordinary pg driver. */
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * PostgreSQL 18 compiled to WebAssembly (PGlite), served on a loopback port by
 * pglite-socket so that TypeORM talks to it through the same pg driver as to a real
 * server: one code path for both. The socket server queues statements and keeps an
 * open transaction exclusive, so `maxConnections` must cover the whole pool.
 */
export async function startEmbeddedPostgres(options: {
  dataDir?: string; // undefined: in memory (tests)
  maxConnections: number;
}): Promise<EmbeddedPostgres> {
  const logger = new Logger('EmbeddedPostgres');
  // Loaded lazily: a server with DATABASE_URL never pays for the WebAssembly module.
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');

  let dataDir: string | undefined;
  if (options.dataDir) {
    dataDir = resolve(options.dataDir, 'postgres');
    mkdirSync(dataDir, { recursive: true });
  }
  const db = await PGlite.create(dataDir ? { dataDir } : {});
  const server = new PGLiteSocketServer({
    db,
    host: '127.0.0.1',
    port: 0,
    maxConnections: options.maxConnections,
  });
  await server.start();
  const [host, port] = server.getServerConn().split(':');
  logger.log(`embedded PostgreSQL ${dataDir ? `in ${dataDir}` : 'in memory'} on ${host}:${port}`);

  let stopped = false;
  return {
    url: `postgres://postgres@${host}:${port}/postgres`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await db.close();
      logger.log('embedded PostgreSQL closed');
    },
  };
}
