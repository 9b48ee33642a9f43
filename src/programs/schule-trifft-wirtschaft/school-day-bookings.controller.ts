import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Actor } from '../../common/identity/actor';
import { CurrentActor, Public, Roles } from '../../auth/auth.decorators';
import { Role } from '../../common/identity/role';
import { UuidParam } from '../../common/http/uuid-param.pipe';
import { RegistrationListQuery, SessionDto } from './dto/school-day-booking.dto';
import { Idempotency, IdempotencyRequest } from '../../bookings/idempotency/idempotency';
import { IDEMPOTENCY_HEADER_DOC } from '../../bookings/idempotency/idempotency-doc';
import { respond } from '../../bookings/idempotency/respond';
import { SchoolDayBookingsService } from './school-day-bookings.service';

@ApiTags('schule-trifft-wirtschaft')
@Controller('api/v1/events/:eventId')
export class SchoolDayBookingsController {
  constructor(private readonly schoolDay: SchoolDayBookingsService) {}

  /** A company registers for the day. */
  @Post('registrations')
  @ApiHeader(IDEMPOTENCY_HEADER_DOC)
  @Roles(Role.CompanyMember)
  async register(
    @CurrentActor() actor: Actor,
    @Param('eventId', UuidParam) eventId: string,
    @Idempotency() request: IdempotencyRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    return respond(res, await this.schoolDay.register(actor, eventId, request));
  }

  /** Registered companies (host school, organisers, partners), filterable by branch. */
  @Get('registrations')
  registrations(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string, @Query() query: RegistrationListQuery) {
    return this.schoolDay.registrations(actor, eventId, query);
  }

  /** Books a session: one company in one class during one period. */
  @Post('sessions')
  @ApiHeader(IDEMPOTENCY_HEADER_DOC)
  @Roles(Role.Organiser, Role.CompanyMember, Role.SchoolMember)
  async bookSession(
    @CurrentActor() actor: Actor,
    @Param('eventId', UuidParam) eventId: string,
    @Body() body: SessionDto,
    @Idempotency() request: IdempotencyRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    return respond(res, await this.schoolDay.bookSession(actor, eventId, body, request));
  }

  /** The session grid: periods × classes with the company in each cell. */
  @Get('grid')
  @Public()
  grid(@Req() req: Request, @Param('eventId', UuidParam) eventId: string) {
    return this.schoolDay.grid(req.actor, eventId);
  }
}
