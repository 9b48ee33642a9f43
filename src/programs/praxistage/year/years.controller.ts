import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '../../../common/identity/actor';
import { CurrentActor, Roles } from '../../../auth/auth.decorators';
import { Role } from '../../../common/identity/role';
import { UuidParam } from '../../../common/http/uuid-param.pipe';
import { NotFoundError } from '../../../common/errors/domain-error';
import { CreateYearDto, UpdatePhaseDto, UpdateYearDto } from './year.dto';
import { YearsService } from './years.service';

/** Praxistage years (Durchgänge) with their four phases. */
@ApiTags('praxistage-year')
@Controller('api/v1/praxistage/years')
export class YearsController {
  constructor(private readonly years: YearsService) {}

  /** The organiser creates a year; without phases they are proposed from the school holidays. It starts as a draft. */
  @Post()
  @Roles(Role.Organiser)
  create(@CurrentActor() actor: Actor, @Body() body: CreateYearDto) {
    return this.years.create(actor, body);
  }

  @Get()
  list(@CurrentActor() actor: Actor) {
    return this.years.list(actor);
  }

  @Get(':eventId')
  get(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string) {
    return this.years.get(actor, eventId);
  }

  @Patch(':eventId')
  @Roles(Role.Organiser)
  update(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string, @Body() body: UpdateYearDto) {
    return this.years.update(actor, eventId, body);
  }

  /** Changes a phase's days or its application window (closing it early, opening it again). */
  @Patch(':eventId/phases/:phase')
  @Roles(Role.Organiser)
  updatePhase(
    @CurrentActor() actor: Actor,
    @Param('eventId', UuidParam) eventId: string,
    @Param('phase') phase: string,
    @Body() body: UpdatePhaseDto,
  ) {
    // a year has phases 1 to 4; anything else is a phase that does not exist
    if (!/^[1-4]$/.test(phase)) throw new NotFoundError('phase');
    return this.years.updatePhase(actor, eventId, Number(phase), body);
  }
}
