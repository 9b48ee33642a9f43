import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { BookingReads } from '../bookings/booking-reads';
import { BookingOccasions } from '../calendar/booking-occasion';
import { Actor } from '../common/identity/actor';
import { EventsService } from '../events/events.service';
import { ProgramRegistry } from '../events/program-registry';
import { AttendeeLists } from '../exports/attendee-lists';
import { StatisticsCharts } from '../statistics/statistics-charts';
import { pageContext } from './web-context';
import { EVENT_TRANSITIONS } from '../events/event-status';
import { STATUS_STEPS, stepFits } from './event-status-steps';

/**
 * The organiser's page of an event, for the page itself and for every form on it that comes
 * back with errors: status, the waiting list in the order people move up, the attendee
 * lists, what the program adds (slots, stand applications), and the event's charts: how full
 * each slot or place is and how the bookings came in.
 */
@Injectable()
export class AdminEventPage {
  constructor(
    private readonly events: EventsService,
    private readonly programs: ProgramRegistry,
    private readonly reads: BookingReads,
    private readonly occasions: BookingOccasions,
    private readonly attendeeLists: AttendeeLists,
    private readonly charts: StatisticsCharts,
  ) {}

  async context(actor: Actor, req: Request, res: Response, eventId: string, extra: Record<string, unknown>) {
    const event = await this.events.get(actor, eventId);
    const waiting = await this.reads.waitingList(eventId);
    const summaries = new Map((await this.occasions.ofBookings(waiting.map((w) => w.id))).map((o) => [o.bookingId, o.summary[actor.locale]]));
    const waitlist = waiting.map((w, index) => ({ id: w.id, since: w.waitlistedAt, quantity: w.quantity, who: w.companyName ?? w.schoolName, position: index + 1, what: summaries.get(w.id) }));
    const lists = this.attendeeLists.offeredFor(event.program);
    const eventCharts = await this.charts.ofEvent(eventId, actor.locale);
    return pageContext(req, res, event.title, {
      section: 'admin',
      event,
      isDraft: event.status === 'draft',
      slots: [],
      applications: [],
      ...(await this.programs.of(event.program)?.adminEventPage?.(actor, event)),
      waitlist,
      lists,
      eventCharts,
      // the status changes this event can take, each behind its confirmation page
      statusSteps: Object.entries(STATUS_STEPS).filter(([step, to]) => EVENT_TRANSITIONS[event.status].includes(to) && stepFits(step, event.status)).map(([step]) => step),
      slotValues: {},
      ...extra,
    });
  }
}
