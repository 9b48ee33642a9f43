import { BookingKind, BookingStatus } from './booking-status';

/**
 * An attendee list's query over an event's bookings of one kind: the read model writes the
 * part that reads the booking table (which event, kind and states), the program adds what it
 * joins of its own tables and organisations, its columns and its order. Parameters of the
 * program's own conditions are numbered from $4 on.
 */
export interface BookingListQuery {
  eventId: string;
  kind: BookingKind;
  statuses: readonly BookingStatus[] | readonly string[];
  /** Columns over `b` (the booking) and the joined tables. */
  columns: string;
  joins?: string;
  where?: string;
  params?: unknown[];
  orderBy: string;
}

export function bookingListSql(query: BookingListQuery): { sql: string; params: unknown[] } {
  return {
    sql: `SELECT ${query.columns} FROM bookings b ${query.joins ?? ''}
           WHERE b.event_id = $1 AND b.kind = $2 AND b.status = ANY($3)${query.where ? ` AND (${query.where})` : ''}
           ORDER BY ${query.orderBy}`,
    params: [query.eventId, query.kind, query.statuses, ...(query.params ?? [])],
  };
}
