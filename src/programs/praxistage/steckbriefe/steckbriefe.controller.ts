import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '../../../common/identity/actor';
import { CurrentActor, Roles } from '../../../auth/auth.decorators';
import { Role } from '../../../common/identity/role';
import { UuidParam } from '../../../common/http/uuid-param.pipe';
import { CopySteckbriefDto, CreateSteckbriefDto, ReviewSteckbriefDto, SteckbriefListQuery, SteckbriefPlacesDto, UpdateSteckbriefDto } from './steckbrief.dto';
import { SteckbriefeService } from './steckbriefe.service';

/** Steckbriefe: companies' profiles with places per phase and weekday, reviewed by the organiser. */
@ApiTags('praxistage-year')
@Controller('api/v1/praxistage')
export class SteckbriefeController {
  constructor(private readonly steckbriefe: SteckbriefeService) {}

  @Post('years/:eventId/steckbriefe')
  @Roles(Role.CompanyMember)
  create(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string, @Body() body: CreateSteckbriefDto) {
    return this.steckbriefe.create(actor, eventId, body);
  }

  /** A company sees its own, schools the approved ones, staff all (filter `status=submitted` for the review queue). */
  @Get('years/:eventId/steckbriefe')
  list(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string, @Query() query: SteckbriefListQuery) {
    return this.steckbriefe.list(actor, eventId, query);
  }

  @Get('steckbriefe/:steckbriefId')
  get(@CurrentActor() actor: Actor, @Param('steckbriefId', UuidParam) offerId: string) {
    return this.steckbriefe.get(actor, offerId);
  }

  @Patch('steckbriefe/:steckbriefId')
  @Roles(Role.CompanyMember, Role.Organiser)
  update(@CurrentActor() actor: Actor, @Param('steckbriefId', UuidParam) offerId: string, @Body() body: UpdateSteckbriefDto) {
    return this.steckbriefe.update(actor, offerId, body);
  }

  /** Places per phase and weekday; fewer than are taken is refused. */
  @Put('steckbriefe/:steckbriefId/places')
  @Roles(Role.CompanyMember, Role.Organiser)
  places(@CurrentActor() actor: Actor, @Param('steckbriefId', UuidParam) offerId: string, @Body() body: SteckbriefPlacesDto) {
    return this.steckbriefe.setPlaces(actor, offerId, body.places);
  }

  @Post('steckbriefe/:steckbriefId/submit')
  @HttpCode(200)
  @Roles(Role.CompanyMember)
  submit(@CurrentActor() actor: Actor, @Param('steckbriefId', UuidParam) offerId: string) {
    return this.steckbriefe.submit(actor, offerId);
  }

  @Post('steckbriefe/:steckbriefId/review')
  @HttpCode(200)
  @Roles(Role.Organiser)
  review(@CurrentActor() actor: Actor, @Param('steckbriefId', UuidParam) offerId: string, @Body() body: ReviewSteckbriefDto) {
    return this.steckbriefe.review(actor, offerId, body);
  }

  /** Last year's Steckbrief into a new year, as a draft with the same places. */
  @Post('steckbriefe/:steckbriefId/copy')
  @Roles(Role.CompanyMember)
  copy(@CurrentActor() actor: Actor, @Param('steckbriefId', UuidParam) offerId: string, @Body() body: CopySteckbriefDto) {
    return this.steckbriefe.copy(actor, offerId, body.eventId);
  }
}
