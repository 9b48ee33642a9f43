import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../../../common/identity/actor';
import { Conflict, DomainError } from '../../../common/errors/domain-error';
import { inTransaction } from '../../../database/transaction';
import { berlinDate } from '../../../common/time/berlin';
import { AllocationRuns } from '../../../allocation/allocation-runs.service';
import { BookingEngine } from '../../../bookings/booking-engine';
import { Event } from '../../../events/event.entity';
import { ApplicationsService } from '../applications/applications.service';
import { ApplicationMails } from '../applications/application-mails';
import { brokenRule } from '../placement-rules';
import { FreePlace, PupilToPlace } from './phase-allocation.model';
import { PhaseProposalInput } from './phase-proposal.input';
import { PhaseProposal, PhaseProposalsService, ProposalScope } from './phase-proposals.service';
import { ProposalDto } from './proposal.dto';

type Line = { pupil: PupilToPlace; place: FreePlace; assignDirectly: boolean };

/**
 * Accepting a proposal, all or nothing in one transaction: each line goes to its company as
 * an application sent on the pupil's behalf (the company still says yes or no, and its yes
 * places the pupil), or — where the company lets pupils be assigned to it — becomes the
 * placement at once. A proposal the world has moved past (the pupil got a place, a place is
 * taken or gone) books nothing and is refused, naming each conflict.
 */
@Injectable()
export class ProposalAcceptance {
  constructor(
    private readonly dataSource: DataSource,
    private readonly proposals: PhaseProposalsService,
    private readonly input: PhaseProposalInput,
    private readonly runs: AllocationRuns,
    private readonly engine: BookingEngine,
    private readonly applications: ApplicationsService,
    private readonly mails: ApplicationMails,
  ) {}

  async accept(actor: Actor, eventId: string, number: number, runId: string): Promise<ProposalDto> {
    const scope = await this.proposals.scope(actor, eventId, number);
    const conflicts = await inTransaction(this.dataSource, async (manager) => {
      const run = await this.runs.lockDone<PhaseProposal>(manager, scope.key, runId);
      const proposed = run.result!.lines.filter((l) => l.offerId !== null);
      const direct = new Map<string, { companyId: string; assignDirectly: boolean }>(
        (await manager.query(`SELECT id, company_id AS "companyId", assign_directly AS "assignDirectly" FROM practicum_offers WHERE id = ANY($1::uuid[])`, [proposed.map((l) => l.offerId)])).map(
          (o: { id: string; companyId: string; assignDirectly: boolean }) => [o.id, o],
        ),
      );
      // the lock order of applications: the event (shared, by the engine), then the pupils' rows, then the engine's counters
      const events = new Map<string, Event>();
      for (const companyId of [...new Set([...direct.values()].filter((o) => o.assignDirectly).map((o) => o.companyId))].sort()) {
        events.set(companyId, await this.engine.openForBooking(manager, actor, eventId, 'praxistage', { company: companyId }));
      }
      await manager.query(`SELECT 1 FROM praxistage_pupils WHERE event_id = $1 AND pupil_id = ANY($2::uuid[]) ORDER BY pupil_id FOR UPDATE`, [eventId, proposed.map((l) => l.pupilId)]);
      const now = await this.input.read(scope, scope.schoolId, manager);
      const found: Array<{ pupilId: string; rule: string }> = [];
      const lines: Line[] = [];
      const taken = new Map<string, number>();
      for (const line of proposed) {
        const pupil = now.pupils.find((p) => p.id === line.pupilId);
        const place = pupil && now.places.find((p) => p.offerId === line.offerId && p.weekday === pupil.weekday);
        const rule = !pupil ? 'pupil_placed' : !place ? 'place_gone' : (brokenRule(pupil, place) ?? ((taken.get(place.placeId) ?? 0) >= place.free ? 'place_free' : null));
        if (rule) found.push({ pupilId: line.pupilId, rule });
        else {
          taken.set(place!.placeId, (taken.get(place!.placeId) ?? 0) + 1);
          lines.push({ pupil: pupil!, place: place!, assignDirectly: direct.get(place!.offerId)?.assignDirectly ?? false });
        }
      }
      if (found.length > 0) {
        await this.runs.close(manager, runId, 'stale');
        return Promise.all(found.map(async (c) => ({ pupilId: c.pupilId, offerId: proposed.find((l) => l.pupilId === c.pupilId)!.offerId, pupil: await this.proposals.nameOf(manager, c.pupilId), rule: c.rule })));
      }
      for (const line of lines) {
        if (line.assignDirectly) await this.place(manager, actor, scope, runId, line, events.get(line.place.companyId)!);
        else await this.sendApplication(manager, actor, scope, runId, line);
      }
      await this.runs.close(manager, runId, 'committed');
      return [];
    });
    if (conflicts.length > 0) {
      // each line that can no longer be sent, by pupil and Steckbrief, with the rule it now breaks
      const lines: Conflict[] = conflicts.map((c) => ({ code: 'proposal_line_conflict', params: { pupil: c.pupil, rule: c.rule }, about: { pupilId: c.pupilId, pupil: c.pupil, steckbriefId: c.offerId, rule: c.rule } }));
      throw new DomainError('proposal_stale', { lines: lines.length }, [], lines);
    }
    return this.proposals.get(actor, eventId, number, runId);
  }

