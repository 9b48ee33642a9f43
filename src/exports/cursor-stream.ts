import { DataSource } from 'typeorm';
import { BookingListQuery, bookingListSql } from '../bookings/booking-list-query';

const BATCH = 1000;

/**
 * Rows of a query, fetched in batches through a cursor inside one read-only, repeatable-read
 * transaction: one consistent snapshot, and memory that stays flat however long the list.
 * The cursor closes when the consumer stops early (a download cancelled).
 */
export async function* cursorRows<T = Record<string, unknown>>(dataSource: DataSource, sql: string, params: unknown[]): AsyncGenerator<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await runner.query(`DECLARE attendee_rows NO SCROLL CURSOR FOR ${sql}`, params);
    for (;;) {
      const rows: T[] = await runner.query(`FETCH ${BATCH} FROM attendee_rows`);
      for (const row of rows) yield row;
      if (rows.length < BATCH) break;
    }
  } finally {
    await runner.query('ROLLBACK').catch(() => undefined);
    await runner.release();
  }
}

/** The rows of an attendee list over an event's bookings of one kind, streamed like any list. */
export function listRows<T = Record<string, unknown>>(dataSource: DataSource, query: BookingListQuery): AsyncGenerator<T> {
  const { sql, params } = bookingListSql(query);
  return cursorRows<T>(dataSource, sql, params);
}
