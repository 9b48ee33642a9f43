import highsLoader, { type Highs } from 'highs';
import { LpSolution, LpSolver } from './lp-solver';

/*
 * The model's unit tests and the bench solve in the calling thread: HiGHS' solve is
 * synchronous, which is fine for them. The app uses the shared worker runner instead
 * (worker-lp-solver.ts), so a running app never blocks on a solve.
 */

let loaded: Promise<Highs> | undefined;
const highs = (): Promise<Highs> => (loaded ??= highsLoader());

export const inProcessLpSolver: LpSolver = async (lp, { timeLimitSeconds }): Promise<LpSolution> => {
  const solver = await highs();
  const started = performance.now();
  const solution = solver.solve(lp, {
    time_limit: timeLimitSeconds,
    output_flag: false,
    // the day plan's objective has whole-number weights: a solution less than 1 from the
    // bound is optimal, so the search may stop there instead of closing the last fraction
    mip_abs_gap: 0.999,
  });
  const ms = Math.round(performance.now() - started);
  const solved = solution.Status === 'Optimal' || solution.Status === 'Time limit reached';
  const columns = Object.fromEntries(Object.entries(solution.Columns ?? {}).map(([name, column]) => [name, (column as { Primal?: number }).Primal ?? 0]));
  return {
    status: solution.Status,
    objective: solved && Number.isFinite(solution.ObjectiveValue) ? solution.ObjectiveValue : null,
    columns: solved ? columns : {},
    gap: solution.Status === 'Optimal' ? 0 : null,
    ms,
  };
};
