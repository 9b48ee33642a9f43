import { Controller, Get, Param, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { BookingFilter, BookingSearch } from '../bookings/booking-search';
import { BOOKING_KINDS, BOOKING_STATUSES, BookingKind, BookingStatus } from '../bookings/booking-status';
import { BookingOccasions } from '../calendar/booking-occasion';
import { UuidParam } from '../common/http/uuid-param.pipe';
import { Actor } from '../common/identity/actor';
import { Role } from '../common/identity/role';
import { EventsService } from '../events/events.service';
import { ProgramRegistry } from '../events/program-registry';
import { DISTRICT_KEYS, DISTRICTS, District } from '../organisations/region';
import { PageRenderer } from './page-renderer';
import { pager, PAGE_ROWS, requestedPage } from './paging';
import { pageContext, text } from './web-context';
import { WebExceptionFilter } from './web-exception.filter';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const one = <T extends string>(value: unknown, allowed: readonly T[]): T | undefined => (allowed as readonly unknown[]).includes(value) ? (value as T) : undefined;
const id = (value: unknown) => (typeof value === 'string' && UUID.test(value) ? value : undefined);

/**
 * Every booking of an event for the organiser (partners read along): filtered by state, kind,
 * slot, booker and district, searched by name, a page at a time; each leads to the booking's
 * page with its history and what the organiser may do with it.
 */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('verwaltung/veranstaltungen/:eventId/buchungen')
export class EventBookingsPagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly events: EventsService,
    private readonly search: BookingSearch,
    private readonly occasions: BookingOccasions,
    private readonly programs: ProgramRegistry,
  ) {}

  @Get()
  @Roles(Role.Organiser, Role.Partner)
  async list(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('eventId', UuidParam) eventId: string) {
    const event = await this.events.get(actor, eventId);
    const q = req.query;
    const booker = id(q.wer);
    const bookers = await this.search.bookers(eventId);
    const side = bookers.find((b) => b.id === booker)?.side;
    const filter: BookingFilter = {
      status: one<BookingStatus>(q.status, BOOKING_STATUSES),
      kind: one<BookingKind>(q.art, BOOKING_KINDS),
      bookableId: id(q.zeitfenster),
      schoolId: side === 'school' ? booker : undefined,
      companyId: side === 'company' ? booker : undefined,
      district: one<District>(q.kreis, DISTRICT_KEYS),
      search: typeof q.suche === 'string' && q.suche.trim() ? q.suche.trim().slice(0, 100) : undefined,
    };
    const page = requestedPage(req);
    const found = await this.search.ofEvent(eventId, filter, { skip: (page - 1) * PAGE_ROWS, take: PAGE_ROWS });
    const summaries = new Map((await this.occasions.ofBookings(found.rows.map((r) => r.id))).map((o) => [o.bookingId, o.summary[actor.locale]]));
    const slots = ((await this.programs.of(event.program)?.adminEventPage?.(actor, event))?.slots ?? []) as Array<{ id: string; startsAt: Date }>;
    const word = (key: string) => text(actor.locale, key);
    const kinds = await this.search.kindsIn(eventId);
    const all = { value: '', label: word('bookingList.all') };
    const kept = { status: filter.status, art: filter.kind, zeitfenster: filter.bookableId, wer: booker, kreis: filter.district, suche: filter.search };
    res.send(
      this.pages.render('admin-event-bookings', pageContext(req, res, `${word('bookingList.title')}: ${event.title}`, {
        section: 'admin',
        event,
        filter: { ...kept, suche: filter.search ?? '' },
        filtered: Object.values(kept).some(Boolean),
        statuses: [all, ...BOOKING_STATUSES.map((value) => ({ value, label: word(`status.${value}`) }))],
        kinds: [all, ...kinds.map((value) => ({ value, label: word(`bookingKind.${value}`) }))],
        showKinds: kinds.length > 1,
        slots: slots.length ? [all, ...slots.map((s) => ({ value: s.id, label: new Intl.DateTimeFormat(actor.locale === 'en' ? 'en-GB' : 'de-DE', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' }).format(new Date(s.startsAt)) }))] : null,
        bookers: [all, ...bookers.map((b) => ({ value: b.id, label: b.name }))],
        districts: [all, ...DISTRICT_KEYS.map((value) => ({ value, label: DISTRICTS[value] }))],
        rows: found.rows.map((row) => ({
          ...row,
          who: row.companyName ?? row.schoolName,
          whom: [row.className, [row.pupilFirstName, row.pupilLastName].filter(Boolean).join(' ')].filter(Boolean).join(', '),
          what: summaries.get(row.id),
          districtName: row.district ? DISTRICTS[row.district as District] : '',
        })),
        pager: pager(page, found.total, kept),
        total: found.total,
      })),
    );
  }
}
