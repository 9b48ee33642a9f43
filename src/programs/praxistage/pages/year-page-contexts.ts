import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Actor } from '../../../common/identity/actor';
import { isStaff, Role } from '../../../common/identity/role';
import { DISTRICTS } from '../../../organisations/region';
import { SchoolClassesService } from '../../../schools/school-classes.service';
import { pageContext, pageLocale, text } from '../../../web/web-context';
import { localInput } from '../../../web/form';
import { FieldWishesService } from '../allocation/field-wishes.service';
import { ApplicationsService } from '../applications/applications.service';
import { YearOverviewService } from '../overview/year-overview.service';
import { SteckbriefeService } from '../steckbriefe/steckbriefe.service';
import { ParticipationService } from '../year/participation.service';
import { Year, YearsService } from '../year/years.service';
import { applicationRows, districtName, placesGrid, STANDINGS, weekdayOptions } from './year-page-parts';

/** Rows of a long list shown on the year's page before "and n more". */
const SHOWN = 200;

/**
 * What the year's page shows each role: the school its pupils and where each stands, the
 * company its Steckbriefe and applications, the organiser and partners the whole year.
 * The forms of each role come back here with their errors (`extra`).
 */
@Injectable()
export class YearPageContexts {
  constructor(
    private readonly years: YearsService,
    private readonly participation: ParticipationService,
    private readonly classes: SchoolClassesService,
    private readonly steckbriefe: SteckbriefeService,
    private readonly applications: ApplicationsService,
    private readonly overview: YearOverviewService,
    private readonly wishes: FieldWishesService,
  ) {}

  /** The context of the year's page for the reader's role, and the view (`view`) that shows it. */
  async page(actor: Actor, req: Request, res: Response, eventId: string, extra: Record<string, unknown> = {}): Promise<Record<string, unknown> & { view: string }> {
    const year = await this.years.get(actor, eventId);
    const label = (key: string) => text(pageLocale(req), key);
    const common = { section: isStaff(actor.role) ? 'admin' : 'praxistage', year, phases: this.phases(year, extra), weekdays: weekdayOptions(label), weekdayNames: [1, 2, 3, 4, 5].map((d) => label(`weekday.${d}`)), grid: placesGrid([], {}), districts: [{ value: '', label: label('year.choose') }, ...Object.entries(DISTRICTS).map(([value, name]) => ({ value, label: name }))] };
    const own =
      actor.role === Role.SchoolMember ? await this.school(actor, year) : actor.role === Role.CompanyMember ? await this.company(actor, year) : await this.staff(actor, year, req);
    const view = `year-${actor.role === Role.SchoolMember ? 'school' : actor.role === Role.CompanyMember ? 'company' : 'staff'}`;
    return { ...pageContext(req, res, year.title, { ...common, ...own, ...extra }), view };
  }

  /** The phases, each with its form's values: as stored, or as typed where that form was refused (`extra.phaseForm`). */
  private phases(year: Year, extra: Record<string, unknown> = {}) {
    return year.phases.map((p) => {
      const refused = extra.phaseForm === String(p.number);
      const stored = { firstDay: p.firstDay, lastDay: p.lastDay, applicationsOpenAt: localInput(p.applicationsOpenAt), applicationsCloseAt: localInput(p.applicationsCloseAt) };
      return { ...p, form: { open: refused, values: refused ? extra.phaseValues : stored, errors: refused ? extra.phaseErrors : undefined } };
    });
  }

  private async school(actor: Actor, year: Year) {
    const participation = await this.participation.participation(actor, year.eventId);
    const classes = await this.classes.list(actor, actor.schoolId!);
    const participants = participation.participating ? await this.participation.participants(actor, year.eventId) : [];
    const byClass = new Map<string, typeof participants>();
    for (const p of participants) byClass.set(p.className ?? '', [...(byClass.get(p.className ?? '') ?? []), p]);
    const overview = participation.participating ? await this.overview.school(actor, year.eventId) : [];
    const classWeekday = new Map(participation.classWeekdays.map((c: { classId: string; weekday: number }) => [c.classId, String(c.weekday)]));
    return {
      participation,
      weekdayChoices: [{ value: '', label: text(actor.locale, 'year.choose') }, ...weekdayOptions((key) => text(actor.locale, key))],
      classOptions: classes.map((c) => ({ value: c.id, label: c.name, weekday: classWeekday.get(c.id) ?? '' })),
      classChoices: [{ value: '', label: text(actor.locale, 'year.choose') }, ...classes.map((c) => ({ value: c.id, label: c.name }))],
      participantClasses: [...byClass.entries()].map(([className, pupils]) => ({ className, classId: pupils[0]?.classId, pupils })),
      overview: overview.map((c) => ({
        ...c,
        pupils: c.pupils.map((p) => ({ ...p, cells: year.phases.map((ph) => p.phases[ph.number] ?? 'nothing') })),
        totals: year.phases.map((ph) => STANDINGS.map((s) => ({ standing: s, count: c.totals[ph.number]?.[s] ?? 0 }))),
      })),
      planC: participation.participating ? await this.overview.planC(actor, year.eventId) : [],
    };
  }

