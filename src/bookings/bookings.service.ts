import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/environment';
import { BookingOccasions } from '../calendar/booking-occasion';
import { bookingCalendar } from '../calendar/booking-ics';
import { organizerOf } from '../notifications/organizer';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { Actor } from '../common/identity/actor';
import { isStaff } from '../common/identity/role';
import { TenantScoped } from '../auth/tenant-scope';
import { DomainError, invalidField } from '../common/errors/domain-error';
import { Page, pageWindow } from '../common/http/pagination';
import { inTransaction } from '../database/transaction';
import { Event } from '../events/event.entity';
import { BookingChange } from './booking-change.entity';
import { BookingEngine } from './booking-engine';
import { BookingKinds } from './booking-kinds';
import { Booking } from './booking.entity';
import { BookingListQuery, ConfirmBookingDto } from './dto/booking-actions.dto';

/**
 * What every booking shares, whatever its program: seeing it and its history, and the
 * organiser's confirm / reject and everyone's cancel. A member reaches the bookings of its
 * own organisation on either side (the school of a placement, the company taking it).
 */
@Injectable()
export class BookingsService {
  readonly bookings: TenantScoped<Booking>;

  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(Booking) repository: Repository<Booking>,
    private readonly engine: BookingEngine,
    private readonly kinds: BookingKinds,
    private readonly occasions: BookingOccasions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.bookings = new TenantScoped(repository, { company: 'companyId', school: 'schoolId' }, 'booking');
  }

  async list(actor: Actor, query: BookingListQuery): Promise<Page<Booking>> {
    const { page, pageSize, skip, take } = pageWindow(query);
    const qb = this.bookings.queryBuilder(actor, 'b').orderBy('b.created_at', 'DESC').addOrderBy('b.id').skip(skip).take(take);
    if (query.eventId) qb.andWhere('b.event_id = :eventId', { eventId: query.eventId });
    if (query.kind) qb.andWhere('b.kind = :kind', { kind: query.kind });
    if (query.status) qb.andWhere('b.status = :status', { status: query.status });
    if (query.bookableId) qb.andWhere('b.bookable_id = :bookableId', { bookableId: query.bookableId });
    if (query.schoolId) qb.andWhere('b.school_id = :schoolId', { schoolId: query.schoolId });
    if (query.companyId) qb.andWhere('b.company_id = :companyId', { companyId: query.companyId });
    if (query.district) {
      qb.andWhere(
        `(EXISTS (SELECT 1 FROM schools s WHERE s.id = b.school_id AND s.district = :district) OR EXISTS (SELECT 1 FROM companies c WHERE c.id = b.company_id AND c.district = :district))`,
        { district: query.district },
      );
    }
    if (query.q) {
      const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere(`(EXISTS (SELECT 1 FROM schools s WHERE s.id = b.school_id AND s.name ILIKE :pattern) OR EXISTS (SELECT 1 FROM companies c WHERE c.id = b.company_id AND c.name ILIKE :pattern))`, { pattern });
    }
    const [items, total] = await qb.getManyAndCount();
    return { items, total, page, pageSize };
  }

  get(actor: Actor, bookingId: string, manager?: EntityManager) {
    return this.bookings.findOne(actor, { id: bookingId }, manager);
  }

  async calendar(actor: Actor, bookingId: string) {
    const booking = await this.get(actor, bookingId);
    const [occasion] = await this.occasions.load(this.dataSource.manager, [booking.id]);
    const body = bookingCalendar([occasion], {
      locale: actor.locale,
      publicUrl: this.config.PUBLIC_URL,
      organizer: organizerOf(this.config),
    });
    return { body, lastModified: occasion.updatedAt };
  }

  /** Every change: who, when, from which state to which, and why. */
  async history(actor: Actor, bookingId: string) {
    await this.get(actor, bookingId);
    return this.dataSource.manager.find(BookingChange, { where: { bookingId }, order: { id: 'ASC' } });
  }

  /** Organisers confirm a pending booking; a stand gets its number here. */
  async confirm(actor: Actor, bookingId: string, dto: ConfirmBookingDto) {
    return inTransaction(this.dataSource, async (manager) => {
      const booking = await this.get(actor, bookingId, manager);
      const rules = this.kinds.of(booking.kind);
      // what a confirmation brings (a stand's number) only where the kind takes it
      if (!rules?.confirmation && dto.standNumber !== undefined) throw invalidField('standNumber', 'notForProgram', 'combination');
      const changes = booking.status === 'pending' ? (rules?.confirmation?.(booking, dto) ?? {}) : {};
      if (booking.status !== 'pending') throw new DomainError('invalid_transition', { status: booking.status });
      return this.engine.transition(manager, bookingId, 'confirmed', { actorId: actor.userId }, changes);
    });
  }

  reject(actor: Actor, bookingId: string, reason?: string) {
    return inTransaction(this.dataSource, async (manager) => {
      await this.get(actor, bookingId, manager);
      return this.engine.transition(manager, bookingId, 'rejected', { actorId: actor.userId, reason });
    });
  }

  /**
   * The booker (either side of it) cancels until the event's cancellation deadline;
   * organisers at any time. Freed places go to the waiting list at once.
   */
  cancel(actor: Actor, bookingId: string, reason?: string) {
    return inTransaction(this.dataSource, async (manager) => {
      const booking = await this.get(actor, bookingId, manager);
      if (!isStaff(actor.role)) {
        const event = await manager.findOneByOrFail(Event, { id: booking.eventId });
        const [{ now }] = await manager.query('SELECT now() AS now');
        if (now > event.cancellationDeadline) {
          throw new DomainError('cancellation_deadline_passed', { at: event.cancellationDeadline.toISOString() });
        }
      }
      const cancelled = await this.engine.transition(manager, bookingId, 'cancelled', { actorId: actor.userId, reason });
      await this.kinds.of(booking.kind)?.afterCancel?.(manager, booking, actor);
      return cancelled;
    });
  }
}
