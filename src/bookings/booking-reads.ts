import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { BookingKind, BookingStatus, LIVE } from './booking-status';

/** A booking with its event and who booked it: what every kind's description starts from. */
/**
 * The booking history as rows of the audit log (id, occurred_at, actor_id, actor_name,
 * entity_type, entity_id, action, changes), for the log to show beside its own entries.
 */
export const BOOKING_HISTORY_AS_LOG = `
      SELECT 'booking-' || c.id AS id, c.occurred_at, c.actor_id, u.name AS actor_name, 'booking' AS entity_type, c.booking_id AS entity_id, c.change AS action,
             jsonb_build_object('status', jsonb_build_object('from', c.from_status, 'to', c.to_status), 'reason', c.reason) || c.details AS changes
        FROM booking_changes c LEFT JOIN users u ON u.id = c.actor_id`;

export interface OccasionRow {
  id: string;
  kind: BookingKind;
  status: BookingStatus;
  version: number;
  event_id: string;
  company_id: string | null;
  school_id: string | null;
  quantity: number;
  stand_number: number | null;
  details: Record<string, any>;
  weekday: number | null;
  first_date: string | null;
  last_date: string | null;
  team: number | null;
  updated_at: Date;
  bookable_id: string | null;
  school_class_id: string | null;
  period_id: string | null;
  event_class_id: string | null;
  room_id: string | null;
  offer_id: string | null;
  pupil_id: string | null;
  title: string;
  venue: string;
  starts_on: string;
  ends_on: string;
  company_name: string | null;
  school_name: string | null;
}

/** A confirmed booking of a pupil, as the pupil's documents read it. */
export interface PupilPlacementRow {
  id: string;
  pupilId: string;
  phaseId: string | null;
  offerId: string;
  companyId: string;
  schoolId: string;
  weekday: number;
  firstDate: string;
  lastDate: string;
  companyName: string;
  schoolName: string;
}

/** A booking as lists in the pages show it: with who booked it. */
export interface BookingRow {
  id: string;
  status: string;
  quantity: number;
  standNumber: number | null;
  details: Record<string, unknown>;
  waitlistedAt: Date | null;
  bookableId: string | null;
  companyId: string | null;
  periodId: string | null;
  eventClassId: string | null;
  roomId: string | null;
  team: number | null;
  companyName: string | null;
  companyBranch: string | null;
  companyApprenticeships: string[] | null;
  companyTown: string | null;
  schoolName: string | null;
  /** Only for placements: the pupil (gone after retention) and the class. */
  pupilFirstName: string | null;
  pupilLastName: string | null;
  className: string | null;
}

export const ROW = `b.id, b.status, b.quantity, b.stand_number AS "standNumber", b.details, b.waitlisted_at AS "waitlistedAt",
             b.bookable_id AS "bookableId", b.company_id AS "companyId", b.period_id AS "periodId", b.event_class_id AS "eventClassId",
             b.room_id AS "roomId", b.team, c.name AS "companyName", c.branch AS "companyBranch", c.apprenticeships AS "companyApprenticeships",
             c.town AS "companyTown", s.name AS "schoolName",
             p.first_name AS "pupilFirstName", p.last_name AS "pupilLastName", coalesce(sc.name, vc.name) AS "className"
        FROM bookings b LEFT JOIN companies c ON c.id = b.company_id LEFT JOIN schools s ON s.id = b.school_id
        LEFT JOIN pupils p ON p.id = b.pupil_id LEFT JOIN school_classes sc ON sc.id = p.class_id
        LEFT JOIN school_classes vc ON vc.id = b.school_class_id`;

/**
 * The read model of the booking tables: what other parts read of bookings, in one place
 * beside the engine that writes them. Reads only; every change goes through the engine.
 */
@Injectable()
export class BookingReads {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * An event's bookings of one kind: decided ones first by state, then the waiting in order,
   * then by name. Optionally only some states, and only companies whose branch or
   * apprenticeships match a search pattern (ILIKE); inside a transaction, read with its manager.
   */
  ofKind(
    eventId: string,
    kind: BookingKind,
    filter: { statuses?: readonly BookingStatus[]; companyMatching?: string | null } = {},
    manager: EntityManager = this.dataSource.manager,
  ): Promise<BookingRow[]> {
    return manager.query(
      `SELECT ${ROW} WHERE b.event_id = $1 AND b.kind = $2 AND ($3::text[] IS NULL OR b.status = ANY($3))
          AND ($4::text IS NULL OR c.branch ILIKE $4 OR array_to_string(c.apprenticeships, ' ') ILIKE $4)
        ORDER BY b.status, b.waitlisted_at NULLS FIRST, c.name, s.name`,
      [eventId, kind, filter.statuses ?? null, filter.companyMatching ?? null],
    );
  }

