import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';


// The school year runs from 1 August: an event on 2027-03-10 belongs to 2026/27.
const SCHOOL_YEAR = `CASE WHEN extract(month FROM e.starts_on) >= 8
    THEN extract(year FROM e.starts_on)::int || '/' || lpad(((extract(year FROM e.starts_on)::int + 1) % 100)::text, 2, '0')
    ELSE (extract(year FROM e.starts_on)::int - 1) || '/' || lpad((extract(year FROM e.starts_on)::int % 100)::text, 2, '0') END`;

/**
 * The figures the booking tables give, for the statistics of organisers and partners
 * (employment agency, school authority): bookings by state and fill rates per event and per
 * slot or offer, waiting lists, and who took part — per district, school and occupational
 * field — over the school years. Part of the read model beside the engine.
 */
@Injectable()
export class BookingFigures {
  constructor(private readonly dataSource: DataSource) {}

  async overview(query: { schoolYear?: string; program?: string }) {
    const params = [query.schoolYear ?? null, query.program ?? null];
    const scope = `e.status <> 'draft' AND ($1::text IS NULL OR ${SCHOOL_YEAR} = $1) AND ($2::text IS NULL OR e.program = $2)`;
    const [events, byDistrict, bySchool, bySchoolType, byOccupationalField, bySchoolYear, bySchoolYearAndProgram, attendanceBySchool] = await Promise.all([
      this.dataSource.query(
        `SELECT e.id, e.title, e.program, e.starts_on::text AS "startsOn", e.status, ${SCHOOL_YEAR} AS "schoolYear",
                (SELECT coalesce(jsonb_object_agg(status, n), '{}') FROM (SELECT status, count(*)::int AS n FROM bookings WHERE event_id = e.id GROUP BY status) s) AS "bookingsByStatus",
                (SELECT coalesce(sum(capacity), 0)::int FROM bookables WHERE event_id = e.id) AS capacity,
                (SELECT coalesce(sum(booked), 0)::int FROM bookables WHERE event_id = e.id) AS booked
           FROM events e WHERE ${scope} ORDER BY e.starts_on, e.id`,
        params,
      ),
      this.dataSource.query(
        `WITH part AS (${this.participation(scope)})
         SELECT district, count(DISTINCT school_id)::int AS schools, count(DISTINCT company_id)::int AS companies,
                coalesce(sum(pupils), 0)::int AS pupils, count(*)::int AS bookings
           FROM part GROUP BY district ORDER BY district`,
        params,
      ),
      this.dataSource.query(
        `WITH part AS (${this.participation(scope)})
         SELECT s.id AS "schoolId", s.name, s.district, count(*)::int AS bookings, coalesce(sum(p.pupils), 0)::int AS pupils
           FROM part p JOIN schools s ON s.id = p.school_id GROUP BY s.id ORDER BY s.name`,
        params,
      ),
      this.dataSource.query(
        `WITH part AS (${this.participation(scope)})
         SELECT s.school_type AS "schoolType", count(DISTINCT s.id)::int AS schools, count(*)::int AS bookings, coalesce(sum(p.pupils), 0)::int AS pupils
           FROM part p JOIN schools s ON s.id = p.school_id GROUP BY s.school_type ORDER BY s.school_type`,
        params,
      ),
      // places: the weekdays of a term's offers and the phase places of a year's Steckbriefe
      this.dataSource.query(
        `SELECT o.occupational_field AS "occupationalField", count(DISTINCT o.id)::int AS offers,
                (SELECT coalesce(sum(b2.capacity), 0)::int
                   FROM (SELECT id, offer_id FROM offer_weekdays UNION ALL SELECT id, offer_id FROM steckbrief_places) w2
                   JOIN bookables b2 ON b2.id = w2.id JOIN practicum_offers o2 ON o2.id = w2.offer_id JOIN events e ON e.id = o2.event_id
                  WHERE o2.occupational_field = o.occupational_field AND ${scope}) AS places,
                count(b.id) FILTER (WHERE b.status = 'confirmed')::int AS placements
           FROM practicum_offers o JOIN events e ON e.id = o.event_id LEFT JOIN bookings b ON b.offer_id = o.id
          WHERE ${scope} GROUP BY o.occupational_field ORDER BY o.occupational_field`,
        params,
      ),
      this.dataSource.query(
        `SELECT ${SCHOOL_YEAR} AS "schoolYear", count(DISTINCT e.id)::int AS events,
                count(b.id) FILTER (WHERE b.status = 'confirmed')::int AS "confirmedBookings",
                coalesce(sum(b.quantity) FILTER (WHERE b.status = 'confirmed'), 0)::int AS persons
           FROM events e LEFT JOIN bookings b ON b.event_id = e.id
          WHERE ${scope}
          GROUP BY 1 ORDER BY 1`,
        params,
      ),
      this.dataSource.query(
        `SELECT ${SCHOOL_YEAR} AS "schoolYear", e.program, count(DISTINCT e.id)::int AS events,
                count(b.id) FILTER (WHERE b.status = 'confirmed')::int AS "confirmedBookings",
                coalesce(sum(b.quantity) FILTER (WHERE b.status = 'confirmed'), 0)::int AS persons
           FROM events e LEFT JOIN bookings b ON b.event_id = e.id
          WHERE ${scope}
          GROUP BY 1, 2 ORDER BY 1, 2`,
        params,
      ),
      // who came of the classes booked into time slots, counted at the entrance: only days that
      // are over and whose entrance checked classes in (before check-in existed, nobody was counted)
      this.dataSource.query(
        `SELECT s.id AS "schoolId", s.name, count(*)::int AS "classesBooked", count(ci.booking_id)::int AS "classesArrived",
                (count(*) - count(ci.booking_id))::int AS "noShows",
                coalesce(sum((b.details->>'pupils')::int), 0)::int AS "pupilsBooked", coalesce(sum(ci.pupils), 0)::int AS "pupilsArrived",
                coalesce(sum((b.details->>'teachers')::int), 0)::int AS "teachersBooked", coalesce(sum(ci.teachers), 0)::int AS "teachersArrived"
           FROM bookings b JOIN time_slots ts ON ts.id = b.bookable_id JOIN events e ON e.id = b.event_id JOIN schools s ON s.id = b.school_id
           LEFT JOIN check_ins ci ON ci.booking_id = b.id
          WHERE b.status = 'confirmed' AND ${scope} AND e.ends_on < (now() AT TIME ZONE 'Europe/Berlin')::date
            AND EXISTS (SELECT 1 FROM check_ins x WHERE x.event_id = e.id)
          GROUP BY s.id ORDER BY s.name`,
        params,
      ),
    ]);
    return {
      attendanceBySchool,
      events: events.map((e: Record<string, number> & { bookingsByStatus: Record<string, number> }) => ({
        ...e,
        fillRate: e.capacity > 0 ? Math.round((e.booked / e.capacity) * 1000) / 1000 : null,
        waitlisted: e.bookingsByStatus.waitlisted ?? 0,
      })),
      participation: { byDistrict, bySchool, bySchoolType, byOccupationalField },
      bySchoolYear,
      bySchoolYearAndProgram,
    };
  }

