import { Body, Controller, Get, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { Actor } from '../../../common/identity/actor';
import { CurrentActor, Roles } from '../../../auth/auth.decorators';
import { Role } from '../../../common/identity/role';
import { NotFoundError } from '../../../common/errors/domain-error';
import { UuidParam } from '../../../common/http/uuid-param.pipe';
import { submitForm } from '../../../web/form';
import { PageRenderer } from '../../../web/page-renderer';
import { pageContext, text } from '../../../web/web-context';
import { WebExceptionFilter } from '../../../web/web-exception.filter';
import { YearsService } from '../year/years.service';
import { PhaseProposalsService } from '../allocation/phase-proposals.service';
import { ProposalAcceptance } from '../allocation/proposal-acceptance';
import { PhaseProposalInput } from '../allocation/phase-proposal.input';
import { AskProposalDto, ChangeProposalDto, ProposalDto } from '../allocation/proposal.dto';
import { withoutBlanks } from './year-page-parts';

const phaseNumber = (phase: string) => {
  if (!/^[1-4]$/.test(phase)) throw new NotFoundError('phase');
  return Number(phase);
};

/**
 * The proposal of a phase in the pages: ask for one, see it computed (a status to reload, no
 * script needed), change lines, accept it. The organiser's covers all schools, a
 * coordinator's the own school.
 */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('praxistage/:eventId/phasen/:phase/vorschlag')
@Roles(Role.Organiser, Role.SchoolMember)
export class ProposalPagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly dataSource: DataSource,
    private readonly years: YearsService,
    private readonly proposals: PhaseProposalsService,
    private readonly acceptance: ProposalAcceptance,
    private readonly input: PhaseProposalInput,
  ) {}

  @Get()
  async page(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('eventId', UuidParam) eventId: string, @Param('phase') phase: string) {
    res.send(await this.render(actor, req, res, eventId, phaseNumber(phase)));
  }

  @Post()
  async ask(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('eventId', UuidParam) eventId: string, @Param('phase') phase: string, @Body() body: Record<string, string>) {
    const number = phaseNumber(phase);
    const ranks = [body.rank1, body.rank2, body.rank3].filter((r) => r !== undefined && r !== '');
    await submitForm(res, actor.locale, {
      dto: AskProposalDto,
      input: withoutBlanks({ weights: ranks.length || body.anywhere ? withoutBlanks({ ranks: ranks.length ? ranks.map(Number) : undefined, anywhere: body.anywhere || undefined }) : undefined }),
      view: (shown) => this.render(actor, req, res, eventId, number, { weights: body, ...shown }),
      then: async (value) => {
        await this.proposals.ask(actor, eventId, number, value);
        return `/praxistage/${eventId}/phasen/${number}/vorschlag`;
      },
    });
  }

  /** One line: another Steckbrief, or none. */
  @Post(':runId/zeilen')
  async change(
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Res() res: Response,
    @Param('eventId', UuidParam) eventId: string,
    @Param('phase') phase: string,
    @Param('runId', UuidParam) runId: string,
    @Body() body: Record<string, string>,
  ) {
    const number = phaseNumber(phase);
    await submitForm(res, actor.locale, {
      dto: ChangeProposalDto,
      input: { lines: [{ pupilId: body.pupilId, offerId: body.offerId || null }] },
      view: (shown) => this.render(actor, req, res, eventId, number, shown),
      statusOf: () => 409,
      then: async (value) => {
        await this.proposals.changeLines(actor, eventId, number, runId, value);
        return `/praxistage/${eventId}/phasen/${number}/vorschlag#zeile-${body.pupilId}`;
      },
    });
  }

  @Post(':runId/annehmen')
  async accept(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('eventId', UuidParam) eventId: string, @Param('phase') phase: string, @Param('runId', UuidParam) runId: string) {
    const number = phaseNumber(phase);
    await submitForm(res, actor.locale, {
      input: {},
      view: (shown) => this.render(actor, req, res, eventId, number, shown),
      statusOf: () => 409,
      then: async () => {
        await this.acceptance.accept(actor, eventId, number, runId);
        return `/praxistage/${eventId}/phasen/${number}/vorschlag?ok=saved`;
      },
    });
  }

  private async render(actor: Actor, req: Request, res: Response, eventId: string, number: number, extra: Record<string, unknown> = {}) {
    const year = await this.years.get(actor, eventId);
    const proposal = await this.proposals.latest(actor, eventId, number);
    const editable = proposal?.status === 'done';
    const choices = editable ? await this.choices(actor, eventId, number) : new Map<number, Array<{ value: string; label: string }>>();
    const drop = { value: '', label: text(actor.locale, 'proposal.drop') };
    const lines = (proposal?.lines ?? []).map((line) => ({ ...line, choices: [drop, ...(choices.get(line.weekday) ?? [])] }));
    return this.pages.render(
      'year-proposal',
      pageContext(req, res, text(actor.locale, 'proposal.title').replace('{number}', String(number)), {
        section: 'praxistage',
        year,
        phase: number,
        forAll: actor.role === Role.Organiser,
        proposal,
        lines,
        editable,
        hasLines: lines.length > 0,
        going: proposal?.status === 'queued' || proposal?.status === 'running',
        gapPercent: gapPercent(proposal),
        weights: {},
        ...extra,
      }),
    );
  }

  /** The Steckbriefe with a free place in the phase, per weekday, for the lines' selects. */
  private async choices(actor: Actor, eventId: string, number: number) {
    const scope = await this.proposals.scope(actor, eventId, number);
    const places = (await this.input.places(scope, this.dataSource.manager)).filter((p) => p.free > 0);
    const names = new Map<string, string>(
      (await this.dataSource.query(`SELECT o.id, c.name FROM practicum_offers o JOIN companies c ON c.id = o.company_id WHERE o.id = ANY($1::uuid[])`, [places.map((p) => p.offerId)])).map(
        (r: { id: string; name: string }) => [r.id, r.name],
      ),
    );
    const byDay = new Map<number, Array<{ value: string; label: string }>>();
    for (const place of places.sort((a, b) => (names.get(a.offerId) ?? '').localeCompare(names.get(b.offerId) ?? '', 'de'))) {
      byDay.set(place.weekday, [...(byDay.get(place.weekday) ?? []), { value: place.offerId, label: `${names.get(place.offerId)} · ${place.occupationalField} (${place.free})` }]);
    }
    return byDay;
  }
}

const gapPercent = (proposal: ProposalDto | null) => (proposal?.gap ? (proposal.gap * 100).toFixed(2) : null);
