import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { sendCalendar } from '../calendar/calendar-response';
import { Actor } from '../common/identity/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { Role } from '../common/identity/role';
import { UuidParam } from '../common/http/uuid-param.pipe';
import { BookingsService } from './bookings.service';
import { BookingListQuery, ConfirmBookingDto, ReasonDto } from './dto/booking-actions.dto';

@ApiTags('bookings')
@Controller('api/v1/bookings')
export class BookingsController {
  constructor(private readonly bookings: BookingsService) {}

  /** The own organisation's bookings (organisers and partners: all, or one company's or school's), newest first. */
  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: BookingListQuery) {
    return this.bookings.list(actor, query);
  }

  @Get(':bookingId')
  get(@CurrentActor() actor: Actor, @Param('bookingId', UuidParam) bookingId: string) {
    return this.bookings.get(actor, bookingId);
  }

  /** The booking as a calendar entry to download (a placement: one recurring entry). */
  @Get(':bookingId/calendar.ics')
  @ApiProduces('text/calendar')
  async calendar(@CurrentActor() actor: Actor, @Param('bookingId', UuidParam) bookingId: string, @Req() req: Request, @Res() res: Response) {
    const { body, lastModified } = await this.bookings.calendar(actor, bookingId);
    sendCalendar(req, res, body, lastModified, `buchung-${bookingId}.ics`);
  }

  @Get(':bookingId/history')
  history(@CurrentActor() actor: Actor, @Param('bookingId', UuidParam) bookingId: string) {
    return this.bookings.history(actor, bookingId);
  }

  @Post(':bookingId/confirm')
  @HttpCode(200)
  @Roles(Role.Organiser)
  confirm(@CurrentActor() actor: Actor, @Param('bookingId', UuidParam) bookingId: string, @Body() body: ConfirmBookingDto) {
    return this.bookings.confirm(actor, bookingId, body);
  }

  @Post(':bookingId/reject')
  @HttpCode(200)
  @Roles(Role.Organiser)
  reject(@CurrentActor() actor: Actor, @Param('bookingId', UuidParam) bookingId: string, @Body() body: ReasonDto) {
    return this.bookings.reject(actor, bookingId, body.reason);
  }

  @Post(':bookingId/cancel')
  @HttpCode(200)
  @Roles(Role.Organiser, Role.CompanyMember, Role.SchoolMember)
  cancel(@CurrentActor() actor: Actor, @Param('bookingId', UuidParam) bookingId: string, @Body() body: ReasonDto) {
    return this.bookings.cancel(actor, bookingId, body.reason);
  }
}
