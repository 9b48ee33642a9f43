import { Body, Controller, Get, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Actor } from '../common/identity/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { Role } from '../common/identity/role';
import { invalidField, NotFoundError } from '../common/errors/domain-error';
import { UuidParam } from '../common/http/uuid-param.pipe';
import { BookingsService } from '../bookings/bookings.service';
import { ReasonDto } from '../bookings/dto/booking-actions.dto';
import { BookingOccasions } from '../calendar/booking-occasion';
import { CreateEventDto } from '../events/dto/event.dto';
import { EventsService } from '../events/events.service';
import { OrganisationDecisionsService } from '../organisations/organisation-decisions.service';
import { AuditService } from '../audit/audit.service';
import { SchoolHolidayDto } from '../calendar/dto/school-holiday.dto';
import { SchoolHolidaysService } from '../calendar/school-holidays.service';
import { RetentionService } from '../retention/retention.service';
import { listOf, submitForm } from './form';
import { SchoolsService } from '../schools/schools.service';
import { OutboxService } from '../notifications/outbox.service';
import { AdminEventPage } from './admin-event-page';
import { DeskService } from '../desk/desk.service';
import { PROGRAMS } from '../events/event-status';
import { PageRenderer } from './page-renderer';
import { pager, PAGE_ROWS, requestedPage } from './paging';
import { pageContext, text } from './web-context';
import { WebExceptionFilter } from './web-exception.filter';

const STAFF = [Role.Organiser, Role.Partner];

/** A decision taken on the booking's own page returns there; one taken on the event's page to the event. */
const afterDecision = (body: Record<string, string>, bookingId: string, eventId: string) =>
  body.zurueck === 'buchung' ? `/buchungen/${bookingId}?ok=saved` : `/verwaltung/veranstaltungen/${eventId}?ok=saved`;