  /** The company takes pupils directly: the placement is confirmed, recorded as the pupil's accepted application. */
  private async place(manager: EntityManager, actor: Actor, scope: ProposalScope, runId: string, line: Line, event: Event) {
    const [phase] = await manager.query(`SELECT first_day::text AS first_day, last_day::text AS last_day FROM praxistage_phases WHERE id = $1`, [scope.phaseId]);
    const [pupil] = await manager.query(`SELECT school_id FROM praxistage_pupils WHERE event_id = $1 AND pupil_id = $2`, [scope.eventId, line.pupil.id]);
    const today = berlinDate(new Date());
    const booking = await this.engine.place(
      manager,
      event,
      {
        kind: 'placement',
        bookableId: line.place.placeId,
        quantity: 1,
        schoolId: pupil.school_id,
        companyId: line.place.companyId,
        offerId: line.place.offerId,
        pupilId: line.pupil.id,
        weekday: line.pupil.weekday,
        firstDate: today > phase.first_day && today <= phase.last_day ? today : phase.first_day,
        lastDate: phase.last_day,
        phaseId: scope.phaseId,
        occupationalField: line.place.occupationalField,
        mayStay: line.pupil.mayStay,
      },
      { actorId: actor.userId, reason: 'Vorschlag angenommen / proposal accepted' },
      { waitingList: false },
    );
    const applicationId = await this.applicationFor(manager, actor, scope, runId, line, pupil.school_id, 'accepted', booking.id);
    await this.applications.withdrawOthers(manager, scope.phaseId, line.pupil.id, applicationId);
  }

  /** The company is asked as in the application flow: an application on the pupil's behalf, the company decides. */
  private async sendApplication(manager: EntityManager, actor: Actor, scope: ProposalScope, runId: string, line: Line) {
    const [pupil] = await manager.query(`SELECT school_id FROM praxistage_pupils WHERE event_id = $1 AND pupil_id = $2`, [scope.eventId, line.pupil.id]);
    const applicationId = await this.applicationFor(manager, actor, scope, runId, line, pupil.school_id, 'submitted', null);
    await this.mails.received(manager, await this.mails.facts(manager, applicationId));
  }

  /** The pupil's open application to this Steckbrief (a wish met) carries the proposal, else a new one is made. */
  private async applicationFor(manager: EntityManager, actor: Actor, scope: ProposalScope, runId: string, line: Line, schoolId: string, status: 'submitted' | 'accepted', bookingId: string | null): Promise<string> {
    // (TypeORM answers an UPDATE … RETURNING with the rows and the count)
    const [[open]] = await manager.query(
      `UPDATE praxistage_applications SET proposal_run_id = $4, status = CASE WHEN $5 = 'accepted' THEN 'accepted' ELSE status END, booking_id = coalesce($6, booking_id), updated_at = now()
        WHERE phase_id = $1 AND pupil_id = $2 AND offer_id = $3 AND status IN ('submitted', 'interview') RETURNING id`,
      [scope.phaseId, line.pupil.id, line.place.offerId, runId, status, bookingId],
    );
    if (open) return open.id;
    const [created] = await manager.query(
      `INSERT INTO praxistage_applications (event_id, phase_id, pupil_id, school_id, offer_id, company_id, weekday, message, status, booking_id, proposal_run_id, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, '', $8, $9, $10, $11) RETURNING id`,
      [scope.eventId, scope.phaseId, line.pupil.id, schoolId, line.place.offerId, line.place.companyId, line.pupil.weekday, status, bookingId, runId, actor.userId],
    );
    return created.id;
  }
}
