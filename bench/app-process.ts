import { ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { InspectorSession } from './inspector';

export const ORGANISER = { email: 'bench@praxisnah.example', password: 'bench-passwort-lang-genug' };

/**
 * The built app as its own process, so its memory is measured apart from the load generator,
 * started with the same node options as `npm start` (its heap limit). With `inspectPort` its
 * V8 inspector listens on 127.0.0.1 there (workers on the ports after it), so that the bench
 * can read each serving process's heap after a collection (`appMemory`).
 */
export function startApp(databaseUrl: string, port: number, workers?: number, inspectPort?: number): ChildProcess {
  const start: string = JSON.parse(readFileSync('package.json', 'utf8')).scripts.start;
  const [, ...nodeArgs] = start.split(/\s+/); // "node <options> dist/src/main.js"
  // BENCH_PROFILE=<folder>: the app writes a V8 CPU profile there when it stops (open in Chrome DevTools)
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const inspect = inspectPort === undefined ? [] : [`--inspect=127.0.0.1:${inspectPort}`];
  const app = spawn(process.execPath, [...profile, ...inspect, ...nodeArgs], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      // 100 schools, each from its own address behind the proxy the app trusts
      TRUST_PROXY: 'true',
      // the rush measures throughput: 100 schools sending 50 requests each would be stopped by design
      BOOKING_LIMIT_PER_MINUTE: '1000000',
      ORGANISER_EMAIL: ORGANISER.email,
      ORGANISER_PASSWORD: ORGANISER.password,
      SMTP_URL: '', // mail stays in the outbox; the worker still composes and "sends" it
      // production refuses to start without it; the bench's check-in codes need no real secret
      CHECK_IN_SECRET: process.env.CHECK_IN_SECRET ?? 'bench-check-in-secret-not-for-production',
      // BENCH_WORKERS: the app forks this many workers (Node cluster); unset, the app's own setting
      ...(workers === undefined ? {} : { WEB_CONCURRENCY: String(workers) }),
    },
    stdio: ['ignore', 'ignore', inspectPort === undefined ? 'inherit' : 'pipe'],
  });
  if (inspectPort !== undefined) {
    // the inspector announces every session on stderr; the app's own errors still show
    const inspectorNotice = /^(Debugger (listening|attached|ending)|For help, see: https:\/\/nodejs\.org)/;
    createInterface({ input: app.stderr! }).on('line', (line) => inspectorNotice.test(line) || console.error(line));
  }
  return app;
}

export async function waitForHealth(base: string) {
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      if ((await fetch(`${base}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('The app did not become healthy within a minute.');
}

export async function stopApp(app: ChildProcess) {
  if (app.exitCode !== null) return;
  app.kill('SIGTERM');
  await new Promise((resolve) => app.once('exit', resolve));
}

/**
 * The processes that serve requests: with several workers (Node cluster) the primary only
 * forks them and hands on connections, so its memory says nothing about a worker's; the
 * workers are its children. A single process is its own server.
 */
export function servingPids(app: ChildProcess): number[] {
  const children = childPids(app.pid!);
  return children.length ? children : [app.pid!];
}

function childPids(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`)
      .flatMap((task) => readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim().split(/\s+/))
      .filter(Boolean)
      .map(Number)
      .sort((a, b) => a - b);
  } catch {
    return []; // not Linux: the app's own process is measured
  }
}

/**
 * Peak resident memory (Linux VmHWM, MB) of each serving process since the last reset;
 * reset per phase so each phase reports its own peak. Null where /proc does not tell.
 */
export const peakMemory = {
  reset(app: ChildProcess) {
    for (const pid of servingPids(app)) {
      try {
        writeFileSync(`/proc/${pid}/clear_refs`, '5');
      } catch {
        // not Linux, or not allowed: the peak then covers the run so far
      }
    }
  },
  /** Per serving process, in pid order (with workers: worker 1, 2, … as they were forked). */
  read(app: ChildProcess): Array<number | null> {
    return servingPids(app).map((pid) => {
      try {
        const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
        return Math.round(kb / 1024);
      } catch {
        return null;
      }
    });
  },
};

/** One serving process's memory at a moment: resident as the work left it, then resident, heap and external after a full collection. */
export type ProcessMemory = { pid: number; rssMb: number; rssAfterGcMb: number; heapMb: number; externalMb: number };

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

/**
 * The memory of each serving process (in `servingPids` order), asked of each one's V8
 * inspector (the app started with `inspectPort`; a cluster's workers listen on the ports
 * after the primary's). Resident memory is read first, as the last request left it (V8 keeps
 * the heap it grew for a request's garbage until its next collection); then a full
 * collection, after which resident memory, the heap and the Buffers outside it (`external`)
 * hold what the process keeps.
 */
export async function appMemory(app: ChildProcess, inspectPort: number, workers = 1): Promise<ProcessMemory[]> {
  const serving = servingPids(app);
  const found = new Map<number, ProcessMemory>();
  const ports = Array.from({ length: workers > 1 ? workers + 1 : 1 }, (_, i) => inspectPort + i);
  for (const port of ports) {
    const session = await InspectorSession.open(port);
    try {
      const pid = await session.evaluate<number>('process.pid');
      if (!serving.includes(pid)) continue; // the cluster's primary serves no requests
      const before = JSON.parse(await session.evaluate<string>('JSON.stringify(process.memoryUsage())'));
      await session.call('HeapProfiler.collectGarbage');
      const after = JSON.parse(await session.evaluate<string>('JSON.stringify(process.memoryUsage())'));
      found.set(pid, { pid, rssMb: mb(before.rss), rssAfterGcMb: mb(after.rss), heapMb: mb(after.heapUsed), externalMb: mb(after.external) });
    } finally {
      session.close();
    }
  }
  const missing = serving.filter((pid) => !found.has(pid));
  if (missing.length) throw new Error(`No inspector answered for the app's process ${missing.join(', ')} (ports ${ports.join(', ')}).`);
  return serving.map((pid) => found.get(pid)!);
}
