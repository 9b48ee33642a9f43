import { Module } from '@nestjs/common';
import { AllocationRuns } from './allocation-runs.service';
import { SolverRunner } from './solver-runner';

/**
 * Proposals computed by a solver, for any program: the runner solves a program's model (an
 * `LpModel`) with HiGHS in a worker thread; `AllocationRuns` records each run, keeps one per
 * scope at a time across instances, and stores its result. A program builds its model from
 * its rules, asks `AllocationRuns.request()` with a scope and the work, and reads the result.
 */
@Module({
  providers: [SolverRunner, AllocationRuns],
  exports: [SolverRunner, AllocationRuns],
})
export class AllocationModule {}
