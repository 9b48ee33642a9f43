import cluster, { Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';
import type { Logger } from '@nestjs/common';

/** `WEB_CONCURRENCY=auto`: one worker per core of the machine. */
export const AUTO = 'auto';

/** How many app workers `WEB_CONCURRENCY` asks for. */
export function workersWanted(setting: number | typeof AUTO): number {
  return setting === AUTO ? availableParallelism() : setting;
}

/**
 * Each worker's share of the connections: all workers together stay within
 * DATABASE_POOL_SIZE, the number the database is sized for, and each keeps at least two
 * (one for a transaction, one for the background work beside it).
 */
export const poolShare = (total: number, workers: number) => Math.max(2, Math.floor(total / workers));

/** Which worker this process is (1…n), or null outside a cluster. */
export const workerNumber = (): number | null => (cluster.isWorker ? cluster.worker!.id : null);

// a worker that dies sooner than this after its start is failing to start, not crashing at work
const EARLY_DEATH_MS = 10_000;

/**
 * The primary process of `npm start` with several workers: it forks them and does no work
 * of its own. Node's cluster module hands incoming connections to the workers on the one
 * port. Every worker runs the whole app, background jobs included: those already take turns
 * through the database (mail claimed with SKIP LOCKED, jobs claimed once per period, proposal
 * runs behind their unique index), exactly as with several instances. A worker that dies is
 * replaced; one that cannot even start stops the whole (a wrong setting would only loop).
 */
export function runPrimary(workers: number, logger: Logger): void {
  const started = new Map<number, number>();
  let stopping = false;
  const fork = () => {
    const worker = cluster.fork();
    started.set(worker.id, Date.now());
  };
  cluster.on('exit', (worker: Worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    if (Date.now() - (started.get(worker.id) ?? 0) < EARLY_DEATH_MS) {
      logger.error(`Worker ${worker.id} konnte nicht starten (Code ${code ?? signal}); Praxisnah wird beendet.`);
      stopping = true;
      for (const other of Object.values(cluster.workers ?? {})) other?.kill('SIGTERM');
      process.exitCode = 1;
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(1);
      return;
    }
    logger.warn(`Worker ${worker.id} ist beendet (${code ?? signal}); ein neuer startet.`);
    fork();
  });
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal} received, stopping ${workers} workers`);
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill('SIGTERM');
    setTimeout(() => process.exit(1), 20_000).unref();
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
  for (let i = 0; i < workers; i++) fork();
  logger.log(`Praxisnah startet ${workers} Worker`);
}
