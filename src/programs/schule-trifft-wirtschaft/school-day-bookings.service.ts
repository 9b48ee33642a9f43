import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../../common/identity/actor';
import { Role } from '../../common/identity/role';
import { DomainError, invalidField } from '../../common/errors/domain-error';
import { likePattern } from '../../common/http/search';
import { canManageSchoolDay } from '../../events/event-visibility';
import { EventsService } from '../../events/events.service';
import { requireProgram } from '../../events/program-guard';
import { BookingEngine } from '../../bookings/booking-engine';
import { BookingReads } from '../../bookings/booking-reads';
import { LIVE } from '../../bookings/booking-status';
import { RegistrationListQuery, SessionDto } from './dto/school-day-booking.dto';
import { IdempotencyRequest } from '../../bookings/idempotency/idempotency';
import { IdempotencyService } from '../../bookings/idempotency/idempotency.service';

/**
 * Schule trifft Wirtschaft: companies register for the day, then sessions are booked into
 * the class × period grid — by the company itself, or by the host school that wants it.
 * One company per class and period, one place per team and period, one session per room
 * and period: the database's unique indexes refuse the rest.
 */
@Injectable()
export class SchoolDayBookingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly engine: BookingEngine,
    private readonly idempotency: IdempotencyService,
    private readonly reads: BookingReads,
  ) {}

  register(actor: Actor, eventId: string, request: IdempotencyRequest) {
    const companyId = actor.companyId!;
    return this.idempotency.run(actor, request, 201, async (manager) => {
      const event = await this.engine.openForBooking(manager, actor, eventId, 'schule-trifft-wirtschaft', { company: companyId });
      return this.engine.place(
        manager,
        event,
        { kind: 'day_registration', bookableId: null, quantity: 1, companyId, schoolId: event.hostSchoolId },
        { actorId: actor.userId },
      );
    });
  }

  bookSession(actor: Actor, eventId: string, dto: SessionDto, request: IdempotencyRequest) {
    return this.idempotency.run(actor, request, 201, async (manager) => {
      const event = await this.engine.openForBooking(manager, actor, eventId, 'schule-trifft-wirtschaft', 'host school');
      const companyId = this.presentingCompany(actor, event, dto);
      await this.checkGridReferences(manager, eventId, dto);
      // the registration stays as it is until this session is booked
      const registered = await this.reads.companyBookingStatus(manager, eventId, companyId, 'day_registration', ['confirmed'], 'share');
      if (!registered) throw new DomainError('not_registered_for_day');
      return this.engine.place(
        manager,
        event,
        {
          kind: 'session',
          bookableId: null,
          quantity: 1,
          companyId,
          schoolId: event.hostSchoolId,
          eventClassId: dto.eventClassId,
          periodId: dto.periodId,
          roomId: dto.roomId ?? null,
          team: dto.team ?? 1,
        },
        { actorId: actor.userId },
      );
    });
  }

  /** The grid: every period × class with the company (and room) in it; visible like the event. */
  async grid(actor: Actor | undefined, eventId: string) {
    const event = await this.events.findVisible(actor, eventId);
    requireProgram(event, 'schule-trifft-wirtschaft');
    const [periods, classes, sessions, rooms] = await Promise.all([
      this.dataSource.query(
        `SELECT id, number, starts_at AS "startsAt", ends_at AS "endsAt" FROM event_periods WHERE event_id = $1 ORDER BY number`,
        [eventId],
      ),
      this.dataSource.query(
        `SELECT ec.id, sc.name, sc.grade FROM event_classes ec JOIN school_classes sc ON sc.id = ec.school_class_id
          WHERE ec.event_id = $1 ORDER BY sc.grade, sc.name`,
        [eventId],
      ),
      this.reads.ofKind(eventId, 'session', { statuses: ['pending', 'confirmed'] }),
      this.dataSource.query(`SELECT id, name FROM event_rooms WHERE event_id = $1`, [eventId]),
    ]);
    const roomName = new Map((rooms as Array<{ id: string; name: string }>).map((r) => [r.id, r.name]));
    const cells = sessions.map((b) => ({
      bookingId: b.id, periodId: b.periodId, eventClassId: b.eventClassId, status: b.status, team: b.team,
      companyId: b.companyId, companyName: b.companyName, branch: b.companyBranch, roomId: b.roomId, roomName: b.roomId ? roomName.get(b.roomId) ?? null : null,
    }));
    return { eventId, periods, classes, cells };
  }

  /** Companies registered for the day, for the host school choosing whom to invite into its grid. */
  async registrations(actor: Actor, eventId: string, query: RegistrationListQuery) {
    const event = await this.events.findVisible(actor, eventId);
    requireProgram(event, 'schule-trifft-wirtschaft');
    if (!canManageSchoolDay(actor, event) && actor.role !== Role.Partner) throw new DomainError('not_host_school');
    const registrations = await this.reads.ofKind(eventId, 'day_registration', { statuses: LIVE, companyMatching: query.branch ? likePattern(query.branch) : null });
    return registrations
      .map((b) => ({ bookingId: b.id, status: b.status, companyId: b.companyId!, name: b.companyName!, branch: b.companyBranch!, apprenticeships: b.companyApprenticeships, town: b.companyTown }))
      .sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '', 'de'));
  }

  /** A company's own registration for the day: its state, or null when it has none that is live. */
  async ownRegistration(actor: Actor, eventId: string): Promise<string | null> {
    return this.reads.companyBookingStatus(this.dataSource.manager, eventId, actor.companyId!, 'day_registration', LIVE);
  }

  /** Whose session it is: a company books for itself; the host school and organisers name one. */
  private presentingCompany(actor: Actor, event: { hostSchoolId: string | null }, dto: SessionDto): string {
    if (actor.role === Role.CompanyMember) {
      if (dto.companyId && dto.companyId !== actor.companyId) throw invalidField('companyId', 'notForProgram', 'reference');
      return actor.companyId!;
    }
    if (!canManageSchoolDay(actor, event as never)) throw new DomainError('not_host_school');
    if (!dto.companyId) {
      throw invalidField('companyId', 'should not be null or undefined', 'isDefined');
    }
    return dto.companyId;
  }

  private async checkGridReferences(manager: EntityManager, eventId: string, dto: SessionDto) {
    const [row] = await manager.query(
      `SELECT EXISTS (SELECT 1 FROM event_classes WHERE id = $2 AND event_id = $1) AS class_ok,
              EXISTS (SELECT 1 FROM event_periods WHERE id = $3 AND event_id = $1) AS period_ok,
              ($4::uuid IS NULL OR EXISTS (SELECT 1 FROM event_rooms WHERE id = $4 AND event_id = $1)) AS room_ok`,
      [eventId, dto.eventClassId, dto.periodId, dto.roomId ?? null],
    );
    const problems = [
      ...(row.class_ok ? [] : [{ field: 'eventClassId', code: 'reference', message: 'notInEvent' }]),
      ...(row.period_ok ? [] : [{ field: 'periodId', code: 'reference', message: 'notInEvent' }]),
      ...(row.room_ok ? [] : [{ field: 'roomId', code: 'reference', message: 'notInEvent' }]),
    ];
    if (problems.length) throw new DomainError('validation_failed', {}, problems);
  }
}
