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
import { CompaniesService } from './companies.service';
import { CompanyListQuery } from './dto/company-list.query';
import { UpdateCompanyDto } from './dto/company-profile.dto';

@ApiTags('companies')
@Controller('api/v1/companies')
export class CompaniesController {
  constructor(
    private readonly companies: CompaniesService,
    private readonly decisions: OrganisationDecisionsService,
    private readonly members: MembersService,
  ) {}

  /** Organisers and partners: list, search and filter companies. */
  @Get()
  @Roles(Role.Organiser, Role.Partner)
  list(@CurrentActor() actor: Actor, @Query() query: CompanyListQuery) {
    return this.companies.list(actor, query);
  }

  @Get(':companyId')
  get(@CurrentActor() actor: Actor, @Param('companyId', UuidParam) companyId: string) {
    return this.companies.get(actor, companyId);
  }

  /** Members keep their own profile; organisers may correct any. */
  @Patch(':companyId')
  @Roles(Role.Organiser, Role.CompanyMember)
  update(@CurrentActor() actor: Actor, @Param('companyId', UuidParam) companyId: string, @Body() body: UpdateCompanyDto) {
    return this.companies.update(actor, companyId, body);
  }

  @Get(':companyId/members')
  listMembers(@CurrentActor() actor: Actor, @Param('companyId', UuidParam) companyId: string) {
    return this.members.list(actor, 'company', companyId);
  }

  /** Organisers: the member can no longer log in; sessions and API tokens end at once. */
  @Post(':companyId/members/:userId/deactivate')
  @HttpCode(200)
  @Roles(Role.Organiser)
  deactivateMember(
    @CurrentActor() actor: Actor,
    @Param('companyId', UuidParam) companyId: string,
    @Param('userId', UuidParam) userId: string,
    @Body() body: MemberAccessDto,
  ) {
    return this.members.deactivate(actor, 'company', companyId, userId, body.reason);
  }

  /** Organisers: the member may log in again with the own password. */
  @Post(':companyId/members/:userId/reactivate')
  @HttpCode(200)
  @Roles(Role.Organiser)
  reactivateMember(
    @CurrentActor() actor: Actor,
    @Param('companyId', UuidParam) companyId: string,
    @Param('userId', UuidParam) userId: string,
    @Body() body: MemberAccessDto,
  ) {
    return this.members.reactivate(actor, 'company', companyId, userId, body.reason);
  }

  @Post(':companyId/approve')
  @HttpCode(200)
  @Roles(Role.Organiser)
  approve(@CurrentActor() actor: Actor, @Param('companyId', UuidParam) companyId: string) {
    return this.decisions.approve(actor, 'company', companyId);
  }

  @Post(':companyId/reject')
  @HttpCode(200)
  @Roles(Role.Organiser)
  reject(
    @CurrentActor() actor: Actor,
    @Param('companyId', UuidParam) companyId: string,
    @Body() body: RejectOrganisationDto,
  ) {
    return this.decisions.reject(actor, 'company', companyId, body.reason ?? null);
  }
}
