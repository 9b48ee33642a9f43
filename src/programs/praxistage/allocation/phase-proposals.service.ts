import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../../../common/identity/actor';
import { Role } from '../../../common/identity/role';
import { DomainError, NotFoundError } from '../../../common/errors/domain-error';
import { inTransaction } from '../../../database/transaction';
import { AllocationRuns } from '../../../allocation/allocation-runs.service';
import { AllocationRun } from '../../../allocation/allocation-run';
import { SolverRunner } from '../../../allocation/solver-runner';
import { ModelRef } from '../../../allocation/worker-model';
import { YearsService } from '../year/years.service';
import { brokenRule } from '../placement-rules';
import { DEFAULT_WEIGHTS, PhaseAllocationInput, ProposalLine, wishMet, WishWeights } from './phase-allocation.model';
import { PhaseProposalInput, PhaseRef } from './phase-proposal.input';
import { AskProposalDto, ChangeProposalDto, ProposalDto } from './proposal.dto';
import { describeProposal } from './proposal-view';

export interface PhaseProposal {
  phaseId: string;
  solverStatus: string;
  weights: WishWeights;
  lines: Array<ProposalLine & { changed?: boolean }>;
}

/** The phase's model, loaded by the solver's worker: the compiled module in the built app, the source under tests. */
const PHASE_ALLOCATION: ModelRef = { file: require.resolve('./phase-allocation.model'), name: 'phaseAllocation' };

/** Who asks, for which phase: the organiser for all schools, a coordinator for the own school. */
export interface ProposalScope extends PhaseRef {
  schoolId: string | null;
  key: string;
}

/**
 * Proposals of places for the pupils of a Praxistage phase still without one: asked for in
 * the background (one run per phase and school at a time, across instances), read while
 * running and when done, changed line by line by people before they accept it.
 */
@Injectable()
export class PhaseProposalsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly years: YearsService,
    private readonly input: PhaseProposalInput,
    private readonly runs: AllocationRuns,
    private readonly solver: SolverRunner,
  ) {}

  async scope(actor: Actor, eventId: string, number: number): Promise<ProposalScope> {
    await this.years.get(actor, eventId);
    const phase = await this.input.phase(eventId, number);
    const schoolId = actor.role === Role.SchoolMember ? actor.schoolId! : null;
    return { ...phase, schoolId, key: `praxistage:${eventId}:${number}:${schoolId ?? 'all'}` };
  }

  /** Starts a proposal (202 with the run at once), or answers the one of this phase and school already running. */
  async ask(actor: Actor, eventId: string, number: number, dto: AskProposalDto): Promise<ProposalDto> {
    const scope = await this.scope(actor, eventId, number);
    const weights: WishWeights = { ranks: dto.weights?.ranks ?? DEFAULT_WEIGHTS.ranks, anywhere: dto.weights?.anywhere ?? DEFAULT_WEIGHTS.anywhere };
    const timeLimitSeconds = dto.timeLimitSeconds ?? 10;
    const input = await this.input.read(scope, scope.schoolId);
    const { run } = await this.runs.request<PhaseProposal>({
      scope: scope.key,
      requestedBy: actor.userId,
      inputStamp: input.stamp,
      settings: { weights, timeLimitSeconds },
      timeLimitSeconds,
      work: async () => {
        // the input goes to the worker as plain data: building the model and reading the solution would hold this thread
        const outcome = await this.solver.solveModel<PhaseAllocationInput, ProposalLine[]>({
          model: PHASE_ALLOCATION,
          input: { pupils: input.pupils, places: input.places, weights },
          timeLimitSeconds,
          // every objective coefficient is whole: a gap below 1 is no gap, and "optimal" means the best there is
          options: { mip_rel_gap: 0, mip_abs_gap: 0.99 },
        });
        const result = { phaseId: scope.phaseId, solverStatus: outcome.status, weights, lines: outcome.result };
        return { result, objective: outcome.objective, optimal: outcome.optimal, gap: outcome.gap, durationMs: outcome.durationMs };
      },
    });
    return this.view(scope, run);
  }

  async latest(actor: Actor, eventId: string, number: number): Promise<ProposalDto | null> {
    const scope = await this.scope(actor, eventId, number);
    const run = await this.runs.latest<PhaseProposal>(scope.key);
    return run ? this.view(scope, run) : null;
  }

  async get(actor: Actor, eventId: string, number: number, runId: string): Promise<ProposalDto> {
    const scope = await this.scope(actor, eventId, number);
    const run = await this.runs.get<PhaseProposal>(runId);
    if (!run || run.scope !== scope.key) throw new NotFoundError('proposal');
    return this.view(scope, run);
  }

  /** People change single lines: another Steckbrief for a pupil, or none; a change that breaks a rule is refused naming it. */
  async changeLines(actor: Actor, eventId: string, number: number, runId: string, dto: ChangeProposalDto): Promise<ProposalDto> {
    const scope = await this.scope(actor, eventId, number);
    await inTransaction(this.dataSource, async (manager) => {
      const run = await this.runs.lockDone<PhaseProposal>(manager, scope.key, runId);
      const proposal = run.result!;
      const input = await this.input.read(scope, scope.schoolId, manager);
      for (const change of dto.lines) {
        const index = proposal.lines.findIndex((l) => l.pupilId === change.pupilId);
        const pupil = input.pupils.find((p) => p.id === change.pupilId);
        if (index < 0) throw new DomainError('proposal_line_unknown');
        if (!pupil) throw new DomainError('proposal_line_breaks_rule', { rule: 'pupil_placed', pupil: await this.nameOf(manager, change.pupilId) });
        if (change.offerId === null) {
          proposal.lines[index] = { pupilId: pupil.id, placeId: null, offerId: null, rankMet: null, reason: 'dropped', changed: true };
          continue;
        }
        const place = (await this.input.places(scope, manager, [change.offerId])).find((p) => p.weekday === pupil.weekday);
        const refuse = (rule: string) => this.nameOf(manager, pupil.id).then((name) => new DomainError('proposal_line_breaks_rule', { rule, pupil: name }));
        if (!place) throw await refuse('practice_weekday');
        const broken = brokenRule(pupil, place);
        if (broken) throw await refuse(broken);
        const othersThere = proposal.lines.filter((l, i) => i !== index && l.placeId === place.placeId).length;
        if (othersThere >= place.free) throw await refuse('place_free');
        proposal.lines[index] = { pupilId: pupil.id, placeId: place.placeId, offerId: place.offerId, rankMet: wishMet(pupil, place), reason: null, changed: true };
      }
      await this.runs.replaceResult(manager, runId, proposal);
    });
    return this.get(actor, eventId, number, runId);
  }

  async nameOf(manager: EntityManager, pupilId: string): Promise<string> {
    const [row] = await manager.query(`SELECT first_name || ' ' || last_name AS name FROM pupils WHERE id = $1`, [pupilId]);
    return row?.name ?? pupilId;
  }

  private view(scope: ProposalScope, run: AllocationRun<PhaseProposal>): Promise<ProposalDto> {
    return describeProposal(this.dataSource.manager, scope.number, run);
  }
}
