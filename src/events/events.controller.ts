import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Actor } from '../auth/actor';
import { CurrentActor, Public, Roles } from '../auth/auth.decorators';
import { Role } from '../auth/role';
import { UuidParam } from '../common/http/uuid-param.pipe';
import { ChangeEventStatusDto, CreateEventDto, EventListQuery, UpdateEventDto } from './dto/event.dto';
import { EventsService } from './events.service';

@ApiTags('events')
@Controller('api/v1/events')
export class EventsController {
  constructor(private readonly events: EventsService) {}

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

  /** draft → published → closed → completed, or cancelled (cancels every booking). */
  @Post(':eventId/status')
  @HttpCode(200)
  @Roles(Role.Organiser)
  changeStatus(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string, @Body() body: ChangeEventStatusDto) {
    return this.events.changeStatus(actor, eventId, body);
  }
}
