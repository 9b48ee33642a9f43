import { Body, Controller, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Actor } from '../../common/identity/actor';
import { CurrentActor, Roles } from '../../auth/auth.decorators';
import { Role } from '../../common/identity/role';
import { NotFoundError } from '../../common/errors/domain-error';
import { UuidParam } from '../../common/http/uuid-param.pipe';
import { SessionDto } from './dto/school-day-booking.dto';
import { SchoolDayBookingsService } from './school-day-bookings.service';
import { AddEventClassDto, CreatePeriodDto, CreateRoomDto } from './dto/school-day.dto';
import { SchoolDayService } from './school-day.service';
import { afterBooking, submitForm } from '../../web/form';
import { PageRenderer } from '../../web/page-renderer';
import { EventPage } from '../../web/event-page';
import { WebExceptionFilter } from '../../web/web-exception.filter';
import { WITHOUT_KEY } from '../../bookings/idempotency/idempotency';

/** Who lays out the day: organisers and members of the host school (the service checks which school). */
const HOSTS = [Role.Organiser, Role.SchoolMember];

/** The page paths of the day's three axes. */
const AXES: Record<string, 'periods' | 'classes' | 'rooms'> = { stunden: 'periods', klassen: 'classes', raeume: 'rooms' };

/** The grid forms of the event page and which error block of that page each one fills. */
type GridForm = 'period' | 'class' | 'room' | 'session';

/**
 * Schule trifft Wirtschaft in the pages: the host school lays out its day (periods, classes,
 * rooms), companies register for it, and sessions are placed into the class × period grid.
 */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('veranstaltungen/:eventId')
export class SchoolDayPagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly layout: SchoolDayService,
    private readonly bookings: SchoolDayBookingsService,
    private readonly eventPage: EventPage,
  ) {}

  @Post('stunden')
  @Roles(...HOSTS)
  addPeriod(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('eventId', UuidParam) eventId: string, @Body() body: Record<string, string>) {
    return this.submit({ actor, req, res, eventId, body, form: 'period', dto: CreatePeriodDto }, (value) => this.layout.addPeriod(actor, eventId, value));
  }

  @Post('klassen')
  @Roles(...HOSTS)
  addClass(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('eventId', UuidParam) eventId: string, @Body() body: Record<string, string>) {
    return this.submit({ actor, req, res, eventId, body, form: 'class', dto: AddEventClassDto }, (value) => this.layout.addClass(actor, eventId, value));
  }

  @Post('raeume')
  @Roles(...HOSTS)
  addRoom(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('eventId', UuidParam) eventId: string, @Body() body: Record<string, string>) {
    return this.submit({ actor, req, res, eventId, body, form: 'room', dto: CreateRoomDto }, (value) => this.layout.addRoom(actor, eventId, value));
  }

  /** Takes a period, class or room out of the day again; refused while a session uses it. */
  @Post(':axis/:itemId/entfernen')
  @Roles(...HOSTS)
  async remove(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('eventId', UuidParam) eventId: string, @Param('axis') axis: string, @Param('itemId', UuidParam) itemId: string) {
    const target = AXES[axis];
    if (!target) throw new NotFoundError('page');
    await submitForm(res, actor.locale, {
      input: {},
      view: async ({ problem }) => this.renderEventPage(req, res, eventId, { layoutProblem: problem }),
      then: async () => {
        await this.layout.remove(actor, eventId, target, itemId);
        return `/veranstaltungen/${eventId}?ok=deleted#tagesablauf`;
      },
      statusOf: () => 409,
      passOn: ['not_found'],
    });
  }
  /** A company registers for the day; the host school then sees it among the companies to invite. */
  @Post('teilnahme')
  @Roles(Role.CompanyMember)
  async register(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('eventId', UuidParam) eventId: string) {
    await submitForm(res, actor.locale, {
      input: {},
      view: async ({ problem }) => this.renderEventPage(req, res, eventId, { problem, registrationProblem: true }),
      then: async () => {
        await this.bookings.register(actor, eventId, WITHOUT_KEY);
        return `/veranstaltungen/${eventId}?ok=dayRegistered`;
      },
    });
  }
  /** One company in one class during one period; a company books for itself, the host names one. */
  @Post('einheit')
  @Roles(Role.Organiser, Role.CompanyMember, Role.SchoolMember)
  bookSession(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('eventId', UuidParam) eventId: string, @Body() body: Record<string, string>) {
    const input: Record<string, string> = { ...body };
    for (const optional of ['roomId', 'team', 'companyId']) if (!input[optional]) delete input[optional];
    return this.submit({ actor, req, res, eventId, body: input, form: 'session', dto: SessionDto }, async (value) =>
      afterBooking((await this.bookings.bookSession(actor, eventId, value, WITHOUT_KEY)).body),
    );
  }

  /**
   * Reads one grid form, runs the change and goes back to the event page; on a wrong entry or a
   * refused change the page comes back with what was typed and the problem beside the form.
   */
  private async submit<T extends object>(
    page: { actor: Actor; req: Request; res: Response; eventId: string; body: Record<string, string>; form: GridForm; dto: new () => T },
    change: (value: T) => Promise<unknown>,
  ) {
    const { actor, req, res, eventId, body, form } = page;
    await submitForm(res, actor.locale, {
      dto: page.dto,
      input: body,
      view: ({ errors, problem }) => this.renderEventPage(req, res, eventId, { [`${form}Values`]: body, [`${form}Errors`]: errors, problem }),
      then: async (value) => {
        const next = await change(value);
        return typeof next === 'string' ? next : `/veranstaltungen/${eventId}?ok=saved#tagesplan`;
      },
    });
  }

  private async renderEventPage(req: Request, res: Response, eventId: string, extra: Record<string, unknown>) {
    return this.pages.render('event', await this.eventPage.context(req, res, eventId, extra));
  }
}
