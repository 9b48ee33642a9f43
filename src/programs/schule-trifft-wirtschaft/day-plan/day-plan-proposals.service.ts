import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../../../common/identity/actor';
import { Role } from '../../../common/identity/role';
import { DomainError, NotFoundError } from '../../../common/errors/domain-error';
import { isUniqueViolation } from '../../../database/pg-errors';
import { queryRows } from '../../../database/query-rows';
import { inTransaction } from '../../../database/transaction';
import { canManageSchoolDay } from '../../../events/event-visibility';
import { EventsService } from '../../../events/events.service';
import { requireProgram } from '../../../events/program-guard';
import { AllocationRun } from '../../../allocation/allocation-run';
import { AllocationRuns } from '../../../allocation/allocation-runs.service';
import { SchoolDayService } from '../school-day.service';
import { conflictOf, pinRefused } from './day-plan-rules';
import { DayPlanInputLoader, LoadedDay } from './day-plan-input.loader';
import { proposalView, ProposalRow } from './day-plan-proposal.view';
import { FixedSession, PlannedSession, wishRankOf } from './day-plan.input';
import { solveDayPlan } from './day-plan.reading';
import { DayPlanRunDto, PinDto, ProposeDto } from './day-plan.dto';
import { LP_SOLVER, LpSolver } from './lp-solver';

/** A proposal is solved within this; the day plan of a large school takes a few seconds at most. */
const TIME_LIMIT_SECONDS = 10;

/** The day's runs: one at a time per day, across every instance. */
export const dayPlanScope = (eventId: string) => `schule-trifft-wirtschaft:${eventId}`;

/** What a run of the day plan leaves: the proposal it made. */
interface DayPlanRunResult {
  proposalId: string;
}

/**
 * The host school's day plan proposals: ask for one (solved in the background, one run per
 * day at a time), pin or move single cells, solve again around the pins. One proposal per day
 * is open; a new one replaces it and takes over its pins. Committing it is DayPlanCommit's.
 */
