import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor } from '../../../common/identity/actor';
import { CurrentActor, Roles } from '../../../auth/auth.decorators';
import { Role } from '../../../common/identity/role';
import { UuidParam } from '../../../common/http/uuid-param.pipe';
import { BookingRoute } from '../../../bookings/idempotency/booking-route';
import { Idempotency, IdempotencyRequest } from '../../../bookings/idempotency/idempotency';
import { ClassWishesDto, CommitProposalDto, CompanyAvailabilityDto, DayPlanRunDto, PinDto, ProposeDto } from './day-plan.dto';
import { DayPlanCommitService } from './day-plan-commit.service';
import { DayPlanProposalsService } from './day-plan-proposals.service';
import { DayPlanWishesService } from './day-plan-wishes.service';

const { Organiser: O, Partner: P, CompanyMember: C, SchoolMember: S } = Role;

/**
 * Schule trifft Wirtschaft: the day plan from wishes. Classes' wishes and companies'
 * availability in; a proposed grid out, which the host school pins, solves again and books.
 * Asking for a proposal answers 202 at once with the run that solves it; the run is read
 * until it is done, and its proposal is then the open one.
 */
@ApiTags('schule-trifft-wirtschaft')
@Controller('api/v1/events/:eventId')
export class DayPlanController {
  constructor(
    private readonly wishes: DayPlanWishesService,
    private readonly proposals: DayPlanProposalsService,
    private readonly commits: DayPlanCommitService,
  ) {}

  /** Every class's sessions and ranked wishes, every registered company's teams, periods and room need. */
  @Get('day-plan/wishes')
  @Roles(O, P, S)
  overview(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string) {
    return this.wishes.overview(actor, eventId);
  }

  /** A class's number of sessions and whom it wants to meet, the most wanted first (host school). */
  @Put('classes/:eventClassId/wishes')
  @Roles(O, S)
  setClassWishes(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string, @Param('eventClassId', UuidParam) eventClassId: string, @Body() body: ClassWishesDto) {
    return this.wishes.setClassWishes(actor, eventId, eventClassId, body);
  }

  /** The company's own teams, periods and room need for the day. */
  @Get('day-plan/availability')
  @Roles(C)
  ownAvailability(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string) {
    return this.wishes.ownAvailability(actor, eventId);
  }

  @Put('day-plan/availability')
  @Roles(C)
  setOwnAvailability(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string, @Body() body: CompanyAvailabilityDto) {
    return this.wishes.setOwnAvailability(actor, eventId, body);
  }

  /** The open proposal (or the last one booked), with its grid, solver figures and what it could not do. */
  @Get('day-plan/proposals/current')
  @Roles(O, P, S)
  current(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string) {
    return this.proposals.current(actor, eventId);
  }

  /**
   * Asks for a new proposal: 202 with the run at once, which solves the day (around the pins of
   * the open proposal) in the background and makes the result the open proposal. While a run of
   * the day is going, answers that one. Pins and commit wait until it is done.
   */
  @Post('day-plan/proposals')
  @Roles(O, S)
  @HttpCode(202)
  @ApiAcceptedResponse({ type: DayPlanRunDto, description: 'The run, queued or running: read it at day-plan/runs/latest until it is done.' })
  propose(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string, @Body() body: ProposeDto): Promise<DayPlanRunDto> {
    return this.proposals.propose(actor, eventId, body);
  }

  /** The newest run of the day: queued or running, done with the solver's figures and its proposal's id, or failed. */
  @Get('day-plan/runs/latest')
  @Roles(O, P, S)
  @ApiOkResponse({ type: DayPlanRunDto, description: 'The newest run; 404 before the first one.' })
  latestRun(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string): Promise<DayPlanRunDto> {
    return this.proposals.latestRun(actor, eventId);
  }

  /** Pins a cell of the open proposal to a company (and room), or moves one there; refused naming the rule it breaks. */
  @Put('day-plan/proposals/current/pins')
  @Roles(O, S)
  pin(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string, @Body() body: PinDto) {
    return this.proposals.pin(actor, eventId, body);
  }

  @Delete('day-plan/proposals/current/pins/:eventClassId/:periodId')
  @Roles(O, S)
  unpin(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string, @Param('eventClassId', UuidParam) eventClassId: string, @Param('periodId', UuidParam) periodId: string) {
    return this.proposals.unpin(actor, eventId, eventClassId, periodId);
  }

  /**
   * Books every cell of the proposal in one transaction. When the day changed since, nothing is
   * booked and the refusal (day_plan_proposal_stale) lists in `conflicts` each cell that can no
   * longer be booked: its class, period, company and room, and the rule it breaks.
   */
  @BookingRoute('day-plan/proposals/current/commit', O, S)
  commit(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string, @Body() body: CommitProposalDto, @Idempotency() request: IdempotencyRequest) {
    return this.commits.commit(actor, eventId, body, request);
  }
}
