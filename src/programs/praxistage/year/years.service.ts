import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../../../common/identity/actor';
import { DomainError, NotFoundError } from '../../../common/errors/domain-error';
import { inTransaction } from '../../../database/transaction';
import { AuditService, diff } from '../../../audit/audit.service';
import { Event } from '../../../events/event.entity';
import { BookingReads } from '../../../bookings/booking-reads';
import { EventsService } from '../../../events/events.service';
import { parseInstant } from '../../../common/time/berlin';
import { addDays } from '../../../calendar/iso-date';
import { applicationWindow, PhaseDates, proposePhases } from './phase-proposal';
import { CreateYearDto, UpdatePhaseDto, UpdateYearDto } from './year.dto';

export interface Phase {
  id: string;
  number: number;
  firstDay: string;
  lastDay: string;
  applicationsOpenAt: Date;
  applicationsCloseAt: Date;
  /** Applications are taken now (by the database's clock). */
  open: boolean;
}

export interface Year {
  eventId: string;
  title: string;
  status: Event['status'];
  startsOn: string;
  endsOn: string;
  applicationsPerPhase: number;
  offerHoldDays: number;
  phases: Phase[];
}

const PHASES = `SELECT id, number, first_day::text AS "firstDay", last_day::text AS "lastDay",
                       applications_open_at AS "applicationsOpenAt", applications_close_at AS "applicationsCloseAt",
                       now() >= applications_open_at AND now() < applications_close_at AS open
                  FROM praxistage_phases WHERE event_id = $1 ORDER BY number`;

/**
 * A Praxistage year (Durchgang): an event of the Praxistage program with four phases. The
 * organiser creates it; the phases are proposed from the school holidays and can be changed.
 */
