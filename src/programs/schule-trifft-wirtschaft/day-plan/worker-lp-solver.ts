import type { SolverRunner } from '../../../allocation/solver-runner';
import { LpSolution, LpSolver } from './lp-solver';

/**
 * The day plan's solver in the app: the shared runner, HiGHS in a worker thread, so the
 * instance keeps answering other requests during a solve and solves take turns with the
 * Praxistage proposals.
 */
export const workerLpSolver =
  (runner: SolverRunner): LpSolver =>
  async (lp, { timeLimitSeconds }): Promise<LpSolution> => {
    // the day plan's objective has whole-number weights: a solution less than 1 from the
    // bound is optimal, so the search may stop there instead of closing the last fraction
    const outcome = await runner.solve({ lp, timeLimitSeconds, options: { mip_abs_gap: 0.999 } });
    return { status: outcome.status, objective: outcome.objective, columns: outcome.values, gap: outcome.optimal ? 0 : outcome.gap, ms: outcome.durationMs };
  };
