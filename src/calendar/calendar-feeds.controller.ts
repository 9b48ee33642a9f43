import { Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Actor } from '../common/identity/actor';
import { CurrentActor, OwnAccount, Public } from '../auth/auth.decorators';
import { UuidParam } from '../common/http/uuid-param.pipe';
import { sendCalendar } from './calendar-response';
import { CalendarFeedsService } from './calendar-feeds.service';

@ApiTags('calendar')
@Controller('api/v1/calendar')
export class CalendarFeedsController {
  constructor(private readonly feeds: CalendarFeedsService) {}

  /** The own organisation's private feed address (organisers: all events), https and webcal. */
  @Get('feed')
  feed(@CurrentActor() actor: Actor) {
    return this.feeds.feedOf(actor);
  }

  /** A new secret address; subscriptions to the old one stop working at once. */
  @Post('feed/renew')
  @HttpCode(200)
  @OwnAccount()
  renew(@CurrentActor() actor: Actor) {
    return this.feeds.renew(actor);
  }

  /** The subscription itself, for Outlook, Google and Apple calendars. Answers 304 when unchanged. */
  @Get('feeds/:feedId/:token/calendar.ics')
  @Public()
  @ApiProduces('text/calendar')
  async subscribe(
    @Param('feedId', UuidParam) feedId: string,
    @Param('token') token: string,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const { body, lastModified, etag } = await this.feeds.render(feedId, token);
    sendCalendar(req, res, body, lastModified, 'praxisnah.ics', etag);
  }
}
