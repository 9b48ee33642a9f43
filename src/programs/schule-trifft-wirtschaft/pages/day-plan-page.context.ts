import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Actor } from '../../../common/identity/actor';
import { Role } from '../../../common/identity/role';
import { DomainError } from '../../../common/errors/domain-error';
import { canManageSchoolDay } from '../../../events/event-visibility';
import { EventsService } from '../../../events/events.service';
import { requireProgram } from '../../../events/program-guard';
import { pageContext, text } from '../../../web/web-context';
import { ROOM_KINDS } from '../event-room.entity';
import { SchoolDayService } from '../school-day.service';
import { ROOM_KIND_NAMES } from '../day-plan/day-plan.errors';
import { DayPlanProposalsService } from '../day-plan/day-plan-proposals.service';
import { ProposalView } from '../day-plan/day-plan-proposal.view';
import { DayPlanWishesService } from '../day-plan/day-plan-wishes.service';

type Option = { value: string; label: string };

/** Nothing there yet (no proposal, no run): the page shows that, not an error. */
const orNone = (error: unknown) => {
  if (error instanceof DomainError && error.code === 'not_found') return null;
  throw error;
};
/** Wishes a class gives in the page; the API takes up to ten. */
const WISHES_IN_PAGE = 3;

/**
 * The day plan page: for the host school (and organisers) the classes' wishes, the proposal's
 * grid with pins and the commit; partners read the same; a company says when it is there.
 */
@Injectable()
export class DayPlanPageContext {
  constructor(
    private readonly events: EventsService,
    private readonly layout: SchoolDayService,
    private readonly wishes: DayPlanWishesService,
    private readonly proposals: DayPlanProposalsService,
  ) {}

  async build(actor: Actor, req: Request, res: Response, eventId: string, extra: Record<string, unknown> = {}) {
    const event = await this.events.findVisible(actor, eventId);
    requireProgram(event, 'schule-trifft-wirtschaft');
    const locale = actor.locale;
    const day = await this.layout.layout(actor, eventId);
    const periodOptions: Option[] = day.periods.map((p) => ({ value: p.id, label: `${p.number}. ${text(locale, 'dayPlan.period')}` }));
    const base = { event, periodOptions, roomKindNames: Object.fromEntries(ROOM_KINDS.map((k) => [k, ROOM_KIND_NAMES[k][locale]])) };
    const title = `${text(locale, 'dayPlan.title')}: ${event.title}`;
    if (actor.role === Role.CompanyMember) {
      const own = await this.wishes.ownAvailability(actor, eventId);
      return pageContext(req, res, title, {
        ...base,
        forCompany: true,
        availability: (extra.availabilityValues as Record<string, unknown>) ?? own,
        periodChoices: day.periods.map((p) => ({ id: p.id, label: `${p.number}. ${text(locale, 'dayPlan.period')}`, checked: (own.periodIds ?? []).includes(p.id) })),
        roomNeedOptions: [{ value: '', label: text(locale, 'dayPlan.anyRoom') }, ...ROOM_KINDS.filter((k) => k !== 'classroom').map((k) => ({ value: k, label: ROOM_KIND_NAMES[k][locale] }))],
        ...extra,
      });
    }
    if (!canManageSchoolDay(actor, event) && actor.role !== Role.Partner) throw new DomainError('not_host_school');
    const overview = await this.wishes.overview(actor, eventId);
    const proposal = await this.proposals.current(actor, eventId).catch(orNone);
    const run = await this.proposals.latestRun(actor, eventId).catch(orNone);
    // while a run is going, the proposal shown is about to be replaced: it is neither pinned nor booked
    const solving = run?.status === 'queued' || run?.status === 'running';
    const wishOptions: Option[] = [
      { value: '', label: '—' },
      ...[...new Set([...event.requestedOccupationalFields, ...overview.companies.map((c) => c.branch ?? '').filter(Boolean)])].map((f) => ({ value: `field:${f}`, label: `${text(locale, 'dayPlan.field')}: ${f}` })),
      ...overview.companies.map((c) => ({ value: `company:${c.companyId}`, label: c.name })),
    ];
    return pageContext(req, res, title, {
      ...base,
      canManage: canManageSchoolDay(actor, event),
      classes: overview.classes.map((c: { eventClassId: string; name: string; sessions: number | null; wishes: Array<Record<string, string | null>> }) => ({
        ...c,
        wishFields: Array.from({ length: WISHES_IN_PAGE }, (_, i) => {
          const wish = c.wishes[i];
          return { name: `wish${i + 1}`, rank: i + 1, value: wish ? (wish.companyId ? `company:${wish.companyId}` : `field:${wish.occupationalField}`) : '' };
        }),
        wishText: c.wishes.map((w) => w.companyName ?? w.occupationalField).join(' · '),
      })),
      wishOptions,
      companies: overview.companies.map((c) => ({
        ...c,
        periodsText: c.periodIds ? day.periods.filter((p) => c.periodIds!.includes(p.id)).map((p) => `${p.number}.`).join(', ') : text(locale, 'dayPlan.allDay'),
        roomText: c.roomKind ? ROOM_KIND_NAMES[c.roomKind][locale] : '—',
      })),
      proposal: proposal && this.proposalParts(proposal, locale),
      solving,
      // a new address each time: a link to the address the page already has (with its #vorschlag) would only scroll
      reloadHref: `/veranstaltungen/${eventId}/tagesplan?stand=${Date.now()}#vorschlag`,
      runFailed: run?.status === 'failed',
      canEdit: canManageSchoolDay(actor, event) && proposal?.status === 'open' && !solving,
      classOptions: overview.classes.map((c: { eventClassId: string; name: string }) => ({ value: c.eventClassId, label: c.name })),
      companyOptions: overview.companies.map((c) => ({ value: c.companyId, label: c.name })),
      roomOptions: day.rooms.map((r) => ({ value: r.id, label: `${r.name} (${ROOM_KIND_NAMES[r.kind]?.[locale] ?? r.kind})` })),
      ...extra,
    });
  }

  /** The grid as rows of classes with a cell per period, and the shortfalls as sentences. */
  private proposalParts(proposal: ProposalView, locale: 'de' | 'en') {
    const fill = (key: string, params: Record<string, unknown>) =>
      Object.entries(params).reduce((sentence, [name, value]) => sentence.replace(`{${name}}`, String(value ?? '')), text(locale, key));
    return {
      ...proposal,
      rows: proposal.classes.map((c) => ({
        name: c.name,
        cells: proposal.periods.map((p) => proposal.cells.find((cell) => cell.eventClassId === c.id && cell.periodId === p.id) ?? null),
      })),
      pinned: proposal.cells.filter((c) => c.source === 'pinned'),
      statusText: proposal.solver.optimal
        ? text(locale, 'dayPlan.optimal')
        : text(locale, 'dayPlan.notOptimal').replace('{gap}', proposal.solver.gap === null ? '?' : String(Math.round(proposal.solver.gap * 1000) / 10)),
      reasons: proposal.shortfalls.map((s) => fill(`dayPlan.shortfall.${s.kind}.${'reason' in s ? s.reason : 'short'}`, { ...s })),
    };
  }
}
