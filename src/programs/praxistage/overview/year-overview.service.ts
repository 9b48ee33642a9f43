import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '../../../common/identity/actor';
import { Role } from '../../../common/identity/role';
import { YearsService } from '../year/years.service';
import { BookingReads } from '../../../bookings/booking-reads';
import { berlinDate } from '../../../common/time/berlin';
import { addDays } from '../../../calendar/iso-date';

/** Where a pupil stands in a phase: the furthest of their applications. */
export type PupilStanding = 'placed' | 'offer' | 'applied' | 'nothing';

/**
 * The furthest application per pupil and phase decides the standing. Only live applications
 * are joined: a declined, withdrawn or lapsed one counts as nothing, which is the standing
 * without it too, and the partial index of live applications (phase, pupil) finds them.
 * `phases` names the phases when only some are wanted; they are named on the applications
 * as well, so that only those phases' applications are read, not the year's.
 */
const standings = (phases?: string) => `
  SELECT pp.pupil_id, pp.school_id, ph.id AS phase_id, ph.number AS phase,
         CASE WHEN bool_or(a.status = 'accepted') THEN 'placed'
              WHEN bool_or(a.status = 'offered') THEN 'offer'
              WHEN bool_or(a.status IN ('submitted', 'interview')) THEN 'applied'
              ELSE 'nothing' END AS standing
    FROM praxistage_pupils pp
    JOIN praxistage_phases ph ON ph.event_id = pp.event_id ${phases ? `AND ph.id = ANY(${phases})` : ''}
    LEFT JOIN praxistage_applications a ON a.phase_id = ph.id AND a.pupil_id = pp.pupil_id
         AND a.status IN ('submitted', 'interview', 'offered', 'accepted') ${phases ? `AND a.phase_id = ANY(${phases})` : ''}
   WHERE pp.event_id = $1
   GROUP BY pp.pupil_id, pp.school_id, ph.id, ph.number`;
const STANDINGS = standings();

/**
 * Nobody falls through: per class and phase (a school) or per school and phase (organiser,
 * partners) who is placed, who holds an offer, who applied and waits, who has done nothing;
 * the Plan C list of pupils without a place shortly before their phase; companies with free
 * places; occupational fields wanted versus offered; and what came of it afterwards.
 */
