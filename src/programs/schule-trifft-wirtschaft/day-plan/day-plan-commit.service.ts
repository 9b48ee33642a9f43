import { Injectable } from '@nestjs/common';
import { Actor } from '../../../common/identity/actor';
import { DomainError, NotFoundError } from '../../../common/errors/domain-error';
import { queryRows } from '../../../database/query-rows';
import { BookingEngine } from '../../../bookings/booking-engine';
import { BookingReads } from '../../../bookings/booking-reads';
import { IdempotencyRequest } from '../../../bookings/idempotency/idempotency';
import { IdempotencyService } from '../../../bookings/idempotency/idempotency.service';
import { canManageSchoolDay } from '../../../events/event-visibility';
import { DayPlanInputLoader } from './day-plan-input.loader';
import { ProposalRow } from './day-plan-proposal.view';
import { DayPlanProposalsService } from './day-plan-proposals.service';
import { clashesOf, staleRefusal } from './day-plan-rules';
import { CommitProposalDto } from './day-plan.dto';

/** A session the day already has breaks one of these when someone booked since the proposal. */
const GRID_RULES = ['class_period_taken', 'team_busy', 'room_busy'];

/**
 * Books a proposal: every pinned and proposed cell becomes a session, through the engine's
 * path for a session (the same as SchoolDayBookingsService.bookSession, so the mails and
 * calendar entries follow), all in one transaction. The sessions booked before stay as they
 * are. If the day changed since the proposal was solved, nothing is booked, and the refusal
 * names each cell that can no longer be booked and why.
 */
@Injectable()
export class DayPlanCommitService {
  constructor(
    private readonly engine: BookingEngine,
    private readonly reads: BookingReads,
    private readonly idempotency: IdempotencyService,
    private readonly loader: DayPlanInputLoader,
    private readonly proposals: DayPlanProposalsService,
  ) {}

  commit(actor: Actor, eventId: string, dto: CommitProposalDto, request: IdempotencyRequest) {
    return this.idempotency.run(actor, request, 201, async (manager) => {
      const event = await this.engine.openForBooking(manager, actor, eventId, 'schule-trifft-wirtschaft', 'host school');
      if (!canManageSchoolDay(actor, event)) throw new DomainError('not_host_school');
      const [row] = await queryRows<ProposalRow>(manager, `SELECT * FROM day_plan_proposals WHERE id = $1 AND event_id = $2 FOR UPDATE`, [dto.proposalId, eventId]);
      if (!row) throw new NotFoundError('day_plan_proposal');
      if (row.status !== 'open') throw new DomainError('day_plan_proposal_replaced');
      await this.proposals.refuseWhileSolving(manager, eventId);
      const day = await this.loader.load(manager, eventId);
      const toBook = row.result.sessions.filter((s) => s.source !== 'booked');
      if (day.stamp !== row.input_stamp) throw staleRefusal(day, clashesOf(day, toBook));

      // the registrations stay as they are until the sessions are booked (as for a single session)
      for (const companyId of new Set(toBook.map((s) => s.companyId))) {
        const registered = await this.reads.companyBookingStatus(manager, eventId, companyId, 'day_registration', ['confirmed'], 'share');
        if (!registered) {
          // withdrawn since the day was read a moment ago
          throw staleRefusal(day, toBook.filter((s) => s.companyId === companyId).map((cell) => ({ cell, broken: { rule: 'company_not_registered', params: { company: day.names.companies.get(companyId) ?? '' } } })));
        }
      }
      const bookingIds: string[] = [];
      for (const session of toBook) {
        const key = `${session.companyId}|${session.periodId}`;
        const inUse = day.teamsInUse.get(key) ?? [];
        const team = [...Array(20).keys()].map((i) => i + 1).find((t) => !inUse.includes(t))!;
        day.teamsInUse.set(key, [...inUse, team]);
        try {
          const booking = await this.engine.place(
            manager,
            event,
            {
              kind: 'session', bookableId: null, quantity: 1, companyId: session.companyId, schoolId: event.hostSchoolId,
              eventClassId: session.eventClassId, periodId: session.periodId, roomId: session.roomId, team,
            },
            { actorId: actor.userId, details: { dayPlanProposal: row.id } },
          );
          bookingIds.push(booking.id);
        } catch (error) {
          // booked by someone between the check and here: the whole commit is undone
          if (error instanceof DomainError && GRID_RULES.includes(error.code)) throw staleRefusal(day, [{ cell: session, broken: { rule: 'booked_meanwhile', params: {} } }]);
          throw error;
        }
      }
      await manager.query(`UPDATE day_plan_proposals SET status = 'committed', committed_at = now() WHERE id = $1`, [row.id]);
      return { proposalId: row.id, booked: bookingIds.length, bookingIds };
    });
  }
}
