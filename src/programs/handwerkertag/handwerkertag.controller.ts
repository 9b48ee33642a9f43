import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '../../common/identity/actor';
import { CurrentActor, Roles } from '../../auth/auth.decorators';
import { Role } from '../../common/identity/role';
import { UuidParam } from '../../common/http/uuid-param.pipe';
import { ClassVisitDto, MoveClassVisitDto, StandApplicationDto } from './dto/handwerkertag.dto';
import { HandwerkertagService } from './handwerkertag.service';
import { Idempotency, IdempotencyRequest } from '../../bookings/idempotency/idempotency';
import { BookingRoute } from '../../bookings/idempotency/booking-route';

@ApiTags('handwerkertag')
@Controller('api/v1/events/:eventId')
export class HandwerkertagController {
  constructor(private readonly handwerkertag: HandwerkertagService) {}

  /** A company applies for a stand (pending until the organiser confirms with a stand number). */
  @BookingRoute('stand-applications', Role.CompanyMember)
  applyForStand(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string, @Body() body: StandApplicationDto, @Idempotency() request: IdempotencyRequest) {
    return this.handwerkertag.applyForStand(actor, eventId, body, request);
  }

  /** The organiser moves a class visit to another time slot (refused, the old place kept, where the slot is full). */
  @Post('class-visits/:bookingId/move')
  @HttpCode(200)
  @Roles(Role.Organiser)
  moveClassVisit(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string, @Param('bookingId', UuidParam) bookingId: string, @Body() body: MoveClassVisitDto) {
    return this.handwerkertag.moveClassVisit(actor, eventId, bookingId, body);
  }

  /** A school books a visiting time slot for one of its classes. */
  @BookingRoute('class-visits', Role.SchoolMember)
  bookClassVisit(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string, @Body() body: ClassVisitDto, @Idempotency() request: IdempotencyRequest) {
    return this.handwerkertag.bookClassVisit(actor, eventId, body, request);
  }
}
