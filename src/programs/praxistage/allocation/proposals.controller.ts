import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '../../../common/identity/actor';
import { CurrentActor, Public, Roles } from '../../../auth/auth.decorators';
import { Role } from '../../../common/identity/role';
import { UuidParam } from '../../../common/http/uuid-param.pipe';
import { NotFoundError } from '../../../common/errors/domain-error';
import { ApplicationsService } from '../applications/applications.service';
import { CurrentPupil, PupilGuard } from '../pupil-access/pupil.guard';
import { PupilSession } from '../pupil-access/pupil-session';
import { FieldWishesService } from './field-wishes.service';
import { PhaseProposalsService } from './phase-proposals.service';
import { ProposalAcceptance } from './proposal-acceptance';
import { AskProposalDto, ChangeProposalDto, FieldWishesDto, ProposalDto } from './proposal.dto';

/** A year has phases 1 to 4; anything else is a phase that does not exist. */
const phaseNumber = (phase: string) => {
  if (!/^[1-4]$/.test(phase)) throw new NotFoundError('phase');
  return Number(phase);
};

/**
 * Proposals of places for the pupils of a phase still without one: the organiser for all
 * schools, a coordinator for the own school. Asking answers 202 at once with the run; the
 * run is read until it is done, changed line by line, and accepted.
 */
@ApiTags('praxistage-year')
@Controller('api/v1/praxistage/years/:eventId/phases/:phase/proposals')
@Roles(Role.Organiser, Role.SchoolMember)
export class ProposalsController {
  constructor(
    private readonly proposals: PhaseProposalsService,
    private readonly acceptance: ProposalAcceptance,
  ) {}

  /** Asks for a proposal; while one of this phase (and school) is running, answers that one. */
  @Post()
  @HttpCode(202)
  ask(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string, @Param('phase') phase: string, @Body() body: AskProposalDto): Promise<ProposalDto> {
    return this.proposals.ask(actor, eventId, phaseNumber(phase), body);
  }

  /** The newest proposal of this phase (and school): its progress, or its lines when done. */
  @Get()
  async latest(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string, @Param('phase') phase: string): Promise<ProposalDto> {
    const found = await this.proposals.latest(actor, eventId, phaseNumber(phase));
    if (!found) throw new NotFoundError('proposal');
    return found;
  }

  @Get(':runId')
  get(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string, @Param('phase') phase: string, @Param('runId', UuidParam) runId: string): Promise<ProposalDto> {
    return this.proposals.get(actor, eventId, phaseNumber(phase), runId);
  }

  /** Changes single lines: another Steckbrief for a pupil, or `offerId: null` to leave the pupil out. */
  @Patch(':runId')
  change(
    @CurrentActor() actor: Actor,
    @Param('eventId', UuidParam) eventId: string,
    @Param('phase') phase: string,
    @Param('runId', UuidParam) runId: string,
    @Body() body: ChangeProposalDto,
  ): Promise<ProposalDto> {
    return this.proposals.changeLines(actor, eventId, phaseNumber(phase), runId, body);
  }

  /**
   * Sends each line to its company (or places the pupil where the company takes pupils directly); all or nothing.
   * A proposal gone stale books nothing: the refusal (proposal_stale) lists in `conflicts` each line that can no
   * longer be sent, by pupil and Steckbrief, with the rule it now breaks.
   */
  @Post(':runId/accept')
  @HttpCode(200)
  accept(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string, @Param('phase') phase: string, @Param('runId', UuidParam) runId: string): Promise<ProposalDto> {
    return this.acceptance.accept(actor, eventId, phaseNumber(phase), runId);
  }
}

/** Ranked occupational-field wishes (up to 3): the pupil's own, or set by the school for the pupil. */
@ApiTags('praxistage-year')
@Controller('api/v1')
export class FieldWishesController {
  constructor(
    private readonly wishes: FieldWishesService,
    private readonly applications: ApplicationsService,
  ) {}

  @Put('praxistage/years/:eventId/participants/:pupilId/field-wishes')
  @Roles(Role.SchoolMember)
  async setFor(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string, @Param('pupilId', UuidParam) pupilId: string, @Body() body: FieldWishesDto) {
    return this.wishes.set(await this.applications.pupilOfSchool(actor, eventId, pupilId), body.fields);
  }

  @Get('pupil/field-wishes')
  @Public()
  @UseGuards(PupilGuard)
  mine(@CurrentPupil() pupil: PupilSession) {
    return this.wishes.of(pupil);
  }

  @Put('pupil/field-wishes')
  @Public()
  @UseGuards(PupilGuard)
  setMine(@CurrentPupil() pupil: PupilSession, @Body() body: FieldWishesDto) {
    return this.wishes.set(pupil, body.fields);
  }
}
