import { Body, Controller, Get, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { UuidParam } from '../common/http/uuid-param.pipe';
import { Actor } from '../common/identity/actor';
import { Role } from '../common/identity/role';
import { DateShift } from '../events/date-shift';
import { CopyEventDto, UpdateEventDto } from '../events/dto/event.dto';
import { EventCopies } from '../events/event-copies.service';
import { EventsService } from '../events/events.service';
import { ProgramRegistry } from '../events/program-registry';
import { addDays } from '../calendar/iso-date';
import { listOf, localInput, statusOfRefusal, submitForm } from './form';
import { PageRenderer } from './page-renderer';
import { pageContext, text } from './web-context';
import { WebExceptionFilter } from './web-exception.filter';

type FormValues = Record<string, string | undefined>;

/** The organiser changes every field of an event, or copies it to a new date (the same fair next year). */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('verwaltung/veranstaltungen/:eventId')
export class EventEditingPagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly events: EventsService,
    private readonly copies: EventCopies,
    private readonly programs: ProgramRegistry,
  ) {}

  @Get('bearbeiten')
  @Roles(Role.Organiser)
  async editForm(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('eventId', UuidParam) eventId: string) {
    const event = await this.events.get(actor, eventId);
    const values: FormValues = {
      title: event.title,
      description: event.description,
      venue: event.venue,
      startsOn: event.startsOn,
      endsOn: event.endsOn,
      registrationOpensAt: localInput(event.registrationOpensAt),
      registrationClosesAt: localInput(event.registrationClosesAt),
      cancellationDeadline: localInput(event.cancellationDeadline),
      requiresApproval: event.requiresApproval ? 'true' : undefined,
      standCount: event.availability.stands ? String(event.availability.stands.capacity) : undefined,
      requestedOccupationalFields: event.requestedOccupationalFields.join(', '),
    };
    res.send(this.pages.render('admin-event-edit', await this.editContext(actor, req, res, eventId, { values })));
  }

  @Post('bearbeiten')
  @Roles(Role.Organiser)
  async edit(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('eventId', UuidParam) eventId: string, @Body() body: FormValues) {
    const event = await this.events.get(actor, eventId);
    const takes = this.programs.of(event.program)?.eventFields ?? {};
    // a form sends every field; those the program does not have are not the organiser's doing
    const input: Record<string, unknown> = { ...body, requiresApproval: body.requiresApproval === 'true' };
    delete input._csrf;
    if (takes.standCount) input.standCount = body.standCount || undefined;
    else delete input.standCount;
    if (takes.requestedOccupationalFields) input.requestedOccupationalFields = listOf(body.requestedOccupationalFields);
    else delete input.requestedOccupationalFields;
    if (input.standCount === undefined) delete input.standCount;
    await submitForm(res, actor.locale, {
      dto: UpdateEventDto,
      input,
      statusOf: statusOfRefusal,
      view: async (shown) => this.pages.render('admin-event-edit', await this.editContext(actor, req, res, eventId, { values: body, ...shown })),
      then: async (value) => {
        await this.events.update(actor, eventId, value);
        return `/verwaltung/veranstaltungen/${eventId}?ok=saved`;
      },
    });
  }

  @Get('kopieren')
  @Roles(Role.Organiser)
  async copyForm(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('eventId', UuidParam) eventId: string) {
    const event = await this.events.get(actor, eventId);
    // the same weekday a year later is what a returning fair usually wants
    const startsOn = addDays(event.startsOn, 364);
    const values = { startsOn, title: DateShift.between(event.startsOn, startsOn).title(event.title), withContents: 'true' };
    res.send(this.pages.render('admin-event-copy', await this.copyContext(actor, req, res, eventId, { values })));
  }

  @Post('kopieren')
  @Roles(Role.Organiser)
  async copy(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('eventId', UuidParam) eventId: string, @Body() body: FormValues) {
    await submitForm(res, actor.locale, {
      dto: CopyEventDto,
      input: { startsOn: body.startsOn, ...(body.title ? { title: body.title } : {}), withContents: body.withContents === 'true' },
      statusOf: statusOfRefusal,
      view: async (shown) => this.pages.render('admin-event-copy', await this.copyContext(actor, req, res, eventId, { values: body, ...shown })),
      then: async (value) => `/verwaltung/veranstaltungen/${(await this.copies.copy(actor, eventId, value)).id}?ok=eventCopied`,
    });
  }

  private async editContext(actor: Actor, req: Request, res: Response, eventId: string, extra: Record<string, unknown>) {
    const event = await this.events.get(actor, eventId);
    const takes = this.programs.of(event.program)?.eventFields ?? {};
    return pageContext(req, res, `${text(actor.locale, 'admin.editEvent')}: ${event.title}`, {
      section: 'admin',
      event,
      showStandCount: !!takes.standCount,
      showRequestedFields: !!takes.requestedOccupationalFields,
      ...extra,
    });
  }

  private async copyContext(actor: Actor, req: Request, res: Response, eventId: string, extra: Record<string, unknown>) {
    const event = await this.events.get(actor, eventId);
    return pageContext(req, res, `${text(actor.locale, 'admin.copyEvent')}: ${event.title}`, {
      section: 'admin',
      event,
      contentsLabel: text(actor.locale, `admin.copyContents.${event.program}`),
      ...extra,
    });
  }
}
