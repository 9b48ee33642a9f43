import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BookingKind, LIVE } from './booking-status';

/** A booking as lists in the pages show it: with who booked it. */
export interface BookingRow {
  id: string;
  status: string;
  quantity: number;
  standNumber: number | null;
  details: Record<string, unknown>;
  waitlistedAt: Date | null;
  bookableId: string | null;
  companyName: string | null;
  schoolName: string | null;
  /** Only for placements: the pupil (gone after retention) and the class. */
  pupilFirstName: string | null;
  pupilLastName: string | null;
  className: string | null;
}

const ROW = `b.id, b.status, b.quantity, b.stand_number AS "standNumber", b.details, b.waitlisted_at AS "waitlistedAt",
             b.bookable_id AS "bookableId", c.name AS "companyName", s.name AS "schoolName",
             p.first_name AS "pupilFirstName", p.last_name AS "pupilLastName", sc.name AS "className"
        FROM bookings b LEFT JOIN companies c ON c.id = b.company_id LEFT JOIN schools s ON s.id = b.school_id
        LEFT JOIN pupils p ON p.id = b.pupil_id LEFT JOIN school_classes sc ON sc.id = p.class_id`;

/**
 * The read model of the booking tables: what other parts read of bookings, in one place
 * beside the engine that writes them. Reads only; every change goes through the engine.
 */
@Injectable()
export class BookingReads {
  constructor(private readonly dataSource: DataSource) {}

  /** An event's bookings of one kind: decided ones first by state, then the waiting in order, then by name. */
  ofKind(eventId: string, kind: BookingKind): Promise<BookingRow[]> {
    return this.dataSource.query(
      `SELECT ${ROW} WHERE b.event_id = $1 AND b.kind = $2 ORDER BY b.status, b.waitlisted_at NULLS FIRST, c.name, s.name`,
      [eventId, kind],
    );
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
}
