/**
 * The benchmark: the registration rush (thousands of class-visit bookings from many schools
 * at once) against the same booking transactions sent straight through `pg` in the same run,
 * then the reads people make meanwhile. Usage: see bench/README.md (`npm run bench`).
 */
import { Client, Pool } from 'pg';
import { Environment } from '../src/config/environment';
import { poolShare } from '../src/cluster/app-workers';
import { login, registerSchools, School } from './api';
import { appMemory, ORGANISER, peakMemory, stopApp } from './app-process';
import { Measurement } from './measure';
import { DayPlanBenchResult, dayPlanRow } from './day-plan/day-plan-bench';
import { dayPlanInApp } from './day-plan/day-plan-in-app';
import { agreementsBench, AgreementsBenchResult } from './documents/agreements-bench';
import { praxistage, PraxistageResult } from './praxistage/praxistage';
import { reads } from './reads';
import { report } from './report';
import { CONCURRENCY, rush, RushResult } from './rush';
import { ScaleOutRun } from './scale-out';
import { startWorkers, workerCounts } from './workers';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 5000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PORT = Number(process.env.BENCH_PORT ?? 3999);
// the documents part reads the app's heap through its V8 inspector, listening here (a cluster's workers on the ports after it)
const INSPECT_PORT = Number(process.env.BENCH_INSPECT_PORT ?? PORT + 1);
// BENCH_ONLY=praxistage (or rush, reads, day-plan, documents, comma-separated) runs only those parts; all of them by default.
const PARTS = (process.env.BENCH_ONLY ?? 'rush,reads,praxistage,day-plan,documents').split(',').map((part) => part.trim());
// The baseline gets as many connections as the app's pool (DATABASE_POOL_SIZE, else its default);
// with workers the app splits the same pool between them (poolShare), so its total stays the baseline's.
const POOL_SIZE = Number(process.env.DATABASE_POOL_SIZE ?? new Environment().DATABASE_POOL_SIZE);

async function main() {
  const server = process.env.DATABASE_URL;
  if (!server) throw new Error('DATABASE_URL must point at a PostgreSQL server (the benchmark creates its own database there).');
  const url = await freshDatabase(server);
  const db = new Pool({ connectionString: url, max: POOL_SIZE });
  // only the rush runs per worker count; without it, just the last count's app is started
  const counts = PARTS.includes('rush') ? workerCounts() : workerCounts().slice(-1);
  const base = `http://127.0.0.1:${PORT}`;
  const peaks: Record<string, number | null> = {};
  let schools: School[] | undefined;
  let rushResult: RushResult | undefined;
  let readResults: Measurement[] | undefined;
  let praxistageResult: PraxistageResult | undefined;
  let documents: AgreementsBenchResult | undefined;
  let dayPlan: DayPlanBenchResult | undefined;
  const scaleOut: ScaleOutRun[] = [];
  try {
    // one app per worker count; the reads, the Praxistage part, the day plan and the documents on the last one (with BENCH_WORKERS=1,2: two workers)
    for (const [k, workers] of counts.entries()) {
      const inspect = k === counts.length - 1 && PARTS.includes('documents');
      const app = await startWorkers(url, PORT, workers, inspect ? INSPECT_PORT : undefined);
      try {
        let lastPeaks: Array<number | null> = [];
        const label = workers === undefined ? '' : `, ${workers} worker${workers > 1 ? 's' : ''}`;
        const phase = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
          peakMemory.reset(app);
          const result = await work();
          const perProcess = (lastPeaks = peakMemory.read(app));
          if (perProcess.length === 1) peaks[`${name}${label}`] = perProcess[0];
          else perProcess.forEach((mb, i) => (peaks[`${name}${label}, worker ${i + 1}`] = mb));
          return result;
        };
        const organiser = await login(base, ORGANISER.email, ORGANISER.password);
        if (PARTS.includes('rush') || PARTS.includes('reads')) schools ??= await phase('set-up', () => registerSchools(base, organiser, CONCURRENCY));
        if (PARTS.includes('rush') && workers === undefined) rushResult = await phase('rush', () => rush(base, db, organiser, schools!, REQUESTS, ROUNDS));
        if (PARTS.includes('rush') && workers !== undefined) {
          const result = await phase('rush', () => rush(base, db, organiser, schools!, REQUESTS, ROUNDS, ` (${workers} Worker)`));
          scaleOut.push({ workers, poolPerWorker: poolShare(POOL_SIZE, workers), rush: result, peakMbPerWorker: lastPeaks });
        }
        if (k < counts.length - 1) continue;
        if (PARTS.includes('reads')) readResults = await phase('reads', () => reads(base, db, organiser, schools!));
        if (PARTS.includes('praxistage')) {
          // the proposal measures its own peak (it resets the figure), as the largest of the serving processes'
          const largest = () => Math.max(...peakMemory.read(app).map((mb) => mb ?? 0)) || null;
          const memory = { reset: () => peakMemory.reset(app), read: largest };
          praxistageResult = await phase('praxistage', () => praxistage(base, db, organiser, memory));
          // the part's peak is the larger of it and the set-up's (one process; with workers the set-up's is reported apart)
          const key = `praxistage${label}`;
          if (key in peaks) peaks[key] = Math.max(peaks[key] ?? 0, praxistageResult.setUpPeakMemoryMb ?? 0) || null;
          else peaks[`praxistage set-up${label}, largest worker`] = praxistageResult.setUpPeakMemoryMb;
        }
        if (PARTS.includes('day-plan')) {
          dayPlan = await phase('day-plan', () => dayPlanInApp(base, organiser));
          console.table([dayPlanRow(dayPlan)]);
        }
        // last: its year of its own does not change what the other parts read
        if (PARTS.includes('documents')) documents = await phase('documents', () => agreementsBench(base, db, organiser, () => appMemory(app, INSPECT_PORT, workers)));
      } finally {
        await stopApp(app);
      }
    }
    report({
      requests: REQUESTS, rounds: ROUNDS, concurrency: CONCURRENCY, rush: rushResult, scaleOut: scaleOut.length ? scaleOut : undefined,
      reads: readResults, praxistage: praxistageResult, dayPlan, documents, peakMemoryMb: peaks,
    });
  } finally {
    await db.end();
  }
}

/** A database of its own beside the given one, so a run never touches real data. */
async function freshDatabase(server: string): Promise<string> {
  // BENCH_DATABASE: another name, so two runs on one server do not drop each other's database
  const name = process.env.BENCH_DATABASE ?? 'praxisnah_bench';
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error('BENCH_DATABASE: lower-case letters, digits and _ only.');
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
