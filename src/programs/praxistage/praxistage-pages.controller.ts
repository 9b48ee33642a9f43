import { Body, Controller, Get, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Actor } from '../../common/identity/actor';
import { CurrentActor, Roles } from '../../auth/auth.decorators';
import { Role } from '../../common/identity/role';
import { DomainError } from '../../common/errors/domain-error';
import { UuidParam } from '../../common/http/uuid-param.pipe';
import { PlacementDto, PlacementExceptionDto } from './dto/placement.dto';
import { PlacementsService } from './placements.service';
import { CreatePracticumOfferDto } from './dto/practicum-offer.dto';
import { PracticumOffersService } from './practicum-offers.service';
import { PupilDto } from '../../schools/dto/pupil.dto';
import { PupilsService } from '../../schools/pupils.service';
import { SchoolClassesService } from '../../schools/school-classes.service';
import { afterBooking, readForm, submitForm } from '../../web/form';
import { WITHOUT_KEY } from '../../bookings/idempotency/idempotency';
import { PageRenderer } from '../../web/page-renderer';
import { EventPage } from '../../web/event-page';
import { pageContext, text } from '../../web/web-context';
import { WebExceptionFilter } from '../../web/web-exception.filter';

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
    private readonly eventPage: EventPage,
  ) {}

  @Get('schule/schueler')
  @Roles(Role.SchoolMember)
  async pupilsPage(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response) {
    res.send(this.pages.render('pupils', await this.pupilsContext(actor, req, res, {})));
  }

  @Post('schule/schueler')
  @Roles(Role.SchoolMember)
  async addPupil(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Body() body: Record<string, string>) {
    await submitForm(res, actor.locale, {
      dto: PupilDto,
      input: body,
      view: async (shown) => this.pages.render('pupils', await this.pupilsContext(actor, req, res, { values: body, ...shown })),
      then: async (value) => {
        await this.pupils.create(actor, actor.schoolId!, value);
        return '/schule/schueler?ok=saved';
      },
    });
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
    await submitForm(res, actor.locale, {
      dto: CreatePracticumOfferDto,
      input,
      view: ({ errors, problem }) => this.renderEventPage(req, res, eventId, { offerValues: body, offerErrors: errors, problem }),
      then: async (value) => {
        await this.offers.create(actor, eventId, value);
        return `/veranstaltungen/${eventId}?ok=saved`;
      },
    });
  }
  @Post('veranstaltungen/:eventId/platzierung')
  @Roles(Role.SchoolMember)
  async place(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('eventId', UuidParam) eventId: string, @Body() body: Record<string, string>) {
    const [offerId, weekday] = String(body.offerWeekday ?? '').split(':');
    await submitForm(res, actor.locale, {
      dto: PlacementDto,
      input: { offerId, weekday, pupilId: body.pupilId },
      view: ({ errors, problem }) => this.renderEventPage(req, res, eventId, { placementValues: body, placementErrors: errors, problem }),
      then: async (value) => afterBooking((await this.placements.book(actor, eventId, value, WITHOUT_KEY)).body),
    });
  }

  private async renderEventPage(req: Request, res: Response, eventId: string, extra: Record<string, unknown>) {
    return this.pages.render('event', await this.eventPage.context(req, res, eventId, extra));
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
