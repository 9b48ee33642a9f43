import { Injectable, Logger } from '@nestjs/common';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { DomainError } from '../common/errors/domain-error';
import type { ModelRef } from './worker-model';

/** HiGHS's model status in the words of its own reports. */
const STATUS_WORDS: Record<string, SolveStatus> = {
  optimal: 'Optimal',
  infeasible: 'Infeasible',
  unboundedOrInfeasible: 'Primal infeasible or unbounded',
  unbounded: 'Unbounded',
  timeLimit: 'Time limit reached',
  iterationLimit: 'Iteration limit reached',
  solutionLimit: 'Solution limit reached',
  interrupted: 'Interrupted',
  empty: 'Empty',
};

export type SolveStatus =
  | 'Optimal'
  | 'Infeasible'
  | 'Primal infeasible or unbounded'
  | 'Unbounded'
  | 'Time limit reached'
  | 'Iteration limit reached'
  | 'Solution limit reached'
  | 'Interrupted'
  | 'Empty'
  | 'Unknown';

export interface SolveOutcome {
  status: SolveStatus;
  /** Proven best: HiGHS closed the gap within the tolerances asked for. */
  optimal: boolean;
  /** The best solution's objective, null without a solution. */
  objective: number | null;
  /** Relative distance to the proven bound when a limit cut the solve (0 when optimal), null without a solution. */
  gap: number | null;
  /** Column values that are not 0, by name; empty without a solution. */
  values: Record<string, number>;
  durationMs: number;
}

export interface SolveRequest {
  lp: string;
  timeLimitSeconds: number;
  /** Further HiGHS options (e.g. `mip_abs_gap` where every objective coefficient is whole). */
  options?: Record<string, number | string | boolean>;
}

/** A program's model to build, solve and read back in the worker, from plain input (see `WorkerModel`). */
export interface ModelSolveRequest<Input> {
  model: ModelRef;
  input: Input;
  timeLimitSeconds: number;
  options?: Record<string, number | string | boolean>;
}

export type ModelOutcome<Result> = Omit<SolveOutcome, 'values'> & {
  result: Result;
  /** How long the worker took for each part, for the log. */
  timings: { buildMs: number; solveMs: number; readMs: number };
};

// A worker that outlives its own time limit by this much is stuck (a solve stops at the limit;
// building and reading a large model, and under tests loading its TypeScript, come on top)
const STUCK_AFTER_MS = 30_000;

// The worker's JavaScript heap, which counts to the process beside the solver's WebAssembly
// memory (that one no limit here reaches). A small young generation collects the model's
// short-lived pieces early instead of letting them fill 16 MB semi-spaces (a phase of 858 pupils
// solved in a bare process: a peak of 204–237 MB against 233–249 MB without); the old generation's
// cap stops a runaway model, with room for a phase's model many times that size and, under tests,
// for the TypeScript loader.
const WORKER_HEAP = { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 160 };

/**
 * Solves a mixed-integer program with HiGHS in a worker thread: the solve is one synchronous
 * call that would otherwise stop this process from answering anyone. A program either gives
 * the LP text, or its model and the plain input (`solveModel`): then building the model and
 * reading the solution back happen in the worker as well.
 * Solves of one process take turns (`parallel` at a time), so a machine's cores stay free
 * for requests; a solve waits for its turn before its time limit starts. Each solve has a
 * worker of its own, ended when it answers: the solver's WebAssembly memory goes with it
 * instead of staying with the process at its largest.
 */
@Injectable()
export class SolverRunner {
  private readonly logger = new Logger(SolverRunner.name);
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  parallel = 1;

  async solve(request: SolveRequest): Promise<SolveOutcome> {
    const { answer, durationMs } = await this.inTurn({ lp: request.lp, timeLimitSeconds: request.timeLimitSeconds, options: request.options ?? {} });
    return { ...outcomeOf(answer, durationMs), values: answer.values };
  }

  async solveModel<Input, Result>(request: ModelSolveRequest<Input>): Promise<ModelOutcome<Result>> {
    const { answer, durationMs } = await this.inTurn({
      model: request.model,
      input: request.input,
      timeLimitSeconds: request.timeLimitSeconds,
      options: request.options ?? {},
    });
    const { buildMs, solveMs, readMs } = answer.timings;
    this.logger.debug(`${request.model.name}: built in ${buildMs} ms, solved in ${solveMs} ms, read in ${readMs} ms`);
    return { ...outcomeOf(answer, durationMs), result: answer.result as Result, timings: { buildMs, solveMs, readMs } };
  }

  private async inTurn(workerData: WorkerData): Promise<{ answer: WorkerAnswer; durationMs: number }> {
    await this.turn();
    try {
      const started = Date.now();
      const answer = await this.inWorker(workerData);
      return { answer, durationMs: Date.now() - started };
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }

  private async turn(): Promise<void> {
    if (this.running < this.parallel) {
      this.running++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
  }

  private inWorker(workerData: WorkerData): Promise<WorkerAnswer> {
    // the worker is plain JavaScript beside this file, both in src/ (tests) and in dist/ (the built app)
    const worker = new Worker(join(__dirname, 'solver-worker.js'), { workerData, resourceLimits: WORKER_HEAP });
    return new Promise<WorkerAnswer>((resolve, reject) => {
      const stuck = setTimeout(() => {
        void worker.terminate();
        reject(new DomainError('solver_failed', { reason: 'no answer within the time limit' }));
      }, workerData.timeLimitSeconds * 1000 + STUCK_AFTER_MS);
      const done = () => {
        clearTimeout(stuck);
        void worker.terminate();
      };
      worker.once('message', (answer) => {
        done();
        if (answer.error) return reject(new DomainError('solver_failed', { reason: answer.error }));
        resolve(answer);
      });
      worker.once('error', (error) => {
        done();
        reject(new DomainError('solver_failed', { reason: error.message }));
      });
    });
  }
}

type WorkerData = { timeLimitSeconds: number; options: Record<string, number | string | boolean> } & ({ lp: string } | { model: ModelRef; input: unknown });

/** The worker's message (solver-worker.js). */
interface WorkerAnswer {
  status: string;
  hasSolution: boolean;
  objective: number | null;
  dualBound: number | null;
  gap: number | null;
  values: Record<string, number>;
  result?: unknown;
  timings: { buildMs: number; solveMs: number; readMs: number };
}

function outcomeOf(answer: WorkerAnswer, durationMs: number): Omit<SolveOutcome, 'values'> {
  const status = STATUS_WORDS[answer.status] ?? 'Unknown';
  const optimal = status === 'Optimal';
  const gap = !answer.hasSolution ? null : optimal ? 0 : (answer.gap ?? relativeGap(answer.objective, answer.dualBound));
  return { status, optimal, objective: answer.objective, gap, durationMs };
}

/** The gap as HiGHS defines it, from the best solution and the proven bound. */
function relativeGap(objective: number | null, bound: number | null): number | null {
  if (objective === null || bound === null) return null;
  return Math.abs(bound - objective) / Math.max(1, Math.abs(objective));
}
