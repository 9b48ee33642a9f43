import { Body, Controller, Get, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Actor } from '../common/identity/actor';
import { CurrentActor, OwnAccount, Roles } from '../auth/auth.decorators';
import { Role } from '../common/identity/role';
import { UuidParam } from '../common/http/uuid-param.pipe';
import { BookingsService } from '../bookings/bookings.service';
import { CalendarFeedsService } from '../calendar/calendar-feeds.service';
import { BookingOccasions, describeTiming } from '../calendar/booking-occasion';
import { SchoolClassDto } from '../schools/dto/school-class.dto';
import { SchoolClassesService } from '../schools/school-classes.service';
import { submitForm } from './form';
import { DeskService } from '../desk/desk.service';
import { BookingDocuments } from '../documents/booking-documents';
import { BOOKING_STATUSES } from '../bookings/booking-status';
import { BookingPagePanels } from './booking-page-panels';
import { PageRenderer } from './page-renderer';
import { pager, PAGE_ROWS, requestedPage } from './paging';
import { pageContext, text } from './web-context';
import { WebExceptionFilter } from './web-exception.filter';

const MEMBERS = [Role.Organiser, Role.Partner, Role.CompanyMember, Role.SchoolMember];

@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller()
export class MemberPagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly bookings: BookingsService,
    private readonly occasions: BookingOccasions,
    private readonly desk: DeskService,
    private readonly classes: SchoolClassesService,
    private readonly feeds: CalendarFeedsService,
    private readonly documents: BookingDocuments,
    private readonly panels: BookingPagePanels,
  ) {}

  /** A company's or school's start: its next dates and what is still open. */
  @Get('start')
  @Roles(Role.CompanyMember, Role.SchoolMember)
  async start(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response) {
    const desk = await this.desk.memberDesk(actor);
    const words = (entries: typeof desk.todo) => entries.map((entry) => ({ ...entry, words: entry.text[actor.locale] }));
    res.send(this.pages.render('start', pageContext(req, res, text(actor.locale, 'start.title'), { section: 'start', next: words(desk.next), todo: words(desk.todo) })));
  }

  @Get('buchungen')
  @Roles(...MEMBERS)
  async list(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response) {
    const page = requestedPage(req);
    const status = BOOKING_STATUSES.find((s) => s === req.query.status);
    const found = await this.bookings.list(actor, { page, pageSize: PAGE_ROWS, status });
    const occasions = await this.occasions.ofBookings(found.items.map((b) => b.id));
    const rows = occasions.map((o) => ({ id: o.bookingId, status: o.status, eventTitle: o.eventTitle, what: o.summary[actor.locale], when: describeTiming(o.timing, actor.locale) }));
    const statuses = [{ value: '', label: text(actor.locale, 'bookings.allStatuses') }, ...BOOKING_STATUSES.map((value) => ({ value, label: text(actor.locale, `status.${value}`) }))];
    res.send(
      this.pages.render('bookings', pageContext(req, res, text(actor.locale, 'bookings.title'), {
        section: 'bookings', rows, status: status ?? '', statuses, pager: pager(page, found.total, { status }),
      })),
    );
  }

  @Get('buchungen/:bookingId')
  @Roles(...MEMBERS)
  async detail(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('bookingId', UuidParam) bookingId: string) {
    const booking = await this.bookings.get(actor, bookingId);
    const [occasion] = await this.occasions.ofBookings([booking.id]);
    const history = await this.bookings.history(actor, bookingId);
    const panels = await this.panels.of(actor, booking);
    res.send(
      this.pages.render('booking', pageContext(req, res, occasion.summary[actor.locale], {
        panels,
        section: 'bookings',
        booking,
        occasion: { ...occasion, what: occasion.what[actor.locale], when: describeTiming(occasion.timing, actor.locale) },
        history,
        days: occasion.timing.type === 'weekly' ? occasion.timing.days : null,
        hasDocument: this.documents.offers(booking.kind, booking.status),
        mayCancel: ['pending', 'confirmed', 'waitlisted'].includes(booking.status) && actor.role !== Role.Partner,
        isStaff: actor.role === Role.Organiser || actor.role === Role.Partner,
        mayDecide: actor.role === Role.Organiser && booking.status === 'pending',
      })),
    );
  }

  /** Cancelling asks first: a page that says what will happen, then the button. */
  @Get('buchungen/:bookingId/stornieren')
  @Roles(Role.Organiser, Role.CompanyMember, Role.SchoolMember)
  async cancelPage(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('bookingId', UuidParam) bookingId: string) {
    const booking = await this.bookings.get(actor, bookingId);
    const [occasion] = await this.occasions.ofBookings([booking.id]);
    res.send(this.pages.render('cancel', pageContext(req, res, text(actor.locale, 'bookings.cancelTitle'), { section: 'bookings', booking, summary: occasion.summary[actor.locale] })));
  }

  @Post('buchungen/:bookingId/stornieren')
  @Roles(Role.Organiser, Role.CompanyMember, Role.SchoolMember)
  async cancel(@CurrentActor() actor: Actor, @Res() res: Response, @Param('bookingId', UuidParam) bookingId: string, @Body() body: { reason?: string }) {
    const reason = typeof body.reason === 'string' && body.reason.trim() ? body.reason.trim().slice(0, 1000) : undefined;
    await this.bookings.cancel(actor, bookingId, reason);
    res.redirect(303, `/buchungen/${bookingId}?ok=cancelled`);
  }

  @Get('schule/klassen')
  @Roles(Role.SchoolMember)
  async classesPage(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response) {
    res.send(this.pages.render('classes', await this.classesContext(actor, req, res, {})));
  }

  @Post('schule/klassen')
  @Roles(Role.SchoolMember)
  async addClass(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Body() body: Record<string, string>) {
    await submitForm(res, actor.locale, {
      dto: SchoolClassDto,
      input: body,
      view: async (shown) => this.pages.render('classes', await this.classesContext(actor, req, res, { values: body, ...shown })),
      then: async (value) => {
        await this.classes.create(actor, actor.schoolId!, value);
        return '/schule/klassen?ok=saved';
      },
    });
  }
  private async classesContext(actor: Actor, req: Request, res: Response, extra: Record<string, unknown>) {
    return pageContext(req, res, text(actor.locale, 'classes.title'), { section: 'classes', classes: await this.classes.list(actor, actor.schoolId!), values: {}, ...extra });
  }

  @Get('kalender')
  @Roles(...MEMBERS)
  async calendarPage(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response) {
    res.send(this.pages.render('calendar', pageContext(req, res, text(actor.locale, 'calendar.title'), { section: 'calendar', feed: await this.feeds.feedOf(actor) })));
  }

  @Post('kalender/erneuern')
  @Roles(...MEMBERS)
  @OwnAccount()
  async renewCalendar(@CurrentActor() actor: Actor, @Res() res: Response) {
    await this.feeds.renew(actor);
    res.redirect(303, '/kalender?ok=renewed');
  }
}