@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('verwaltung')
export class AdminPagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly events: EventsService,
    private readonly bookings: BookingsService,
    private readonly decisions: OrganisationDecisionsService,
    private readonly holidays: SchoolHolidaysService,
    private readonly audit: AuditService,
    private readonly retention: RetentionService,
    private readonly mails: OutboxService,
    private readonly eventPage: AdminEventPage,
    private readonly desk: DeskService,
    private readonly schools: SchoolsService,
    private readonly occasions: BookingOccasions,
  ) {}

  @Get()
  @Roles(...STAFF)
  async dashboard(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response) {
    const pending = await this.decisions.pending();
    const events = await this.events.list(actor, { page: 1, pageSize: 100 });
    const desk = await this.desk.desk();
    const words = <T extends { text?: { de: string; en: string }; label?: { de: string; en: string } }>(items: T[]) =>
      items.map((item) => ({ ...item, words: (item.text ?? item.label)![actor.locale] }));
    res.send(
      this.pages.render(
        'admin',
        pageContext(req, res, text(actor.locale, 'admin.title'), {
          section: 'admin',
          pending,
          events: events.items,
          desk: { todo: words(desk.todo), week: words(desk.week), figures: words(desk.figures) },
        }),
      ),
    );
  }
  @Post('organisationen/:kind/:id/:decision')
  @Roles(Role.Organiser)
  async decide(@CurrentActor() actor: Actor, @Res() res: Response, @Param('kind') kind: string, @Param('id', UuidParam) id: string, @Param('decision') decision: string) {
    if (!['company', 'school'].includes(kind) || !['freischalten', 'ablehnen'].includes(decision)) throw new NotFoundError();
    const organisation = kind as 'company' | 'school';
    if (decision === 'freischalten') await this.decisions.approve(actor, organisation, id);
    else await this.decisions.reject(actor, organisation, id, null);
    res.redirect(303, '/verwaltung?ok=approved');
  }

  @Get('veranstaltungen/neu')
  @Roles(Role.Organiser)
  async newEvent(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response) {
    res.send(this.pages.render('admin-event-new', await this.newEventContext(actor, req, res, { values: { program: PROGRAMS[0] } })));
  }

  @Post('veranstaltungen/neu')
  @Roles(Role.Organiser)
  async createEvent(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Body() body: Record<string, string>) {
    const input: Record<string, unknown> = { ...body, requiresApproval: body.requiresApproval === 'true', requestedOccupationalFields: listOf(body.requestedOccupationalFields) };
    for (const optional of ['standCount', 'hostSchoolId', 'description']) if (!body[optional]) delete input[optional];
    if (!(input.requestedOccupationalFields as string[]).length) delete input.requestedOccupationalFields;
    await submitForm(res, actor.locale, {
      dto: CreateEventDto,
      input,
      view: async (shown) => this.pages.render('admin-event-new', await this.newEventContext(actor, req, res, { values: body, ...shown })),
      then: async (value) => `/verwaltung/veranstaltungen/${(await this.events.create(actor, value)).id}?ok=saved`,
    });
  }
  @Get('veranstaltungen/:eventId')
  @Roles(...STAFF)
  async event(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('eventId', UuidParam) eventId: string) {
    res.send(this.pages.render('admin-event', await this.eventPage.context(actor, req, res, eventId, {})));
  }

  @Post('veranstaltungen/:eventId/veroeffentlichen')
  @Roles(Role.Organiser)
  async publish(@CurrentActor() actor: Actor, @Res() res: Response, @Param('eventId', UuidParam) eventId: string) {
    await this.events.changeStatus(actor, eventId, { status: 'published' });
    res.redirect(303, `/verwaltung/veranstaltungen/${eventId}?ok=saved`);
  }

  @Post('buchungen/:bookingId/bestaetigen')
  @Roles(Role.Organiser)
  async confirm(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('bookingId', UuidParam) bookingId: string, @Body() body: Record<string, string>) {
    const booking = await this.bookings.get(actor, bookingId);
    await submitForm(res, actor.locale, {
      input: body,
      view: async ({ problem }) => this.pages.render('admin-event', await this.eventPage.context(actor, req, res, booking.eventId, { problem, errors: { form: true } })),
      then: async () => {
        await this.bookings.confirm(actor, bookingId, body.standNumber ? { standNumber: Number(body.standNumber) } : {});
        return afterDecision(body, bookingId, booking.eventId);
      },
      statusOf: () => 409,
    });
  }
  /** Rejecting a booking asks first, and for the reason: it goes into the booking's history and the booker's mail. */
  @Get('buchungen/:bookingId/ablehnen')
  @Roles(Role.Organiser)
  async rejectPage(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('bookingId', UuidParam) bookingId: string) {
    res.send(this.pages.render('reject', await this.rejectContext(actor, req, res, bookingId, { values: { zurueck: req.query.zurueck === 'buchung' ? 'buchung' : '' } })));
  }

  @Post('buchungen/:bookingId/ablehnen')
  @Roles(Role.Organiser)
  async reject(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('bookingId', UuidParam) bookingId: string, @Body() body: Record<string, string>) {
    await submitForm(res, actor.locale, {
      dto: ReasonDto,
      input: body.reason === undefined ? {} : { reason: body.reason },
      view: async (shown) => this.pages.render('reject', await this.rejectContext(actor, req, res, bookingId, { values: body, ...shown })),
      then: async ({ reason }) => {
        if (!reason) throw invalidField('reason', 'should not be empty', 'isNotEmpty');
        const booking = await this.bookings.reject(actor, bookingId, reason);
        return afterDecision(body, bookingId, booking.eventId);
      },
      statusOf: (error) => (error.code === 'validation_failed' ? 400 : 409),
    });
  }

  @Get('postausgang')
  @Roles(...STAFF)
  async outbox(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response) {
    const [mails, unmailed] = await Promise.all([this.mails.recent(), this.mails.unmailedChanges()]);
    res.send(this.pages.render('admin-outbox', pageContext(req, res, text(actor.locale, 'admin.outbox'), { section: 'admin', mails, unmailed })));
  }
  @Get('ferien')
  @Roles(...STAFF)
  async holidaysPage(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response) {
    res.send(this.pages.render('admin-holidays', pageContext(req, res, text(actor.locale, 'admin.holidays'), { section: 'admin', holidays: await this.holidays.list(), values: {} })));
  }

  @Post('ferien')
  @Roles(Role.Organiser)
  async addHoliday(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Body() body: Record<string, string>) {
    await submitForm(res, actor.locale, {
      dto: SchoolHolidayDto,
      input: body,
      view: async (shown) =>
        this.pages.render('admin-holidays', pageContext(req, res, text(actor.locale, 'admin.holidays'), { section: 'admin', holidays: await this.holidays.list(), values: body, ...shown })),
      then: async (value) => {
        await this.holidays.add(value);
        return '/verwaltung/ferien?ok=saved';
      },
    });
  }
  @Get('protokoll')
  @Roles(Role.Organiser)
  async auditPage(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response) {
    const page = requestedPage(req);
    const log = await this.audit.list({ page, pageSize: PAGE_ROWS });
    res.send(this.pages.render('admin-audit', pageContext(req, res, text(actor.locale, 'admin.audit'), { section: 'admin', log, pager: pager(page, log.total) })));
  }

  @Get('datenschutz')
  @Roles(...STAFF)
  async retentionPage(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response) {
    res.send(this.pages.render('admin-retention', pageContext(req, res, text(actor.locale, 'admin.retention'), { section: 'admin', status: await this.retention.status() })));
  }

  @Post('datenschutz')
  @Roles(Role.Organiser)
  async runRetention(@CurrentActor() actor: Actor, @Res() res: Response) {
    await this.retention.run(actor);
    res.redirect(303, '/verwaltung/datenschutz?ok=saved');
  }

  private async newEventContext(actor: Actor, req: Request, res: Response, extra: Record<string, unknown>) {
    const schools = await this.schools.list(actor, { status: 'approved', page: 1, pageSize: 100 });
    return pageContext(req, res, text(actor.locale, 'admin.newEvent'), {
      section: 'admin',
      programs: PROGRAMS.map((value) => ({ value, label: text(actor.locale, `program.${value}`) })),
      schools: [{ value: '', label: text(actor.locale, 'admin.noHostSchool') }, ...schools.items.map((s) => ({ value: s.id, label: `${s.name}, ${s.town}` }))],
      ...extra,
    });
  }



  private async rejectContext(actor: Actor, req: Request, res: Response, bookingId: string, shown: Record<string, unknown>) {
    const booking = await this.bookings.get(actor, bookingId);
    const [occasion] = await this.occasions.ofBookings([booking.id]);
    return pageContext(req, res, text(actor.locale, 'admin.rejectTitle'), {
      section: 'admin',
      booking,
      summary: occasion.summary[actor.locale],
      booker: occasion.companyName ?? occasion.schoolName,
      ...shown,
    });
  }
}
