// Without DATABASE_URL the end-to-end tests need a PostgreSQL: start one embedded PGlite
// per jest worker (a worker runs its files one after another, each on a fresh schema).
// Plain CommonJS with a real import(): PGlite's WebAssembly does not load inside jest's VM.
module.exports = async function globalSetup(globalConfig) {
  if (process.env.DATABASE_URL) return;
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const workers = Math.max(1, globalConfig.maxWorkers || 1);
  const servers = [];
  for (let i = 0; i < workers; i++) {
    const db = await PGlite.create();
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 8 });
    await server.start();
    servers.push({ db, server, url: `postgres://postgres@${server.getServerConn()}/postgres` });
  }
  globalThis.__PGLITE_SERVERS__ = servers;
  process.env.PGLITE_URLS = servers.map((s) => s.url).join(',');
};
