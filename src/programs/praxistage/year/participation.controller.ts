import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '../../../common/identity/actor';
import { CurrentActor, Roles } from '../../../auth/auth.decorators';
import { Role } from '../../../common/identity/role';
import { UuidParam } from '../../../common/http/uuid-param.pipe';
import { AddParticipantsDto, IssueCodesDto, ParticipationDto, UpdateParticipantDto } from './year.dto';
import { ParticipationService } from './participation.service';

/** A school in a Praxistage year: its weekday, its pupils and their access codes (the school's own only). */
@ApiTags('praxistage-year')
@Controller('api/v1/praxistage/years/:eventId')
@Roles(Role.SchoolMember)
export class ParticipationController {
  constructor(private readonly participation: ParticipationService) {}

  @Get('participation')
  get(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string) {
    return this.participation.participation(actor, eventId);
  }

  /** Takes part with a weekday (and other weekdays for single classes). */
  @Put('participation')
  set(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string, @Body() body: ParticipationDto) {
    return this.participation.setParticipation(actor, eventId, body);
  }

  @Get('participants')
  participants(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string) {
    return this.participation.participants(actor, eventId);
  }

  @Post('participants')
  @HttpCode(200)
  add(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string, @Body() body: AddParticipantsDto) {
    return this.participation.add(actor, eventId, body);
  }

  @Patch('participants/:pupilId')
  update(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string, @Param('pupilId', UuidParam) pupilId: string, @Body() body: UpdateParticipantDto) {
    return this.participation.update(actor, eventId, pupilId, body);
  }

  @Delete('participants/:pupilId')
  @HttpCode(204)
  remove(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string, @Param('pupilId', UuidParam) pupilId: string) {
    return this.participation.remove(actor, eventId, pupilId);
  }

  /** New personal codes for a class or single pupils; the answer is the letter, the only time the codes are shown. */
  @Post('codes')
  @HttpCode(200)
  codes(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string, @Body() body: IssueCodesDto) {
    return this.participation.issueCodes(actor, eventId, body);
  }

  @Delete('participants/:pupilId/code')
  @HttpCode(204)
  revoke(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string, @Param('pupilId', UuidParam) pupilId: string) {
    return this.participation.revokeCode(actor, eventId, pupilId);
  }
}
