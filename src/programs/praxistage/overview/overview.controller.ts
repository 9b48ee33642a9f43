import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '../../../common/identity/actor';
import { CurrentActor, Roles } from '../../../auth/auth.decorators';
import { Role } from '../../../common/identity/role';
import { UuidParam } from '../../../common/http/uuid-param.pipe';
import { WholeNumber } from '../../../common/validation/rules';
import { YearOverviewService } from './year-overview.service';

export class PlanCQuery {
  /** Phases starting within this many days (default 14) or running. */
  @WholeNumber(0, 365, { optional: true })
  withinDays?: number;
}

export class PhaseQuery {
  @WholeNumber(1, 4, { optional: true })
  phase?: number;
}

/** Nobody falls through: where every pupil stands, the Plan C list, free places, fields wanted and offered, outcomes. */
@ApiTags('praxistage-year')
@Controller('api/v1/praxistage/years/:eventId')
export class OverviewController {
  constructor(private readonly overview: YearOverviewService) {}

  /** A school: its classes, pupils and their standing per phase. */
  @Get('classes')
  @Roles(Role.SchoolMember)
  classes(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string) {
    return this.overview.school(actor, eventId);
  }

  /** Organiser and partners: every school per phase. */
  @Get('schools')
  @Roles(Role.Organiser, Role.Partner)
  schools(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string) {
    return this.overview.schools(actor, eventId);
  }

  /** Pupils without a place in a phase that starts within two weeks or is running (a school sees its own). */
  @Get('plan-c')
  @Roles(Role.Organiser, Role.Partner, Role.SchoolMember)
  planC(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string, @Query() query: PlanCQuery) {
    return this.overview.planC(actor, eventId, query.withinDays);
  }

  @Get('free-places')
  @Roles(Role.Organiser, Role.Partner, Role.SchoolMember)
  freePlaces(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string, @Query() query: PhaseQuery) {
    return this.overview.freePlaces(actor, eventId, query.phase);
  }

  @Get('fields')
  @Roles(Role.Organiser, Role.Partner)
  fields(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string) {
    return this.overview.fields(actor, eventId);
  }

  @Get('outcomes')
  @Roles(Role.Organiser, Role.Partner)
  outcomes(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string) {
    return this.overview.outcomes(actor, eventId);
  }
}