@Injectable()
export class YearOverviewService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly years: YearsService,
    private readonly reads: BookingReads,
  ) {}

  /** A school's pupils per class and phase, with each pupil's standing (the school's own only). */
  async school(actor: Actor, eventId: string) {
    await this.years.get(actor, eventId);
    const rows: Array<{ className: string | null; pupilId: string; firstName: string; lastName: string; phase: number; standing: PupilStanding }> =
      await this.dataSource.query(
        `SELECT c.name AS "className", p.id AS "pupilId", p.first_name AS "firstName", p.last_name AS "lastName", s.phase, s.standing
           FROM (${STANDINGS}) s JOIN pupils p ON p.id = s.pupil_id LEFT JOIN school_classes c ON c.id = p.class_id
          WHERE s.school_id = $2 ORDER BY c.name NULLS LAST, p.last_name, p.first_name, p.id, s.phase`,
        [eventId, actor.schoolId],
      );
    const classes = new Map<string, { className: string | null; pupils: Map<string, { pupilId: string; firstName: string; lastName: string; phases: Record<number, PupilStanding> }> }>();
    for (const row of rows) {
      const key = row.className ?? '';
      if (!classes.has(key)) classes.set(key, { className: row.className, pupils: new Map() });
      const pupils = classes.get(key)!.pupils;
      if (!pupils.has(row.pupilId)) pupils.set(row.pupilId, { pupilId: row.pupilId, firstName: row.firstName, lastName: row.lastName, phases: {} });
      pupils.get(row.pupilId)!.phases[row.phase] = row.standing;
    }
    return [...classes.values()].map((c) => {
      const pupils = [...c.pupils.values()];
      return { className: c.className, pupils, totals: this.totals(pupils) };
    });
  }

  /** Per school and phase: how many pupils stand where. Staff only. */
  async schools(actor: Actor, eventId: string) {
    await this.years.get(actor, eventId);
    return this.dataSource.query(
      `SELECT sc.id AS "schoolId", sc.name AS "schoolName", sc.district, ps.weekday, s.phase,
              count(*) FILTER (WHERE s.standing = 'placed')::int AS placed, count(*) FILTER (WHERE s.standing = 'offer')::int AS offer,
              count(*) FILTER (WHERE s.standing = 'applied')::int AS applied, count(*) FILTER (WHERE s.standing = 'nothing')::int AS nothing
         FROM (${STANDINGS}) s JOIN schools sc ON sc.id = s.school_id JOIN praxistage_schools ps ON ps.event_id = $1 AND ps.school_id = s.school_id
        GROUP BY sc.id, sc.name, sc.district, ps.weekday, s.phase ORDER BY sc.name, sc.id, s.phase`,
      [eventId],
    );
  }

  /**
   * Plan C: pupils without a place in a phase that starts within `days` days (or has begun
   * and is not over), with their school, class, weekday and where they stand.
   */
  async planC(actor: Actor, eventId: string, days = 14) {
    const year = await this.years.get(actor, eventId);
    const today = berlinDate(new Date());
    const phases = year.phases.filter((p) => p.firstDay <= addDays(today, days) && p.lastDay >= today).map((p) => p.id);
    if (phases.length === 0) return [];
    const schoolOnly = actor.role === Role.SchoolMember;
    return this.dataSource.query(
      `SELECT s.phase, ph.first_day::text AS "firstDay", sc.name AS "schoolName", c.name AS "className", p.first_name AS "firstName",
              p.last_name AS "lastName", s.pupil_id AS "pupilId", coalesce(cw.weekday, ps.weekday) AS weekday, s.standing
         FROM (${standings('$2::uuid[]')}) s JOIN praxistage_phases ph ON ph.id = s.phase_id
         JOIN pupils p ON p.id = s.pupil_id LEFT JOIN school_classes c ON c.id = p.class_id JOIN schools sc ON sc.id = s.school_id
         JOIN praxistage_schools ps ON ps.event_id = $1 AND ps.school_id = s.school_id
         LEFT JOIN praxistage_class_weekdays cw ON cw.event_id = $1 AND cw.class_id = p.class_id
        WHERE s.standing <> 'placed' AND ($3::uuid IS NULL OR s.school_id = $3)
        ORDER BY s.phase, sc.name, c.name, p.last_name, p.first_name, p.id`,
      [eventId, phases, schoolOnly ? actor.schoolId : null],
    );
  }

  /** Approved Steckbriefe with places still free, per phase and weekday. */
  async freePlaces(actor: Actor, eventId: string, phase?: number) {
    await this.years.get(actor, eventId);
    const places = await this.offeredPlaces(eventId, phase);
    return places.filter((p) => p.free > 0).map(({ placeId: _p, ...place }) => place);
  }

  /** Per phase and occupational field: places offered (approved Steckbriefe) against pupils who applied. */
  async fields(actor: Actor, eventId: string) {
    await this.years.get(actor, eventId);
    const rows = new Map<string, { phase: number; occupationalField: string; offered: number; wanted: number }>();
    const row = (phase: number, field: string) => {
      const key = `${phase}:${field}`;
      if (!rows.has(key)) rows.set(key, { phase, occupationalField: field, offered: 0, wanted: 0 });
      return rows.get(key)!;
    };
    for (const place of await this.offeredPlaces(eventId)) row(place.phase, place.occupationalField).offered += place.capacity;
    const wanted: Array<{ phase: number; field: string; pupils: number }> = await this.dataSource.query(
      `SELECT ph.number AS phase, o.occupational_field AS field, count(DISTINCT a.pupil_id)::int AS pupils
         FROM praxistage_applications a JOIN practicum_offers o ON o.id = a.offer_id JOIN praxistage_phases ph ON ph.id = a.phase_id
        WHERE a.event_id = $1 GROUP BY 1, 2`,
      [eventId],
    );
    for (const w of wanted) row(w.phase, w.field).wanted += w.pupils;
    // most wanted beyond what is offered first
    return [...rows.values()].sort((a, b) => a.phase - b.phase || b.wanted - b.offered - (a.wanted - a.offered) || a.occupationalField.localeCompare(b.occupationalField, 'de'));
  }

  private async offeredPlaces(eventId: string, phase?: number) {
    const rows: Array<{ placeId: string; phase: number; weekday: number; companyName: string; offerId: string; occupationalField: string; town: string; district: string | null }> =
      await this.dataSource.query(
        `SELECT sp.id AS "placeId", ph.number AS phase, sp.weekday, co.name AS "companyName", o.id AS "offerId", o.occupational_field AS "occupationalField", o.town, o.district
           FROM steckbrief_places sp JOIN praxistage_phases ph ON ph.id = sp.phase_id
           JOIN practicum_offers o ON o.id = sp.offer_id JOIN companies co ON co.id = o.company_id
          WHERE ph.event_id = $1 AND o.review_status = 'approved' AND ($2::int IS NULL OR ph.number = $2)
          ORDER BY ph.number, sp.weekday, o.occupational_field, co.name, o.id`,
        [eventId, phase ?? null],
      );
    const pools = await this.reads.pools(this.dataSource.manager, rows.map((r) => r.placeId));
    return rows.map((r) => {
      const pool = pools.get(r.placeId) ?? { capacity: 0, booked: 0 };
      return { ...r, capacity: pool.capacity, booked: pool.booked, free: pool.capacity - pool.booked };
    });
  }

  /** What came of the year: apprenticeships and further internships offered, per district and field. */
  async outcomes(actor: Actor, eventId: string) {
    await this.years.get(actor, eventId);
    return this.dataSource.query(
      `SELECT district, occupational_field AS "occupationalField", count(*) FILTER (WHERE kind = 'apprenticeship')::int AS apprenticeships,
              count(*) FILTER (WHERE kind = 'internship')::int AS internships
         FROM praxistage_outcomes WHERE event_id = $1 GROUP BY 1, 2 ORDER BY 1, 2`,
      [eventId],
    );
  }

  private totals(pupils: Array<{ phases: Record<number, PupilStanding> }>) {
    const totals: Record<number, Record<PupilStanding, number>> = {};
    for (const pupil of pupils) {
      for (const [phase, standing] of Object.entries(pupil.phases)) {
        totals[Number(phase)] ??= { placed: 0, offer: 0, applied: 0, nothing: 0 };
        totals[Number(phase)][standing] += 1;
      }
    }
    return totals;
  }
}
