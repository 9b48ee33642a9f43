import { Body, Controller, Get, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Actor } from '../../../common/identity/actor';
import { CurrentActor, Roles } from '../../../auth/auth.decorators';
import { Role } from '../../../common/identity/role';
import { UuidParam } from '../../../common/http/uuid-param.pipe';
import { DISTRICTS } from '../../../organisations/region';
import { submitForm } from '../../../web/form';
import { PageRenderer } from '../../../web/page-renderer';
import { pageContext, text } from '../../../web/web-context';
import { WebExceptionFilter } from '../../../web/web-exception.filter';
import { CopySteckbriefDto, CreateSteckbriefDto, ReviewSteckbriefDto, SteckbriefPlacesDto, UpdateSteckbriefDto } from '../steckbriefe/steckbrief.dto';
import { SteckbriefeService } from '../steckbriefe/steckbriefe.service';
import { YearsService } from '../year/years.service';
import { YearPageContexts } from './year-page-contexts';
import { districtName, placesErrorOf, placesFromForm, placesGrid, STECKBRIEF_TEXTS, withoutBlanks } from './year-page-parts';

const { Organiser: O, Partner: P, CompanyMember: C } = Role;

/**
 * Steckbriefe in the pages: a company writes its profile and its places per phase and
 * weekday, sends it for review, copies last year's; the organiser approves or sends it back.
 */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller()
