import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor } from '../auth/actor';
import { invalidField } from '../common/errors/domain-error';
import { EventsService } from '../events/events.service';
import { requireProgram } from '../events/program-guard';
import { BookingEngine } from './booking-engine';
import { ClassVisitDto, StandApplicationDto } from './dto/handwerkertag.dto';
import { IdempotencyRequest } from './idempotency/idempotency';
import { IdempotencyService } from './idempotency/idempotency.service';

/** Handwerkertag: companies apply for stands, schools book class visits into time slots. */
@Injectable()
export class HandwerkertagService {
  constructor(
    private readonly events: EventsService,
    private readonly engine: BookingEngine,
    private readonly idempotency: IdempotencyService,
  ) {}

  /** A stand application waits for the organiser; past the number of stands, on the waiting list. */
  applyForStand(actor: Actor, eventId: string, dto: StandApplicationDto, request: IdempotencyRequest) {
    const companyId = actor.companyId!;
    return this.idempotency.run(actor, request, 201, async (manager) => {
      const event = await this.openEvent(actor, eventId, manager);
      await this.engine.assertApproved(manager, 'company', companyId);
      const [pool] = await manager.query(`SELECT id FROM bookables WHERE event_id = $1 AND kind = 'stands'`, [eventId]);
      return this.engine.place(
        manager,
        event,
        { kind: 'stand', bookableId: pool.id, quantity: 1, companyId, details: { ...dto } },
        { actorId: actor.userId },
      );
    });
  }

  /** A class visit takes pupils + teachers places in a slot, or waits if they do not fit. */
  bookClassVisit(actor: Actor, eventId: string, dto: ClassVisitDto, request: IdempotencyRequest) {
    const schoolId = actor.schoolId!;
    return this.idempotency.run(actor, request, 201, async (manager) => {
      const event = await this.openEvent(actor, eventId, manager);
      await this.engine.assertApproved(manager, 'school', schoolId);
      const [slot] = await manager.query(`SELECT id FROM time_slots WHERE id = $1 AND event_id = $2`, [dto.timeSlotId, eventId]);
      if (!slot) throw invalidField('timeSlotId', 'notInEvent', 'reference');
      const [ownClass] = await manager.query(`SELECT id FROM school_classes WHERE id = $1 AND school_id = $2`, [dto.schoolClassId, schoolId]);
      if (!ownClass) throw invalidField('schoolClassId', 'unknownClass', 'reference');
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

  private async openEvent(actor: Actor, eventId: string, manager: EntityManager) {
    const event = await this.events.findVisible(actor, eventId, manager);
    requireProgram(event, 'handwerkertag');
    await this.engine.assertOpen(manager, event);
    return event;
  }
}