  /** The school years that have events to count, newest first: what the statistics can be filtered by. */
  async schoolYears(): Promise<string[]> {
    const rows: Array<{ schoolYear: string }> = await this.dataSource.query(
      `SELECT DISTINCT ${SCHOOL_YEAR} AS "schoolYear" FROM events e WHERE e.status <> 'draft' ORDER BY 1 DESC`,
    );
    return rows.map((r) => r.schoolYear);
  }

  /** Per slot or offer weekday of one event: capacity, booked, fill rate, waiting list. */
  async ofEvent(eventId: string) {
    const rows = await this.dataSource.query(
      `SELECT b.id, b.kind, ts.starts_at AS "startsAt", ph.number AS phase, o.occupational_field AS "occupationalField", c.name AS company,
              coalesce(w.weekday, sp.weekday) AS weekday, b.capacity, b.booked,
              (SELECT count(*)::int FROM bookings x WHERE x.bookable_id = b.id AND x.status = 'waitlisted') AS waitlisted
         FROM bookables b LEFT JOIN time_slots ts ON ts.id = b.id
         LEFT JOIN offer_weekdays w ON w.id = b.id
         LEFT JOIN steckbrief_places sp ON sp.id = b.id LEFT JOIN praxistage_phases ph ON ph.id = sp.phase_id
         LEFT JOIN practicum_offers o ON o.id = coalesce(w.offer_id, sp.offer_id)
         LEFT JOIN companies c ON c.id = o.company_id
        WHERE b.event_id = $1 ORDER BY b.kind, ts.starts_at, ph.number, o.occupational_field, c.name, 7, b.id`,
      [eventId],
    );
    return rows.map((r: Record<string, number>) => ({ ...r, fillRate: r.capacity > 0 ? Math.round((r.booked / r.capacity) * 1000) / 1000 : null }));
  }

