import { Injectable } from '@nestjs/common';
import { Actor } from '../../common/identity/actor';
import { BookingEngine } from '../../bookings/booking-engine';
import { ClassVisitDto, StandApplicationDto } from './dto/handwerkertag.dto';
import { IdempotencyRequest } from '../../bookings/idempotency/idempotency';
import { IdempotencyService } from '../../bookings/idempotency/idempotency.service';

/** Handwerkertag: companies apply for stands, schools book class visits into time slots. */
@Injectable()
export class HandwerkertagService {
  constructor(
    private readonly engine: BookingEngine,
    private readonly idempotency: IdempotencyService,
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

  /** A class visit takes pupils + teachers places in a slot, or waits if they do not fit. */
  bookClassVisit(actor: Actor, eventId: string, dto: ClassVisitDto, request: IdempotencyRequest) {
    const schoolId = actor.schoolId!;
    return this.idempotency.run(actor, request, 201, async (manager) => {
      const event = await this.engine.openForBooking(manager, actor, eventId, 'handwerkertag', { school: schoolId }, [
        { field: 'timeSlotId', table: 'time_slots', id: dto.timeSlotId, belongsTo: { column: 'event_id', id: eventId }, message: 'notInEvent' },
        { field: 'schoolClassId', table: 'school_classes', id: dto.schoolClassId, belongsTo: { column: 'school_id', id: schoolId }, message: 'unknownClass' },
      ]);
      return this.engine.place(
        manager,
        event,
        {
          kind: 'class_visit',
          bookableId: dto.timeSlotId,
          quantity: dto.pupils + dto.teachers,
          schoolId,
          schoolClassId: dto.schoolClassId,
          details: { pupils: dto.pupils, teachers: dto.teachers },
        },
        { actorId: actor.userId },
      );
    });
  }
}