export class SteckbriefPagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly contexts: YearPageContexts,
    private readonly steckbriefe: SteckbriefeService,
    private readonly years: YearsService,
  ) {}

  @Post('praxistage/:eventId/steckbriefe')
  @Roles(C)
  async create(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('eventId', UuidParam) eventId: string, @Body() body: Record<string, string>) {
    // a new Steckbrief needs no entry for a day without places; anything else typed is checked
    const places = placesFromForm(body).filter((p) => String(p.places).trim() !== '0');
    await submitForm(res, actor.locale, {
      dto: CreateSteckbriefDto,
      input: { ...withoutBlanks(pick(body, STECKBRIEF_TEXTS)), ...(places.length ? { places } : {}) },
      view: async (shown) => {
        const context = await this.contexts.page(actor, req, res, eventId, { values: body, grid: placesGrid([], body), placesError: placesErrorOf(shown.errors), ...shown });
        return this.pages.render(context.view, context);
      },
      then: async (value) => `/steckbriefe/${(await this.steckbriefe.create(actor, eventId, value)).id}?ok=saved`,
    });
  }

  @Get('steckbriefe/:steckbriefId')
  @Roles(O, P, C)
  async page(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('steckbriefId', UuidParam) steckbriefId: string) {
    res.send(this.pages.render('steckbrief', await this.context(actor, req, res, steckbriefId, {})));
  }

  @Post('steckbriefe/:steckbriefId')
  @Roles(O, C)
  async save(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('steckbriefId', UuidParam) steckbriefId: string, @Body() body: Record<string, string>) {
    await this.steckbriefe.get(actor, steckbriefId);
    await submitForm(res, actor.locale, {
      dto: UpdateSteckbriefDto,
      input: withoutBlanks(pick(body, STECKBRIEF_TEXTS)),
      view: async (shown) => this.pages.render('steckbrief', await this.context(actor, req, res, steckbriefId, { values: body, ...shown })),
      then: async (value) => {
        await this.steckbriefe.update(actor, steckbriefId, value);
        return `/steckbriefe/${steckbriefId}?ok=saved`;
      },
    });
  }

  /** Places per phase and weekday; an empty field leaves a place as it is, 0 takes it back. */
  @Post('steckbriefe/:steckbriefId/plaetze')
  @Roles(O, C)
  async places(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('steckbriefId', UuidParam) steckbriefId: string, @Body() body: Record<string, string>) {
    await this.steckbriefe.get(actor, steckbriefId);
    await submitForm(res, actor.locale, {
      dto: SteckbriefPlacesDto,
      input: { places: placesFromForm(body) },
      view: async (shown) => this.pages.render('steckbrief', await this.context(actor, req, res, steckbriefId, { placeValues: body, placeErrors: shown.errors, placesError: placesErrorOf(shown.errors), problem: shown.problem })),
      then: async (value) => {
        await this.steckbriefe.setPlaces(actor, steckbriefId, value.places);
        return `/steckbriefe/${steckbriefId}?ok=saved#plaetze`;
      },
    });
  }

  @Post('steckbriefe/:steckbriefId/einreichen')
  @Roles(C)
  async submit(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('steckbriefId', UuidParam) steckbriefId: string) {
    await this.steckbriefe.get(actor, steckbriefId);
    await submitForm(res, actor.locale, {
      input: {},
      view: async (shown) => this.pages.render('steckbrief', await this.context(actor, req, res, steckbriefId, shown)),
      statusOf: () => 409,
      then: async () => {
        await this.steckbriefe.submit(actor, steckbriefId);
        return `/steckbriefe/${steckbriefId}?ok=submitted`;
      },
    });
  }

  @Post('steckbriefe/:steckbriefId/pruefen')
  @Roles(O)
  async review(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('steckbriefId', UuidParam) steckbriefId: string, @Body() body: Record<string, string>) {
    await this.steckbriefe.get(actor, steckbriefId);
    await submitForm(res, actor.locale, {
      dto: ReviewSteckbriefDto,
      input: withoutBlanks({ decision: body.decision, note: body.note }),
      view: async (shown) => this.pages.render('steckbrief', await this.context(actor, req, res, steckbriefId, { reviewValues: body, reviewErrors: shown.errors, problem: shown.problem })),
      statusOf: (error) => (error.code === 'validation_failed' ? 400 : 409),
      then: async (value) => {
        const done = await this.steckbriefe.review(actor, steckbriefId, value);
        return `/praxistage/${done.eventId}?ok=${value.decision === 'approve' ? 'steckbriefApproved' : 'steckbriefReturned'}#pruefen`;
      },
    });
  }

  /** Last year's Steckbrief into this year, as a draft with the same texts and places. */
  @Post('steckbriefe/:steckbriefId/kopieren')
  @Roles(C)
  async copy(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('steckbriefId', UuidParam) steckbriefId: string, @Body() body: Record<string, string>) {
    await this.steckbriefe.get(actor, steckbriefId);
    await submitForm(res, actor.locale, {
      dto: CopySteckbriefDto,
      input: withoutBlanks({ eventId: body.eventId }),
      view: async (shown) => this.pages.render('steckbrief', await this.context(actor, req, res, steckbriefId, shown)),
      statusOf: (error) => (error.code === 'validation_failed' ? 400 : 409),
      then: async (value) => `/steckbriefe/${(await this.steckbriefe.copy(actor, steckbriefId, value.eventId)).id}?ok=copied`,
    });
  }

  private async context(actor: Actor, req: Request, res: Response, steckbriefId: string, extra: Record<string, unknown>) {
    const steckbrief = await this.steckbriefe.get(actor, steckbriefId);
    const year = await this.years.get(actor, steckbrief.eventId);
    const editable = steckbrief.reviewStatus !== 'submitted' || actor.role === O;
    return pageContext(req, res, `${steckbrief.companyName}: ${steckbrief.occupationalField}`, {
      section: 'praxistage',
      steckbrief,
      year,
      districtName: districtName(steckbrief.district),
      districts: [{ value: '', label: text(actor.locale, 'year.choose') }, ...Object.entries(DISTRICTS).map(([value, label]) => ({ value, label }))],
      weekdayNames: [1, 2, 3, 4, 5].map((d) => text(actor.locale, `weekday.${d}`)),
      grid: placesGrid(steckbrief.places, (extra.placeValues as Record<string, string>) ?? {}),
      mayEdit: actor.role !== P && editable,
      maySubmit: actor.role === C && (steckbrief.reviewStatus === 'draft' || steckbrief.reviewStatus === 'returned'),
      mayReview: actor.role === O && steckbrief.reviewStatus === 'submitted',
      values: { ...steckbrief, dailyStart: steckbrief.dailyStart.slice(0, 5), dailyEnd: steckbrief.dailyEnd.slice(0, 5) },
      ...extra,
    });
  }
}

const pick = (body: Record<string, string>, names: readonly string[]) => Object.fromEntries(names.map((name) => [name, body[name]]));
