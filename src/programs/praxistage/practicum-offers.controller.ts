import { Body, Controller, Get, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Actor } from '../../common/identity/actor';
import { CurrentActor, Public, Roles } from '../../auth/auth.decorators';
import { Role } from '../../common/identity/role';
import { UuidParam } from '../../common/http/uuid-param.pipe';
import { CreatePracticumOfferDto, OfferListQuery, UpdatePracticumOfferDto } from './dto/practicum-offer.dto';
import { PracticumOffersService } from './practicum-offers.service';

/** Praxistage: practicum offers of companies, with free places per weekday. */
@ApiTags('praxistage')
@Controller('api/v1')
export class PracticumOffersController {
  constructor(private readonly offers: PracticumOffersService) {}

  @Get('events/:eventId/offers')
  @Public()
  list(@Req() req: Request, @Param('eventId', UuidParam) eventId: string, @Query() query: OfferListQuery) {
    return this.offers.list(req.actor, eventId, query);
  }

  /** A company publishes an offer for a Praxistage term (approved companies only). */
  @Post('events/:eventId/offers')
  @Roles(Role.CompanyMember)
  create(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string, @Body() body: CreatePracticumOfferDto) {
    return this.offers.create(actor, eventId, body);
  }

  @Get('offers/:offerId')
  @Public()
  get(@Req() req: Request, @Param('offerId', UuidParam) offerId: string) {
    return this.offers.get(req.actor, offerId);
  }

  /** Changes the offer; more places promote waiting placements, fewer than are taken is refused. */
  @Patch('offers/:offerId')
  @Roles(Role.Organiser, Role.CompanyMember)
  update(@CurrentActor() actor: Actor, @Param('offerId', UuidParam) offerId: string, @Body() body: UpdatePracticumOfferDto) {
    return this.offers.update(actor, offerId, body);
  }
}
