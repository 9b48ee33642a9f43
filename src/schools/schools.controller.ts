import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '../common/identity/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { Role } from '../common/identity/role';
import { UuidParam } from '../common/http/uuid-param.pipe';
import { MemberAccessDto } from '../organisations/dto/member-access.dto';
import { RejectOrganisationDto } from '../organisations/dto/reject-organisation.dto';
import { MembersService } from '../organisations/members.service';
import { OrganisationDecisionsService } from '../organisations/organisation-decisions.service';
import { SchoolListQuery } from './dto/school-list.query';
import { UpdateSchoolDto } from './dto/school-profile.dto';
import { SchoolsService } from './schools.service';

@ApiTags('schools')
@Controller('api/v1/schools')
export class SchoolsController {
  constructor(
    private readonly schools: SchoolsService,
    private readonly decisions: OrganisationDecisionsService,
    private readonly members: MembersService,
  ) {}

  /** Organisers and partners: list, search and filter schools. */
  @Get()
  @Roles(Role.Organiser, Role.Partner)
  list(@CurrentActor() actor: Actor, @Query() query: SchoolListQuery) {
    return this.schools.list(actor, query);
  }

  @Get(':schoolId')
  get(@CurrentActor() actor: Actor, @Param('schoolId', UuidParam) schoolId: string) {
    return this.schools.get(actor, schoolId);
  }

  @Patch(':schoolId')
  @Roles(Role.Organiser, Role.SchoolMember)
  update(@CurrentActor() actor: Actor, @Param('schoolId', UuidParam) schoolId: string, @Body() body: UpdateSchoolDto) {
    return this.schools.update(actor, schoolId, body);
  }

  @Get(':schoolId/members')
  listMembers(@CurrentActor() actor: Actor, @Param('schoolId', UuidParam) schoolId: string) {
    return this.members.list(actor, 'school', schoolId);
  }

  /** Organisers: the member can no longer log in; sessions and API tokens end at once. */
  @Post(':schoolId/members/:userId/deactivate')
  @HttpCode(200)
  @Roles(Role.Organiser)
  deactivateMember(
    @CurrentActor() actor: Actor,
    @Param('schoolId', UuidParam) schoolId: string,
    @Param('userId', UuidParam) userId: string,
    @Body() body: MemberAccessDto,
  ) {
    return this.members.deactivate(actor, 'school', schoolId, userId, body.reason);
  }

  /** Organisers: the member may log in again with the own password. */
  @Post(':schoolId/members/:userId/reactivate')
  @HttpCode(200)
  @Roles(Role.Organiser)
  reactivateMember(
    @CurrentActor() actor: Actor,
    @Param('schoolId', UuidParam) schoolId: string,
    @Param('userId', UuidParam) userId: string,
    @Body() body: MemberAccessDto,
  ) {
    return this.members.reactivate(actor, 'school', schoolId, userId, body.reason);
  }

  @Post(':schoolId/approve')
  @HttpCode(200)
  @Roles(Role.Organiser)
  approve(@CurrentActor() actor: Actor, @Param('schoolId', UuidParam) schoolId: string) {
    return this.decisions.approve(actor, 'school', schoolId);
  }

  @Post(':schoolId/reject')
  @HttpCode(200)
  @Roles(Role.Organiser)
  reject(
    @CurrentActor() actor: Actor,
    @Param('schoolId', UuidParam) schoolId: string,
    @Body() body: RejectOrganisationDto,
  ) {
    return this.decisions.reject(actor, 'school', schoolId, body.reason ?? null);
  }
}
