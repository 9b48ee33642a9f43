import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '../../common/identity/actor';
import { CurrentActor, Roles } from '../../auth/auth.decorators';
import { Role } from '../../common/identity/role';
import { invalidField } from '../../common/errors/domain-error';
import { UuidParam } from '../../common/http/uuid-param.pipe';
import { isCalendarDate } from '../../common/validation/rules';
import { PlacementDto, PlacementExceptionDto } from './dto/placement.dto';
import { Idempotency, IdempotencyRequest } from '../../bookings/idempotency/idempotency';
import { BookingRoute } from '../../bookings/idempotency/booking-route';
import { PlacementsService } from './placements.service';

@ApiTags('praxistage')
@Controller('api/v1')
export class PlacementsController {
  constructor(private readonly placements: PlacementsService) {}

  /** A school places a pupil on one weekday of an offer for the term (weekly series). */
  @BookingRoute('events/:eventId/placements', Role.SchoolMember)
  book(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string, @Body() body: PlacementDto, @Idempotency() request: IdempotencyRequest) {
    return this.placements.book(actor, eventId, body, request);
  }

  /** The computed practice days, and the days left out (public holiday, school holidays, cancelled). */
  @Get('bookings/:bookingId/dates')
  dates(@CurrentActor() actor: Actor, @Param('bookingId', UuidParam) bookingId: string) {
    return this.placements.dates(actor, bookingId);
  }

  /** The school or the company cancels a single practice day (pupil ill, school event). */
  @Post('bookings/:bookingId/cancelled-days')
  @Roles(Role.Organiser, Role.CompanyMember, Role.SchoolMember)
  cancelDay(@CurrentActor() actor: Actor, @Param('bookingId', UuidParam) bookingId: string, @Body() body: PlacementExceptionDto) {
    return this.placements.cancelDay(actor, bookingId, body);
  }

  @Delete('bookings/:bookingId/cancelled-days/:date')
  @Roles(Role.Organiser, Role.CompanyMember, Role.SchoolMember)
  restoreDay(@CurrentActor() actor: Actor, @Param('bookingId', UuidParam) bookingId: string, @Param('date') date: string) {
    if (!isCalendarDate(date)) throw invalidField('date', 'date', 'matches'); // 2026-02-30 too
    return this.placements.restoreDay(actor, bookingId, date);
  }
}
