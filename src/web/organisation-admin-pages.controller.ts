import { Body, Controller, Get, OnModuleInit, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AuditService } from '../audit/audit.service';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { BookingsService } from '../bookings/bookings.service';
import { BookingOccasions, describeTiming } from '../calendar/booking-occasion';
import { NotFoundError } from '../common/errors/domain-error';
import { UuidParam } from '../common/http/uuid-param.pipe';
import { Actor } from '../common/identity/actor';
import { Role } from '../common/identity/role';
import { CompaniesService } from '../companies/companies.service';
import { UpdateCompanyDto } from '../companies/dto/company-profile.dto';
import { MemberAccessDto } from '../organisations/dto/member-access.dto';
import { MembersService } from '../organisations/members.service';
import { OrganisationKind } from '../organisations/organisation-status';
import { DISTRICTS, SCHOOL_TYPES } from '../organisations/region';
import { UpdateSchoolDto } from '../schools/dto/school-profile.dto';
import { SchoolsService } from '../schools/schools.service';
import { listOf, submitForm } from './form';
import { registerTexts } from './i18n/texts';
import { ORGANISATION_PAGE_TEXTS } from './i18n/organisation-texts';
import { AuditEntry, historyLine } from './organisation-history';
import { PageRenderer } from './page-renderer';
import { pager, PAGE_ROWS, requestedPage } from './paging';
import { pageContext, text } from './web-context';
import { WebExceptionFilter } from './web-exception.filter';

/** The path word of each kind, as the list's filter says it. */
const KINDS: Record<string, OrganisationKind> = { unternehmen: 'company', schulen: 'school' };
const STEPS = ['deaktivieren', 'reaktivieren'] as const;
type Step = (typeof STEPS)[number];
/** The newest entries of the history the page shows; the full log is the audit API's. */
const HISTORY_ROWS = 50;

/**
 * One company or school for organisers (partners read): its profile, which an organiser can
 * correct with the API's own update rules, its members and their access, its bookings and
 * its history. Deactivating or reactivating a member asks first, on a page of its own.
 */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('verwaltung/organisationen/:kind/:id')
export class OrganisationAdminPagesController implements OnModuleInit {
  constructor(
    private readonly pages: PageRenderer,
    private readonly companies: CompaniesService,
    private readonly schools: SchoolsService,
    private readonly members: MembersService,
    private readonly bookings: BookingsService,
    private readonly occasions: BookingOccasions,
    private readonly audit: AuditService,
  ) {}

  onModuleInit() {
    registerTexts(ORGANISATION_PAGE_TEXTS);
  }

  @Get()
  @Roles(Role.Organiser, Role.Partner)
  async page(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('kind') word: string, @Param('id', UuidParam) id: string) {
    res.send(this.pages.render('admin-organisation', await this.context(actor, req, res, kindOf(word), id, {})));
  }

  @Post()
  @Roles(Role.Organiser)
  async save(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('kind') word: string, @Param('id', UuidParam) id: string, @Body() body: Record<string, string>) {
    const kind = kindOf(word);
    await submitForm<UpdateCompanyDto | UpdateSchoolDto>(res, actor.locale, {
      dto: kind === 'company' ? UpdateCompanyDto : UpdateSchoolDto,
      // an emptied website field takes the website off the profile
      input: kind === 'company' ? { ...body, apprenticeships: listOf(body.apprenticeships), website: body.website || null } : body,
      view: async (shown) => this.pages.render('admin-organisation', await this.context(actor, req, res, kind, id, { values: body, ...shown })),
      then: async (value) => {
        if (kind === 'company') await this.companies.update(actor, id, value as UpdateCompanyDto);
        else await this.schools.update(actor, id, value as UpdateSchoolDto);
        return `/verwaltung/organisationen/${word}/${id}?ok=saved`;
      },
    });
  }

  @Get('mitglieder/:userId/:step')
  @Roles(Role.Organiser)
  async confirm(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('kind') word: string, @Param('id', UuidParam) id: string, @Param('userId', UuidParam) userId: string, @Param('step') step: string) {
    res.send(this.pages.render('admin-member-access', await this.accessContext(actor, req, res, kindOf(word), id, userId, stepOf(step), {})));
  }

  @Post('mitglieder/:userId/:step')
  @Roles(Role.Organiser)
  async changeAccess(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('kind') word: string, @Param('id', UuidParam) id: string, @Param('userId', UuidParam) userId: string, @Param('step') step: string, @Body() body: Record<string, string>) {
    const [kind, access] = [kindOf(word), stepOf(step)];
    await submitForm(res, actor.locale, {
      dto: MemberAccessDto,
      input: body.reason ? { reason: body.reason } : {},
      view: async (shown) => this.pages.render('admin-member-access', await this.accessContext(actor, req, res, kind, id, userId, access, { values: body, ...shown })),
      // someone else did it first: said on the page, as a conflict
      statusOf: (error) => (error.code === 'validation_failed' ? 400 : 409),
      then: async (value) => {
        if (access === 'deaktivieren') await this.members.deactivate(actor, kind, id, userId, value.reason);
        else await this.members.reactivate(actor, kind, id, userId, value.reason);
        return `/verwaltung/organisationen/${word}/${id}?ok=${access === 'deaktivieren' ? 'memberDeactivated' : 'memberReactivated'}#mitglieder`;
      },
    });
  }

