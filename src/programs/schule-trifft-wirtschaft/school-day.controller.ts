import { Body, Controller, Delete, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Actor } from '../../common/identity/actor';
import { CurrentActor, Public, Roles } from '../../auth/auth.decorators';
import { Role } from '../../common/identity/role';
import { UuidParam } from '../../common/http/uuid-param.pipe';
import { AddEventClassDto, CreatePeriodDto, CreateRoomDto } from './dto/school-day.dto';
import { SchoolDayService } from './school-day.service';

const HOSTS = [Role.Organiser, Role.SchoolMember];

/** Schule trifft Wirtschaft: periods, participating classes and rooms of the day. */
@ApiTags('schule-trifft-wirtschaft')
@Controller('api/v1/events/:eventId')
export class SchoolDayController {
  constructor(private readonly schoolDay: SchoolDayService) {}

  /** The day's periods, classes and rooms. */
  @Get('layout')
  @Public()
  layout(@Req() req: Request, @Param('eventId', UuidParam) eventId: string) {
    return this.schoolDay.layout(req.actor, eventId);
  }

  @Post('periods')
  @Roles(...HOSTS)
  addPeriod(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string, @Body() body: CreatePeriodDto) {
    return this.schoolDay.addPeriod(actor, eventId, body);
  }

  @Delete('periods/:periodId')
  @HttpCode(204)
  @Roles(...HOSTS)
  removePeriod(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string, @Param('periodId', UuidParam) id: string) {
    return this.schoolDay.remove(actor, eventId, 'periods', id);
  }

  @Post('classes')
  @Roles(...HOSTS)
  addClass(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string, @Body() body: AddEventClassDto) {
    return this.schoolDay.addClass(actor, eventId, body);
  }

  @Delete('classes/:eventClassId')
  @HttpCode(204)
  @Roles(...HOSTS)
  removeClass(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string, @Param('eventClassId', UuidParam) id: string) {
    return this.schoolDay.remove(actor, eventId, 'classes', id);
  }

  @Post('rooms')
  @Roles(...HOSTS)
  addRoom(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string, @Body() body: CreateRoomDto) {
    return this.schoolDay.addRoom(actor, eventId, body);
  }

  @Delete('rooms/:roomId')
  @HttpCode(204)
  @Roles(...HOSTS)
  removeRoom(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string, @Param('roomId', UuidParam) id: string) {
    return this.schoolDay.remove(actor, eventId, 'rooms', id);
  }
}
