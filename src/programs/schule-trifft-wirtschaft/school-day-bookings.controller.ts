import { Body, Controller, Get, Param, Query, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Actor } from '../../common/identity/actor';
import { CurrentActor, Public } from '../../auth/auth.decorators';
import { Role } from '../../common/identity/role';
import { UuidParam } from '../../common/http/uuid-param.pipe';
import { RegistrationListQuery, SessionDto } from './dto/school-day-booking.dto';
import { Idempotency, IdempotencyRequest } from '../../bookings/idempotency/idempotency';
import { BookingRoute } from '../../bookings/idempotency/booking-route';
import { SchoolDayBookingsService } from './school-day-bookings.service';

@ApiTags('schule-trifft-wirtschaft')
@Controller('api/v1/events/:eventId')
export class SchoolDayBookingsController {
  constructor(private readonly schoolDay: SchoolDayBookingsService) {}

  /** A company registers for the day. */
  @BookingRoute('registrations', Role.CompanyMember)
  register(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string, @Idempotency() request: IdempotencyRequest) {
    return this.schoolDay.register(actor, eventId, request);
  }

  /** Registered companies (host school, organisers, partners), filterable by branch. */
  @Get('registrations')
  registrations(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string, @Query() query: RegistrationListQuery) {
    return this.schoolDay.registrations(actor, eventId, query);
  }

  /** Books a session: one company in one class during one period. */
  @BookingRoute('sessions', Role.Organiser, Role.CompanyMember, Role.SchoolMember)
  bookSession(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string, @Body() body: SessionDto, @Idempotency() request: IdempotencyRequest) {
    return this.schoolDay.bookSession(actor, eventId, body, request);
  }

  /** The session grid: periods × classes with the company in each cell. */
  @Get('grid')
  @Public()
  grid(@Req() req: Request, @Param('eventId', UuidParam) eventId: string) {
    return this.schoolDay.grid(req.actor, eventId);
  }
}
