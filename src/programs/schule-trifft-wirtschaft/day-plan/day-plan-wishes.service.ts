import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '../../../common/identity/actor';
import { Role } from '../../../common/identity/role';
import { DomainError, FieldError, NotFoundError } from '../../../common/errors/domain-error';
import { inTransaction } from '../../../database/transaction';
import { BookingReads } from '../../../bookings/booking-reads';
import { LIVE } from '../../../bookings/booking-status';
import { canManageSchoolDay } from '../../../events/event-visibility';
import { EventsService } from '../../../events/events.service';
import { requireProgram } from '../../../events/program-guard';
import { SchoolDayService } from '../school-day.service';
import { ClassWishesDto, CompanyAvailabilityDto } from './day-plan.dto';

/**
 * What the day plan is made from, as the people concerned say it: the host school says per
 * class how many sessions it has and whom it wants to meet; each registered company says how
 * many teams it brings, when it is there and which kind of room it needs.
 */
@Injectable()
export class DayPlanWishesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly day: SchoolDayService,
    private readonly reads: BookingReads,
  ) {}

  /** Every class's sessions and wishes and every registered company's availability: host school, organisers, partners. */
  async overview(actor: Actor, eventId: string) {
    const event = await this.events.findVisible(actor, eventId);
    requireProgram(event, 'schule-trifft-wirtschaft');
    if (!canManageSchoolDay(actor, event) && actor.role !== Role.Partner) throw new DomainError('not_host_school');
    const [classes, wishes, companies] = await Promise.all([
      this.dataSource.query(
        `SELECT ec.id AS "eventClassId", sc.name, ec.sessions FROM event_classes ec JOIN school_classes sc ON sc.id = ec.school_class_id
          WHERE ec.event_id = $1 ORDER BY sc.grade, sc.name`,
        [eventId],
      ),
      this.dataSource.query(
        `SELECT w.event_class_id AS "eventClassId", w.rank, w.occupational_field AS "occupationalField", w.company_id AS "companyId", c.name AS "companyName"
           FROM event_class_wishes w JOIN event_classes ec ON ec.id = w.event_class_id LEFT JOIN companies c ON c.id = w.company_id
          WHERE ec.event_id = $1 ORDER BY w.rank`,
        [eventId],
      ),
      this.registeredCompanies(eventId),
    ]);
    return {
      classes: classes.map((c: { eventClassId: string }) => ({ ...c, wishes: wishes.filter((w: { eventClassId: string }) => w.eventClassId === c.eventClassId).map(({ eventClassId: _, ...w }: Record<string, unknown>) => w) })),
      companies,
    };
  }

  async setClassWishes(actor: Actor, eventId: string, eventClassId: string, dto: ClassWishesDto) {
    return inTransaction(this.dataSource, async (manager) => {
      await this.day.managed(actor, eventId, manager);
      const [own] = await manager.query(`SELECT 1 FROM event_classes WHERE id = $1 AND event_id = $2 FOR UPDATE`, [eventClassId, eventId]);
      if (!own) throw new NotFoundError('event_class');
      const registered = new Set(
        (await this.reads.ofKind(eventId, 'day_registration', { statuses: LIVE }, manager)).map((r) => r.companyId),
      );
      const problems: FieldError[] = dto.wishes.flatMap((wish, i): FieldError[] =>
        !wish.occupationalField === !wish.companyId
          ? [{ field: `wishes.${i}`, code: 'combination', message: 'oneWishTarget' }]
          : wish.companyId && !registered.has(wish.companyId)
            ? [{ field: `wishes.${i}.companyId`, code: 'reference', message: 'notRegisteredForDay' }]
            : [],
      );
      if (problems.length) throw new DomainError('validation_failed', {}, problems);
      if (dto.sessions !== undefined) await manager.query(`UPDATE event_classes SET sessions = $2 WHERE id = $1`, [eventClassId, dto.sessions]);
      await manager.query(`DELETE FROM event_class_wishes WHERE event_class_id = $1`, [eventClassId]);
      for (const [i, wish] of dto.wishes.entries()) {
        await manager.query(`INSERT INTO event_class_wishes (event_class_id, rank, occupational_field, company_id) VALUES ($1, $2, $3, $4)`, [
          eventClassId,
          i + 1,
          wish.occupationalField ?? null,
          wish.companyId ?? null,
        ]);
      }
      const [{ sessions }] = await manager.query(`SELECT sessions FROM event_classes WHERE id = $1`, [eventClassId]);
      return { eventClassId, sessions, wishes: dto.wishes.map((wish, i) => ({ rank: i + 1, occupationalField: wish.occupationalField ?? null, companyId: wish.companyId ?? null })) };
    });
  }

  /** A company's own availability for the day (the defaults while it said nothing). */
  async ownAvailability(actor: Actor, eventId: string) {
    const event = await this.events.findVisible(actor, eventId);
    requireProgram(event, 'schule-trifft-wirtschaft');
    const [row] = await this.dataSource.query(
      `SELECT teams, period_ids AS "periodIds", room_kind AS "roomKind" FROM day_company_availability WHERE event_id = $1 AND company_id = $2`,
      [eventId, actor.companyId],
    );
    return { companyId: actor.companyId!, ...(row ?? { teams: 1, periodIds: null, roomKind: null }) };
  }

  /** A company registered for the day says how many teams it brings, when it is there and what room it needs. */
  async setOwnAvailability(actor: Actor, eventId: string, dto: CompanyAvailabilityDto) {
    const companyId = actor.companyId!;
    return inTransaction(this.dataSource, async (manager) => {
      const event = await this.events.findVisible(actor, eventId, manager);
      requireProgram(event, 'schule-trifft-wirtschaft');
      const registered = await this.reads.companyBookingStatus(manager, eventId, companyId, 'day_registration', LIVE);
      if (!registered) throw new DomainError('not_registered_for_day');
      const periodIds = dto.periodIds ?? null;
      if (periodIds?.length) {
        const known: Array<{ id: string }> = await manager.query(`SELECT id FROM event_periods WHERE event_id = $1 AND id = ANY($2::uuid[])`, [eventId, periodIds]);
        const unknown = periodIds.map((id, i) => [id, i] as const).filter(([id]) => !known.some((k) => k.id === id));
        if (unknown.length) throw new DomainError('validation_failed', {}, unknown.map(([, i]) => ({ field: `periodIds.${i}`, code: 'reference', message: 'notInEvent' })));
      }
      await manager.query(
        `INSERT INTO day_company_availability (event_id, company_id, teams, period_ids, room_kind) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (event_id, company_id) DO UPDATE SET teams = EXCLUDED.teams, period_ids = EXCLUDED.period_ids, room_kind = EXCLUDED.room_kind, updated_at = now()`,
        [eventId, companyId, dto.teams, periodIds, dto.roomKind ?? null],
      );
      return { companyId, teams: dto.teams, periodIds, roomKind: dto.roomKind ?? null };
    });
  }

  private async registeredCompanies(eventId: string) {
    const [registrations, availability] = await Promise.all([
      this.reads.ofKind(eventId, 'day_registration', { statuses: ['confirmed'] }),
      this.dataSource.query(`SELECT company_id, teams, period_ids, room_kind FROM day_company_availability WHERE event_id = $1`, [eventId]),
    ]);
    const terms = new Map(availability.map((a: { company_id: string }) => [a.company_id, a]));
    return registrations
      .map((r) => {
        const own = terms.get(r.companyId!) as { teams: number; period_ids: string[] | null; room_kind: string | null } | undefined;
        return { companyId: r.companyId!, name: r.companyName!, branch: r.companyBranch, teams: own?.teams ?? 1, periodIds: own?.period_ids ?? null, roomKind: own?.room_kind ?? null };
      })
      .sort((a, b) => a.name.localeCompare(b.name, 'de'));
  }
}
