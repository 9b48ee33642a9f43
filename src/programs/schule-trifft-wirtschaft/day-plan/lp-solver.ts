/**
 * What the day plan needs of a solver: a mixed-integer program as CPLEX-LP text in, the
 * values of its columns out. The model knows nothing of how or where it is solved.
 */
export interface LpSolution {
  /** The solver's word for the outcome: 'Optimal', 'Time limit reached', 'Infeasible', … */
  status: string;
  objective: number | null;
  /** The value of each column by name; columns the solver left out are 0. */
  columns: Record<string, number>;
  /** Relative optimality gap when known (0 when proven optimal, null when not reported). */
  gap: number | null;
  ms: number;
}

export type LpSolver = (lp: string, options: { timeLimitSeconds: number }) => Promise<LpSolution>;

/** Injection token of the solver the proposals use. */
export const LP_SOLVER = Symbol('LP_SOLVER');
