import { Body, Controller, Get, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../auth/auth.decorators';
import { Role } from '../common/identity/role';
import { User } from '../auth/user.entity';
import { UuidParam } from '../common/http/uuid-param.pipe';
import { EventsService } from '../events/events.service';
import { PracticumOffersService } from '../events/practicum-offers.service';
import { TimeSlotsService } from '../events/time-slots.service';
import { PageRenderer } from './page-renderer';
import { SchoolDayView } from './school-day-view';
import { LANGUAGE_COOKIE, pageContext, pageLocale, text } from './web-context';
import { WebExceptionFilter } from './web-exception.filter';

const PROGRAMS = ['handwerkertag', 'schule-trifft-wirtschaft', 'praxistage'];

@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller()
export class PublicPagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly events: EventsService,
    private readonly slots: TimeSlotsService,
    private readonly offers: PracticumOffersService,
    private readonly schoolDay: SchoolDayView,
    private readonly dataSource: DataSource,
  ) {}

  /** The start page: the three programs and the upcoming events with their free places. */
  @Get()
  @Public()
  async home(@Req() req: Request, @Res() res: Response) {
    const today = new Date().toISOString().slice(0, 10);
    const upcoming = await this.events.list(req.actor, { from: today, status: 'published', page: 1, pageSize: 50 });
    const locale = pageLocale(req);
    res.send(
      this.pages.render('home', pageContext(req, res, locale === 'de' ? 'Start' : 'Home', { section: 'home', programs: PROGRAMS, events: upcoming.items })),
    );
  }

  @Get('veranstaltungen/:eventId')
  @Public()
  async event(@Req() req: Request, @Res() res: Response, @Param('eventId', UuidParam) eventId: string) {
    res.send(this.pages.render('event', await this.eventContext(req, res, eventId)));
  }

  /** Context of the event page, also used when a booking form comes back with errors. */
  async eventContext(req: Request, res: Response, eventId: string, form: Record<string, unknown> = {}) {
    const event = await this.events.get(req.actor, eventId);
    const context: Record<string, unknown> = { section: 'home', event, isOpen: event.status === 'published', ...form };
    if (event.program === 'handwerkertag') {
      context.slots = await this.slots.list(req.actor, eventId);
      if (req.actor?.role === Role.SchoolMember) {
        context.classes = await this.dataSource.query(`SELECT id, name FROM school_classes WHERE school_id = $1 ORDER BY grade, name`, [req.actor.schoolId]);
      }
    }
    if (event.program === 'praxistage') {
      const locale = pageLocale(req);
      const offers = await this.offers.list(req.actor, eventId, {});
      context.offers = offers;
      context.weekdays = [1, 2, 3, 4, 5].map((value) => ({ value, label: text(locale, `weekday.${value}`) }));
      context.offerWeekdays = offers.flatMap((o) =>
        o.availability.map((a) => ({ value: `${o.id}:${a.weekday}`, label: `${o.companyName}, ${o.occupationalField}: ${text(locale, `weekday.${a.weekday}`)} (${a.free} ${text(locale, 'event.free')})` })),
      );
      if (req.actor?.role === Role.SchoolMember) {
        const pupils = await this.dataSource.query(`SELECT id, first_name, last_name FROM pupils WHERE school_id = $1 ORDER BY last_name, first_name`, [req.actor.schoolId]);
        context.pupils = pupils.map((p: Record<string, string>) => ({ value: p.id, label: `${p.last_name}, ${p.first_name}` }));
      }
    }
    if (event.program === 'schule-trifft-wirtschaft') Object.assign(context, await this.schoolDay.context(req, event), form);
    return pageContext(req, res, event.title, context);
  }

  /** The language switch: remembered per member, or in a cookie for visitors. */
  @Post('sprache')
  @Public()
  async language(@Req() req: Request, @Res() res: Response, @Body() body: { locale?: string; back?: string }) {
    const locale = body.locale === 'en' ? 'en' : 'de';
    res.cookie(LANGUAGE_COOKIE, locale, { sameSite: 'lax', path: '/', maxAge: 365 * 86400_000 });
    if (req.actor) await this.dataSource.manager.update(User, { id: req.actor.userId }, { locale });
    const back = typeof body.back === 'string' && body.back.startsWith('/') && !body.back.startsWith('//') ? body.back : '/';
    res.redirect(303, back);
  }
}
