/**
 * A program's model as the solver's worker thread runs it: built from the plain input the
 * program read from the database, solved, and the solver's values read back into the
 * program's result. For a large input, building the model, writing its LP text and reading
 * the solution take as long as a request may wait in all; beside the solve, they keep the
 * request thread free.
 *
 * The worker loads the module holding it by its file, so that module imports plain code only
 * (its rules and `LpModel`): no Nest, no database.
 */
export interface WorkerModel<Input, Result> {
  build(input: Input): BuiltModel<Result>;
}

export interface BuiltModel<Result> {
  /** The model as CPLEX-LP text; null when there is nothing to decide (no column): the result is then `read({})`. */
  lp: string | null;
  /** The result from the solution's column values that are not 0, by name (none without a solution). */
  read(values: Record<string, number>): Result;
}

/** Where the worker finds a program's model: the module's file (`require.resolve`) and the export's name. */
export interface ModelRef {
  file: string;
  name: string;
}
