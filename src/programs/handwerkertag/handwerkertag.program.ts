import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { DateShift } from '../../events/date-shift';
import type { Request } from 'express';
import { BookingEngine } from '../../bookings/booking-engine';
import { BookingOccasions } from '../../calendar/booking-occasion';
import { classVisitOccasion, standOccasion } from './handwerkertag.occasions';
import { BookingKinds } from '../../bookings/booking-kinds';
import { BookingReads } from '../../bookings/booking-reads';
import { invalidField } from '../../common/errors/domain-error';
import { Actor } from '../../common/identity/actor';
import { Role } from '../../common/identity/role';
import { AttendeeLists } from '../../exports/attendee-lists';
import { classVisitList, standList } from './handwerkertag.lists';
import { Event } from '../../events/event.entity';
import { ProgramRegistry } from '../../events/program-registry';
import { TimeSlotsService } from './time-slots.service';
import { SchoolClassesService } from '../../schools/school-classes.service';
import { counted } from '../../desk/desk-registry';
import { BookingDocuments } from '../../documents/booking-documents';
import { classVisitDocument, standDocument } from './documents/fair-documents';
import { CheckInCodes } from './check-in/check-in-codes';

/** The Handwerkertag as the shared parts see it: a fair with stands and visiting time slots. */
@Injectable()
export class HandwerkertagProgram implements OnModuleInit {
  constructor(
    private readonly registry: ProgramRegistry,
    private readonly slots: TimeSlotsService,
    private readonly classes: SchoolClassesService,
    private readonly reads: BookingReads,
    private readonly lists: AttendeeLists,
    private readonly kinds: BookingKinds,
    private readonly engine: BookingEngine,
    private readonly occasions: BookingOccasions,
    private readonly documents: BookingDocuments,
    private readonly codes: CheckInCodes,
  ) {}

  onModuleInit() {
    this.occasions.register(standOccasion);
    this.occasions.register(classVisitOccasion);
    this.documents.register(standDocument);
    this.documents.register(classVisitDocument(this.codes));
    // a stand application always waits for the organiser, who gives it its stand number
    this.kinds.register({
      kind: 'stand',
      alwaysNeedsApproval: true,
      pendingOnDesk: {
        kind: 'stands_to_decide',
        anchor: 'standanmeldungen',
        words: (count) => ({ de: `${counted(count, 'Standanmeldung', 'Standanmeldungen')} zu entscheiden`, en: `${counted(count, 'stand application', 'stand applications')} to decide` }),
      },
      confirmation: (_booking, dto) => {
        if (dto.standNumber === undefined) throw invalidField('standNumber', 'should not be null or undefined', 'isDefined');
        return { standNumber: dto.standNumber };
      },
    });
    this.lists.register('stands', { program: 'handwerkertag', build: standList });
    this.lists.register('class-visits', { program: 'handwerkertag', build: classVisitList });
    this.registry.register({
      program: 'handwerkertag',
      eventFields: { standCount: 'required' },
      // a fair has one pool of stands, its size the stand count
      eventCreated: async (manager, eventId, { standCount }) => void (await this.engine.openPool(manager, eventId, 'stands', Number(standCount))),
      eventUpdated: async (manager, eventId, { standCount }) => {
        if (standCount !== undefined) await this.engine.setCapacity(manager, (await this.engine.poolOf(manager, eventId, 'stands'))!, Number(standCount));
      },
      eventCopied: (manager, from, toEventId, shift, withContents) => this.copyFair(manager, from.id, toEventId, shift, withContents),
      eventPage: (req, event) => this.eventPage(req, event),
      adminEventPage: (actor, event) => this.adminEventPage(actor, event),
      slots: (actor, event) => this.slots.list(actor, event.id),
    });
  }

  /** Next year's fair: as many stands, and (with contents) the same slots on the new day, empty. */
  private async copyFair(manager: EntityManager, fromId: string, toId: string, shift: DateShift, withContents: boolean) {
    const standPool = await this.engine.poolOf(manager, fromId, 'stands');
    const pools = await this.reads.pools(manager, standPool ? [standPool] : []);
    await this.engine.openPool(manager, toId, 'stands', standPool ? pools.get(standPool)!.capacity : 0);
    if (!withContents) return;
    for (const slot of await this.slots.ofEvent(manager, fromId)) {
      await this.slots.insert(manager, toId, { startsAt: shift.instant(slot.startsAt), endsAt: shift.instant(slot.endsAt), capacity: slot.capacity });
    }
  }

  /** For the organiser: the slots to add to, and the stand applications to decide. */
  private async adminEventPage(actor: Actor, event: Event) {
    const applications = (await this.reads.ofKind(event.id, 'stand')).map((b) => ({
      id: b.id,
      status: b.status,
      stand_number: b.standNumber,
      company: b.companyName,
      activity: b.details.handsOnActivity,
    }));
    const slots = await this.slots.list(actor, event.id);
    const at = new Map(slots.map((s) => [s.id, s.startsAt]));
    // class visits holding their places, each with the other slots it could move to
    const visits = (await this.reads.ofKind(event.id, 'class_visit', { statuses: ['pending', 'confirmed'] })).map((b) => ({
      id: b.id,
      school: b.schoolName,
      className: b.className,
      persons: b.quantity,
      status: b.status,
      startsAt: at.get(b.bookableId!),
      targets: slots.filter((s) => s.id !== b.bookableId).map((s) => ({ id: s.id, startsAt: s.startsAt, free: s.capacity - s.booked })),
    }));
    return { slots, applications, visits };
  }

  /** The time slots with their free places; a school also gets its classes to book with. */
  private async eventPage(req: Request, event: Event) {
    const actor = req.actor;
    const slots = await this.slots.list(actor, event.id);
    if (actor?.role !== Role.SchoolMember) return { slots };
    return { slots, classes: await this.classes.list(actor, actor.schoolId!) };
  }
}
