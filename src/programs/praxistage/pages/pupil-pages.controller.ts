import { Body, Controller, Get, Param, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../../auth/auth.decorators';
import { NotFoundError } from '../../../common/errors/domain-error';
import { UuidParam } from '../../../common/http/uuid-param.pipe';
import { readForm, submitForm } from '../../../web/form';
import { PageRenderer } from '../../../web/page-renderer';
import { pager, PAGE_ROWS, requestedPage } from '../../../web/paging';
import { pageContext, pageLocale, text } from '../../../web/web-context';
import { ApplicationsService } from '../applications/applications.service';
import { ApplyDto, DeclineDto } from '../applications/application.dto';
import { PupilSteckbriefQuery } from '../steckbriefe/steckbrief.dto';
import { SteckbriefeService } from '../steckbriefe/steckbriefe.service';
import { YearsService } from '../year/years.service';
import { PupilLoginDto } from '../pupil-access/pupil.controller';
import { CurrentPupil, PupilGuard } from '../pupil-access/pupil.guard';
import { PUPIL_COOKIE, PupilSession } from '../pupil-access/pupil-session';
import { PupilSessionsService } from '../pupil-access/pupil-sessions.service';
import { applicationRows, districtName, pageAddress, phaseOf, returnAddress, safeNext, wishesOf, withoutBlanks } from './year-page-parts';
import { FieldWishesService } from '../allocation/field-wishes.service';
import { MARKS_PER_YEAR, SteckbriefMarksService } from '../allocation/steckbrief-marks.service';
import { FieldWishesDto } from '../allocation/proposal.dto';
import { PupilPageFilter } from './pupil-page.filter';

/** What a pupil can do with an application in the pages, and the service call for it. */
const ACTIONS = ['annehmen', 'ablehnen', 'zurueckziehen'] as const;
type Action = (typeof ACTIONS)[number];

/**
 * "Tag in der Praxis" for pupils, made for a phone: log in with the code from the school's
 * letter, find places on one's own practice day, keep some on a Merkliste, apply, follow the
 * applications, accept or decline a place. The same session as the pupil API; nothing here
 * shows another pupil.
 */
@ApiExcludeController()
@UseFilters(PupilPageFilter)
@Public()
@Controller('tip')
export class PupilPagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly sessions: PupilSessionsService,
    private readonly years: YearsService,
    private readonly steckbriefe: SteckbriefeService,
    private readonly applications: ApplicationsService,
    private readonly wishes: FieldWishesService,
    private readonly marks: SteckbriefMarksService,
  ) {}

  /** The code login; a pupil who is logged in already goes on to the places. */
  @Get()
  async loginPage(@Req() req: Request, @Res() res: Response) {
    const secret = req.cookies?.[PUPIL_COOKIE];
    if (typeof secret === 'string' && secret && (await this.sessions.resolve(secret, pageLocale(req)))) return res.redirect(303, '/tip/plaetze');
    res.send(this.pages.render('pupil-login', this.context(req, res, undefined, 'tip.login.title', { next: safeNext(req.query.weiter) })));
  }

  @Post()
  async login(@Req() req: Request, @Res() res: Response, @Body() body: Record<string, string>) {
    const next = safeNext(body.weiter);
    await submitForm(res, pageLocale(req), {
      dto: PupilLoginDto,
      input: { code: body.code },
      view: (shown) => this.pages.render('pupil-login', this.context(req, res, undefined, 'tip.login.title', { next, values: { code: body.code }, ...shown })),
      statusOf: (error) => (error.code === 'rate_limited' ? 429 : 401),
      then: async (value) => {
        const { secret, expiresAt } = await this.sessions.login(value.code, req.ip ?? 'unknown');
        res.cookie(PUPIL_COOKIE, secret, this.sessions.cookieOptions(expiresAt));
        return next;
      },
    });
  }

  @Post('abmelden')
  @UseGuards(PupilGuard)
  async logout(@CurrentPupil() pupil: PupilSession, @Res() res: Response) {
    await this.sessions.logout(pupil.sessionId);
    res.clearCookie(PUPIL_COOKIE, this.sessions.cookieOptions());
    res.redirect(303, '/tip?ok=pupilLoggedOut');
  }

  @Get('plaetze')
  @UseGuards(PupilGuard)
  async search(@CurrentPupil() pupil: PupilSession, @Req() req: Request, @Res() res: Response, @Query() raw: Record<string, unknown>) {
    const filter = { occupationalField: typeof raw.feld === 'string' ? raw.feld : '', town: typeof raw.ort === 'string' ? raw.ort : '' };
    const query = await readForm(PupilSteckbriefQuery, { ...withoutBlanks(filter), page: String(requestedPage(req)), pageSize: String(PAGE_ROWS) }, pageLocale(req));
    const found = await this.steckbriefe.forPupil(pupil, query.value ?? {});
    found.items = found.items.map((s) => ({ ...s, district: districtName(s.district) }));
    const year = await this.years.get(undefined, pupil.eventId);
    const mine = await this.applications.forPupil(pupil);
    const phase = phaseOf(year, found.phase);
    const inPhase = mine.filter((a: { phase: number; status: string }) => a.phase === found.phase && ['submitted', 'interview', 'offered', 'accepted'].includes(a.status));
    const used = inPhase.length;
    const placed = inPhase.some((a: { status: string }) => a.status === 'accepted');
    res.status(query.errors ? 400 : 200).send(
      this.pages.render(
        'pupil-search',
        this.context(req, res, pupil, 'tip.search.title', {
          section: 'places',
          found,
          phase,
          filter,
          errors: query.errors,
          used,
          placed,
          // a window closing at midnight is read as "until the day before, 23:59"
          closesAt: phase ? new Date(new Date(phase.applicationsCloseAt).getTime() - 60_000) : null,
          limit: year.applicationsPerPhase,
          here: pageAddress(req),
          fields: found.fields.map((value) => ({ value, label: value })),
          pager: pager(found.page, found.total, { feld: filter.occupationalField, ort: filter.town }),
        }),
      ),
    );
  }

  @Get('plaetze/:steckbriefId')
  @UseGuards(PupilGuard)
  async steckbrief(@CurrentPupil() pupil: PupilSession, @Req() req: Request, @Res() res: Response, @Param('steckbriefId', UuidParam) steckbriefId: string) {
    res.send(this.pages.render('pupil-steckbrief', await this.steckbriefContext(pupil, req, res, steckbriefId, {})));
  }

  @Post('plaetze/:steckbriefId/bewerben')
  @UseGuards(PupilGuard)
  async apply(@CurrentPupil() pupil: PupilSession, @Req() req: Request, @Res() res: Response, @Param('steckbriefId', UuidParam) steckbriefId: string, @Body() body: Record<string, string>) {
    await this.steckbriefe.oneForPupil(pupil, steckbriefId);
    await submitForm(res, pageLocale(req), {
      dto: ApplyDto,
      input: withoutBlanks({ offerId: steckbriefId, message: body.message }),
      view: async (shown) => this.pages.render('pupil-steckbrief', await this.steckbriefContext(pupil, req, res, steckbriefId, { values: body, ...shown })),
      statusOf: () => 409,
      then: async (value) => {
        await this.applications.apply({ pupil }, pupil, value);
        return '/tip/bewerbungen?ok=applied';
      },
    });
  }

  @Get('merkliste')
  @UseGuards(PupilGuard)
  async marked(@CurrentPupil() pupil: PupilSession, @Req() req: Request, @Res() res: Response) {
    res.send(this.pages.render('pupil-marks', await this.marksContext(pupil, req, res, {})));
  }

  @Post('plaetze/:steckbriefId/merken')
  @UseGuards(PupilGuard)
  async mark(@CurrentPupil() pupil: PupilSession, @Req() req: Request, @Res() res: Response, @Param('steckbriefId', UuidParam) steckbriefId: string, @Body() body: Record<string, string>) {
    await this.changeMark(pupil, req, res, body, steckbriefId, 'marked', () => this.marks.mark(pupil, steckbriefId));
  }

  @Post('plaetze/:steckbriefId/nicht-merken')
  @UseGuards(PupilGuard)
  async unmark(@CurrentPupil() pupil: PupilSession, @Req() req: Request, @Res() res: Response, @Param('steckbriefId', UuidParam) steckbriefId: string, @Body() body: Record<string, string>) {
    // a Steckbrief of the pupil's year: a second tap (or a second tab) finds it off the list already, which is what was asked
    await this.steckbriefe.oneForPupil(pupil, steckbriefId);
    const unmark = () => this.marks.unmark(pupil, steckbriefId).catch((error) => (error instanceof NotFoundError && error.params.what === 'mark' ? undefined : Promise.reject(error)));
    await this.changeMark(pupil, req, res, body, steckbriefId, 'unmarked', unmark);
  }

  @Get('bewerbungen')
  @UseGuards(PupilGuard)
  async mine(@CurrentPupil() pupil: PupilSession, @Req() req: Request, @Res() res: Response) {
    res.send(this.pages.render('pupil-applications', await this.applicationsContext(pupil, req, res, {})));
  }

  @Post('bewerbungen/:applicationId/:action')
  @UseGuards(PupilGuard)
  async act(
    @CurrentPupil() pupil: PupilSession,
    @Req() req: Request,
    @Res() res: Response,
    @Param('applicationId', UuidParam) applicationId: string,
    @Param('action') action: string,
    @Body() body: Record<string, string>,
  ) {
    if (!ACTIONS.includes(action as Action)) throw new NotFoundError('page');
    await submitForm(res, pageLocale(req), {
      dto: DeclineDto,
      input: withoutBlanks({ reason: body.reason }),
      view: async (shown) => this.pages.render('pupil-applications', await this.applicationsContext(pupil, req, res, shown)),
      statusOf: () => 409,
      then: async (value) => {
        if (action === 'annehmen') await this.applications.accept({ pupil }, pupil, applicationId);
        else if (action === 'ablehnen') await this.applications.declineOffer(pupil, applicationId, value);
        else await this.applications.withdraw(pupil, applicationId);
        return `/tip/bewerbungen?ok=${action}`;
      },
    });
  }

  /** The pupil's ranked occupational fields, for a proposal when applying brought no place. */
  @Post('wuensche')
  @UseGuards(PupilGuard)
  async setWishes(@CurrentPupil() pupil: PupilSession, @Req() req: Request, @Res() res: Response, @Body() body: Record<string, string>) {
    await submitForm(res, pageLocale(req), {
      dto: FieldWishesDto,
      input: { fields: wishesOf(body) },
      view: async (shown) => this.pages.render('pupil-applications', await this.applicationsContext(pupil, req, res, shown)),
      then: async (value) => {
        await this.wishes.set(pupil, value.fields);
        return '/tip/bewerbungen?ok=wishesSaved#wuensche';
      },
    });
  }

  /** A mark set or taken off from a list or a Steckbrief: back to that page, its filters and the card; a full list says so on the Merkliste. */
  private async changeMark(pupil: PupilSession, req: Request, res: Response, body: Record<string, string>, steckbriefId: string, done: string, change: () => Promise<unknown>) {
    await submitForm(res, pageLocale(req), {
      input: {},
      view: async (shown) => this.pages.render('pupil-marks', await this.marksContext(pupil, req, res, shown)),
      statusOf: () => 409,
      then: async () => {
        await change();
        return returnAddress(body.weiter, done, `s-${steckbriefId}`);
      },
    });
  }

  private async marksContext(pupil: PupilSession, req: Request, res: Response, extra: Record<string, unknown>) {
    const marks = await this.marks.of(pupil);
    return this.context(req, res, pupil, 'tip.marks.title', { section: 'marks', marks, limit: MARKS_PER_YEAR, here: '/tip/merkliste', ...extra });
  }

  private async steckbriefContext(pupil: PupilSession, req: Request, res: Response, steckbriefId: string, extra: Record<string, unknown>) {
    const steckbrief = await this.steckbriefe.oneForPupil(pupil, steckbriefId);
    const year = await this.years.get(undefined, pupil.eventId);
    const phase = await this.steckbriefe.applicationPhase(pupil);
    const open = year.phases.find((p) => p.number === phase?.number);
    const place = steckbrief.places.find((p) => p.phase === open?.number && p.weekday === pupil.weekday);
    const inPhase = (await this.applications.forPupil(pupil)).filter(
      (a: { phase: number; status: string }) => a.phase === open?.number && ['submitted', 'interview', 'offered', 'accepted'].includes(a.status),
    );
    const applied = inPhase.some((a: { offerId: string }) => a.offerId === steckbriefId);
    const placed = inPhase.some((a: { status: string }) => a.status === 'accepted');
    const limitReached = inPhase.length >= year.applicationsPerPhase;
    const marked = (await this.marks.markedAmong(pupil, [steckbriefId])).has(steckbriefId);
    return this.context(req, res, pupil, 'tip.steckbrief.title', {
      marked,
      here: pageAddress(req),
      section: 'places',
      title: `${steckbrief.companyName}: ${steckbrief.occupationalField}`,
      steckbrief: { ...steckbrief, district: districtName(steckbrief.district), dailyStart: steckbrief.dailyStart.slice(0, 5), dailyEnd: steckbrief.dailyEnd.slice(0, 5) },
      place,
      open,
      applied,
      placed,
      limitReached,
      limit: year.applicationsPerPhase,
      values: {},
      ...extra,
    });
  }

  private async applicationsContext(pupil: PupilSession, req: Request, res: Response, extra: Record<string, unknown>) {
    const year = await this.years.get(undefined, pupil.eventId);
    const rows = applicationRows(await this.applications.forPupil(pupil), pageLocale(req));
    const phases = year.phases.map((phase) => ({ ...phase, applications: rows.filter((r) => r.phase === phase.number) })).filter((p) => p.applications.length > 0);
    const wishes = await this.wishes.form(pupil, pageLocale(req));
    return this.context(req, res, pupil, 'tip.applications.title', { section: 'applications', phases, wishes, ...extra });
  }

  /** The pupil's pages have their own menu: places, applications, log out. */
  private context(req: Request, res: Response, pupil: PupilSession | undefined, titleKey: string, extra: Record<string, unknown>) {
    const locale = pageLocale(req);
    // a shared school tablet: nothing of a pupil's stays in the browser's history or cache
    res.setHeader('Cache-Control', 'no-store');
    const navItems = pupil
      ? [
          { key: 'places', href: '/tip/plaetze', label: text(locale, 'tip.nav.places') },
          { key: 'marks', href: '/tip/merkliste', label: text(locale, 'tip.nav.marks') },
          { key: 'applications', href: '/tip/bewerbungen', label: text(locale, 'tip.nav.applications') },
        ]
      : [{ key: 'login', href: '/tip', label: text(locale, 'tip.nav.login') }];
    return pageContext(req, res, text(locale, titleKey), { section: 'login', navItems, logoutAction: pupil ? '/tip/abmelden' : undefined, pupil, ...extra });
  }
}
