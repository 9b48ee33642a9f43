import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Actor } from '../../common/identity/actor';
import { CurrentActor, Public, Roles } from '../../auth/auth.decorators';
import { Role } from '../../common/identity/role';
import { UuidParam } from '../../common/http/uuid-param.pipe';
import { CreateTimeSlotDto, UpdateTimeSlotDto } from './dto/time-slot.dto';
import { TimeSlotsService } from './time-slots.service';

/** Handwerkertag: visiting time slots with their free places. */
@ApiTags('handwerkertag')
@Controller('api/v1/events/:eventId/time-slots')
export class TimeSlotsController {
  constructor(private readonly slots: TimeSlotsService) {}

  @Get()
  @Public()
  list(@Req() req: Request, @Param('eventId', UuidParam) eventId: string) {
    return this.slots.list(req.actor, eventId);
  }

  @Post()
  @Roles(Role.Organiser)
  create(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string, @Body() body: CreateTimeSlotDto) {
    return this.slots.create(actor, eventId, body);
  }

  @Patch(':slotId')
  @Roles(Role.Organiser)
  update(
    @CurrentActor() actor: Actor,
    @Param('eventId', UuidParam) eventId: string,
    @Param('slotId', UuidParam) slotId: string,
    @Body() body: UpdateTimeSlotDto,
  ) {
    return this.slots.update(actor, eventId, slotId, body);
  }

  @Delete(':slotId')
  @HttpCode(204)
  @Roles(Role.Organiser)
  remove(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string, @Param('slotId', UuidParam) slotId: string) {
    return this.slots.remove(actor, eventId, slotId);
  }
}
