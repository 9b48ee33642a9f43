import { Injectable, OnModuleInit } from '@nestjs/common';
import { BookingEngine } from '../../bookings/booking-engine';
import { BookingOccasions } from '../../calendar/booking-occasion';
import { dayRegistrationOccasion, sessionOccasion } from './schule-trifft-wirtschaft.occasions';
import { BookingKinds } from '../../bookings/booking-kinds';
import { BookingReads } from '../../bookings/booking-reads';
import { ProgramRegistry } from '../../events/program-registry';
import { AttendeeLists } from '../../exports/attendee-lists';
import { SchoolDayView } from './school-day-view';
import { SchoolDayService } from './school-day.service';
import { companyScheduleList, sessionGridList } from './schule-trifft-wirtschaft.lists';

/** Schule trifft Wirtschaft as the shared parts see it: one school's day, a class × period grid. */
@Injectable()
export class SchuleTrifftWirtschaftProgram implements OnModuleInit {
  constructor(
    private readonly registry: ProgramRegistry,
    private readonly view: SchoolDayView,
    private readonly lists: AttendeeLists,
    private readonly kinds: BookingKinds,
    private readonly reads: BookingReads,
    private readonly engine: BookingEngine,
    private readonly occasions: BookingOccasions,
    private readonly day: SchoolDayService,
  ) {}

  onModuleInit() {
    this.occasions.register(dayRegistrationOccasion);
    this.occasions.register(sessionOccasion);
    // a company that withdraws from the day leaves the grid too
    this.kinds.register({
      kind: 'day_registration',
      afterCancel: async (manager, registration, actor) => {
        for (const id of await this.reads.liveIdsOfCompany(manager, registration.eventId, registration.companyId!, 'session')) {
          await this.engine.transition(manager, id, 'cancelled', {
            actorId: actor.userId,
            reason: 'Anmeldung zum Tag storniert / registration for the day cancelled',
          });
        }
      },
    });
    this.lists.register('grid', { program: 'schule-trifft-wirtschaft', build: sessionGridList, hostSchool: true });
    this.lists.register('company-schedule', { program: 'schule-trifft-wirtschaft', build: companyScheduleList, hostSchool: true });
    this.registry.register({
      program: 'schule-trifft-wirtschaft',
      // the day belongs to one school, which may ask for companies of some occupational fields
      eventFields: { hostSchoolId: 'required', requestedOccupationalFields: 'allowed' },
      eventPage: (req, event) => this.view.context(req, event),
      eventCopied: async (manager, from, toEventId, shift, withContents) => {
        if (withContents) await this.day.copyLayout(manager, from.id, toEventId, shift);
      },
    });
  }
}
