import { Body, Controller, Get, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { Actor } from '../common/identity/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { Role } from '../common/identity/role';
import { DomainError, NotFoundError } from '../common/errors/domain-error';
import { UuidParam } from '../common/http/uuid-param.pipe';
import { BookingsService } from '../bookings/bookings.service';
import { CreateEventDto } from '../events/dto/event.dto';
import { CreateTimeSlotDto } from '../events/dto/time-slot.dto';
import { EventsService } from '../events/events.service';
import { TimeSlotsService } from '../events/time-slots.service';
import { LISTS } from '../exports/exports.service';
import { OrganisationDecisionsService } from '../organisations/organisation-decisions.service';
import { AuditService } from '../audit/audit.service';
import { SchoolHolidayDto } from '../calendar/dto/school-holiday.dto';
import { SchoolHolidaysService } from '../calendar/school-holidays.service';
import { RetentionService } from '../retention/retention.service';
import { StatisticsService } from '../statistics/statistics.service';
import { problemOf, readForm } from './form';
import { BookingOccasions } from '../calendar/booking-occasion';
import { PageRenderer } from './page-renderer';
import { pager, PAGE_ROWS, requestedPage } from './paging';
import { pageContext, text } from './web-context';
import { WebExceptionFilter } from './web-exception.filter';

const STAFF = [Role.Organiser, Role.Partner];

@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('verwaltung')
export class AdminPagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly events: EventsService,
    private readonly slots: TimeSlotsService,
    private readonly bookings: BookingsService,
    private readonly decisions: OrganisationDecisionsService,
    private readonly statistics: StatisticsService,
    private readonly holidays: SchoolHolidaysService,
    private readonly audit: AuditService,
    private readonly retention: RetentionService,
    private readonly occasions: BookingOccasions,
    private readonly dataSource: DataSource,
  ) {}

  @Get()
  @Roles(...STAFF)
  async dashboard(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response) {
    const pending = await this.dataSource.query(
      `SELECT 'company' AS kind, id, name, town, created_at FROM companies WHERE status = 'pending'
       UNION ALL SELECT 'school', id, name, town, created_at FROM schools WHERE status = 'pending' ORDER BY created_at`,
    );
    const events = await this.events.list(actor, { page: 1, pageSize: 100 });
    res.send(this.pages.render('admin', pageContext(req, res, text(actor.locale, 'admin.title'), { section: 'admin', pending, events: events.items })));
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
  newEvent(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response) {
    res.send(this.pages.render('admin-event-new', this.newEventContext(actor, req, res, { values: { program: 'handwerkertag' } })));
  }

  @Post('veranstaltungen/neu')
  @Roles(Role.Organiser)
  async createEvent(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Body() body: Record<string, string>) {
    const input: Record<string, unknown> = { ...body, requiresApproval: body.requiresApproval === 'true' };
    for (const optional of ['standCount', 'hostSchoolId', 'description']) if (!body[optional]) delete input[optional];
    const form = await readForm(CreateEventDto, input, actor.locale);
    const again = (extra: Record<string, unknown>) => res.status(400).send(this.pages.render('admin-event-new', this.newEventContext(actor, req, res, { values: body, ...extra })));
    if (!form.value) return again({ errors: form.errors });
    try {
      const event = await this.events.create(actor, form.value);
      res.redirect(303, `/verwaltung/veranstaltungen/${event.id}?ok=saved`);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const problem = problemOf(error, actor.locale);
      again({ errors: { form: true, ...problem.errors }, problem: problem.problem });
    }
  }

  @Get('veranstaltungen/:eventId')
  @Roles(...STAFF)
  async event(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('eventId', UuidParam) eventId: string) {
    res.send(this.pages.render('admin-event', await this.eventContext(actor, req, res, eventId, {})));
  }

  @Post('veranstaltungen/:eventId/veroeffentlichen')
  @Roles(Role.Organiser)
  async publish(@CurrentActor() actor: Actor, @Res() res: Response, @Param('eventId', UuidParam) eventId: string) {
    await this.events.changeStatus(actor, eventId, { status: 'published' });
    res.redirect(303, `/verwaltung/veranstaltungen/${eventId}?ok=saved`);
  }

  @Post('veranstaltungen/:eventId/zeitfenster')
  @Roles(Role.Organiser)
  async addSlot(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('eventId', UuidParam) eventId: string, @Body() body: Record<string, string>) {
    const form = await readForm(CreateTimeSlotDto, body, actor.locale);
    const again = async (extra: Record<string, unknown>) => res.status(400).send(this.pages.render('admin-event', await this.eventContext(actor, req, res, eventId, { slotValues: body, ...extra })));
    if (!form.value) return again({ slotErrors: form.errors });
    try {
      await this.slots.create(actor, eventId, form.value);
      res.redirect(303, `/verwaltung/veranstaltungen/${eventId}?ok=saved`);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const problem = problemOf(error, actor.locale);
      await again({ slotErrors: { form: true, ...problem.errors }, problem: problem.problem });
    }
  }

  @Post('buchungen/:bookingId/bestaetigen')
  @Roles(Role.Organiser)
  async confirm(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('bookingId', UuidParam) bookingId: string, @Body() body: Record<string, string>) {
    const booking = await this.bookings.get(actor, bookingId);
    try {
      await this.bookings.confirm(actor, bookingId, body.standNumber ? { standNumber: Number(body.standNumber) } : {});
      res.redirect(303, `/verwaltung/veranstaltungen/${booking.eventId}?ok=saved`);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const problem = problemOf(error, actor.locale);
      res.status(409).send(this.pages.render('admin-event', await this.eventContext(actor, req, res, booking.eventId, { problem: problem.problem, errors: { form: true } })));
    }
  }

  @Post('buchungen/:bookingId/ablehnen')
  @Roles(Role.Organiser)
  async reject(@CurrentActor() actor: Actor, @Res() res: Response, @Param('bookingId', UuidParam) bookingId: string) {
    const booking = await this.bookings.reject(actor, bookingId);
    res.redirect(303, `/verwaltung/veranstaltungen/${booking.eventId}?ok=saved`);
  }

  @Get('postausgang')
  @Roles(...STAFF)
  async outbox(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response) {
    const mails = await this.dataSource.query(
      `SELECT id, recipient, subject, status, attempts, last_error, created_at, text_body FROM outbox_mails ORDER BY created_at DESC LIMIT 100`,
    );
    // booking changes whose mail could not be written: rare, but a person must see them
    const unmailed = await this.dataSource.query(
      `SELECT id, booking_id, change, notify_attempts, notify_error FROM booking_changes
        WHERE notified_at IS NULL AND notify_attempts > 0 ORDER BY id LIMIT 100`,
    );
    res.send(this.pages.render('admin-outbox', pageContext(req, res, text(actor.locale, 'admin.outbox'), { section: 'admin', mails, unmailed })));
  }

  @Get('statistik')
  @Roles(...STAFF)
  async statisticsPage(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response) {
    const stats = await this.statistics.overview({});
    res.send(this.pages.render('admin-statistics', pageContext(req, res, text(actor.locale, 'admin.statistics'), { section: 'admin', stats })));
  }

  @Get('ferien')
  @Roles(...STAFF)
  async holidaysPage(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response) {
    res.send(this.pages.render('admin-holidays', pageContext(req, res, text(actor.locale, 'admin.holidays'), { section: 'admin', holidays: await this.holidays.list(), values: {} })));
  }

  @Post('ferien')
  @Roles(Role.Organiser)
  async addHoliday(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Body() body: Record<string, string>) {
    const form = await readForm(SchoolHolidayDto, body, actor.locale);
    const again = async (extra: Record<string, unknown>) =>
      res.status(400).send(this.pages.render('admin-holidays', pageContext(req, res, text(actor.locale, 'admin.holidays'), { section: 'admin', holidays: await this.holidays.list(), values: body, ...extra })));
    if (!form.value) return again({ errors: form.errors });
    try {
      await this.holidays.add(form.value);
      res.redirect(303, '/verwaltung/ferien?ok=saved');
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const problem = problemOf(error, actor.locale);
      await again({ errors: { form: true, ...problem.errors }, problem: problem.problem });
    }
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

  private newEventContext(actor: Actor, req: Request, res: Response, extra: Record<string, unknown>) {
    return pageContext(req, res, text(actor.locale, 'admin.newEvent'), {
      section: 'admin',
      programs: ['handwerkertag', 'schule-trifft-wirtschaft', 'praxistage'].map((value) => ({ value, label: text(actor.locale, `program.${value}`) })),
      ...extra,
    });
  }

  private async eventContext(actor: Actor, req: Request, res: Response, eventId: string, extra: Record<string, unknown>) {
    const event = await this.events.get(actor, eventId);
    const applications = await this.dataSource.query(
      `SELECT b.id, b.status, b.stand_number, c.name AS company, b.details->>'handsOnActivity' AS activity
         FROM bookings b JOIN companies c ON c.id = b.company_id WHERE b.event_id = $1 AND b.kind = 'stand'
        ORDER BY b.status, b.waitlisted_at NULLS FIRST, c.name`,
      [eventId],
    );
    // the waiting list in the order people move up: who came first
    const waiting = await this.dataSource.query(
      `SELECT b.id, b.waitlisted_at AS "since", b.quantity, COALESCE(c.name, s.name) AS who
         FROM bookings b LEFT JOIN companies c ON c.id = b.company_id LEFT JOIN schools s ON s.id = b.school_id
        WHERE b.event_id = $1 AND b.status = 'waitlisted' ORDER BY b.waitlisted_at, b.id`,
      [eventId],
    );
    const summaries = new Map((await this.occasions.load(this.dataSource.manager, waiting.map((w: { id: string }) => w.id))).map((o) => [o.bookingId, o.summary[actor.locale]]));
    const waitlist = waiting.map((w: { id: string }, index: number) => ({ ...w, position: index + 1, what: summaries.get(w.id) }));
    // the attendance sheet needs a company and a month: it is asked for with its parameters
    const lists = Object.entries(LISTS).filter(([name, l]) => l.program === event.program && name !== 'attendance').map(([name]) => name);
    return pageContext(req, res, event.title, {
      section: 'admin',
      event,
      isDraft: event.status === 'draft',
      slots: event.program === 'handwerkertag' ? await this.slots.list(actor, eventId) : [],
      applications,
      waitlist,
      lists,
      slotValues: {},
      ...extra,
    });
  }
}
