// Counts the rows of every table in the embedded database of a data folder, as JSON on stdout.
// Runs as a child process of its own: PGlite's WebAssembly does not load inside jest's VM, and
// the app must have stopped (one process at a time opens a PGlite data folder).
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';

const db = await PGlite.create({ dataDir: join(process.argv[2], 'postgres') });
try {
  const { rows } = await db.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
  const counts = {};
  for (const { tablename } of rows) counts[tablename] = (await db.query(`SELECT count(*)::int AS n FROM "${tablename}"`)).rows[0].n;
  process.stdout.write(JSON.stringify(counts));
} finally {
  await db.close();
}
