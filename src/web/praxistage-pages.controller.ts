import { Body, Controller, Get, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Actor } from '../common/identity/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { Role } from '../common/identity/role';
import { DomainError } from '../common/errors/domain-error';
import { UuidParam } from '../common/http/uuid-param.pipe';
import { PlacementDto, PlacementExceptionDto } from '../bookings/dto/placement.dto';
import { PlacementsService } from '../bookings/placements.service';
import { CreatePracticumOfferDto } from '../events/dto/practicum-offer.dto';
import { PracticumOffersService } from '../events/practicum-offers.service';
import { PupilDto } from '../schools/dto/pupil.dto';
import { PupilsService } from '../schools/pupils.service';
import { SchoolClassesService } from '../schools/school-classes.service';
import { problemOf, readForm } from './form';
import { PageRenderer } from './page-renderer';
import { PublicPagesController } from './public-pages.controller';
import { pageContext, text } from './web-context';
import { WebExceptionFilter } from './web-exception.filter';

const NO_KEY = { key: null, fingerprint: '' };

/** Praxistage in the pages: pupils with consent, offers, placements, cancelled days. */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller()
export class PraxistagePagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly pupils: PupilsService,
    private readonly classes: SchoolClassesService,
    private readonly offers: PracticumOffersService,
    private readonly placements: PlacementsService,
    private readonly eventPages: PublicPagesController,
  ) {}

  @Get('schule/schueler')
  @Roles(Role.SchoolMember)
  async pupilsPage(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response) {
    res.send(this.pages.render('pupils', await this.pupilsContext(actor, req, res, {})));
  }

  @Post('schule/schueler')
  @Roles(Role.SchoolMember)
  async addPupil(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Body() body: Record<string, string>) {
    const form = await readForm(PupilDto, body, actor.locale);
    const again = async (extra: Record<string, unknown>) => res.status(400).send(this.pages.render('pupils', await this.pupilsContext(actor, req, res, { values: body, ...extra })));
    if (!form.value) return again({ errors: form.errors });
    try {
      await this.pupils.create(actor, actor.schoolId!, form.value);
      res.redirect(303, '/schule/schueler?ok=saved');
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const problem = problemOf(error, actor.locale);
      await again({ errors: { form: true, ...problem.errors }, problem: problem.problem });
    }
  }

  /** Deleting a minor's data at once; live placements are cancelled with it. */
  @Post('schule/schueler/:pupilId/loeschen')
  @Roles(Role.SchoolMember)
  async deletePupil(@CurrentActor() actor: Actor, @Res() res: Response, @Param('pupilId', UuidParam) pupilId: string) {
    await this.pupils.remove(actor, actor.schoolId!, pupilId, true);
    res.redirect(303, '/schule/schueler?ok=deleted');
  }

  private async pupilsContext(actor: Actor, req: Request, res: Response, extra: Record<string, unknown>) {
    const classes = await this.classes.list(actor, actor.schoolId!);
    return pageContext(req, res, text(actor.locale, 'pupils.title'), {
      section: 'pupils',
      pupils: await this.pupils.list(actor, actor.schoolId!, {}),
      classes: classes.map((c) => ({ value: c.id, label: c.name })),
      classNames: Object.fromEntries(classes.map((c) => [c.id, c.name])),
      values: {},
      ...extra,
    });
  }

  @Post('veranstaltungen/:eventId/angebot')
  @Roles(Role.CompanyMember)
  async offer(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('eventId', UuidParam) eventId: string, @Body() body: Record<string, string | string[]>) {
    const input: Record<string, unknown> = { ...body, weekdays: ([] as string[]).concat(body.weekdays ?? []).map(Number) };
    for (const optional of ['firstDate', 'lastDate', 'apprenticeship', 'description']) if (!input[optional]) delete input[optional];
    const form = await readForm(CreatePracticumOfferDto, input, actor.locale);
    const again = async (extra: Record<string, unknown>) => res.status(400).send(this.pages.render('event', await this.eventPages.eventContext(req, res, eventId, { offerValues: body, ...extra })));
    if (!form.value) return again({ offerErrors: form.errors });
    try {
      await this.offers.create(actor, eventId, form.value);
      res.redirect(303, `/veranstaltungen/${eventId}?ok=saved`);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const problem = problemOf(error, actor.locale);
      await again({ offerErrors: { form: true, ...problem.errors }, problem: problem.problem });
    }
  }

  @Post('veranstaltungen/:eventId/platzierung')
  @Roles(Role.SchoolMember)
  async place(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('eventId', UuidParam) eventId: string, @Body() body: Record<string, string>) {
    const [offerId, weekday] = String(body.offerWeekday ?? '').split(':');
    const form = await readForm(PlacementDto, { offerId, weekday, pupilId: body.pupilId }, actor.locale);
    const again = async (extra: Record<string, unknown>) => res.status(400).send(this.pages.render('event', await this.eventPages.eventContext(req, res, eventId, { placementValues: body, ...extra })));
    if (!form.value) return again({ placementErrors: form.errors });
    try {
      const { body: booking } = await this.placements.book(actor, eventId, form.value, NO_KEY);
      res.redirect(303, `/buchungen/${booking.id}?ok=${booking.status === 'waitlisted' ? 'waitlisted' : 'booked'}`);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const problem = problemOf(error, actor.locale);
      await again({ placementErrors: { form: true, ...problem.errors }, problem: problem.problem });
    }
  }

  @Post('buchungen/:bookingId/tag-absagen')
  @Roles(Role.Organiser, Role.CompanyMember, Role.SchoolMember)
  async cancelDay(@CurrentActor() actor: Actor, @Res() res: Response, @Param('bookingId', UuidParam) bookingId: string, @Body() body: Record<string, string>) {
    const form = await readForm(PlacementExceptionDto, body, actor.locale);
    if (!form.value) throw new DomainError('validation_failed', {}, Object.entries(form.errors).map(([field, message]) => ({ field, code: 'invalid', message })));
    await this.placements.cancelDay(actor, bookingId, form.value);
    res.redirect(303, `/buchungen/${bookingId}?ok=dayCancelled`);
  }
}
