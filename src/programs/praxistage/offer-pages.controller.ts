import { Body, Controller, Get, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Actor } from '../../common/identity/actor';
import { CurrentActor, Roles } from '../../auth/auth.decorators';
import { Role } from '../../common/identity/role';
import { NotFoundError } from '../../common/errors/domain-error';
import { UuidParam } from '../../common/http/uuid-param.pipe';
import { UpdatePracticumOfferDto } from './dto/practicum-offer.dto';
import { PracticumOffersService } from './practicum-offers.service';
import { submitForm } from '../../web/form';
import { PageRenderer } from '../../web/page-renderer';
import { pageContext, text } from '../../web/web-context';
import { WebExceptionFilter } from '../../web/web-exception.filter';

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
    await submitForm(res, actor.locale, {
      dto: UpdatePracticumOfferDto,
      input,
      view: async (shown) => this.pages.render('offer', await this.context(actor, req, res, offerId, { values: body, ...shown })),
      then: async (value) => {
        await this.offers.update(actor, offerId, value);
        return `/angebote/${offerId}?ok=saved`;
      },
    });
  }
  private async context(actor: Actor, req: Request, res: Response, offerId: string, extra: Record<string, unknown>) {
    const offer = await this.offers.get(actor, offerId);
    // another company's offer is not there for this reader
    if (actor.role === Role.CompanyMember && offer.companyId !== actor.companyId) throw new NotFoundError('practicum_offer');
    const placed = await this.offers.placed(offerId);
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
