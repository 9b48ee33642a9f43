import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { Logger } from '@nestjs/common';

/**
 * The app talks to the embedded database over exactly one connection. PGlite is a single
 * PostgreSQL backend; pglite-socket feeds it the protocol messages of all connections in
 * turn, message by message, so the Parse/Bind/Execute of two concurrent parameterised
 * queries can interleave and bind one query's parameters to the other's statement. One
 * connection serialises them in the pool instead, which is all one backend can do anyway.
 */
export const EMBEDDED_POOL_SIZE = 1;

/** Requests queue for that one connection; in a rush they wait their turn rather than fail. */
export const EMBEDDED_CONNECTION_TIMEOUT_MS = 120_000;

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
  dataDir?: string; // undefined: in memory
  /** Connections the socket accepts (the app's one, plus room for a maintenance command). */
  maxConnections?: number;
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
    maxConnections: options.maxConnections ?? 4,
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
