import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError, NotFoundError } from '../common/errors/domain-error';
import { AllocationRun, RUN_COLUMNS, RunRequest, RunStatus } from './allocation-run';

// Reading the input and writing the result around the solve; past the time limit and this, a run is dead
const MARGIN_SECONDS = 60;

/**
 * The runs of proposals, kept in `allocation_runs`. One run per scope is queued or running at
 * a time across every instance of the app: the database's partial unique index decides who
 * starts it, not a lock in memory. The instance that recorded a run does its work in the
 * background and stores the result; a second request meanwhile gets the run already going.
 * A run whose instance stopped is given up after its time limit and a margin, and a new one
 * can be asked for.
 */
@Injectable()
export class AllocationRuns implements OnApplicationShutdown {
  private readonly logger = new Logger(AllocationRuns.name);
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly dataSource: DataSource) {}

  /** Records a run and starts it, or answers the run of the scope already going (`started: false`). */
  async request<Result>(request: RunRequest<Result>): Promise<{ run: AllocationRun<Result>; started: boolean }> {
    for (let attempt = 0; attempt < 3; attempt++) {
      await this.giveUpDead(request.scope);
      const [created] = await this.dataSource.query(
        `INSERT INTO allocation_runs (scope, status, requested_by, input_stamp, settings, give_up_at)
         VALUES ($1, 'queued', $2, $3, $4, now() + make_interval(secs => $5))
         ON CONFLICT (scope) WHERE status IN ('queued', 'running') DO NOTHING RETURNING id`,
        [request.scope, request.requestedBy, request.inputStamp, JSON.stringify(request.settings), request.timeLimitSeconds + MARGIN_SECONDS],
      );
      if (created) {
        this.track(this.execute(created.id, request));
        return { run: (await this.get<Result>(created.id))!, started: true };
      }
      const [running] = await this.dataSource.query(`SELECT ${RUN_COLUMNS} FROM allocation_runs WHERE scope = $1 AND status IN ('queued', 'running')`, [request.scope]);
      // the run going a moment ago may have ended meanwhile: then ask again
      if (running) return { run: running, started: false };
    }
    throw new DomainError('proposal_not_ready');
  }

  /**
   * Whether a run of the scope is queued or running (one past its time to give up is not), read
   * in the caller's transaction: a program refuses changes to what a run is about to replace.
   */
  async going(manager: EntityManager, scope: string): Promise<boolean> {
    const [run] = await manager.query(`SELECT 1 FROM allocation_runs WHERE scope = $1 AND status IN ('queued', 'running') AND give_up_at >= now()`, [scope]);
    return !!run;
  }

  async get<Result>(runId: string, manager: EntityManager = this.dataSource.manager): Promise<AllocationRun<Result> | null> {
    const [run] = await manager.query(`SELECT ${RUN_COLUMNS} FROM allocation_runs WHERE id = $1`, [runId]);
    return run ?? null;
  }

  /** The newest run of a scope, if any. */
  async latest<Result>(scope: string): Promise<AllocationRun<Result> | null> {
    await this.giveUpDead(scope);
    const [run] = await this.dataSource.query(`SELECT ${RUN_COLUMNS} FROM allocation_runs WHERE scope = $1 ORDER BY created_at DESC, id LIMIT 1`, [scope]);
    return run ?? null;
  }

  /**
   * A done run of the scope, locked until the caller's transaction ends (to change or accept
   * its result); another scope's run is 404, one still going or closed is refused.
   */
  async lockDone<Result>(manager: EntityManager, scope: string, runId: string): Promise<AllocationRun<Result>> {
    const [run] = await manager.query(`SELECT ${RUN_COLUMNS} FROM allocation_runs WHERE id = $1 AND scope = $2 FOR UPDATE`, [runId, scope]);
    if (!run) throw new NotFoundError('proposal');
    if (run.status === 'queued' || run.status === 'running') throw new DomainError('proposal_not_ready');
    if (run.status !== 'done') throw new DomainError('proposal_closed', { status: run.status });
    return run;
  }

  async replaceResult(manager: EntityManager, runId: string, result: unknown): Promise<void> {
    await manager.query(`UPDATE allocation_runs SET result = $2, updated_at = now() WHERE id = $1`, [runId, JSON.stringify(result)]);
  }

  /** Closes a done run: accepted (`committed`) or refused because its input changed (`stale`). */
  async close(manager: EntityManager, runId: string, status: Extract<RunStatus, 'committed' | 'stale'>): Promise<void> {
    await manager.query(`UPDATE allocation_runs SET status = $2, updated_at = now() WHERE id = $1 AND status = 'done'`, [runId, status]);
  }

  /** Waits for the runs this instance is working on (tests, shutdown). */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.settled();
  }

  private async execute<Result>(runId: string, request: RunRequest<Result>): Promise<void> {
    await this.dataSource.query(
      `UPDATE allocation_runs SET status = 'running', started_at = now(), give_up_at = now() + make_interval(secs => $2), updated_at = now() WHERE id = $1 AND status = 'queued'`,
      [runId, request.timeLimitSeconds + MARGIN_SECONDS],
    );
    try {
      const outcome = await request.work();
      await this.dataSource.query(
        `UPDATE allocation_runs SET status = 'done', result = $2, objective = $3, optimal = $4, gap = $5, duration_ms = $6, finished_at = now(), updated_at = now()
          WHERE id = $1 AND status = 'running'`,
        [runId, JSON.stringify(outcome.result), outcome.objective, outcome.optimal, outcome.gap, Math.round(outcome.durationMs)],
      );
    } catch (error) {
      const reason = error instanceof DomainError ? `${error.code}${error.params.reason ? `: ${error.params.reason}` : ''}` : String((error as Error)?.message ?? error);
      this.logger.error(`proposal run ${runId} (${request.scope}) failed: ${reason}`);
      await this.dataSource
        .query(`UPDATE allocation_runs SET status = 'failed', error = $2, finished_at = now(), updated_at = now() WHERE id = $1 AND status IN ('queued', 'running')`, [runId, reason.slice(0, 500)])
        .catch((e) => this.logger.error(`proposal run ${runId} not marked failed: ${e}`));
    }
  }

  /** Runs of the scope whose instance stopped before finishing: failed, so the scope is free again. */
  private giveUpDead(scope: string) {
    return this.dataSource.query(
      `UPDATE allocation_runs SET status = 'failed', error = 'abandoned: its instance stopped before finishing', finished_at = now(), updated_at = now()
        WHERE scope = $1 AND status IN ('queued', 'running') AND give_up_at < now()`,
      [scope],
    );
  }

  private track(work: Promise<void>) {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }
}
