import { call, Session } from '../api';

export type ProposalResult = {
  pupils: number;
  placed: number;
  solverStatus: string;
  optimal: boolean;
  gap: number | null;
  /** The solve in the worker, as the run records it. */
  solveMs: number;
  /** From asking to the run being done, as a person waits for it. */
  askedToDoneMs: number;
  health: { requests: number; p50: number; p99: number; errors: number };
  /** The app's peak resident memory from asking to done (the solver's worker counts to it), MB. */
  peakMemoryMb: number | null;
};

/** The app's peak memory: forgotten when a proposal is asked, read when it is done. */
export interface PeakMemory {
  reset(): void;
  read(): number | null;
}

/**
 * The organiser asks for the open phase's proposal (all schools) and waits for it, while
 * `GET /health` is called one after the other the whole time: the request thread must stay
 * free while HiGHS solves in its worker.
 */
export async function phaseProposal(base: string, organiser: Session, eventId: string, phase: number, memory: PeakMemory): Promise<ProposalResult> {
  const path = `/api/v1/praxistage/years/${eventId}/phases/${phase}/proposals`;
  const latencies: number[] = [];
  let errors = 0;
  let solving = true;
  const healthWhileSolving = (async () => {
    while (solving) {
      const t0 = performance.now();
      const res = await fetch(`${base}/health`).catch(() => null);
      if (!res?.ok) errors++;
      await res?.arrayBuffer();
      latencies.push(performance.now() - t0);
    }
  })();
  memory.reset();
  const started = performance.now();
  const asked = await call(base, organiser, path, {});
  let run = asked;
  while (['queued', 'running'].includes(run.status)) {
    await new Promise((r) => setTimeout(r, 50));
    run = await call(base, organiser, `${path}/${asked.id}`);
  }
  const askedToDoneMs = performance.now() - started;
  const peakMemoryMb = memory.read();
  solving = false;
  await healthWhileSolving;
  if (run.status !== 'done') throw new Error(`proposal ${run.status}: ${run.error}`);
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return {
    pupils: run.pupils,
    placed: run.placed,
    solverStatus: run.solverStatus,
    optimal: run.optimal,
    gap: run.gap,
    solveMs: run.durationMs,
    askedToDoneMs,
    health: { requests: latencies.length, p50: at(0.5), p99: at(0.99), errors },
    peakMemoryMb,
  };
}
