import { Body, Controller, Get, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Actor } from '../../../common/identity/actor';
import { CurrentActor, Roles } from '../../../auth/auth.decorators';
import { Role } from '../../../common/identity/role';
import { UuidParam } from '../../../common/http/uuid-param.pipe';
import { WITHOUT_KEY } from '../../../bookings/idempotency/idempotency';
import { statusOfRefusal, submitForm } from '../../../web/form';
import { PageRenderer } from '../../../web/page-renderer';
import { WebExceptionFilter } from '../../../web/web-exception.filter';
import { ClassWishesDto, CommitProposalDto, CompanyAvailabilityDto, PinDto } from '../day-plan/day-plan.dto';
import { DayPlanCommitService } from '../day-plan/day-plan-commit.service';
import { DayPlanProposalsService } from '../day-plan/day-plan-proposals.service';
import { DayPlanWishesService } from '../day-plan/day-plan-wishes.service';
import { DayPlanPageContext } from './day-plan-page.context';

const { Organiser: O, Partner: P, CompanyMember: C, SchoolMember: S } = Role;

/** A wish as the page's select sends it: "field:Elektro" or "company:<id>". */
const wishOf = (value: string | undefined): Array<{ companyId?: string; occupationalField?: string }> =>
  !value ? [] : value.startsWith('company:') ? [{ companyId: value.slice(8) }] : value.startsWith('field:') ? [{ occupationalField: value.slice(6) }] : [{ occupationalField: value }];

/**
 * The day plan in the pages: the host school enters wishes, asks for a proposal (and sees it
 * computed: a status to reload, no script needed), pins cells and books the plan; partners
 * read it; a company says when it is there.
 */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('veranstaltungen/:eventId/tagesplan')
export class DayPlanPagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly context: DayPlanPageContext,
    private readonly wishes: DayPlanWishesService,
    private readonly proposals: DayPlanProposalsService,
    private readonly commits: DayPlanCommitService,
  ) {}

  @Get()
  @Roles(O, P, C, S)
  async page(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('eventId', UuidParam) eventId: string) {
    res.send(await this.render(actor, req, res, eventId));
  }

  @Post('wuensche/:eventClassId')
  @Roles(O, S)
  async classWishes(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('eventId', UuidParam) eventId: string, @Param('eventClassId', UuidParam) eventClassId: string, @Body() body: Record<string, string>) {
    const input = { sessions: body.sessions ? body.sessions : null, wishes: [body.wish1, body.wish2, body.wish3].flatMap(wishOf) };
    await submitForm(res, actor.locale, {
      dto: ClassWishesDto,
      input,
      view: ({ problem }) => this.render(actor, req, res, eventId, { problem }),
      then: async (value) => {
        await this.wishes.setClassWishes(actor, eventId, eventClassId, value);
        return `/veranstaltungen/${eventId}/tagesplan?ok=saved#wuensche`;
      },
    });
  }

  @Post('verfuegbarkeit')
  @Roles(C)
  async availability(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('eventId', UuidParam) eventId: string, @Body() body: Record<string, string | string[]>) {
    const periodIds = ([] as string[]).concat(body.periodIds ?? []);
    const input = { teams: body.teams, periodIds: periodIds.length ? periodIds : null, roomKind: body.roomKind || null };
    await submitForm(res, actor.locale, {
      dto: CompanyAvailabilityDto,
      input,
      view: ({ errors, problem }) => this.render(actor, req, res, eventId, { availabilityValues: input, availabilityErrors: errors, problem }),
      statusOf: statusOfRefusal,
      then: async (value) => {
        await this.wishes.setOwnAvailability(actor, eventId, value);
        return `/veranstaltungen/${eventId}/tagesplan?ok=saved`;
      },
    });
  }

  @Post('vorschlag')
  @Roles(O, S)
  async propose(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('eventId', UuidParam) eventId: string) {
    await submitForm(res, actor.locale, {
      input: {},
      view: ({ problem }) => this.render(actor, req, res, eventId, { problem }),
      statusOf: statusOfRefusal,
      then: async () => {
        // solved in the background: the page says so until it is done, and may be left meanwhile
        await this.proposals.propose(actor, eventId);
        return `/veranstaltungen/${eventId}/tagesplan#vorschlag`;
      },
    });
  }

  /** Pins or moves a cell; a pin that breaks a rule comes back with the conflict named. */
  @Post('festlegen')
  @Roles(O, S)
  async pin(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('eventId', UuidParam) eventId: string, @Body() body: Record<string, string>) {
    const { proposalId, eventClassId, periodId, companyId, roomId } = body;
    const input = { proposalId, eventClassId, periodId, companyId, ...(roomId ? { roomId } : {}) };
    await submitForm(res, actor.locale, {
      dto: PinDto,
      input,
      view: ({ errors, problem }) => this.render(actor, req, res, eventId, { pinValues: body, pinErrors: errors, problem }),
      statusOf: statusOfRefusal,
      then: async (value) => {
        await this.proposals.pin(actor, eventId, value);
        return `/veranstaltungen/${eventId}/tagesplan?ok=saved#vorschlag`;
      },
    });
  }

  @Post('freigeben')
  @Roles(O, S)
  async unpin(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('eventId', UuidParam) eventId: string, @Body() body: Record<string, string>) {
    await submitForm(res, actor.locale, {
      input: {},
      view: ({ problem }) => this.render(actor, req, res, eventId, { problem }),
      statusOf: statusOfRefusal,
      then: async () => {
        await this.proposals.unpin(actor, eventId, String(body.eventClassId ?? ''), String(body.periodId ?? ''));
        return `/veranstaltungen/${eventId}/tagesplan?ok=saved#vorschlag`;
      },
    });
  }

  @Post('buchen')
  @Roles(O, S)
  async commit(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('eventId', UuidParam) eventId: string, @Body() body: Record<string, string>) {
    await submitForm(res, actor.locale, {
      dto: CommitProposalDto,
      input: { proposalId: body.proposalId },
      view: ({ problem }) => this.render(actor, req, res, eventId, { problem }),
      statusOf: statusOfRefusal,
      then: async (value) => {
        await this.commits.commit(actor, eventId, value, WITHOUT_KEY);
        return `/veranstaltungen/${eventId}/tagesplan?ok=dayPlanCommitted#vorschlag`;
      },
    });
  }

  private async render(actor: Actor, req: Request, res: Response, eventId: string, extra: Record<string, unknown> = {}) {
    return this.pages.render('day-plan', await this.context.build(actor, req, res, eventId, extra));
  }
}
