import { Body, Controller, Get, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Actor } from '../common/identity/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { CreateInvitationDto } from '../auth/dto/invitation.dto';
import { InvitationsService } from '../auth/invitations.service';
import { Role } from '../common/identity/role';
import { DomainError } from '../common/errors/domain-error';
import { CompaniesService } from '../companies/companies.service';
import { UpdateCompanyDto } from '../companies/dto/company-profile.dto';
import { MembersService } from '../organisations/members.service';
import { DISTRICTS } from '../organisations/region';
import { UpdateSchoolDto } from '../schools/dto/school-profile.dto';
import { SchoolsService } from '../schools/schools.service';
import { listOf, problemOf, readForm } from './form';
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
    const input = isCompany ? { ...body, apprenticeships: listOf(body.apprenticeships), website: body.website || undefined } : body;
    const form = await readForm<UpdateCompanyDto | UpdateSchoolDto>(isCompany ? UpdateCompanyDto : UpdateSchoolDto, input, actor.locale);
    const again = async (extra: Record<string, unknown>) => res.status(400).send(this.pages.render('profile', await this.context(actor, req, res, { values: body, ...extra })));
    if (!form.value) return again({ errors: form.errors });
    if (isCompany) await this.companies.update(actor, actor.companyId!, form.value as UpdateCompanyDto);
    else await this.schools.update(actor, actor.schoolId!, form.value as UpdateSchoolDto);
    res.redirect(303, '/profil?ok=saved');
  }

  @Post('einladen')
  async invite(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Body() body: Record<string, string>) {
    const form = await readForm(CreateInvitationDto, { email: body.email }, actor.locale);
    const again = async (extra: Record<string, unknown>) => res.status(400).send(this.pages.render('profile', await this.context(actor, req, res, { inviteValues: body, ...extra })));
    if (!form.value) return again({ inviteErrors: form.errors });
    try {
      await this.invitations.create(actor, form.value);
      res.redirect(303, '/profil?ok=invited');
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const problem = problemOf(error, actor.locale);
      await again({ inviteErrors: { form: true, ...problem.errors }, problem: problem.problem });
    }
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