@Injectable()
export class DayPlanProposalsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly day: SchoolDayService,
    private readonly loader: DayPlanInputLoader,
    @Inject(LP_SOLVER) private readonly solver: LpSolver,
    private readonly runs: AllocationRuns,
  ) {}

  /** The open proposal (or the last one committed): host school, organisers and partners. */
  async current(actor: Actor, eventId: string) {
    await this.readable(actor, eventId);
    const [row] = await this.dataSource.query(
      `SELECT * FROM day_plan_proposals WHERE event_id = $1 AND status IN ('open', 'committed') ORDER BY status = 'open' DESC, created_at DESC LIMIT 1`,
      [eventId],
    );
    if (!row) throw new NotFoundError('day_plan_proposal');
    return proposalView(row, await this.loader.load(this.dataSource.manager, eventId));
  }

  /**
   * Asks for a new proposal for the day, solved around the open proposal's pins unless asked
   * not to keep them. Answers at once with the run: the solve goes on in the background and
   * stores the proposal as the open one. While a run of the day is going, a second request
   * gets that run (and its settings) instead of starting another.
   */
  async propose(actor: Actor, eventId: string, options: ProposeDto = {}): Promise<DayPlanRunDto> {
    await this.day.managed(actor, eventId, this.dataSource.manager);
    const keepPins = options.keepPins !== false;
    const day = await this.loader.load(this.dataSource.manager, eventId);
    const { run } = await this.runs.request<DayPlanRunResult>({
      scope: dayPlanScope(eventId),
      requestedBy: actor.userId,
      inputStamp: day.stamp,
      settings: { keepPins },
      timeLimitSeconds: TIME_LIMIT_SECONDS,
      work: async () => {
        const row = await this.solveAndStore(actor, eventId, keepPins);
        const { solver } = row.result;
        return { result: { proposalId: row.id }, objective: solver.objective, optimal: solver.optimal, gap: solver.gap, durationMs: solver.ms };
      },
    });
    return runView(run);
  }

  /** The newest run of the day: still going, done (its proposal is the open one unless replaced since) or failed. */
  async latestRun(actor: Actor, eventId: string): Promise<DayPlanRunDto> {
    await this.readable(actor, eventId);
    const run = await this.runs.latest<DayPlanRunResult>(dayPlanScope(eventId));
    if (!run) throw new NotFoundError('day_plan_run');
    return runView(run);
  }

  /**
   * Refuses to change or book the day's proposal while a run is going: the run is about to
   * replace it. Called after the proposal's row is locked, so that a run starting later reads
   * the pins only once this change is committed (solveAndStore reads them FOR SHARE).
   */
  async refuseWhileSolving(manager: EntityManager, eventId: string) {
    if (await this.runs.going(manager, dayPlanScope(eventId))) throw new DomainError('proposal_not_ready');
  }

  /**
   * Solves the day as it is now, around the pins of the open proposal (those that still
   * fit the day: a pin that a booking made since has overtaken is dropped), and makes that
   * the open proposal. The solve runs outside any transaction: it holds no lock meanwhile.
   */
  private async solveAndStore(actor: Actor, eventId: string, keepPins: boolean): Promise<ProposalRow> {
    // FOR SHARE waits for a pin being changed or a commit in progress, and reads what they leave
    const [open] = await this.dataSource.query(`SELECT pins FROM day_plan_proposals WHERE event_id = $1 AND status = 'open' FOR SHARE`, [eventId]);
    const day = await this.loader.load(this.dataSource.manager, eventId);
    const pins: FixedSession[] = [];
    for (const pin of (keepPins ? (open?.pins ?? []) : []) as FixedSession[]) {
      // a pin whose class, period or room is gone breaks a rule too
      if (!conflictOf(day, [...day.input.fixed, ...pins], pin)) pins.push(pin);
    }
    const plan = await solveDayPlan({ ...day.input, fixed: [...day.input.fixed, ...pins] }, this.solver, TIME_LIMIT_SECONDS);
    return inTransaction(this.dataSource, async (manager) => {
      await manager.query(`UPDATE day_plan_proposals SET status = 'replaced' WHERE event_id = $1 AND status = 'open'`, [eventId]);
      try {
        const [inserted] = await queryRows<ProposalRow>(
          manager,
          `INSERT INTO day_plan_proposals (event_id, status, input_stamp, pins, result, solver_status, objective, gap, solve_ms, created_by)
           VALUES ($1, 'open', $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
          [eventId, day.stamp, JSON.stringify(pins), JSON.stringify(plan), plan.solver.status, plan.solver.objective, plan.solver.gap, plan.solver.ms, actor.userId],
        );
        return inserted;
      } catch (error) {
        // another proposal for the day was stored at the same moment: that one is the open one
        if (isUniqueViolation(error, 'day_plan_proposals_one_open')) throw new DomainError('day_plan_proposal_replaced');
        throw error;
      }
    });
  }

  /**
   * Pins a cell: the company (and room) stays there in every later solve. A pin that breaks
   * a rule beside the sessions booked and the other pins is refused, naming the conflict;
   * proposed cells that collide with the new pin leave the grid until the next solve.
   */
  async pin(actor: Actor, eventId: string, dto: PinDto) {
    return this.editOpen(actor, eventId, dto.proposalId, (row, day) => {
      const problems = [
        ...(day.names.classes.has(dto.eventClassId) ? [] : [{ field: 'eventClassId', code: 'reference', message: 'notInEvent' }]),
        ...(day.names.periods.has(dto.periodId) ? [] : [{ field: 'periodId', code: 'reference', message: 'notInEvent' }]),
        ...(!dto.roomId || day.names.rooms.has(dto.roomId) ? [] : [{ field: 'roomId', code: 'reference', message: 'notInEvent' }]),
      ];
      if (problems.length) throw new DomainError('validation_failed', {}, problems);
      if (day.input.rooms.length > 0 && !dto.roomId) throw new DomainError('day_plan_room_needed');
      const pin: FixedSession = { eventClassId: dto.eventClassId, periodId: dto.periodId, companyId: dto.companyId, roomId: dto.roomId ?? null, source: 'pinned' };
      const others = row.pins.filter((p) => !(p.eventClassId === pin.eventClassId && p.periodId === pin.periodId));
      const broken = conflictOf(day, [...day.input.fixed, ...others], pin);
      if (broken) throw pinRefused(broken);
      return [...others, pin];
    });
  }

  /** Takes a pin away; the cell stays as it is until the next solve. */
  async unpin(actor: Actor, eventId: string, eventClassId: string, periodId: string) {
    return this.editOpen(actor, eventId, null, (row) => {
      const left = row.pins.filter((p) => !(p.eventClassId === eventClassId && p.periodId === periodId));
      if (left.length === row.pins.length) throw new NotFoundError('day_plan_pin');
      return left;
    });
  }

  /** Changes the pins of the open proposal and rebuilds its grid: booked, pinned, then the proposed cells that still fit. */
  private async editOpen(actor: Actor, eventId: string, proposalId: string | null, change: (row: ProposalRow, day: LoadedDay) => FixedSession[]) {
    return inTransaction(this.dataSource, async (manager) => {
      await this.day.managed(actor, eventId, manager);
      const row = await this.lockOpen(manager, eventId, proposalId);
      await this.refuseWhileSolving(manager, eventId);
      const day = await this.loader.load(manager, eventId);
      const pins = change(row, day);
      const pinned = new Set(pins.map((p) => `${p.eventClassId}|${p.periodId}`));
      const kept: FixedSession[] = [...day.input.fixed, ...pins];
      const sessions: PlannedSession[] = [
        ...day.input.fixed.map((s) => ({ ...s, wishRank: rankOf(day, s) })),
        ...pins.map((p) => ({ ...p, wishRank: rankOf(day, p) })),
      ];
      const earlier = row.result.sessions.filter((s) => s.source !== 'booked' && !pinned.has(`${s.eventClassId}|${s.periodId}`));
      for (const cell of earlier) {
        if (!conflictOf(day, kept, cell)) {
          kept.push({ ...cell, source: 'pinned' });
          sessions.push({ ...cell, source: 'proposed' });
        }
      }
      const result = { ...row.result, sessions, editedSinceSolve: true };
      const [updated] = await queryRows<ProposalRow>(manager, `UPDATE day_plan_proposals SET pins = $2, result = $3 WHERE id = $1 RETURNING *`, [
        row.id,
        JSON.stringify(pins),
        JSON.stringify(result),
      ]);
      return proposalView(updated, day);
    });
  }

  private async lockOpen(manager: EntityManager, eventId: string, proposalId: string | null): Promise<ProposalRow> {
    const [row] = await manager.query(`SELECT * FROM day_plan_proposals WHERE event_id = $1 AND status = 'open' FOR UPDATE`, [eventId]);
    if (!row) throw new NotFoundError('day_plan_proposal');
    if (proposalId && row.id !== proposalId) throw new DomainError('day_plan_proposal_replaced');
    return row;
  }

  /** The day's proposals are read by its host school, organisers and partners. */
  private async readable(actor: Actor, eventId: string) {
    const event = await this.events.findVisible(actor, eventId);
    requireProgram(event, 'schule-trifft-wirtschaft');
    if (!canManageSchoolDay(actor, event) && actor.role !== Role.Partner) throw new DomainError('not_host_school');
  }
}

/** A run as the API answers it: its state, and when done the solver's figures and the proposal it made. */
function runView(run: AllocationRun<DayPlanRunResult>): DayPlanRunDto {
  return {
    id: run.id,
    status: run.status,
    keepPins: run.settings.keepPins !== false,
    createdAt: run.createdAt,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    proposalId: run.result?.proposalId ?? null,
    objective: run.objective,
    optimal: run.optimal,
    gap: run.gap,
    durationMs: run.durationMs,
    error: run.error,
  };
}

/** The rank of the class's wish a cell meets, or null. */
function rankOf(day: LoadedDay, cell: Pick<FixedSession, 'eventClassId' | 'companyId'>): number | null {
  const schoolClass = day.input.classes.find((c) => c.id === cell.eventClassId);
  const company = day.input.companies.find((c) => c.id === cell.companyId);
  return schoolClass && company ? wishRankOf(schoolClass, company) : null;
}