  private organisation(actor: Actor, kind: OrganisationKind, id: string) {
    return kind === 'company' ? this.companies.get(actor, id) : this.schools.get(actor, id);
  }

  private async context(actor: Actor, req: Request, res: Response, kind: OrganisationKind, id: string, extra: Record<string, unknown>) {
    const { locale } = actor;
    const organisation = await this.organisation(actor, kind, id);
    const page = requestedPage(req);
    const found = await this.bookings.list(actor, { page, pageSize: PAGE_ROWS, [kind === 'company' ? 'companyId' : 'schoolId']: id });
    const occasions = new Map((await this.occasions.ofBookings(found.items.map((b) => b.id))).map((o) => [o.bookingId, o]));
    // the history is the audit log's, which only organisers read
    const history = actor.role === Role.Organiser ? await this.audit.list({ entityType: kind, entityId: id, page: 1, pageSize: HISTORY_ROWS }) : null;
    const word = kind === 'company' ? 'unternehmen' : 'schulen';
    return pageContext(req, res, organisation.name, {
      section: 'admin',
      kind,
      word,
      organisation,
      facts: profileFacts(organisation, kind, locale),
      isCompanyForm: kind === 'company',
      values: { ...organisation, apprenticeships: 'apprenticeships' in organisation ? organisation.apprenticeships.join(', ') : undefined },
      districts: Object.entries(DISTRICTS).map(([value, label]) => ({ value, label })),
      schoolTypes: Object.entries(SCHOOL_TYPES).map(([value, label]) => ({ value, label })),
      members: (await this.members.list(actor, kind, id)).map((m) => ({ ...m, roleWord: text(locale, `org.role.${m.role}`) })),
      bookings: found.items.map((b) => {
        const occasion = occasions.get(b.id)!;
        return { id: b.id, status: b.status, eventTitle: occasion.eventTitle, what: occasion.summary[locale], when: describeTiming(occasion.timing, locale) };
      }),
      pager: pager(page, found.total),
      history: history && {
        lines: (history.items as unknown as AuditEntry[]).map((entry) => historyLine(entry, locale)),
        more: history.total > HISTORY_ROWS ? text(locale, 'org.historyLatest').replace('{shown}', String(HISTORY_ROWS)).replace('{total}', String(history.total)) : null,
      },
      ...extra,
    });
  }

  private async accessContext(actor: Actor, req: Request, res: Response, kind: OrganisationKind, id: string, userId: string, step: Step, extra: Record<string, unknown>) {
    const organisation = await this.organisation(actor, kind, id);
    const { member, otherActive } = await this.members.withActiveColleagues(actor, kind, id, userId);
    const deactivating = step === 'deaktivieren';
    return pageContext(req, res, `${text(actor.locale, `memberStep.${step}`)}: ${member.name}`, {
      section: 'admin',
      word: kind === 'company' ? 'unternehmen' : 'schulen',
      organisation,
      member,
      step,
      // the step is done already (another organiser was quicker): no button, only the way back
      already: deactivating === !!member.deactivatedAt,
      lastActive: deactivating && !member.deactivatedAt && otherActive === 0,
      values: {},
      ...extra,
    });
  }
}

function kindOf(word: string): OrganisationKind {
  const kind = KINDS[word];
  if (!kind) throw new NotFoundError('page');
  return kind;
}

function stepOf(step: string): Step {
  const found = STEPS.find((s) => s === step);
  if (!found) throw new NotFoundError('page');
  return found;
}

/** Every field of the profile as a reader says it: districts, school types and states in words. */
function profileFacts(organisation: Awaited<ReturnType<CompaniesService['get']>> | Awaited<ReturnType<SchoolsService['get']>>, kind: OrganisationKind, locale: Actor['locale']) {
  const none = text(locale, 'org.none');
  const fact = (key: string, value: unknown) => ({ label: text(locale, key), value: value === null || value === undefined || value === '' ? none : String(value) });
  const own =
    'branch' in organisation
      ? [
          fact('field.branch', organisation.branch),
          fact('org.apprenticeships', organisation.apprenticeships.join(', ')),
          fact('field.contactPerson', organisation.contactPerson),
          fact('org.website', organisation.website),
          fact('org.description', organisation.description),
        ]
      : [fact('field.schoolType', SCHOOL_TYPES[organisation.schoolType] ?? organisation.schoolType), fact('field.coordinator', organisation.coordinator)];
  return [
    fact('orgs.kind', text(locale, `org.kind.${kind}`)),
    fact('admin.status', text(locale, `orgStatus.${organisation.status}`)),
    fact('field.name', organisation.name),
    fact('field.street', organisation.street),
    fact('field.postalCode', organisation.postalCode),
    fact('field.town', organisation.town),
    fact('field.district', DISTRICTS[organisation.district] ?? organisation.district),
    fact('field.phone', organisation.phone),
    fact('field.email', organisation.email),
    ...own,
    ...(organisation.rejectionReason ? [fact('org.rejectionReason', organisation.rejectionReason)] : []),
  ];
}
