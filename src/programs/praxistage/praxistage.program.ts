import { BookingDocuments } from '../../documents/booking-documents';
import { PupilDocumentsService } from './documents/pupil-documents.service';
import { Injectable, OnModuleInit } from '@nestjs/common';
import type { Request } from 'express';
import { Role } from '../../common/identity/role';
import { DomainError } from '../../common/errors/domain-error';
import { Event } from '../../events/event.entity';
import { PracticumOffersService } from './practicum-offers.service';
import { ProgramRegistry } from '../../events/program-registry';
import { PupilsService } from '../../schools/pupils.service';
import { AttendeeLists } from '../../exports/attendee-lists';
import { BookingOccasions } from '../../calendar/booking-occasion';
import { PlacementScheduleService } from '../../calendar/placement-schedule.service';
import { placementOccasion } from './praxistage.occasions';
import { attendanceList, rosterList } from './praxistage.lists';
import { pageLocale, text } from '../../web/web-context';
import { DataSource } from 'typeorm';
import { YearsService } from './year/years.service';
import { BookingKinds } from '../../bookings/booking-kinds';

/** The Praxistage as the shared parts see them: practicum offers with places per weekday. */
@Injectable()
export class PraxistageProgram implements OnModuleInit {
  constructor(
    private readonly registry: ProgramRegistry,
    private readonly offers: PracticumOffersService,
    private readonly pupils: PupilsService,
    private readonly lists: AttendeeLists,
    private readonly occasions: BookingOccasions,
    private readonly schedules: PlacementScheduleService,
    private readonly years: YearsService,
    private readonly dataSource: DataSource,
    private readonly kinds: BookingKinds,
    private readonly documents: BookingDocuments,
    private readonly pupilDocuments: PupilDocumentsService,
  ) {}

  onModuleInit() {
    this.occasions.register(placementOccasion(this.schedules));
    // a placement's document is its agreement; it names the pupil, so no mail ever carries it
    this.documents.register({ kind: 'placement', aboutPupil: true, render: (manager, booking, locale) => this.pupilDocuments.ofPlacement(manager, booking, locale) });
    // an offered place is pending until the pupil answers: nothing for the organiser's desk
    this.kinds.register({ kind: 'placement', pendingOnDesk: false });
    this.lists.register('roster', { program: 'praxistage', build: rosterList });
    // the attendance sheet needs a company and a month: it is asked for with its parameters
    this.lists.register('attendance', { program: 'praxistage', build: attendanceList, needsParameters: true });
    this.registry.register({
      program: 'praxistage',
      eventPage: (req, event) => this.eventPage(req, event),
      eventCopied: async (manager, from, toEventId, shift, withContents) => {
        // a school year has phases from the holidays and Steckbriefe the companies copy themselves
        if (await this.years.isYear(manager, from.id)) throw new DomainError('year_is_not_copied');
        if (withContents) await this.offers.copyAll(manager, from.id, toEventId, shift);
      },
    });
  }

  /** The offers with what is free per weekday; a school also gets its pupils to place. */
  private async eventPage(req: Request, event: Event) {
    const actor = req.actor;
    const locale = pageLocale(req);
    // a year (Durchgang) is run on its own page: Steckbriefe, applications, phases
    if (await this.years.isYear(this.dataSource.manager, event.id)) return { yearPage: `/praxistage/${event.id}` };
    const offers = await this.offers.list(actor, event.id, {});
    const context: Record<string, unknown> = {
      offers,
      weekdays: [1, 2, 3, 4, 5].map((value) => ({ value, label: text(locale, `weekday.${value}`) })),
      offerWeekdays: offers.flatMap((o) =>
        o.availability.map((a) => ({ value: `${o.id}:${a.weekday}`, label: `${o.companyName}, ${o.occupationalField}: ${text(locale, `weekday.${a.weekday}`)} (${a.free} ${text(locale, 'event.free')})` })),
      ),
    };
    if (actor?.role === Role.SchoolMember) {
      const pupils = await this.pupils.list(actor, actor.schoolId!, {});
      context.pupils = pupils.map((p) => ({ value: p.id, label: `${p.lastName}, ${p.firstName}` }));
    }
    return context;
  }
}
