import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BookingRow, ROW } from './booking-reads';
import { BookingKind, BookingStatus } from './booking-status';

/** What the organiser narrows an event's bookings to; every part optional. */
export interface BookingFilter {
  status?: BookingStatus;
  kind?: BookingKind;
  /** One capacity: a time slot, an offer's weekday. */
  bookableId?: string;
  schoolId?: string;
  companyId?: string;
  /** The district of the booking school or company. */
  district?: string;
  /** Part of a company's, school's, class's or pupil's name. */
  search?: string;
}

export interface FoundBooking extends BookingRow {
  kind: BookingKind;
  createdAt: Date;
  schoolId: string | null;
  district: string | null;
}

/**
 * Every booking of an event as the organiser looks for one: filtered, searched, newest first,
 * a page at a time. One statement; the total comes with the rows.
 */
@Injectable()
export class BookingSearch {
  constructor(private readonly dataSource: DataSource) {}

  async ofEvent(eventId: string, filter: BookingFilter, window: { skip: number; take: number }): Promise<{ rows: FoundBooking[]; total: number }> {
    const pattern = filter.search ? `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    const rows: Array<FoundBooking & { total: string }> = await this.dataSource.query(
      `SELECT ${ROW.replace('FROM bookings b', `, b.kind, b.created_at AS "createdAt", b.school_id AS "schoolId",
                coalesce(s.district, c.district) AS district, count(*) OVER () AS total FROM bookings b`)}
        WHERE b.event_id = $1
          AND ($2::text IS NULL OR b.status = $2) AND ($3::text IS NULL OR b.kind = $3)
          AND ($4::uuid IS NULL OR b.bookable_id = $4) AND ($5::uuid IS NULL OR b.school_id = $5)
          AND ($6::uuid IS NULL OR b.company_id = $6) AND ($7::text IS NULL OR coalesce(s.district, c.district) = $7)
          AND ($8::text IS NULL OR c.name ILIKE $8 OR s.name ILIKE $8 OR coalesce(sc.name, vc.name) ILIKE $8
               OR p.last_name ILIKE $8 OR p.first_name ILIKE $8)
        ORDER BY b.created_at DESC, b.id
        LIMIT $9 OFFSET $10`,
      [eventId, filter.status ?? null, filter.kind ?? null, filter.bookableId ?? null, filter.schoolId ?? null, filter.companyId ?? null, filter.district ?? null, pattern, window.take, window.skip],
    );
    return { rows: rows.map(({ total: _total, ...row }) => row), total: rows.length ? Number(rows[0].total) : 0 };
  }

  /** The kinds of booking an event holds (a fair: stands and class visits), for the filter's choices. */
  async kindsIn(eventId: string): Promise<BookingKind[]> {
    return (await this.dataSource.query(`SELECT DISTINCT kind FROM bookings WHERE event_id = $1 ORDER BY kind`, [eventId])).map((r: { kind: BookingKind }) => r.kind);
  }

  /** The schools and companies that booked into an event, for the filter's choices. */
  bookers(eventId: string): Promise<Array<{ id: string; name: string; side: 'school' | 'company' }>> {
    return this.dataSource.query(
      `SELECT DISTINCT s.id, s.name, 'school' AS side FROM bookings b JOIN schools s ON s.id = b.school_id WHERE b.event_id = $1
       UNION SELECT DISTINCT c.id, c.name, 'company' FROM bookings b JOIN companies c ON c.id = b.company_id WHERE b.event_id = $1
       ORDER BY 2`,
      [eventId],
    );
  }
}
