import { Body, Controller, Get, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Actor } from '../../../common/identity/actor';
import { CurrentActor, Roles } from '../../../auth/auth.decorators';
import { Role } from '../../../common/identity/role';
import { NotFoundError } from '../../../common/errors/domain-error';
import { UuidParam } from '../../../common/http/uuid-param.pipe';
import { readForm, submitForm } from '../../../web/form';
import { PageRenderer } from '../../../web/page-renderer';
import { pageContext, text } from '../../../web/web-context';
import { WebExceptionFilter } from '../../../web/web-exception.filter';
import { ApplicationsService } from '../applications/applications.service';
import { ApplicationListQuery, DeclineDto, InterviewDto, OutcomeDto } from '../applications/application.dto';
import { APPLICATION_STATUSES, STATUS_NAMES } from '../applications/application-status';
import { OutcomesService } from '../overview/outcomes.service';
import { YearsService } from '../year/years.service';
import { applicationRows, weekdayOptions, withoutBlanks } from './year-page-parts';

const DECISIONS = ['einladen', 'absagen', 'anbieten'] as const;

/**
 * A company chooses: its applications per phase and weekday with what it needs to decide
 * (first name, last name, class, school, message), and for each an interview, a refusal
 * or the offer of the place. After the year it records what came of a placement.
 */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('praxistage')
@Roles(Role.CompanyMember)
export class CompanyApplicationsPagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly years: YearsService,
    private readonly applications: ApplicationsService,
    private readonly outcomes: OutcomesService,
  ) {}

  @Get(':eventId/bewerbungen')
  async list(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('eventId', UuidParam) eventId: string, @Query() raw: Record<string, string>) {
    res.send(this.pages.render('year-applications', await this.context(actor, req, res, eventId, raw, {})));
  }

  @Post('bewerbungen/:applicationId/:decision')
  async decide(
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Res() res: Response,
    @Param('applicationId', UuidParam) applicationId: string,
    @Param('decision') decision: string,
    @Body() body: Record<string, string>,
  ) {
    if (!DECISIONS.includes(decision as (typeof DECISIONS)[number])) throw new NotFoundError('page');
    const application = await this.ownApplication(actor, applicationId);
    const back = `/praxistage/${application.eventId}/bewerbungen?phase=${application.phase}`;
    await submitForm(res, actor.locale, {
      dto: (decision === 'einladen' ? InterviewDto : DeclineDto) as new () => InterviewDto | DeclineDto,
      input: decision === 'einladen' ? withoutBlanks({ at: body.at, place: body.place, note: body.note }) : withoutBlanks({ reason: body.reason }),
      view: async (shown) => this.pages.render('year-applications', await this.context(actor, req, res, application.eventId, {}, { formFor: applicationId, formDecision: decision, formValues: body, ...shown })),
      statusOf: (error) => (error.code === 'validation_failed' ? 400 : 409),
      then: async (value) => {
        if (decision === 'einladen') await this.applications.invite(actor, applicationId, value as InterviewDto);
        else if (decision === 'absagen') await this.applications.decline(actor, applicationId, value as DeclineDto);
        else await this.applications.offer(actor, applicationId);
        return `${back}&ok=${decision}#bewerbung-${applicationId}`;
      },
    });
  }

  /** A former pupil of this placement got an apprenticeship or a further internship offer. */
  @Post(':eventId/ergebnisse')
  async outcome(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('eventId', UuidParam) eventId: string, @Body() body: Record<string, string>) {
    await this.years.get(actor, eventId);
    await submitForm(res, actor.locale, {
      dto: OutcomeDto,
      input: withoutBlanks({ bookingId: body.bookingId, kind: body.kind }),
      view: async (shown) => this.pages.render('year-applications', await this.context(actor, req, res, eventId, {}, shown)),
      statusOf: (error) => (error.code === 'validation_failed' ? 400 : 409),
      then: async (value) => {
        await this.outcomes.record(actor, value);
        return `/praxistage/${eventId}/bewerbungen?ok=outcome`;
      },
    });
  }

  /** The application if it is this company's; another company's is not there for this reader. */
  private async ownApplication(actor: Actor, applicationId: string) {
    const application = await this.applications.one(applicationId);
    if (!application || application.companyId !== actor.companyId) throw new NotFoundError('application');
    return application;
  }

  private async context(actor: Actor, req: Request, res: Response, eventId: string, raw: Record<string, string>, extra: Record<string, unknown>) {
    const year = await this.years.get(actor, eventId);
    const query = await readForm(ApplicationListQuery, withoutBlanks({ phase: raw.phase, weekday: raw.weekday, status: raw.status }), actor.locale);
    // a refused decision shows its messages and what was typed in its own card only
    const rows = applicationRows(await this.applications.list(actor, eventId, query.value ?? {}), actor.locale).map((row) =>
      row.id === extra.formFor
        ? { ...row, formErrors: extra.errors, formValues: extra.formValues, openInvite: extra.formDecision === 'einladen', openDecline: extra.formDecision === 'absagen' }
        : { ...row, formValues: {} },
    );
    const label = (key: string) => text(actor.locale, key);
    return pageContext(req, res, `${text(actor.locale, 'year.applications.title')}: ${year.title}`, {
      section: 'praxistage',
      year,
      rows,
      filter: { phase: raw.phase ?? '', weekday: raw.weekday ?? '', status: raw.status ?? '' },
      filterErrors: query.errors,
      phaseOptions: year.phases.map((p) => ({ value: String(p.number), label: `${label('year.phase')} ${p.number}` })),
      weekdayOptions: weekdayOptions(label),
      statusOptions: APPLICATION_STATUSES.map((value) => ({ value, label: STATUS_NAMES[value][actor.locale] })),
      ...extra,
    });
  }
}
