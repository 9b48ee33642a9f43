/**
 * The benchmark: the registration rush (thousands of class-visit bookings from many schools
 * at once) against the same booking transactions sent straight through `pg` in the same run,
 * then the reads people make meanwhile. Usage: see bench/README.md (`npm run bench`).
 */
import { Client, Pool } from 'pg';
import { Environment } from '../src/config/environment';
import { login, registerSchools } from './api';
import { ORGANISER, peakMemory, startApp, stopApp, waitForHealth } from './app-process';
import { Measurement } from './measure';
import { praxistage, PraxistageResult } from './praxistage/praxistage';
import { reads } from './reads';
import { report } from './report';
import { CONCURRENCY, rush, RushResult } from './rush';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 5000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PORT = Number(process.env.BENCH_PORT ?? 3999);
// BENCH_ONLY=praxistage (or rush, reads, comma-separated) runs only those parts; all of them by default.
const PARTS = (process.env.BENCH_ONLY ?? 'rush,reads,praxistage').split(',').map((part) => part.trim());
// The baseline gets as many connections as the app's pool (DATABASE_POOL_SIZE, else its default).
const POOL_SIZE = Number(process.env.DATABASE_POOL_SIZE ?? new Environment().DATABASE_POOL_SIZE);

async function main() {
  const server = process.env.DATABASE_URL;
  if (!server) throw new Error('DATABASE_URL must point at a PostgreSQL server (the benchmark creates its own database there).');
  const url = await freshDatabase(server);
  const app = startApp(url, PORT);
  const db = new Pool({ connectionString: url, max: POOL_SIZE });
  try {
    const base = `http://127.0.0.1:${PORT}`;
    await waitForHealth(base);
    const peaks: Record<string, number | null> = {};
    const phase = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
      peakMemory.reset(app);
      const result = await work();
      peaks[name] = peakMemory.read(app);
      return result;
    };
    const organiser = await login(base, ORGANISER.email, ORGANISER.password);
    let rushResult: RushResult | undefined;
    let readResults: Measurement[] | undefined;
    let praxistageResult: PraxistageResult | undefined;
    if (PARTS.includes('rush') || PARTS.includes('reads')) {
      const schools = await phase('set-up', () => registerSchools(base, organiser, CONCURRENCY));
      if (PARTS.includes('rush')) rushResult = await phase('rush', () => rush(base, db, organiser, schools, REQUESTS, ROUNDS));
      if (PARTS.includes('reads')) readResults = await phase('reads', () => reads(base, db, organiser, schools));
    }
    if (PARTS.includes('praxistage')) praxistageResult = await phase('praxistage', () => praxistage(base, db, organiser));
    report({ requests: REQUESTS, rounds: ROUNDS, concurrency: CONCURRENCY, rush: rushResult, reads: readResults, praxistage: praxistageResult, peakMemoryMb: peaks });
  } finally {
    await db.end();
    await stopApp(app);
  }
}

/** A database of its own beside the given one, so a run never touches real data. */
async function freshDatabase(server: string): Promise<string> {
  const name = 'praxisnah_bench';
  const admin = new Client({ connectionString: server });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
