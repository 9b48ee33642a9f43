'use strict';
/*
 * Runs one HiGHS solve off the request thread, and, for a program's model, also building the
 * model and reading its solution. Plain JavaScript on purpose: the same file runs under the
 * test runner (beside its TypeScript source) and in the built app (copied to dist/ as an
 * asset), with no compiler in between.
 *
 * In:  workerData = { timeLimitSeconds, options: extra HiGHS options } with either
 *        lp: CPLEX-LP text, or
 *        model: { file, name } (a WorkerModel) and input: its plain input
 * Out: one message { status, hasSolution, objective, dualBound, gap, seconds, timings } with
 *        values: { column: value ≠ 0 } for LP text, result: what the model read back for a model
 */
const { parentPort, workerData } = require('node:worker_threads');
const { performance } = require('node:perf_hooks');

/** The program's model; under the test runner its module is TypeScript, read through a loader. */
function programModel({ file, name }) {
  if (file.endsWith('.ts')) require('ts-node').register({ transpileOnly: true });
  const model = require(file)[name];
  if (!model || typeof model.build !== 'function') throw new Error(`no model ${name} in ${file}`);
  return model;
}

async function solve(lp) {
  const highs = await require('highs')();
  const model = highs.createModel();
  try {
    model.options.set({ output_flag: false, time_limit: workerData.timeLimitSeconds, ...workerData.options });
    model.readModel({ format: 'lp', data: lp });
    model.run();
    const statusCode = model.getModelStatus();
    const status = Object.entries(highs.constants.modelStatus).find(([, code]) => code === statusCode)?.[0] ?? 'unknown';
    const info = (name) => {
      try {
        const value = Number(model.info.get(name));
        return Number.isFinite(value) ? value : null;
      } catch {
        return null;
      }
    };
    // a primal solution exists when HiGHS says so (optimal, or cut by a limit after finding one)
    const hasSolution = info('primal_solution_status') === 2;
    const values = {};
    if (hasSolution) {
      const { colValue } = model.getSolution();
      for (let i = 0; i < colValue.length; i++) if (Math.abs(colValue[i]) > 1e-9) values[model.getColName(i)] = colValue[i];
    }
    return {
      status,
      hasSolution,
      objective: hasSolution ? model.getObjectiveValue() : null,
      dualBound: info('mip_dual_bound'),
      gap: info('mip_gap'),
      values,
      seconds: model.getRunTime(),
    };
  } finally {
    model.dispose();
  }
}

// a model without a column decides nothing: its only solution is the empty one
const NOTHING_TO_DECIDE = { status: 'optimal', hasSolution: true, objective: 0, dualBound: 0, gap: 0, values: {}, seconds: 0 };

async function main() {
  const since = (started) => Math.round(performance.now() - started);
  if (!workerData.model) {
    const started = performance.now();
    const answer = await solve(workerData.lp);
    return { ...answer, timings: { solveMs: since(started) } };
  }
  const model = programModel(workerData.model);
  let started = performance.now();
  const built = model.build(workerData.input);
  const buildMs = since(started);
  started = performance.now();
  const { values, ...answer } = built.lp === null ? NOTHING_TO_DECIDE : await solve(built.lp);
  const solveMs = since(started);
  started = performance.now();
  const result = built.read(values);
  return { ...answer, result, timings: { buildMs, solveMs, readMs: since(started) } };
}

main()
  .then((answer) => parentPort.postMessage(answer))
  .catch((error) => parentPort.postMessage({ error: String(error && error.message ? error.message : error) }));