  /**
   * The state of a company's booking of one kind in an event among `statuses`, or null. With
   * `share`, the row stays locked for share until the caller's transaction ends (it may not
   * be cancelled meanwhile).
   */
  async companyBookingStatus(
    manager: EntityManager,
    eventId: string,
    companyId: string,
    kind: BookingKind,
    statuses: readonly BookingStatus[],
    lock?: 'share',
  ): Promise<BookingStatus | null> {
    const [row] = await manager.query(
      `SELECT status FROM bookings WHERE event_id = $1 AND company_id = $2 AND kind = $3 AND status = ANY($4) ${lock === 'share' ? 'FOR SHARE' : ''}`,
      [eventId, companyId, kind, statuses],
    );
    return row?.status ?? null;
  }

  /** Capacity, places taken and waiting bookings of some capacities (slots, an offer's weekdays), by id. */
  async pools(manager: EntityManager, ids: string[]): Promise<Map<string, { capacity: number; booked: number; waitlisted: number }>> {
    const rows: Array<{ id: string; capacity: number; booked: number; waitlisted: number }> = await manager.query(
      `SELECT p.id, p.capacity, p.booked,
              (SELECT count(*)::int FROM bookings w WHERE w.bookable_id = p.id AND w.status = 'waitlisted') AS waitlisted
         FROM bookables p WHERE p.id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, { capacity: r.capacity, booked: r.booked, waitlisted: r.waitlisted }]));
  }

  /** What an event's cancellation reaches: its live bookings, and the members of the organisations holding them (they get the mail). */
  async reach(eventId: string): Promise<{ bookings: number; people: number }> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS bookings,
              (SELECT count(*) FROM users u WHERE u.deactivated_at IS NULL AND (u.company_id IN (SELECT company_id FROM bookings WHERE event_id = $1 AND status IN ('pending', 'confirmed', 'waitlisted'))
                  OR u.school_id IN (SELECT school_id FROM bookings WHERE event_id = $1 AND status IN ('pending', 'confirmed', 'waitlisted'))))::int AS people
         FROM bookings WHERE event_id = $1 AND status IN ('pending', 'confirmed', 'waitlisted')`,
      [eventId],
    );
    return row;
  }

  /** A booking's kind if it is one of the event's (a route that names both); null otherwise. */
  async kindInEvent(manager: EntityManager, eventId: string, bookingId: string): Promise<BookingKind | null> {
    const [row] = await manager.query(`SELECT kind FROM bookings WHERE id = $1 AND event_id = $2`, [bookingId, eventId]);
    return row?.kind ?? null;
  }

  /** Capacity and places taken of pools that never keep a waiting list (a Steckbrief's places): one index read each. */
  async held(manager: EntityManager, ids: string[]): Promise<Map<string, { capacity: number; booked: number }>> {
    const rows: Array<{ id: string; capacity: number; booked: number }> = await manager.query(`SELECT id, capacity, booked FROM bookables WHERE id = ANY($1::uuid[])`, [ids]);
    return new Map(rows.map((r) => [r.id, { capacity: r.capacity, booked: r.booked }]));
  }

  /** The ids of a company's live bookings of one kind in an event, in a fixed order (to lock them in it). */
  async liveIdsOfCompany(manager: EntityManager, eventId: string, companyId: string, kind: BookingKind): Promise<string[]> {
    const rows: Array<{ id: string }> = await manager.query(
      `SELECT id FROM bookings WHERE event_id = $1 AND company_id = $2 AND kind = $3 AND status IN ('pending', 'confirmed') ORDER BY id`,
      [eventId, companyId, kind],
    );
    return rows.map((r) => r.id);
  }

  /** The classes of a school that hold (or wait for) a booking of a kind in an event: who still needs one. */
  async classesWithBooking(eventId: string, schoolId: string, kind: BookingKind): Promise<Set<string>> {
    const rows: Array<{ school_class_id: string }> = await this.dataSource.query(
      `SELECT DISTINCT school_class_id FROM bookings WHERE event_id = $1 AND school_id = $2 AND kind = $3 AND status IN ('pending', 'confirmed', 'waitlisted') AND school_class_id IS NOT NULL`,
      [eventId, schoolId, kind],
    );
    return new Set(rows.map((r) => r.school_class_id));
  }