  /**
   * How the confirmed bookings of one event grew, day by day (Berlin days) from the opening
   * of its registration to its closing, or to today while it is open: the bookings confirmed
   * and withdrawn each day (a booking confirmed before the opening counts on the first day),
   * and how many were confirmed at the day's end. Empty before the registration opens.
   */
  async bookingsPerDay(eventId: string) {
    const days: Array<{ date: string; confirmed: number; withdrawn: number; total: number }> = await this.dataSource.query(
      `WITH span AS (
         SELECT (registration_opens_at AT TIME ZONE 'Europe/Berlin')::date AS first_day,
                (least(registration_closes_at, now()) AT TIME ZONE 'Europe/Berlin')::date AS last_day
           FROM events WHERE id = $1),
       moves AS (
         SELECT greatest((c.occurred_at AT TIME ZONE 'Europe/Berlin')::date, span.first_day) AS day,
                count(*) FILTER (WHERE c.to_status = 'confirmed' AND c.from_status IS DISTINCT FROM 'confirmed')::int AS confirmed,
                count(*) FILTER (WHERE c.from_status = 'confirmed' AND c.to_status <> 'confirmed')::int AS withdrawn
           FROM booking_changes c JOIN bookings b ON b.id = c.booking_id CROSS JOIN span
          WHERE b.event_id = $1 AND (c.occurred_at AT TIME ZONE 'Europe/Berlin')::date <= span.last_day
          GROUP BY 1),
       days AS (SELECT d::date AS day FROM span, generate_series(span.first_day, span.last_day, interval '1 day') d)
       SELECT days.day::text AS date, coalesce(m.confirmed, 0)::int AS confirmed, coalesce(m.withdrawn, 0)::int AS withdrawn,
              (sum(coalesce(m.confirmed, 0) - coalesce(m.withdrawn, 0)) OVER (ORDER BY days.day))::int AS total
         FROM days LEFT JOIN moves m ON m.day = days.day ORDER BY days.day`,
      [eventId],
    );
    return days;
  }

  /**
   * Confirmed bookings with the school and company they belong to, and the pupils they
   * bring: a class visit its pupils, a placement (a booking of an offer) its one pupil.
   */
  private participation(scope: string) {
    return `SELECT b.id, b.school_id, b.company_id,
                   coalesce(s.district, c.district) AS district,
                   coalesce((b.details->>'pupils')::int, CASE WHEN b.offer_id IS NOT NULL THEN 1 ELSE 0 END) AS pupils
              FROM bookings b JOIN events e ON e.id = b.event_id
              LEFT JOIN schools s ON s.id = b.school_id LEFT JOIN companies c ON c.id = b.company_id
             WHERE b.status = 'confirmed' AND ${scope}`;
  }
}
