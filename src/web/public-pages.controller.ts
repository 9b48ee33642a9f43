import { Body, Controller, Get, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { AccountsService } from '../auth/accounts.service';
import { UuidParam } from '../common/http/uuid-param.pipe';
import { PROGRAMS } from '../events/event-status';
import { EventsService } from '../events/events.service';
import { EventPage } from './event-page';
import { DEMO_LOGINS, DEMO_ORGANISER, DEMO_PASSWORD } from '../cli/demo-data';
import { PageRenderer } from './page-renderer';
import { LANGUAGE_COOKIE, pageContext, pageLocale } from './web-context';
import { WebExceptionFilter } from './web-exception.filter';

@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller()
export class PublicPagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly events: EventsService,
    private readonly eventPage: EventPage,
    private readonly accounts: AccountsService,
  ) {}

  /** The start page: the three programs and the upcoming events with their free places. */
  @Get()
  @Public()
  async home(@Req() req: Request, @Res() res: Response) {
    const today = new Date().toISOString().slice(0, 10);
    const upcoming = await this.events.list(req.actor, { from: today, status: 'published', page: 1, pageSize: 50 });
    const locale = pageLocale(req);
    // where the demo was loaded, the start page says so and names its logins
    const demo = (await this.accounts.emailExists(DEMO_ORGANISER)) ? { password: DEMO_PASSWORD, logins: DEMO_LOGINS } : null;
    res.send(
      this.pages.render('home', pageContext(req, res, locale === 'de' ? 'Start' : 'Home', { section: 'home', programs: PROGRAMS, events: upcoming.items, demo })),
    );
  }

  @Get('veranstaltungen/:eventId')
  @Public()
  async event(@Req() req: Request, @Res() res: Response, @Param('eventId', UuidParam) eventId: string) {
    res.send(this.pages.render('event', await this.eventPage.context(req, res, eventId)));
  }
  /** The language switch: remembered per member, or in a cookie for visitors. */
  @Post('sprache')
  @Public()
  async language(@Req() req: Request, @Res() res: Response, @Body() body: { locale?: string; back?: string }) {
    const locale = body.locale === 'en' ? 'en' : 'de';
    res.cookie(LANGUAGE_COOKIE, locale, { sameSite: 'lax', path: '/', maxAge: 365 * 86400_000 });
    if (req.actor) await this.accounts.setLocale(req.actor.userId, locale);
    const back = typeof body.back === 'string' && body.back.startsWith('/') && !body.back.startsWith('//') ? body.back : '/';
    res.redirect(303, back);
  }
}
