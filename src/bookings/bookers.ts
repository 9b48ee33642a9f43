import { EntityManager } from 'typeorm';
import { BookingStatus } from './booking-status';

/** The two sides of a booking: the company that booked or takes part, the school that booked or hosts. */
export type BookerSide = 'company' | 'school';

/** Which bookers of an event are meant (the organisers' messages): every list empty means "any". */
export interface BookerFilter {
  statuses: readonly BookingStatus[];
  /** Only bookings that hold a place in one of these capacities (a fair's visiting slots). */
  bookableIds: readonly string[];
  /** The companies of the bookings, their schools, or both. */
  sides: readonly BookerSide[];
}

export interface Bookers {
  /** Bookings that match and have an organisation on a chosen side. */
  bookings: number;
  /** Each organisation once, however many of its bookings match. */
  organisations: Array<{ side: BookerSide; id: string }>;
}

// a booking's organisations as rows, one per side it has
const MATCHING = `
  FROM bookings b CROSS JOIN LATERAL (VALUES ('company', b.company_id), ('school', b.school_id)) AS o(side, id)
 WHERE b.event_id = $1 AND b.status = ANY($2::text[]) AND (cardinality($3::uuid[]) = 0 OR b.bookable_id = ANY($3::uuid[]))
   AND o.id IS NOT NULL AND o.side = ANY($4::text[])`;

/**
 * The organisations an event's bookings of the filter belong to, and how many bookings
 * those are: whom a message with this filter reaches (their members get it). A read of the
 * booking tables, so it lives here; with the caller's manager, so that a send counts in its
 * own transaction.
 */
export async function bookersOf(manager: EntityManager, eventId: string, filter: BookerFilter): Promise<Bookers> {
  const params = [eventId, filter.statuses, filter.bookableIds, filter.sides];
  const organisations: Array<{ side: BookerSide; id: string }> = await manager.query(`SELECT DISTINCT o.side, o.id ${MATCHING} ORDER BY o.side, o.id`, params);
  const [{ bookings }] = await manager.query(`SELECT count(DISTINCT b.id)::int AS bookings ${MATCHING}`, params);
  return { bookings, organisations };
}
