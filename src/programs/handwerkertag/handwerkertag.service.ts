import { Injectable } from '@nestjs/common';
import { Actor } from '../../common/identity/actor';
import { BookingEngine } from '../../bookings/booking-engine';
import { DataSource } from 'typeorm';
import { invalidField, NotFoundError } from '../../common/errors/domain-error';
import { inTransaction } from '../../database/transaction';
import { BookingReads } from '../../bookings/booking-reads';
import { ClassVisitDto, MoveClassVisitDto, StandApplicationDto } from './dto/handwerkertag.dto';
import { IdempotencyRequest } from '../../bookings/idempotency/idempotency';
import { IdempotencyService } from '../../bookings/idempotency/idempotency.service';

/** Handwerkertag: companies apply for stands, schools book class visits into time slots. */
@Injectable()
export class HandwerkertagService {
  constructor(
    private readonly engine: BookingEngine,
    private readonly idempotency: IdempotencyService,
    private readonly reads: BookingReads,
    private readonly dataSource: DataSource,
  ) {}

  /** A stand application waits for the organiser; past the number of stands, on the waiting list. */
  applyForStand(actor: Actor, eventId: string, dto: StandApplicationDto, request: IdempotencyRequest) {
    const companyId = actor.companyId!;
    return this.idempotency.run(actor, request, 201, async (manager) => {
      const event = await this.engine.openForBooking(manager, actor, eventId, 'handwerkertag', { company: companyId });
      const stands = await this.engine.poolOf(manager, eventId, 'stands');
      return this.engine.place(
        manager,
        event,
        { kind: 'stand', bookableId: stands!, quantity: 1, companyId, details: { ...dto } },
        { actorId: actor.userId },
      );
    });
  }

  /**
   * The organiser moves a class visit to another time slot of the fair: the new slot's places
   * are taken before the old ones are freed (and the old slot's waiting list moves up); a full
   * slot refuses and the class keeps its place. The school gets a mail with the new time.
   */
  moveClassVisit(actor: Actor, eventId: string, bookingId: string, dto: MoveClassVisitDto) {
    return inTransaction(this.dataSource, async (manager) => {
      if ((await this.reads.kindInEvent(manager, eventId, bookingId)) !== 'class_visit') throw new NotFoundError('booking');
      const [slot] = await manager.query(`SELECT id FROM time_slots WHERE id = $1 AND event_id = $2`, [dto.timeSlotId, eventId]);
      if (!slot) throw invalidField('timeSlotId', 'notInEvent', 'reference');
      return this.engine.move(manager, bookingId, dto.timeSlotId, { actorId: actor.userId, reason: dto.reason ?? null });
    });
  }

  /** A class visit takes pupils + teachers places in a slot, or waits if they do not fit. */
  bookClassVisit(actor: Actor, eventId: string, dto: ClassVisitDto, request: IdempotencyRequest) {
    const schoolId = actor.schoolId!;
    // the busiest path of all: the event's checks and the booking in one statement (engine.book),
    // which without an Idempotency-Key commits by itself
    return this.idempotency.run(actor, request, 201, (manager) =>
      this.engine.book(
        manager,
        actor,
        {
          eventId,
          program: 'handwerkertag',
          organisation: { school: schoolId },
          references: [
            { field: 'timeSlotId', table: 'time_slots', id: dto.timeSlotId, belongsTo: { column: 'event_id', id: eventId }, message: 'notInEvent' },
            { field: 'schoolClassId', table: 'school_classes', id: dto.schoolClassId, belongsTo: { column: 'school_id', id: schoolId }, message: 'unknownClass' },
          ],
        },
        {
          kind: 'class_visit',
          bookableId: dto.timeSlotId,
          quantity: dto.pupils + dto.teachers,
          schoolId,
          schoolClassId: dto.schoolClassId,
          details: { pupils: dto.pupils, teachers: dto.teachers },
        },
        { actorId: actor.userId },
      ),
      { oneStatement: true },
    );
  }
}
