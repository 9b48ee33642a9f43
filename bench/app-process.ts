import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

export const ORGANISER = { email: 'bench@praxisnah.example', password: 'bench-passwort-lang-genug' };

/**
 * The built app as its own process, so its memory is measured apart from the load generator,
 * started with the same node options as `npm start` (its heap limit).
 */
export function startApp(databaseUrl: string, port: number): ChildProcess {
  const start: string = JSON.parse(readFileSync('package.json', 'utf8')).scripts.start;
  const [, ...nodeArgs] = start.split(/\s+/); // "node <options> dist/src/main.js"
  // BENCH_PROFILE=<folder>: the app writes a V8 CPU profile there when it stops (open in Chrome DevTools)
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  return spawn(process.execPath, [...profile, ...nodeArgs], {
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
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
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
 * The app's peak resident memory (Linux VmHWM, MB) since the last reset; reset per phase so
 * each phase reports its own peak. Null where /proc does not tell.
 */
export const peakMemory = {
  reset(app: ChildProcess) {
    try {
      writeFileSync(`/proc/${app.pid}/clear_refs`, '5');
    } catch {
      // not Linux, or not allowed: the peak then covers the run so far
    }
  },
  read(app: ChildProcess): number | null {
    try {
      const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${app.pid}/status`, 'utf8'))?.[1]);
      return Math.round(kb / 1024);
    } catch {
      return null;
    }
  },
};