  private async company(actor: Actor, year: Year) {
    const mine = (await this.steckbriefe.list(actor, year.eventId, { page: 1, pageSize: 100 })).items;
    const earlier = [];
    for (const other of (await this.years.list(actor)).filter((y) => y.eventId !== year.eventId)) {
      for (const s of (await this.steckbriefe.list(actor, other.eventId, { page: 1, pageSize: 100 })).items) earlier.push({ ...s, yearTitle: other.title });
    }
    const applications = await this.applications.list(actor, year.eventId, {});
    return {
      steckbriefe: mine.map((s) => ({ ...s, placesTotal: s.places.reduce((sum, p) => sum + p.capacity, 0) })),
      earlier,
      openApplications: applications.filter((a: { status: string }) => a.status === 'submitted' || a.status === 'interview').length,
      applicationCount: applications.length,
      values: {},
    };
  }

  private async staff(actor: Actor, year: Year, req: Request) {
    const days = Number(req.query.tage);
    const withinDays = Number.isInteger(days) && days >= 0 && days <= 365 ? days : 14;
    const schools: Array<{ schoolId: string; schoolName: string; district: string; weekday: number; phase: number } & Record<string, number>> = await this.overview.schools(actor, year.eventId);
    const bySchool = new Map<string, { schoolName: string; district: string; weekday: number; cells: string[] }>();
    for (const row of schools) {
      if (!bySchool.has(row.schoolId)) bySchool.set(row.schoolId, { schoolName: row.schoolName, district: districtName(row.district) ?? '', weekday: row.weekday, cells: year.phases.map(() => '–') });
      bySchool.get(row.schoolId)!.cells[row.phase - 1] = `${row.placed} / ${row.offer} / ${row.applied} / ${row.nothing}`;
    }
    const planC = await this.overview.planC(actor, year.eventId, withinDays);
    const review = await this.steckbriefe.list(actor, year.eventId, { page: 1, pageSize: 100, status: 'submitted' });
    const free = await this.overview.freePlaces(actor, year.eventId);
    const fields = await this.overview.fields(actor, year.eventId);
    return {
      isDraft: year.status === 'draft',
      review: review.items,
      reviewMore: review.total - review.items.length,
      schools: [...bySchool.values()],
      planC: planC.slice(0, SHOWN),
      planCMore: Math.max(0, planC.length - SHOWN),
      withinDays,
      free: free.slice(0, SHOWN),
      freeMore: Math.max(0, free.length - SHOWN),
      freeTotal: free.reduce((sum: number, p: { free: number }) => sum + p.free, 0),
      fields: fields.slice(0, SHOWN),
      outcomes: (await this.overview.outcomes(actor, year.eventId)).map((o: { district: string }) => ({ ...o, districtName: districtName(o.district) })),
      settings: { applicationsPerPhase: String(year.applicationsPerPhase), offerHoldDays: String(year.offerHoldDays) },
    };
  }

  /** A pupil of the school as the coordinator sees it: applications, and what can be applied to now. */
  async pupil(actor: Actor, req: Request, res: Response, eventId: string, pupilId: string, extra: Record<string, unknown> = {}) {
    const year = await this.years.get(actor, eventId);
    const ref = await this.applications.pupilOfSchool(actor, eventId, pupilId);
    const participant = await this.participation.participant(eventId, actor.schoolId!, pupilId);
    const rows = applicationRows(await this.applications.list(actor, eventId, { pupilId }), pageLocale(req));
    const phase = await this.steckbriefe.applicationPhase(ref);
    const open = year.phases.find((p) => p.number === phase?.number) ?? null;
    const asPupil = { ...ref, sessionId: '', firstName: participant.firstName, lastName: participant.lastName, className: participant.className, locale: pageLocale(req) };
    // every Steckbrief on the pupil's day, not a page of them: at the region's size a weekday has a few hundred
    const offers = open ? (await this.steckbriefe.forPupil(asPupil, { page: 1, pageSize: 2000 })).items.filter((s) => !s.applied) : [];
    const inPhase = rows.filter((r) => r.phase === open?.number && r.active);
    return pageContext(req, res, `${participant.firstName} ${participant.lastName}`, {
      section: 'praxistage',
      year,
      participant,
      weekdayName: text(pageLocale(req), `weekday.${ref.weekday}`),
      applications: rows,
      open,
      placedNow: inPhase.some((r) => r.isAccepted),
      limitReached: inPhase.length >= year.applicationsPerPhase,
      wishes: await this.wishes.form(ref, pageLocale(req)),
      offerOptions: offers.length === 0 ? [] : [{ value: '', label: text(pageLocale(req), 'year.choose') }, ...offers.map((s) => ({ value: s.id, label: `${s.companyName}: ${s.occupationalField}, ${s.town} (${s.free} ${text(pageLocale(req), 'event.free')})` }))],
      values: {},
      ...extra,
    });
  }
}
