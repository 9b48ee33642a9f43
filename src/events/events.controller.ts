import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { sendCalendar } from '../calendar/calendar-response';
import { Actor } from '../common/identity/actor';
import { CurrentActor, Public, Roles } from '../auth/auth.decorators';
import { Role } from '../common/identity/role';
import { UuidParam } from '../common/http/uuid-param.pipe';
import { ChangeEventStatusDto, CopyEventDto, CreateEventDto, EventListQuery, UpdateEventDto } from './dto/event.dto';
import { EventsService } from './events.service';
import { EventCopies } from './event-copies.service';

@ApiTags('events')
@Controller('api/v1/events')
export class EventsController {
  constructor(
    private readonly events: EventsService,
    private readonly copies: EventCopies,
  ) {}

  /** Published events with what is still free; open to everyone. Organisers also see drafts. */
  @Get()
  @Public()
  list(@Req() req: Request, @Query() query: EventListQuery) {
    return this.events.list(req.actor, query);
  }

  @Get(':eventId')
  @Public()
  get(@Req() req: Request, @Param('eventId', UuidParam) eventId: string) {
    return this.events.get(req.actor, eventId);
  }

  /** The event as a calendar entry to download. */
  @Get(':eventId/calendar.ics')
  @Public()
  @ApiProduces('text/calendar')
  async calendar(@Req() req: Request, @Param('eventId', UuidParam) eventId: string, @Res() res: Response) {
    const { body, lastModified } = await this.events.calendar(req.actor, eventId);
    sendCalendar(req, res, body, lastModified, `veranstaltung-${eventId}.ics`);
  }

  /** Creates an event as a draft. */
  @Post()
  @Roles(Role.Organiser)
  create(@CurrentActor() actor: Actor, @Body() body: CreateEventDto) {
    return this.events.create(actor, body);
  }

  @Patch(':eventId')
  @Roles(Role.Organiser)
  update(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string, @Body() body: UpdateEventDto) {
    return this.events.update(actor, eventId, body);
  }

  /** The event on a new date, as a draft: every date moves by the same days, with or without its slots, layout or offers. */
  @Post(':eventId/copy')
  @Roles(Role.Organiser)
  copy(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string, @Body() body: CopyEventDto) {
    return this.copies.copy(actor, eventId, body);
  }

  /** draft → published → closed → completed, or cancelled (cancels every booking). */
  @Post(':eventId/status')
  @HttpCode(200)
  @Roles(Role.Organiser)
  changeStatus(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string, @Body() body: ChangeEventStatusDto) {
    return this.events.changeStatus(actor, eventId, body);
  }
}
