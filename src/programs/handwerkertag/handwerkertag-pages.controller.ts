import { Body, Controller, Get, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentActor, Roles } from '../../auth/auth.decorators';
import { WITHOUT_KEY } from '../../bookings/idempotency/idempotency';
import { UuidParam } from '../../common/http/uuid-param.pipe';
import { Actor } from '../../common/identity/actor';
import { Role } from '../../common/identity/role';
import { AdminEventPage } from '../../web/admin-event-page';
import { EventPage } from '../../web/event-page';
import { afterBooking, listOf, localInput, statusOfRefusal, submitForm } from '../../web/form';
import { pageContext, text } from '../../web/web-context';
import { EventsService } from '../../events/events.service';
import { PageRenderer } from '../../web/page-renderer';
import { WebExceptionFilter } from '../../web/web-exception.filter';
import { ClassVisitDto, MoveClassVisitDto, StandApplicationDto } from './dto/handwerkertag.dto';
import { CreateTimeSlotDto, UpdateTimeSlotDto } from './dto/time-slot.dto';
import { HandwerkertagService } from './handwerkertag.service';
import { TimeSlotsService } from './time-slots.service';

/** The Handwerkertag in the pages: a school books a class visit, a company applies for a stand, the organiser adds slots. */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller()
export class HandwerkertagPagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly eventPage: EventPage,
    private readonly adminEventPage: AdminEventPage,
    private readonly handwerkertag: HandwerkertagService,
    private readonly slots: TimeSlotsService,
    private readonly events: EventsService,
  ) {}

  @Post('veranstaltungen/:eventId/klassenbesuch')
  @Roles(Role.SchoolMember)
  async bookVisit(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('eventId', UuidParam) eventId: string, @Body() body: Record<string, string>) {
    await submitForm(res, actor.locale, {
      dto: ClassVisitDto,
      input: body,
      view: (shown) => this.renderEventPage(req, res, eventId, { values: body, ...shown }),
      then: async (value) => afterBooking((await this.handwerkertag.bookClassVisit(actor, eventId, value, WITHOUT_KEY)).body),
    });
  }

  @Post('veranstaltungen/:eventId/stand')
  @Roles(Role.CompanyMember)
  async applyForStand(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('eventId', UuidParam) eventId: string, @Body() body: Record<string, string>) {
    await submitForm(res, actor.locale, {
      dto: StandApplicationDto,
      input: { ...body, powerNeeded: body.powerNeeded === 'true', apprenticeships: listOf(body.apprenticeships), internships: listOf(body.internships) },
      view: (shown) => this.renderEventPage(req, res, eventId, { values: body, ...shown }),
      then: async (value) => afterBooking((await this.handwerkertag.applyForStand(actor, eventId, value, WITHOUT_KEY)).body),
    });
  }

  @Post('verwaltung/veranstaltungen/:eventId/zeitfenster')
  @Roles(Role.Organiser)
  async addSlot(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('eventId', UuidParam) eventId: string, @Body() body: Record<string, string>) {
    await submitForm(res, actor.locale, {
      dto: CreateTimeSlotDto,
      input: body,
      view: async ({ errors, problem }) => this.pages.render('admin-event', await this.adminEventPage.context(actor, req, res, eventId, { slotValues: body, slotErrors: errors, problem })),
      then: async (value) => {
        await this.slots.create(actor, eventId, value);
        return `/verwaltung/veranstaltungen/${eventId}?ok=saved`;
      },
    });
  }

  @Get('verwaltung/veranstaltungen/:eventId/zeitfenster/:slotId')
  @Roles(Role.Organiser)
  async slotPage(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('eventId', UuidParam) eventId: string, @Param('slotId', UuidParam) slotId: string) {
    const slot = await this.slots.get(actor, eventId, slotId);
    const values = { startsAt: localInput(slot.startsAt), endsAt: localInput(slot.endsAt), capacity: String(slot.capacity) };
    res.send(this.pages.render('admin-slot', await this.slotContext(actor, req, res, eventId, slotId, { values })));
  }

  /** New times send every class booked into the slot its new time; a capacity below what is booked is refused. */
  @Post('verwaltung/veranstaltungen/:eventId/zeitfenster/:slotId')
  @Roles(Role.Organiser)
  async changeSlot(
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Res() res: Response,
    @Param('eventId', UuidParam) eventId: string,
    @Param('slotId', UuidParam) slotId: string,
    @Body() body: Record<string, string>,
  ) {
    await submitForm(res, actor.locale, {
      dto: UpdateTimeSlotDto,
      input: body,
      view: async (shown) => this.pages.render('admin-slot', await this.slotContext(actor, req, res, eventId, slotId, { values: body, ...shown })),
      statusOf: statusOfRefusal,
      then: async (value) => {
        await this.slots.update(actor, eventId, slotId, value);
        return `/verwaltung/veranstaltungen/${eventId}?ok=saved`;
      },
    });
  }

  @Post('verwaltung/veranstaltungen/:eventId/zeitfenster/:slotId/loeschen')
  @Roles(Role.Organiser)
  async deleteSlot(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('eventId', UuidParam) eventId: string, @Param('slotId', UuidParam) slotId: string) {
    const slot = await this.slots.get(actor, eventId, slotId);
    await submitForm(res, actor.locale, {
      input: {},
      view: async ({ problem }) =>
        this.pages.render('admin-slot', await this.slotContext(actor, req, res, eventId, slotId, { values: { startsAt: localInput(slot.startsAt), endsAt: localInput(slot.endsAt), capacity: String(slot.capacity) }, deleteProblem: problem })),
      statusOf: () => 409,
      then: async () => {
        await this.slots.remove(actor, eventId, slotId);
        return `/verwaltung/veranstaltungen/${eventId}?ok=deleted`;
      },
    });
  }

  /** The organiser moves a class visit to another slot; a full slot is refused with the old place kept. */
  @Post('verwaltung/veranstaltungen/:eventId/klassenbesuche/:bookingId/verschieben')
  @Roles(Role.Organiser)
  async moveVisit(
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Res() res: Response,
    @Param('eventId', UuidParam) eventId: string,
    @Param('bookingId', UuidParam) bookingId: string,
    @Body() body: Record<string, string>,
  ) {
    await submitForm(res, actor.locale, {
      dto: MoveClassVisitDto,
      input: { timeSlotId: body.timeSlotId, ...(body.reason ? { reason: body.reason } : {}) },
      view: async ({ errors, problem }) =>
        this.pages.render('admin-event', await this.adminEventPage.context(actor, req, res, eventId, { moveFor: bookingId, moveProblem: problem ?? Object.values(errors).find((e) => typeof e === 'string') })),
      statusOf: (error) => (error.code === 'validation_failed' ? 400 : 409),
      then: async (value) => {
        await this.handwerkertag.moveClassVisit(actor, eventId, bookingId, value);
        return `/verwaltung/veranstaltungen/${eventId}?ok=moved#besuch-${bookingId}`;
      },
    });
  }

  private async slotContext(actor: Actor, req: Request, res: Response, eventId: string, slotId: string, extra: Record<string, unknown>) {
    const event = await this.events.get(actor, eventId);
    const slot = await this.slots.get(actor, eventId, slotId);
    return pageContext(req, res, `${text(actor.locale, 'slot.title')} ${event.title}`, {
      section: 'admin',
      event,
      slot: { ...slot, held: slot.booked + slot.waitlisted > 0 },
      ...extra,
    });
  }

  private async renderEventPage(req: Request, res: Response, eventId: string, extra: Record<string, unknown>) {
    return this.pages.render('event', await this.eventPage.context(req, res, eventId, extra));
  }
}
