import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { BookingKind, BookingStatus } from './booking-status';

/** A booking that brings a group of people (a class with its teachers), as an entrance checks it. */
export interface GroupBooking {
  id: string;
  eventId: string;
  status: BookingStatus;
  bookableId: string | null;
  schoolId: string | null;
  schoolName: string | null;
  district: string | null;
  className: string | null;
  pupils: number;
  teachers: number;
}

/**
 * The read model for who is expected at an event: bookings with the pupils and teachers they
 * bring, their school and class. Programs that check people in keep their check-ins in their
 * own tables and read the bookings here.
 */
@Injectable()
export class AttendanceReads {
  constructor(private readonly dataSource: DataSource) {}

  /** Bookings of `kind`, of one event or by their ids (inside a transaction, read with its manager). */
  groups(
    kind: BookingKind,
    filter: { eventId?: string; bookingIds?: readonly string[]; statuses?: readonly BookingStatus[] },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<GroupBooking[]> {
    return manager.query(
      `SELECT b.id, b.event_id AS "eventId", b.status, b.bookable_id AS "bookableId", b.school_id AS "schoolId",
              s.name AS "schoolName", s.district, vc.name AS "className",
              coalesce((b.details->>'pupils')::int, 0) AS pupils, coalesce((b.details->>'teachers')::int, 0) AS teachers
         FROM bookings b LEFT JOIN schools s ON s.id = b.school_id LEFT JOIN school_classes vc ON vc.id = b.school_class_id
        WHERE b.kind = $1 AND ($2::uuid IS NULL OR b.event_id = $2) AND ($3::uuid[] IS NULL OR b.id = ANY($3))
          AND ($4::text[] IS NULL OR b.status = ANY($4))
        ORDER BY s.name, vc.name, b.id`,
      [kind, filter.eventId ?? null, filter.bookingIds ?? null, filter.statuses ?? null],
    );
  }
}
