import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../../common/identity/actor';
import { Role } from '../../common/identity/role';
import { DomainError, FieldError, invalidField, NotFoundError } from '../../common/errors/domain-error';
import { inTransaction } from '../../database/transaction';
import { BookingEngine } from '../../bookings/booking-engine';
import { BookingReads } from '../../bookings/booking-reads';
import { AuditService, diff } from '../../audit/audit.service';
import { CreatePracticumOfferDto, OfferListQuery, UpdatePracticumOfferDto } from './dto/practicum-offer.dto';
import { EventsService } from '../../events/events.service';
import { PracticumOffer } from './practicum-offer.entity';
import type { DateShift } from '../../events/date-shift';
import { requireProgram } from '../../events/program-guard';
import { YearsService } from './year/years.service';

export interface WeekdayAvailability {
  weekday: number;
  capacity: number;
  booked: number;
  free: number;
  waitlisted: number;
}

export type OfferView = PracticumOffer & { companyName: string; availability: WeekdayAvailability[] };

/**
 * Praxistage: companies offer weekly places; each weekday of an offer is its own capacity.
 * Every member sees the offers of a published term (schools choose from them); only the
 * company itself (or an organiser) changes its offer.
 */
@Injectable()
export class PracticumOffersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly engine: BookingEngine,
    private readonly audit: AuditService,
    private readonly reads: BookingReads,
    private readonly years: YearsService,
  ) {}

  async list(actor: Actor | undefined, eventId: string, query: OfferListQuery): Promise<OfferView[]> {
    const event = await this.events.findVisible(actor, eventId);
    requireProgram(event, 'praxistage');
    return this.views(this.dataSource.manager, { eventId, ...query });
  }

  async get(actor: Actor | undefined, offerId: string): Promise<OfferView> {
    const [view] = await this.views(this.dataSource.manager, { offerId });
    if (!view) throw new NotFoundError('practicum_offer');
    await this.events.findVisible(actor, view.eventId);
    return view;
  }

  async create(actor: Actor, eventId: string, dto: CreatePracticumOfferDto) {
    if (actor.role !== Role.CompanyMember || !actor.companyId) throw new DomainError('forbidden');
    const companyId = actor.companyId;
    const id = await inTransaction(this.dataSource, async (manager) => {
      const event = await this.events.findVisible(actor, eventId, manager);
      requireProgram(event, 'praxistage');
      if (await this.years.isYear(manager, eventId)) throw new DomainError('year_uses_steckbriefe');
      await this.engine.assertApproved(manager, 'company', companyId);
      const firstDate = dto.firstDate ?? event.startsOn;
      const lastDate = dto.lastDate ?? event.endsOn;
      this.checkDates(dto, firstDate, lastDate, event.startsOn, event.endsOn);
      const { identifiers } = await manager.insert(PracticumOffer, {
        ...dto,
        apprenticeship: dto.apprenticeship ?? '',
        eventId,
        companyId,
        firstDate,
        lastDate,
      } as never);
      const offerId = identifiers[0].id as string;
      for (const weekday of [...dto.weekdays].sort()) {
        const bookable = { id: await this.engine.openPool(manager, eventId, 'offer_weekday', dto.placesPerWeekday) };
        await manager.query(`INSERT INTO offer_weekdays (id, offer_id, weekday) VALUES ($1, $2, $3)`, [bookable.id, offerId, weekday]);
      }
      await this.audit.record(manager, actor, 'practicum_offer', offerId, 'created', { ...dto });
      return offerId;
    });
    return this.get(actor, id);
  }

  /**
   * A new term of the same program: each company's offers again, with their dates moved and
   * their places free. The companies see them under their offers and change what is new.
   */
  async copyAll(manager: EntityManager, fromEventId: string, toEventId: string, shift: DateShift) {
    const offers = await manager.find(PracticumOffer, { where: { eventId: fromEventId }, order: { createdAt: 'ASC' } });
    for (const offer of offers) {
      const { id: _id, createdAt: _created, updatedAt: _updated, ...fields } = offer;
      const { identifiers } = await manager.insert(PracticumOffer, {
        ...fields,
        eventId: toEventId,
        firstDate: shift.date(offer.firstDate),
        lastDate: shift.date(offer.lastDate),
      } as never);
      for (const weekday of [...offer.weekdays].sort()) {
        const poolId = await this.engine.openPool(manager, toEventId, 'offer_weekday', offer.placesPerWeekday!);
        await manager.query(`INSERT INTO offer_weekdays (id, offer_id, weekday) VALUES ($1, $2, $3)`, [poolId, identifiers[0].id, weekday]);
      }
    }
  }

  async update(actor: Actor, offerId: string, dto: UpdatePracticumOfferDto) {
    await inTransaction(this.dataSource, async (manager) => {
      const offer = await this.ownOffer(actor, offerId, manager);
      if (dto.dailyStart || dto.dailyEnd) this.checkTimes(dto.dailyStart ?? offer.dailyStart.slice(0, 5), dto.dailyEnd ?? offer.dailyEnd.slice(0, 5));
      if (Object.keys(dto).length > 0) await manager.update(PracticumOffer, { id: offerId }, dto as never);
      await this.audit.record(manager, actor, 'practicum_offer', offerId, 'updated', diff(offer, dto));
      if (dto.placesPerWeekday !== undefined) {
        // a fixed order, so two changes of one offer lock its weekdays in the same order
        const weekdays = await manager.query(`SELECT id FROM offer_weekdays WHERE offer_id = $1 ORDER BY id`, [offerId]);
        for (const { id } of weekdays) await this.engine.setCapacity(manager, id, dto.placesPerWeekday);
      }
    });
    return this.get(actor, offerId);
  }

  /** The offer if the actor may change it: its own company's, or any for an organiser. */
  private async ownOffer(actor: Actor, offerId: string, manager: EntityManager) {
    const offer = await manager.findOneBy(PracticumOffer, { id: offerId });
    const mayChange = actor.role === Role.Organiser || (actor.role === Role.CompanyMember && offer?.companyId === actor.companyId);
    if (!offer || !mayChange) throw new NotFoundError('practicum_offer');
    return offer;
  }

  /**
   * Who is placed on an offer, per weekday: first name, last name, class and school of each
   * pupil, nothing more (the company mentors them).
   */
  async placed(offerId: string) {
    const weekdays: Array<{ id: string; weekday: number }> = await this.dataSource.query(`SELECT id, weekday FROM offer_weekdays WHERE offer_id = $1`, [offerId]);
    const weekdayOf = new Map(weekdays.map((w) => [w.id, w.weekday]));
    const rows = await this.reads.liveOn(weekdays.map((w) => w.id));
    return rows
      .map((b) => ({ id: b.id, status: b.status, weekday: weekdayOf.get(b.bookableId!)!, firstName: b.pupilFirstName, lastName: b.pupilLastName, className: b.className, school: b.schoolName }))
      .sort((a, b) => a.weekday - b.weekday);
  }

  private checkDates(dto: CreatePracticumOfferDto, firstDate: string, lastDate: string, termStart: string, termEnd: string) {
    const problems: FieldError[] = [];
    if (firstDate < termStart || firstDate > termEnd) problems.push({ field: 'firstDate', code: 'range', message: 'outsideTerm' });
    if (lastDate < firstDate || lastDate > termEnd) problems.push({ field: 'lastDate', code: 'range', message: 'outsideTerm' });
    if (problems.length) throw new DomainError('validation_failed', {}, problems);
    this.checkTimes(dto.dailyStart, dto.dailyEnd);
  }

  private checkTimes(start: string, end: string) {
    if (end <= start) throw invalidField('dailyEnd', 'notAfterStart', 'combination');
  }

  private async views(
    manager: EntityManager,
    filter: { eventId?: string; offerId?: string; companyId?: string; weekday?: number },
  ): Promise<OfferView[]> {
    const qb = manager.createQueryBuilder(PracticumOffer, 'o').orderBy('o.occupational_field').addOrderBy('o.id');
    if (filter.eventId) qb.andWhere('o.event_id = :eventId', { eventId: filter.eventId });
    if (filter.offerId) qb.andWhere('o.id = :offerId', { offerId: filter.offerId });
    if (filter.companyId) qb.andWhere('o.company_id = :companyId', { companyId: filter.companyId });
    // a year's Steckbrief is seen here once approved; its own pages show the rest
    qb.andWhere(`o.review_status = 'approved'`);
    const offers = await qb.getMany();
    if (offers.length === 0) return [];
    const weekdays: Array<{ id: string; offer_id: string; weekday: number; company_name: string }> = await manager.query(
      `SELECT w.id, w.offer_id, w.weekday, c.name AS company_name
         FROM offer_weekdays w JOIN practicum_offers o ON o.id = w.offer_id JOIN companies c ON c.id = o.company_id
        WHERE w.offer_id = ANY($1) ORDER BY w.weekday`,
      [offers.map((o) => o.id)],
    );
    const pools = await this.reads.pools(manager, weekdays.map((w) => w.id));
    const views = offers.map((offer) => {
      const own = weekdays.filter((w) => w.offer_id === offer.id);
      return {
        ...offer,
        companyName: own[0]?.company_name ?? '',
        availability: own.map((w) => {
          const pool = pools.get(w.id)!;
          return { weekday: w.weekday, capacity: pool.capacity, booked: pool.booked, free: pool.capacity - pool.booked, waitlisted: pool.waitlisted };
        }),
      };
    });
    // asked for a weekday: only offers with a free place on it
    return filter.weekday ? views.filter((view) => view.availability.some((a) => a.weekday === filter.weekday && a.free > 0)) : views;
  }
}
