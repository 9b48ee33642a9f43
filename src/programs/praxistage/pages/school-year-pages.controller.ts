import { Body, Controller, Get, Inject, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { APP_CONFIG } from '../../../config/config.module';
import type { AppConfig } from '../../../config/environment';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Actor } from '../../../common/identity/actor';
import { CurrentActor, Roles } from '../../../auth/auth.decorators';
import { Role } from '../../../common/identity/role';
import { DomainError, invalidField, NotFoundError } from '../../../common/errors/domain-error';
import { UuidParam } from '../../../common/http/uuid-param.pipe';
import { problemOf, readForm, submitForm } from '../../../web/form';
import { PageRenderer } from '../../../web/page-renderer';
import { pageContext, text } from '../../../web/web-context';
import { FieldWishesService } from '../allocation/field-wishes.service';
import { FieldWishesDto } from '../allocation/proposal.dto';
import { WebExceptionFilter } from '../../../web/web-exception.filter';
import { ApplicationsService } from '../applications/applications.service';
import { ApplyDto, DeclineDto } from '../applications/application.dto';
import { AddParticipantsDto, IssueCodesDto, ParticipationDto, UpdateParticipantDto } from '../year/year.dto';
import { ParticipationService } from '../year/participation.service';
import { YearsService } from '../year/years.service';
import { YearPageContexts } from './year-page-contexts';
import { wishesOf, withoutBlanks } from './year-page-parts';

const ON_BEHALF = ['annehmen', 'ablehnen', 'zurueckziehen'];

/**
 * The coordinator's part of the year: the school's weekday, the pupils who take part, the
 * letters with their codes, and everything a pupil can do, done on the pupil's behalf.
 */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('praxistage/:eventId')
