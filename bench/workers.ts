import { ChildProcess } from 'node:child_process';
import { startApp, stopApp, waitForHealth } from './app-process';

/**
 * BENCH_WORKERS=1,2: the rush once per worker count (WEB_CONCURRENCY) against the same
 * PostgreSQL. Unset, the app runs as one process as it always did (undefined: no override).
 */
export function workerCounts(): Array<number | undefined> {
  const setting = process.env.BENCH_WORKERS;
  if (!setting) return [undefined];
  const counts = setting.split(',').map((n) => Number(n.trim()));
  if (counts.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('BENCH_WORKERS: whole numbers from 1, comma-separated, e.g. 1,2.');
  return counts;
}

/**
 * Starts the app with `workers` workers and waits until every one of them answers: /health
 * tells which worker answered, and the first worker to listen takes the port before the
 * others are ready, so measuring then would load one worker only.
 */
export async function startWorkers(url: string, port: number, workers: number | undefined, inspectPort?: number): Promise<ChildProcess> {
  const base = `http://127.0.0.1:${port}`;
  const app = startApp(url, port, workers, inspectPort);
  try {
    await waitForHealth(base);
    if ((workers ?? 1) > 1) await waitForAll(base, workers!);
    return app;
  } catch (error) {
    await stopApp(app);
    throw error;
  }
}

async function waitForAll(base: string, workers: number) {
  const seen = new Set<number>();
  for (let attempt = 0; attempt < 600 && seen.size < workers; attempt++) {
    // a fresh connection each time: a kept-alive one stays with the worker that accepted it
    const res = await fetch(`${base}/health`, { headers: { connection: 'close' } }).catch(() => undefined);
    const body = res?.ok ? await res.json() : undefined;
    if (typeof body?.worker === 'number') seen.add(body.worker);
    if (seen.size < workers) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (seen.size < workers) throw new Error(`Only ${seen.size} of ${workers} workers answered within a minute.`);
}
