import { Body, Controller, Get, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { Actor } from '../common/identity/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { Role } from '../common/identity/role';
import { DomainError, NotFoundError } from '../common/errors/domain-error';
import { UuidParam } from '../common/http/uuid-param.pipe';
import { UpdatePracticumOfferDto } from '../events/dto/practicum-offer.dto';
import { PracticumOffersService } from '../events/practicum-offers.service';
import { problemOf, readForm } from './form';
import { PageRenderer } from './page-renderer';
import { pageContext, text } from './web-context';
import { WebExceptionFilter } from './web-exception.filter';

/** The fields of an offer that can change after publishing; weekdays and term stay as booked. */
const EDITABLE = ['occupationalField', 'apprenticeship', 'description', 'placesPerWeekday', 'dailyStart', 'dailyEnd', 'street', 'postalCode', 'town', 'mentor', 'contactPerson', 'contactPhone', 'contactEmail'] as const;

/** A company edits its Praxistage offer and sees which pupils are placed on it. */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('angebote/:offerId')
export class OfferPagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly offers: PracticumOffersService,
    private readonly dataSource: DataSource,
  ) {}

  @Get()
  @Roles(Role.Organiser, Role.CompanyMember)
  async page(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('offerId', UuidParam) offerId: string) {
    res.send(this.pages.render('offer', await this.context(actor, req, res, offerId, {})));
  }

  @Post()
  @Roles(Role.Organiser, Role.CompanyMember)
  async save(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('offerId', UuidParam) offerId: string, @Body() body: Record<string, string>) {
    const input: Record<string, string> = {};
    for (const field of EDITABLE) if (body[field] !== undefined && body[field] !== '') input[field] = body[field];
    const form = await readForm(UpdatePracticumOfferDto, input, actor.locale);
    const again = async (extra: Record<string, unknown>) => res.status(400).send(this.pages.render('offer', await this.context(actor, req, res, offerId, { values: body, ...extra })));
    if (!form.value) return again({ errors: form.errors });
    try {
      await this.offers.update(actor, offerId, form.value);
      res.redirect(303, `/angebote/${offerId}?ok=saved`);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const problem = problemOf(error, actor.locale);
      await again({ errors: { form: true, ...problem.errors }, problem: problem.problem });
    }
  }

  private async context(actor: Actor, req: Request, res: Response, offerId: string, extra: Record<string, unknown>) {
    const offer = await this.offers.get(actor, offerId);
    // another company's offer is not there for this reader
    if (actor.role === Role.CompanyMember && offer.companyId !== actor.companyId) throw new NotFoundError('practicum_offer');
    // the company sees whom it mentors: first name, last name, class and school, nothing more
    const placed = await this.dataSource.query(
      `SELECT b.id, b.status, ow.weekday, p.first_name AS "firstName", p.last_name AS "lastName", sc.name AS "className", s.name AS school
         FROM bookings b JOIN offer_weekdays ow ON ow.id = b.bookable_id JOIN schools s ON s.id = b.school_id
         LEFT JOIN pupils p ON p.id = b.pupil_id LEFT JOIN school_classes sc ON sc.id = p.class_id
        WHERE ow.offer_id = $1 AND b.kind = 'placement' AND b.status IN ('pending', 'confirmed', 'waitlisted')
        ORDER BY ow.weekday, b.status, p.last_name, p.first_name`,
      [offerId],
    );
    const current = { ...offer, dailyStart: offer.dailyStart.slice(0, 5), dailyEnd: offer.dailyEnd.slice(0, 5) };
    return pageContext(req, res, `${text(actor.locale, 'offer.edit')}: ${offer.occupationalField}`, {
      section: 'bookings',
      offer,
      placed,
      values: current,
      ...extra,
    });
  }
}
