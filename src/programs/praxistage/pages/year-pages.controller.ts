import { Body, Controller, Get, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Actor } from '../../../common/identity/actor';
import { CurrentActor, Roles } from '../../../auth/auth.decorators';
import { Role } from '../../../common/identity/role';
import { NotFoundError } from '../../../common/errors/domain-error';
import { UuidParam } from '../../../common/http/uuid-param.pipe';
import { submitForm } from '../../../web/form';
import { PageRenderer } from '../../../web/page-renderer';
import { pageContext, text } from '../../../web/web-context';
import { WebExceptionFilter } from '../../../web/web-exception.filter';
import { CreateYearDto, UpdatePhaseDto, UpdateYearDto } from '../year/year.dto';
import { YearsService } from '../year/years.service';
import { withoutBlanks } from './year-page-parts';
import { YearPageContexts } from './year-page-contexts';

const { Organiser: O, Partner: P, CompanyMember: C, SchoolMember: S } = Role;

/**
 * A Praxistage year in the pages: one address for everyone, each role seeing its part
 * (school, company, or the whole year for the organiser and partners); the organiser
 * creates the year and changes its phases and rules here.
 */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller()
export class YearPagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly contexts: YearPageContexts,
    private readonly years: YearsService,
  ) {}

  @Get('praxistage/:eventId')
  @Roles(O, P, C, S)
  async page(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('eventId', UuidParam) eventId: string) {
    const context = await this.contexts.page(actor, req, res, eventId);
    res.send(this.pages.render(context.view, context));
  }

  @Get('verwaltung/praxistage/neu')
  @Roles(O)
  newYear(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response) {
    res.send(this.pages.render('year-new', this.newYearContext(actor, req, res, { values: { firstPhaseYear: String(new Date().getFullYear() + 1), applicationsPerPhase: '3', offerHoldDays: '7' } })));
  }

  @Post('verwaltung/praxistage/neu')
  @Roles(O)
  async create(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Body() body: Record<string, string>) {
    const { title, firstPhaseYear, applicationsPerPhase, offerHoldDays, description } = body;
    await submitForm(res, actor.locale, {
      dto: CreateYearDto,
      input: withoutBlanks({ title, firstPhaseYear, applicationsPerPhase, offerHoldDays, description }),
      view: (shown) => this.pages.render('year-new', this.newYearContext(actor, req, res, { values: body, ...shown })),
      statusOf: (error) => (error.code === 'school_holidays_missing' ? 409 : 400),
      then: async (value) => `/praxistage/${(await this.years.create(actor, value)).eventId}?ok=saved`,
    });
  }

  /** A phase's days or application window. */
  @Post('praxistage/:eventId/phasen/:phase')
  @Roles(O)
  async phase(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('eventId', UuidParam) eventId: string, @Param('phase') phase: string, @Body() body: Record<string, string>) {
    if (!/^[1-4]$/.test(phase)) throw new NotFoundError('phase');
    const { firstDay, lastDay, applicationsOpenAt, applicationsCloseAt } = body;
    await submitForm(res, actor.locale, {
      dto: UpdatePhaseDto,
      input: withoutBlanks({ firstDay, lastDay, applicationsOpenAt, applicationsCloseAt }),
      view: async (shown) => this.again(actor, req, res, eventId, { phaseForm: phase, phaseValues: body, phaseErrors: { form: true, ...shown.errors }, problem: shown.problem }),
      then: async (value) => {
        await this.years.updatePhase(actor, eventId, Number(phase), value);
        return `/praxistage/${eventId}?ok=saved#phase-${phase}`;
      },
    });
  }

  @Post('praxistage/:eventId/einstellungen')
  @Roles(O)
  async settings(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('eventId', UuidParam) eventId: string, @Body() body: Record<string, string>) {
    await submitForm(res, actor.locale, {
      dto: UpdateYearDto,
      input: withoutBlanks({ applicationsPerPhase: body.applicationsPerPhase, offerHoldDays: body.offerHoldDays }),
      view: async (shown) => this.again(actor, req, res, eventId, { settings: body, settingsErrors: shown.errors, problem: shown.problem }),
      then: async (value) => {
        await this.years.update(actor, eventId, value);
        return `/praxistage/${eventId}?ok=saved`;
      },
    });
  }

  private async again(actor: Actor, req: Request, res: Response, eventId: string, extra: Record<string, unknown>) {
    const context = await this.contexts.page(actor, req, res, eventId, extra);
    return this.pages.render(context.view, context);
  }

  private newYearContext(actor: Actor, req: Request, res: Response, extra: Record<string, unknown>) {
    return pageContext(req, res, text(actor.locale, 'year.new.title'), { section: 'admin', ...extra });
  }
}
