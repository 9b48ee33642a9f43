import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Actor } from '../../common/identity/actor';
import { CurrentActor, Roles } from '../../auth/auth.decorators';
import { Role } from '../../common/identity/role';
import { UuidParam } from '../../common/http/uuid-param.pipe';
import { ClassVisitDto, StandApplicationDto } from './dto/handwerkertag.dto';
import { HandwerkertagService } from './handwerkertag.service';
import { Idempotency, IdempotencyRequest } from '../../bookings/idempotency/idempotency';
import { IDEMPOTENCY_HEADER_DOC } from '../../bookings/idempotency/idempotency-doc';
import { respond } from '../../bookings/idempotency/respond';

@ApiTags('handwerkertag')
@ApiHeader(IDEMPOTENCY_HEADER_DOC)
@Controller('api/v1/events/:eventId')
export class HandwerkertagController {
  constructor(private readonly handwerkertag: HandwerkertagService) {}

  /** A company applies for a stand (pending until the organiser confirms with a stand number). */
  @Post('stand-applications')
  @Roles(Role.CompanyMember)
  async applyForStand(
    @CurrentActor() actor: Actor,
    @Param('eventId', UuidParam) eventId: string,
    @Body() body: StandApplicationDto,
    @Idempotency() request: IdempotencyRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    return respond(res, await this.handwerkertag.applyForStand(actor, eventId, body, request));
  }

  /** A school books a visiting time slot for one of its classes. */
  @Post('class-visits')
  @Roles(Role.SchoolMember)
  async bookClassVisit(
    @CurrentActor() actor: Actor,
    @Param('eventId', UuidParam) eventId: string,
    @Body() body: ClassVisitDto,
    @Idempotency() request: IdempotencyRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    return respond(res, await this.handwerkertag.bookClassVisit(actor, eventId, body, request));
  }
}
