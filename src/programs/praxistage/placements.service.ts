import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../../common/identity/actor';
import { DomainError, FieldError, NotFoundError } from '../../common/errors/domain-error';
import { inTransaction } from '../../database/transaction';
import { PlacementScheduleService } from '../../calendar/placement-schedule.service';
import { PracticumOffer } from './practicum-offer.entity';
import { BookingEngine } from '../../bookings/booking-engine';
import { Booking } from '../../bookings/booking.entity';
import { BookingsService } from '../../bookings/bookings.service';
import { PlacementDto, PlacementExceptionDto } from './dto/placement.dto';
import { IdempotencyRequest } from '../../bookings/idempotency/idempotency';
import { IdempotencyService } from '../../bookings/idempotency/idempotency.service';
import { PlacementException } from './placement-exception.entity';

/**
 * Praxistage: a school places one of its pupils on one weekday of a company's offer for
 * the term. The place counts against that weekday's capacity; a pupil holds one placement
 * per weekday. Its dates are computed: every week on that weekday, minus public holidays,
 * school holidays and the single days cancelled by the school or the company.
 */
@Injectable()
export class PlacementsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly engine: BookingEngine,
    private readonly idempotency: IdempotencyService,
    private readonly bookings: BookingsService,
    private readonly schedules: PlacementScheduleService,
  ) {}

  book(actor: Actor, eventId: string, dto: PlacementDto, request: IdempotencyRequest) {
    const schoolId = actor.schoolId!;
    return this.idempotency.run(actor, request, 201, async (manager) => {
      const event = await this.engine.openForBooking(manager, actor, eventId, 'praxistage', { school: schoolId });
      const offer = await manager.findOneBy(PracticumOffer, { id: dto.offerId, eventId });
      const problems: FieldError[] = [];
      if (!offer) problems.push({ field: 'offerId', code: 'reference', message: 'notInEvent' });
      const [pupil] = await manager.query(`SELECT id FROM pupils WHERE id = $1 AND school_id = $2`, [dto.pupilId, schoolId]);
      if (!pupil) problems.push({ field: 'pupilId', code: 'reference', message: 'unknownPupil' });
      if (offer && !offer.weekdays.includes(dto.weekday)) problems.push({ field: 'weekday', code: 'reference', message: 'weekdayNotOffered' });
      const firstDate = dto.firstDate ?? offer?.firstDate ?? '';
      const lastDate = dto.lastDate ?? offer?.lastDate ?? '';
      if (offer && (firstDate < offer.firstDate || firstDate > offer.lastDate)) problems.push({ field: 'firstDate', code: 'range', message: 'outsideOffer' });
      if (offer && (lastDate < firstDate || lastDate > offer.lastDate)) problems.push({ field: 'lastDate', code: 'range', message: 'outsideOffer' });
      if (problems.length || !offer) throw new DomainError('validation_failed', {}, problems);
      const [weekday] = await manager.query(`SELECT id FROM offer_weekdays WHERE offer_id = $1 AND weekday = $2`, [offer.id, dto.weekday]);
      return this.engine.place(
        manager,
        event,
        {
          kind: 'placement',
          bookableId: weekday.id,
          quantity: 1,
          schoolId,
          companyId: offer.companyId,
          offerId: offer.id,
          pupilId: dto.pupilId,
          weekday: dto.weekday,
          firstDate,
          lastDate,
        },
        { actorId: actor.userId },
      );
    });
  }

  /** The practice days of a placement and the days left out, with why. */
  async dates(actor: Actor, bookingId: string) {
    const booking = await this.placement(actor, bookingId, this.dataSource.manager);
    return this.datesOf(this.dataSource.manager, booking);
  }

  /** Records a single day that does not take place; the calendar entry is updated (new version). */
  async cancelDay(actor: Actor, bookingId: string, dto: PlacementExceptionDto) {
    await inTransaction(this.dataSource, async (manager) => {
      const booking = await this.placement(actor, bookingId, manager, true);
      const { days, skipped } = await this.datesOf(manager, booking);
      if (skipped.some((d) => d.date === dto.date && d.reason === 'cancelled')) return; // already cancelled: nothing new
      if (!days.some((d) => d.date === dto.date)) throw new DomainError('placement_day_not_in_series', { date: dto.date });
      await manager.insert(PlacementException, { bookingId, day: dto.date, reason: dto.reason, recordedBy: actor.userId });
      await this.engine.touch(manager, booking, 'day_cancelled', { actorId: actor.userId, reason: dto.reason, details: { date: dto.date } });
    });
    return this.dates(actor, bookingId);
  }

  /** Takes a cancelled day back. */
  async restoreDay(actor: Actor, bookingId: string, date: string) {
    await inTransaction(this.dataSource, async (manager) => {
      const booking = await this.placement(actor, bookingId, manager, true);
      const result = await manager.delete(PlacementException, { bookingId, day: date });
      if (!result.affected) throw new NotFoundError('cancelled_day');
      await this.engine.touch(manager, booking, 'day_restored', { actorId: actor.userId, details: { date } });
    });
    return this.dates(actor, bookingId);
  }

  /** The placement if the actor reaches it; with `lock`, locked and read again, and still live. */
  private async placement(actor: Actor, bookingId: string, manager: EntityManager, lock = false): Promise<Booking> {
    let booking = await this.bookings.get(actor, bookingId, manager);
    if (booking.kind !== 'placement') throw new NotFoundError('placement');
    if (lock) {
      booking = (await manager
        .createQueryBuilder(Booking, 'b')
        .setLock('pessimistic_write')
        .where('b.id = :bookingId', { bookingId })
        .getOne())!;
      if (!['pending', 'confirmed'].includes(booking.status)) throw new DomainError('invalid_transition', { status: booking.status });
    }
    return booking;
  }

  private async datesOf(manager: EntityManager, booking: Booking) {
    const offer = await manager.findOneByOrFail(PracticumOffer, { id: booking.offerId! });
    const result = await this.schedules.of(manager, booking.id, {
      weekday: booking.weekday!,
      firstDate: booking.firstDate!,
      lastDate: booking.lastDate!,
      dailyStart: offer.dailyStart,
      dailyEnd: offer.dailyEnd,
    });
    return { bookingId: booking.id, weekday: booking.weekday, firstDate: booking.firstDate, lastDate: booking.lastDate, ...result };
  }
}