  /** Capacity and places taken per event and kind of capacity (stands, a fair's slots, practicum weekdays). */
  capacities(eventIds: string[]): Promise<Array<{ event_id: string; kind: string; capacity: number; booked: number }>> {
    return this.dataSource.query(
      `SELECT event_id, kind, sum(capacity)::int AS capacity, sum(booked)::int AS booked FROM bookables WHERE event_id = ANY($1) GROUP BY event_id, kind`,
      [eventIds],
    );
  }

  /** Bookings with their event and who booked them, in the order they were made (for mails, calendars, feeds). */
  occasionRows(manager: EntityManager, bookingIds: string[]): Promise<OccasionRow[]> {
    return manager.query(
      `SELECT b.id, b.kind, b.status, b.version, b.event_id, b.company_id, b.school_id, b.quantity, b.stand_number,
              b.details, b.weekday, b.first_date::text AS first_date, b.last_date::text AS last_date, b.team, b.updated_at,
              b.bookable_id, b.school_class_id, b.period_id, b.event_class_id, b.room_id, b.offer_id, b.pupil_id,
              e.title, e.venue, e.starts_on::text AS starts_on, e.ends_on::text AS ends_on,
              c.name AS company_name, s.name AS school_name
         FROM bookings b JOIN events e ON e.id = b.event_id
         LEFT JOIN companies c ON c.id = b.company_id LEFT JOIN schools s ON s.id = b.school_id
        WHERE b.id = ANY($1) ORDER BY b.created_at, b.id`,
      [bookingIds],
    );
  }

  /** The live bookings a pupil is placed with (to end them when the pupil's data is deleted), in a fixed order. */
  async liveIdsOfPupil(manager: EntityManager, pupilId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await manager.query(`SELECT id FROM bookings WHERE pupil_id = $1 AND status = ANY($2) ORDER BY id`, [pupilId, LIVE]);
    return rows.map((r) => r.id);
  }

