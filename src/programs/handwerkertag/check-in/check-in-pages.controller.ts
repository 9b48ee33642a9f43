import { Body, Controller, Get, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentActor, Roles } from '../../../auth/auth.decorators';
import { DomainError } from '../../../common/errors/domain-error';
import { UuidParam } from '../../../common/http/uuid-param.pipe';
import { Actor } from '../../../common/identity/actor';
import { Role } from '../../../common/identity/role';
import { problemOf, readForm, statusOfRefusal, submitForm } from '../../../web/form';
import { PageRenderer } from '../../../web/page-renderer';
import { pageContext, text } from '../../../web/web-context';
import { WebExceptionFilter } from '../../../web/web-exception.filter';
import { CheckInsService } from './check-ins.service';
import { DoorLoginsService } from './door-logins.service';
import { ArrivalDto, CheckInCorrectionDto, CreateDoorLoginDto } from './dto/check-in.dto';
import { LiveFigures } from './live-figures';

/**
 * The entrance in the pages, made for a phone held in one hand: the QR address shows the
 * class and one form to let it in; the entrance page takes a short code typed by hand. The
 * organiser's live view counts who is in, and hands out the door logins.
 */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller()
export class CheckInPagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly checkIns: CheckInsService,
    private readonly live: LiveFigures,
    private readonly doorLogins: DoorLoginsService,
  ) {}

  /** What the QR code holds. */
  @Get('einlass/:code')
  @Roles(Role.Organiser, Role.Door)
  async visitPage(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('code') code: string) {
    res.send(await this.renderVisit(actor, req, res, code, {}));
  }

  @Post('einlass/:code')
  @Roles(Role.Organiser, Role.Door)
  async checkIn(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('code') code: string, @Body() body: Record<string, string>) {
    await submitForm(res, actor.locale, {
      dto: ArrivalDto,
      input: { pupils: body.pupils, teachers: body.teachers, ...(body.entrance ? { entrance: body.entrance } : {}) },
      view: (shown) => this.renderVisit(actor, req, res, code, { values: body, ...shown }),
      statusOf: statusOfRefusal,
      then: async (arrival) => {
        await this.checkIns.checkIn(actor, code, arrival);
        return `/einlass/${encodeURIComponent(code)}?ok=checkedIn`;
      },
    });
  }

  /** Corrects the numbers of a class already let in (a slip at the door). */
  @Post('einlass/:code/korrigieren')
  @Roles(Role.Organiser, Role.Door)
  async correct(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('code') code: string, @Body() body: Record<string, string>) {
    const { bookingId, eventId } = await this.checkIns.bookingOfCode(actor, code);
    await submitForm(res, actor.locale, {
      dto: CheckInCorrectionDto,
      input: { pupils: body.pupils, teachers: body.teachers },
      view: (shown) => this.renderVisit(actor, req, res, code, { fixValues: body, fixErrors: shown.errors, fixProblem: shown.problem, fixOpen: true }),
      statusOf: statusOfRefusal,
      then: async (numbers) => {
        await this.checkIns.correct(actor, eventId, bookingId, numbers);
        return `/einlass/${encodeURIComponent(code)}?ok=checkInCorrected`;
      },
    });
  }

  /** Takes a check-in back (the wrong class was let in): the class's page offers the check-in again. */
  @Post('einlass/:code/zuruecknehmen')
  @Roles(Role.Organiser, Role.Door)
  async undo(@CurrentActor() actor: Actor, @Res() res: Response, @Param('code') code: string) {
    const { bookingId, eventId } = await this.checkIns.bookingOfCode(actor, code);
    await this.checkIns.undo(actor, eventId, bookingId);
    res.redirect(303, `/einlass/${encodeURIComponent(code)}?ok=checkInUndone`);
  }

  /** The entrance of one fair: a short code typed by hand leads to the class's page. */
  @Get('veranstaltungen/:eventId/einlass')
  @Roles(Role.Organiser, Role.Door)
  async entrancePage(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('eventId', UuidParam) eventId: string) {
    const event = await this.checkIns.entrance(actor, eventId);
    const typed = typeof req.query.code === 'string' ? req.query.code.slice(0, 64) : '';
    let problem: string | undefined;
    if (typed) {
      try {
        const { bookingId } = await this.checkIns.status(actor, typed, eventId);
        return res.redirect(303, await this.checkIns.checkInPath(bookingId));
      } catch (error) {
        if (!(error instanceof DomainError) || error.code !== 'not_found') throw error;
        problem = text(actor.locale, 'checkIn.unknownCode');
        res.status(404);
      }
    }
    res.send(this.pages.render('check-in-entrance', pageContext(req, res, `${text(actor.locale, 'checkIn.entrance')}: ${event.title}`, { section: 'entrance', event, typed, problem })));
  }

  /**
   * The organiser's (and partners') live view, current when loaded: a reload link rather than
   * a timed refresh, which would move the page under a reader's eyes.
   */
  @Get('verwaltung/veranstaltungen/:eventId/einlass')
  @Roles(Role.Organiser, Role.Partner)
  async livePage(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('eventId', UuidParam) eventId: string) {
    res.send(await this.renderLive(actor, req, res, eventId, {}));
  }

  @Post('verwaltung/veranstaltungen/:eventId/einlass-zugaenge')
  @Roles(Role.Organiser)
  async createDoorLogin(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('eventId', UuidParam) eventId: string, @Body() body: Record<string, string>) {
    const read = { name: body.name, email: body.email };
    const form = await readForm(CreateDoorLoginDto, read, actor.locale);
    if (!form.value) return res.status(400).send(await this.renderLive(actor, req, res, eventId, { loginValues: read, loginErrors: { form: true, ...form.errors } }));
    try {
      // the password is shown on this page once; it never goes into an address or a redirect
      const created = await this.doorLogins.create(actor, eventId, form.value);
      res.send(await this.renderLive(actor, req, res, eventId, { created }));
    } catch (error) {
      if (!(error instanceof DomainError) || error.code === 'not_found') throw error;
      const problem = problemOf(error, actor.locale);
      res.status(statusOfRefusal(error)).send(await this.renderLive(actor, req, res, eventId, { loginValues: read, loginErrors: { form: true, ...problem.errors }, loginProblem: problem.problem }));
    }
  }

  @Post('verwaltung/veranstaltungen/:eventId/einlass-zugaenge/:userId/loeschen')
  @Roles(Role.Organiser)
  async deleteDoorLogin(@CurrentActor() actor: Actor, @Res() res: Response, @Param('eventId', UuidParam) eventId: string, @Param('userId', UuidParam) userId: string) {
    await this.doorLogins.remove(actor, eventId, userId);
    res.redirect(303, `/verwaltung/veranstaltungen/${eventId}/einlass?ok=doorLoginDeleted`);
  }

  private async renderVisit(actor: Actor, req: Request, res: Response, code: string, extra: Record<string, unknown>) {
    const visit = await this.checkIns.status(actor, code);
    const values = (extra.values as Record<string, string>) ?? { pupils: String(visit.pupils), teachers: String(visit.teachers) };
    // a correction starts from the numbers let in
    const fixValues = (extra.fixValues as Record<string, string>) ?? (visit.checkIn ? { pupils: String(visit.checkIn.pupils), teachers: String(visit.checkIn.teachers) } : {});
    return this.pages.render('check-in-visit', pageContext(req, res, `${visit.school}, ${visit.className}`, { section: 'entrance', visit, code, fixErrors: {}, ...extra, values, fixValues }));
  }

  private async renderLive(actor: Actor, req: Request, res: Response, eventId: string, extra: Record<string, unknown>) {
    const event = await this.checkIns.entrance(actor, eventId);
    const [figures, logins] = await Promise.all([this.live.ofEvent(actor, eventId), actor.role === Role.Organiser ? this.doorLogins.list(actor, eventId) : []]);
    return this.pages.render('check-in-live', pageContext(req, res, `${text(actor.locale, 'checkIn.live')}: ${event.title}`, { section: 'admin', event, figures, logins, now: new Date(), loginValues: {}, loginErrors: {}, ...extra }));
  }
}