@Injectable()
export class YearsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly audit: AuditService,
    private readonly reads: BookingReads,
  ) {}

  async create(actor: Actor, dto: CreateYearDto): Promise<Year> {
    const eventId = await inTransaction(this.dataSource, async (manager) => {
      const phases = dto.phases ? this.given(dto) : await this.proposed(manager, dto.firstPhaseYear);
      const last = phases[3].lastDay;
      const { identifiers } = await manager.insert(Event, {
        program: 'praxistage',
        title: dto.title,
        description: dto.description ?? '',
        venue: 'Nordthüringen',
        startsOn: phases[0].firstDay,
        endsOn: last,
        registrationOpensAt: () => 'now()',
        registrationClosesAt: parseInstant(`${addDays(last, 1)}T00:00`),
        cancellationDeadline: parseInstant(`${addDays(last, 1)}T00:00`),
        status: 'draft',
        createdBy: actor.userId,
      } as never);
      const id = identifiers[0].id as string;
      await manager.query(`INSERT INTO praxistage_years (event_id, applications_per_phase, offer_hold_days) VALUES ($1, $2, $3)`, [
        id,
        dto.applicationsPerPhase ?? 3,
        dto.offerHoldDays ?? 7,
      ]);
      for (const phase of phases) {
        await manager.query(
          `INSERT INTO praxistage_phases (event_id, number, first_day, last_day, applications_open_at, applications_close_at) VALUES ($1, $2, $3, $4, $5, $6)`,
          [id, phase.number, phase.firstDay, phase.lastDay, phase.applicationsOpenAt, phase.applicationsCloseAt],
        );
      }
      await this.audit.record(manager, actor, 'event', id, 'created', { ...dto, phases });
      return id;
    });
    return this.get(actor, eventId);
  }

  async list(actor: Actor | undefined): Promise<Array<Omit<Year, 'phases'>>> {
    const years: string[] = (await this.dataSource.query(`SELECT event_id FROM praxistage_years`)).map((r: { event_id: string }) => r.event_id);
    const visible = await Promise.all(years.map((id) => this.get(actor, id).catch(() => null)));
    return visible.filter((y): y is Year => y !== null).sort((a, b) => b.startsOn.localeCompare(a.startsOn));
  }

  /** The year if the actor may see it (drafts only for staff), else 404. */
  async get(actor: Actor | undefined, eventId: string, manager: EntityManager = this.dataSource.manager): Promise<Year> {
    const event = await this.events.findVisible(actor, eventId, manager).catch(() => {
      throw new NotFoundError('praxistage_year');
    });
    // the year and its phases in one round trip: every read of the year's pages starts here
    const [year] = await manager.query(
      `SELECT applications_per_phase, offer_hold_days, (SELECT json_agg(p ORDER BY p.number) FROM (${PHASES}) p) AS phases FROM praxistage_years WHERE event_id = $1`,
      [eventId],
    );
    if (!year) throw new NotFoundError('praxistage_year');
    return {
      eventId,
      title: event.title,
      status: event.status,
      startsOn: event.startsOn,
      endsOn: event.endsOn,
      applicationsPerPhase: year.applications_per_phase,
      offerHoldDays: year.offer_hold_days,
      phases: (year.phases as Array<Phase & { applicationsOpenAt: string; applicationsCloseAt: string }>).map((p) => ({
        ...p,
        applicationsOpenAt: new Date(p.applicationsOpenAt),
        applicationsCloseAt: new Date(p.applicationsCloseAt),
      })),
    };
  }

  /** Whether an event is a Praxistage year (else a one-term Praxistage event or another program). */
  async isYear(manager: EntityManager, eventId: string): Promise<boolean> {
    return (await manager.query(`SELECT 1 FROM praxistage_years WHERE event_id = $1`, [eventId])).length > 0;
  }

  async update(actor: Actor, eventId: string, dto: UpdateYearDto): Promise<Year> {
    await inTransaction(this.dataSource, async (manager) => {
      const before = await this.get(actor, eventId, manager);
      await manager.query(
        `UPDATE praxistage_years SET applications_per_phase = coalesce($2, applications_per_phase), offer_hold_days = coalesce($3, offer_hold_days) WHERE event_id = $1`,
        [eventId, dto.applicationsPerPhase ?? null, dto.offerHoldDays ?? null],
      );
      await this.audit.record(manager, actor, 'event', eventId, 'updated', diff(before, dto));
    });
    return this.get(actor, eventId);
  }

  /**
   * Changes a phase's dates or application window. The phases keep their order; a phase
   * with placements keeps its days (the placements' series are built on them).
   */
  async updatePhase(actor: Actor, eventId: string, number: number, dto: UpdatePhaseDto): Promise<Year> {
    await inTransaction(this.dataSource, async (manager) => {
      await manager.query(`SELECT 1 FROM praxistage_years WHERE event_id = $1 FOR UPDATE`, [eventId]);
      const year = await this.get(actor, eventId, manager);
      const phase = year.phases.find((p) => p.number === number);
      if (!phase) throw new NotFoundError('phase');
      const given = Object.fromEntries(Object.entries(dto).filter(([, value]) => value !== undefined)) as UpdatePhaseDto;
      const next = { ...phase, ...given };
      if (next.lastDay < next.firstDay) throw new DomainError('validation_failed', {}, [{ field: 'lastDay', code: 'range', message: 'notAfterStart' }]);
      if (new Date(next.applicationsCloseAt) <= new Date(next.applicationsOpenAt)) {
        throw new DomainError('validation_failed', {}, [{ field: 'applicationsCloseAt', code: 'range', message: 'notAfterStart' }]);
      }
      const before = year.phases.find((p) => p.number === number - 1);
      const after = year.phases.find((p) => p.number === number + 1);
      if (before && next.firstDay <= before.lastDay) throw new DomainError('phase_dates_outside_year', { number, after: addDays(before.lastDay, 1) });
      if (after && next.lastDay >= after.firstDay) throw new DomainError('phase_dates_outside_year', { number: number + 1, after: addDays(next.lastDay, 1) });
      const datesChange = next.firstDay !== phase.firstDay || next.lastDay !== phase.lastDay;
      if (datesChange) {
        const places: string[] = (await manager.query(`SELECT id FROM steckbrief_places WHERE phase_id = $1`, [phase.id])).map((p: { id: string }) => p.id);
        if ([...(await this.reads.pools(manager, places)).values()].some((pool) => pool.booked > 0)) throw new DomainError('still_in_use');
      }
      await manager.query(
        `UPDATE praxistage_phases SET first_day = $2, last_day = $3, applications_open_at = $4, applications_close_at = $5 WHERE id = $1`,
        [phase.id, next.firstDay, next.lastDay, next.applicationsOpenAt, next.applicationsCloseAt],
      );
      await manager.query(
        `UPDATE events e SET starts_on = p.first, ends_on = p.last, updated_at = now()
           FROM (SELECT min(first_day) AS first, max(last_day) AS last FROM praxistage_phases WHERE event_id = $1) p WHERE e.id = $1`,
        [eventId],
      );
      await this.audit.record(manager, actor, 'event', eventId, 'updated', { [`phase${number}`]: diff(phase, dto) });
    });
    return this.get(actor, eventId);
  }

  private given(dto: CreateYearDto): PhaseDates[] {
    const phases = dto.phases!.map((p, i) => ({
      number: i + 1,
      firstDay: p.firstDay,
      lastDay: p.lastDay,
      ...applicationWindow(p.firstDay),
      ...(p.applicationsOpenAt ? { applicationsOpenAt: p.applicationsOpenAt } : {}),
      ...(p.applicationsCloseAt ? { applicationsCloseAt: p.applicationsCloseAt } : {}),
    }));
    phases.forEach((p, i) => {
      if (p.lastDay < p.firstDay) throw new DomainError('validation_failed', {}, [{ field: `phases.${i}.lastDay`, code: 'range', message: 'notAfterStart' }]);
      if (p.applicationsCloseAt <= p.applicationsOpenAt) {
        throw new DomainError('validation_failed', {}, [{ field: `phases.${i}.applicationsCloseAt`, code: 'range', message: 'notAfterStart' }]);
      }
      if (i > 0 && p.firstDay <= phases[i - 1].lastDay) throw new DomainError('validation_failed', {}, [{ field: `phases.${i}.firstDay`, code: 'range', message: 'notAfterPrevious' }]);
    });
    return phases;
  }

  private async proposed(manager: EntityManager, year: number): Promise<PhaseDates[]> {
    const holidays = await manager.query(`SELECT name, first_day::text AS "firstDay", last_day::text AS "lastDay" FROM school_holidays ORDER BY first_day`);
    const proposal = proposePhases(year, holidays);
    if ('missing' in proposal) throw new DomainError('school_holidays_missing', { missing: proposal.missing.join(', ') });
    return proposal.phases;
  }
}