@Roles(Role.SchoolMember)
export class SchoolYearPagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly contexts: YearPageContexts,
    private readonly years: YearsService,
    private readonly participation: ParticipationService,
    private readonly applications: ApplicationsService,
    private readonly wishes: FieldWishesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The school's weekday, and a class's own weekday where it differs (`klasse_<id>` fields). */
  @Post('teilnahme')
  async participate(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('eventId', UuidParam) eventId: string, @Body() body: Record<string, string>) {
    const classWeekdays = Object.entries(body)
      .filter(([name, value]) => name.startsWith('klasse_') && value)
      .map(([name, weekday]) => ({ classId: name.slice('klasse_'.length), weekday }));
    await submitForm(res, actor.locale, {
      dto: ParticipationDto,
      input: withoutBlanks({ weekday: body.weekday, classWeekdays: classWeekdays.length ? classWeekdays : undefined }),
      view: async (shown) => this.again(actor, req, res, eventId, { weekdayValue: body.weekday, participationErrors: shown.errors, problem: shown.problem }),
      then: async (value) => {
        await this.participation.setParticipation(actor, eventId, value);
        return `/praxistage/${eventId}?ok=saved`;
      },
    });
  }

  /** A whole class takes part. */
  @Post('teilnehmende')
  async add(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('eventId', UuidParam) eventId: string, @Body() body: Record<string, string>) {
    await submitForm(res, actor.locale, {
      dto: AddParticipantsDto,
      input: { classIds: body.classId ? [body.classId] : [] },
      view: async (shown) => this.again(actor, req, res, eventId, { addErrors: { classId: shown.errors.classId ?? shown.errors.classIds ?? shown.errors['classIds.0'] ?? shown.problem } }),
      then: async (value) => {
        if (!value.classIds?.length) throw invalidField('classId', 'should not be empty', 'isNotEmpty');
        await this.participation.add(actor, eventId, value);
        return `/praxistage/${eventId}?ok=saved#teilnehmende`;
      },
    });
  }

  /**
   * New codes for a class (or one pupil): the answer is the letter to print, the only time
   * the codes are shown, so it is a page of its own and not a redirect, and never cached.
   */
  @Post('codes')
  async codes(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('eventId', UuidParam) eventId: string, @Body() body: Record<string, string>) {
    const read = await readForm(IssueCodesDto, body.pupilId ? { pupilIds: [body.pupilId] } : withoutBlanks({ classId: body.classId }), actor.locale);
    if (!read.value) {
      res.status(400).send(await this.again(actor, req, res, eventId, { codeErrors: read.errors }));
      return;
    }
    try {
      const letters = await this.participation.issueCodes(actor, eventId, read.value);
      const year = await this.years.get(actor, eventId);
      res.setHeader('Cache-Control', 'no-store');
      res.send(this.pages.render('year-code-letter', pageContext(req, res, text(actor.locale, 'year.letter.title'), { section: 'praxistage', year, letters, address: `${this.config.PUBLIC_URL}/tip` })));
    } catch (error) {
      if (!(error instanceof DomainError) || error.code === 'not_found') throw error;
      const shown = problemOf(error, actor.locale);
      res.status(400).send(await this.again(actor, req, res, eventId, { codeErrors: shown.errors, problem: shown.problem }));
    }
  }

  @Get('schueler/:pupilId')
  async pupil(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('eventId', UuidParam) eventId: string, @Param('pupilId', UuidParam) pupilId: string) {
    res.send(this.pages.render('year-pupil', await this.contexts.pupil(actor, req, res, eventId, pupilId)));
  }

  /** The pupil's ranked occupational fields, set by the school on the pupil's behalf. */
  @Post('schueler/:pupilId/wuensche')
  async setWishes(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('eventId', UuidParam) eventId: string, @Param('pupilId', UuidParam) pupilId: string, @Body() body: Record<string, string>) {
    const pupil = await this.applications.pupilOfSchool(actor, eventId, pupilId);
    await submitForm(res, actor.locale, {
      dto: FieldWishesDto,
      input: { fields: wishesOf(body) },
      view: async (shown) => this.pages.render('year-pupil', await this.contexts.pupil(actor, req, res, eventId, pupilId, shown)),
      then: async (value) => {
        await this.wishes.set(pupil, value.fields);
        return `/praxistage/${eventId}/schueler/${pupilId}?ok=wishesSaved#wuensche`;
      },
    });
  }

  @Post('schueler/:pupilId/bewerben')
  async apply(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('eventId', UuidParam) eventId: string, @Param('pupilId', UuidParam) pupilId: string, @Body() body: Record<string, string>) {
    const pupil = await this.applications.pupilOfSchool(actor, eventId, pupilId);
    await submitForm(res, actor.locale, {
      dto: ApplyDto,
      input: withoutBlanks({ offerId: body.offerId, message: body.message }),
      view: async (shown) => this.pages.render('year-pupil', await this.contexts.pupil(actor, req, res, eventId, pupilId, { values: body, ...shown })),
      statusOf: (error) => (error.code === 'validation_failed' ? 400 : 409),
      then: async (value) => {
        await this.applications.apply({ actor }, pupil, value);
        return `/praxistage/${eventId}/schueler/${pupilId}?ok=onBehalf`;
      },
    });
  }

  @Post('schueler/:pupilId/bewerbungen/:applicationId/:action')
  async act(
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Res() res: Response,
    @Param('eventId', UuidParam) eventId: string,
    @Param('pupilId', UuidParam) pupilId: string,
    @Param('applicationId', UuidParam) applicationId: string,
    @Param('action') action: string,
    @Body() body: Record<string, string>,
  ) {
    if (!ON_BEHALF.includes(action)) throw new NotFoundError('page');
    const pupil = await this.applications.pupilOfSchool(actor, eventId, pupilId);
    await submitForm(res, actor.locale, {
      dto: DeclineDto,
      input: withoutBlanks({ reason: body.reason }),
      view: async (shown) => this.pages.render('year-pupil', await this.contexts.pupil(actor, req, res, eventId, pupilId, shown)),
      statusOf: () => 409,
      then: async (value) => {
        if (action === 'annehmen') await this.applications.accept({ actor }, pupil, applicationId);
        else if (action === 'ablehnen') await this.applications.declineOffer(pupil, applicationId, value);
        else await this.applications.withdraw(pupil, applicationId);
        return `/praxistage/${eventId}/schueler/${pupilId}?ok=onBehalf`;
      },
    });
  }

  /** "May stay" with one company (e.g. pupils of a Förderzentrum), or not. */
  @Post('schueler/:pupilId/bleiben')
  async mayStay(@CurrentActor() actor: Actor, @Res() res: Response, @Param('eventId', UuidParam) eventId: string, @Param('pupilId', UuidParam) pupilId: string, @Body() body: Record<string, string>) {
    const value = Object.assign(new UpdateParticipantDto(), { mayStay: body.mayStay === 'true' });
    await this.participation.update(actor, eventId, pupilId, value);
    res.redirect(303, `/praxistage/${eventId}/schueler/${pupilId}?ok=saved`);
  }

  /** The code stops working at once (lost letter); a new one comes with "Code neu ausstellen". */
  @Post('schueler/:pupilId/code-sperren')
  async revoke(@CurrentActor() actor: Actor, @Res() res: Response, @Param('eventId', UuidParam) eventId: string, @Param('pupilId', UuidParam) pupilId: string) {
    await this.participation.revokeCode(actor, eventId, pupilId);
    res.redirect(303, `/praxistage/${eventId}/schueler/${pupilId}?ok=codeRevoked`);
  }

  private async again(actor: Actor, req: Request, res: Response, eventId: string, extra: Record<string, unknown>) {
    const context = await this.contexts.page(actor, req, res, eventId, extra);
    return this.pages.render(context.view, context);
  }
}
