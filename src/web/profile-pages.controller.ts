import { Body, Controller, Get, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Actor } from '../common/identity/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { CreateInvitationDto } from '../auth/dto/invitation.dto';
import { InvitationsService } from '../auth/invitations.service';
import { Role } from '../common/identity/role';
import { CompaniesService } from '../companies/companies.service';
import { UpdateCompanyDto } from '../companies/dto/company-profile.dto';
import { MembersService } from '../organisations/members.service';
import { DISTRICTS } from '../organisations/region';
import { UpdateSchoolDto } from '../schools/dto/school-profile.dto';
import { SchoolsService } from '../schools/schools.service';
import { listOf, submitForm } from './form';
import { PageRenderer } from './page-renderer';
import { pageContext, text } from './web-context';
import { WebExceptionFilter } from './web-exception.filter';

/** A company's or school's own profile, its colleagues, and inviting more of them. */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('profil')
@Roles(Role.CompanyMember, Role.SchoolMember)
export class ProfilePagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly companies: CompaniesService,
    private readonly schools: SchoolsService,
    private readonly members: MembersService,
    private readonly invitations: InvitationsService,
  ) {}

  @Get()
  async page(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response) {
    res.send(this.pages.render('profile', await this.context(actor, req, res, {})));
  }

  @Post()
  async save(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Body() body: Record<string, string>) {
    const isCompany = actor.role === Role.CompanyMember;
    await submitForm<UpdateCompanyDto | UpdateSchoolDto>(res, actor.locale, {
      dto: isCompany ? UpdateCompanyDto : UpdateSchoolDto,
      input: isCompany ? { ...body, apprenticeships: listOf(body.apprenticeships), website: body.website || undefined } : body,
      view: async (shown) => this.pages.render('profile', await this.context(actor, req, res, { values: body, ...shown })),
      then: async (value) => {
        if (isCompany) await this.companies.update(actor, actor.companyId!, value as UpdateCompanyDto);
        else await this.schools.update(actor, actor.schoolId!, value as UpdateSchoolDto);
        return '/profil?ok=saved';
      },
    });
  }
  @Post('einladen')
  async invite(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Body() body: Record<string, string>) {
    await submitForm(res, actor.locale, {
      dto: CreateInvitationDto,
      input: { email: body.email },
      view: async ({ errors, problem }) => this.pages.render('profile', await this.context(actor, req, res, { inviteValues: body, inviteErrors: errors, problem })),
      then: async (value) => {
        await this.invitations.create(actor, value);
        return '/profil?ok=invited';
      },
    });
  }
  private async context(actor: Actor, req: Request, res: Response, extra: Record<string, unknown>) {
    const isCompany = actor.role === Role.CompanyMember;
    const organisation = isCompany ? await this.companies.get(actor, actor.companyId!) : await this.schools.get(actor, actor.schoolId!);
    const values = { ...organisation, apprenticeships: isCompany ? (organisation as { apprenticeships: string[] }).apprenticeships.join(', ') : undefined };
    return pageContext(req, res, text(actor.locale, 'nav.profile'), {
      section: 'profile',
      organisation,
      isCompanyForm: isCompany,
      values,
      districts: Object.entries(DISTRICTS).map(([value, label]) => ({ value, label })),
      colleagues: await this.members.list(actor, isCompany ? 'company' : 'school', organisation.id),
      invitations: await this.invitations.list(actor),
      inviteValues: {},
      ...extra,
    });
  }
}