  /** The bookings that hold a place for a company or school, in the order they were made (its calendar feed). */
  async holdingIdsOf(side: 'company' | 'school', organisationId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM bookings WHERE ${side}_id = $1 AND status IN ('pending', 'confirmed') ORDER BY created_at, id`,
      [organisationId],
    );
    return rows.map((r) => r.id);
  }

  /**
   * When a company's or school's bookings last changed, and how many it has: what its feed
   * depends on (a cancelled booking leaves the feed, so its change must count too).
   */
  async stampOf(side: 'company' | 'school', organisationId: string): Promise<{ changed: Date | null; rows: number }> {
    const [row] = await this.dataSource.query(`SELECT max(updated_at) AS changed, count(*)::int AS rows FROM bookings WHERE ${side}_id = $1`, [organisationId]);
    return row;
  }

  /**
   * Confirmed bookings of open events that may start within `days` days from today (Berlin):
   * those whose event overlaps that window. Each kind's own start is then read from its occasion.
   */
  async confirmedAround(manager: EntityManager, days: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await manager.query(
      `SELECT b.id FROM bookings b JOIN events e ON e.id = b.event_id
        WHERE b.status = 'confirmed' AND e.status IN ('published', 'closed')
          AND e.starts_on <= (now() AT TIME ZONE 'Europe/Berlin')::date + $1::int
          AND e.ends_on >= (now() AT TIME ZONE 'Europe/Berlin')::date`,
      [days],
    );
    return rows.map((r) => r.id);
  }

  /**
   * The confirmed placements of pupils in the phases of a Praxistage year: which company and
   * occupational field each pupil had in which phase (for "a different one each phase").
   */
  phasePlacements(
    manager: EntityManager,
    eventId: string,
    pupilIds: string[],
  ): Promise<Array<{ id: string; pupilId: string; phaseId: string; companyId: string; occupationalField: string; mayStay: boolean }>> {
    return manager.query(
      `SELECT b.id, b.pupil_id AS "pupilId", b.phase_id AS "phaseId", b.company_id AS "companyId", b.occupational_field AS "occupationalField", b.may_stay AS "mayStay"
         FROM bookings b WHERE b.event_id = $1 AND b.pupil_id = ANY($2::uuid[]) AND b.phase_id IS NOT NULL AND b.status = 'confirmed'`,
      [eventId, pupilIds],
    );
  }

  /** Every booking that names one of these pupils, with its event and company, the earliest first. */
  ofPupils(pupilIds: string[]): Promise<Array<{ id: string; pupilId: string; eventTitle: string; companyName: string; offerId: string | null; weekday: number | null; firstDate: string | null; lastDate: string | null; status: BookingStatus }>> {
    return this.dataSource.query(
      `SELECT b.id, b.pupil_id AS "pupilId", e.title AS "eventTitle", c.name AS "companyName", b.offer_id AS "offerId", b.weekday,
              b.first_date::text AS "firstDate", b.last_date::text AS "lastDate", b.status
         FROM bookings b JOIN events e ON e.id = b.event_id JOIN companies c ON c.id = b.company_id
        WHERE b.pupil_id = ANY($1::uuid[]) ORDER BY b.first_date, b.id`,
      [pupilIds],
    );
  }

  /**
   * The confirmed bookings that name one of these pupils in an event (a year's phase
   * placements, or a term's), with what their documents need: phase, offer, company, series.
   */
  confirmedOfPupils(eventId: string, pupilIds: string[]): Promise<PupilPlacementRow[]> {
    return this.dataSource.query(
      `SELECT b.id, b.pupil_id AS "pupilId", b.phase_id AS "phaseId", b.offer_id AS "offerId", b.company_id AS "companyId", b.school_id AS "schoolId",
              b.weekday, b.first_date::text AS "firstDate", b.last_date::text AS "lastDate", c.name AS "companyName", s.name AS "schoolName"
         FROM bookings b JOIN companies c ON c.id = b.company_id JOIN schools s ON s.id = b.school_id
        WHERE b.event_id = $1 AND b.pupil_id = ANY($2::uuid[]) AND b.status = 'confirmed' ORDER BY b.first_date, b.id`,
      [eventId, pupilIds],
    );
  }

  /** The history of some bookings: each change with when and why, in order. */
  async histories(bookingIds: string[]): Promise<Map<string, Array<{ change: string; at: Date; reason: string | null }>>> {
    const rows: Array<{ booking_id: string; change: string; at: Date; reason: string | null }> = await this.dataSource.query(
      `SELECT booking_id, change, occurred_at AS at, reason FROM booking_changes WHERE booking_id = ANY($1::uuid[]) ORDER BY id`,
      [bookingIds],
    );
    const result = new Map<string, Array<{ change: string; at: Date; reason: string | null }>>();
    for (const { booking_id, ...change } of rows) result.set(booking_id, [...(result.get(booking_id) ?? []), change]);
    return result;
  }

  /** An event's waiting list in the order people move up: who came first. */
  waitingList(eventId: string): Promise<BookingRow[]> {
    return this.dataSource.query(`SELECT ${ROW} WHERE b.event_id = $1 AND b.status = 'waitlisted' ORDER BY b.waitlisted_at, b.id`, [eventId]);
  }

  /** The live bookings of some capacities (a slot, an offer's weekdays), by pupil's name. */
  liveOn(bookableIds: string[]): Promise<BookingRow[]> {
    return this.dataSource.query(
      `SELECT ${ROW} WHERE b.bookable_id = ANY($1::uuid[]) AND b.status = ANY($2) ORDER BY b.status, p.last_name, p.first_name`,
      [bookableIds, LIVE],
    );
  }

  /**
   * Bookings that name a pupil (placements) whose event ended more than `months` months ago
   * (Berlin date): due to forget the pupil.
   */
  async withPupilEndedBefore(months: number, manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows: Array<{ id: string }> = await manager.query(
      `SELECT b.id FROM bookings b JOIN events e ON e.id = b.event_id
        WHERE b.pupil_id IS NOT NULL AND e.ends_on + make_interval(months => $1) < (now() AT TIME ZONE 'Europe/Berlin')::date`,
      [months],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Pupils whose last booked event ended more than `months` months ago, or who were
   * recorded that long ago and never booked: due to be deleted.
   */
  async pupilsDoneBefore(months: number, manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows: Array<{ id: string }> = await manager.query(
      `SELECT p.id FROM pupils p
        WHERE coalesce(
                -- the end of the last event booked for the pupil, or of the last Praxistage year taken part in
                GREATEST((SELECT max(e.ends_on) FROM bookings b JOIN events e ON e.id = b.event_id WHERE b.pupil_id = p.id),
                         (SELECT max(e.ends_on) FROM praxistage_pupils pp JOIN events e ON e.id = pp.event_id WHERE pp.pupil_id = p.id)),
                (p.created_at AT TIME ZONE 'Europe/Berlin')::date)
              + make_interval(months => $1) < (now() AT TIME ZONE 'Europe/Berlin')::date`,
      [months],
    );
    return rows.map((r) => r.id);
  }
}
