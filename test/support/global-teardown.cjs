module.exports = async function globalTeardown() {
  for (const { server, db } of globalThis.__PGLITE_SERVERS__ ?? []) {
    await server.stop();
    await db.close();
  }
};
