import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AttendanceReads, GroupBooking } from '../../../bookings/attendance-reads';
import { DomainError, NotFoundError } from '../../../common/errors/domain-error';
import { Actor } from '../../../common/identity/actor';
import { Role } from '../../../common/identity/role';
import { inTransaction } from '../../../database/transaction';
import { requireProgram } from '../../../events/program-guard';
import { EventsService } from '../../../events/events.service';
import { BookingsService } from '../../../bookings/bookings.service';
import { CheckInCodes, CLASS_VISIT } from './check-in-codes';
import { ArrivalDto, CheckInCorrectionDto, CheckInRecordDto, CheckInStatusDto, EntrancePassDto } from './dto/check-in.dto';
import { AuditService, diff } from '../../../audit/audit.service';

/**
 * Checking classes in at the Handwerkertag entrance. A class is checked in once: the check-in's
 * key is the booking id, and the insert does nothing when another entrance was first, so two
 * scans of the same code at once leave one check-in and tell the second who was first.
 */
@Injectable()
export class CheckInsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly codes: CheckInCodes,
    private readonly attendance: AttendanceReads,
    private readonly events: EventsService,
    private readonly bookings: BookingsService,
    private readonly audit: AuditService,
  ) {}

  /** What the entrance sees for a code: the class, what it booked, and its check-in if any. */
  status(actor: Actor, code: string, eventId?: string): Promise<CheckInStatusDto> {
    return this.dataSource.transaction((manager) => this.find(manager, actor, code, eventId));
  }

  /** The fair's confirmed class visits with their check-ins, for staff. */
  async ofEvent(actor: Actor, eventId: string): Promise<CheckInStatusDto[]> {
    await this.entrance(actor, eventId);
    const visits = await this.attendance.groups(CLASS_VISIT, { eventId, statuses: ['confirmed'] });
    return Promise.all(visits.map((visit) => this.dataSource.transaction((manager) => this.describe(manager, visit))));
  }

  /** Lets the class in with the people who actually came; a second time is refused with who and when. */
  checkIn(actor: Actor, code: string, arrival: ArrivalDto, eventId?: string): Promise<CheckInStatusDto> {
    return inTransaction(this.dataSource, async (manager) => {
      const visit = await this.find(manager, actor, code, eventId);
      if (visit.checkIn) throw alreadyIn(visit.checkIn);
      if (visit.status !== 'confirmed') throw new DomainError('class_visit_not_confirmed', { status: visit.status });
      const inserted: unknown[] = await manager.query(
        `INSERT INTO check_ins (booking_id, event_id, pupils, teachers, entrance, checked_in_by, checked_in_by_name)
         SELECT $1, $2, $3, $4, $5, u.id, u.name FROM users u WHERE u.id = $6
         ON CONFLICT (booking_id) DO NOTHING RETURNING booking_id`,
        [visit.bookingId, visit.eventId, arrival.pupils, arrival.teachers, arrival.entrance?.trim() || null, actor.userId],
      );
      // another entrance was faster: its check-in stands (committed before ours could insert)
      if (inserted.length === 0) throw alreadyIn((await this.recordOf(manager, visit.bookingId))!);
      return { ...visit, checkIn: await this.recordOf(manager, visit.bookingId) };
    });
  }

  /**
   * Corrects the numbers of a check-in after a slip at the door (23 typed as 32). The check-in
   * keeps who let the class in and when; who corrected it is written beside it, and the numbers
   * before go into the audit log.
   */
  correct(actor: Actor, eventId: string, bookingId: string, numbers: CheckInCorrectionDto): Promise<CheckInStatusDto> {
    return inTransaction(this.dataSource, async (manager) => {
      const before = await this.lockedRecord(manager, actor, eventId, bookingId);
      const changes = diff(before, numbers);
      // the same numbers again: nothing was corrected, and nothing says so
      if (Object.keys(changes).length === 0) return this.visitOf(manager, bookingId);
      await manager.query(
        `UPDATE check_ins SET pupils = $2, teachers = $3, corrected_at = now(), corrected_by_name = (SELECT name FROM users WHERE id = $4) WHERE booking_id = $1`,
        [bookingId, numbers.pupils, numbers.teachers, actor.userId],
      );
      await this.audit.record(manager, actor, 'check_in', bookingId, 'updated', changes);
      return this.visitOf(manager, bookingId);
    });
  }

  /** Takes a check-in back (the wrong class was let in): the class counts as not arrived again. */
  undo(actor: Actor, eventId: string, bookingId: string): Promise<void> {
    return inTransaction(this.dataSource, async (manager) => {
      const before = await this.lockedRecord(manager, actor, eventId, bookingId);
      await manager.query(`DELETE FROM check_ins WHERE booking_id = $1`, [bookingId]);
      await this.audit.record(manager, actor, 'check_in', bookingId, 'deleted', { ...before });
    });
  }

  /** The booking behind a code, for pages that act on the class the code names. */
  async bookingOfCode(actor: Actor, code: string): Promise<{ bookingId: string; eventId: string }> {
    const visit = await this.status(actor, code);
    return { bookingId: visit.bookingId, eventId: visit.eventId };
  }

  /**
   * A booking's entrance pass, for whoever reaches the booking (its school, staff): a confirmed
   * class visit's QR address and short code, what the booking's page, the confirmation and
   * its PDF show; other bookings pass no entrance (nulls). Anyone else's booking is missing.
   */
  async passOf(actor: Actor, bookingId: string): Promise<EntrancePassDto> {
    const booking = await this.bookings.get(actor, bookingId);
    if (booking.kind !== CLASS_VISIT || booking.status !== 'confirmed') return { bookingId, address: null, shortCode: null };
    return { bookingId, ...(await inTransaction(this.dataSource, (manager) => this.codes.addressFor(manager, bookingId))) };
  }

  /** The check-in page of a class visit whose code the door already resolved: the QR code's address without the host. */
  async checkInPath(bookingId: string): Promise<string> {
    const { address } = await inTransaction(this.dataSource, (manager) => this.codes.addressFor(manager, bookingId));
    return new URL(address).pathname;
  }

  /**
   * The fair whose entrance the actor works (or, for partners, reads): staff any Handwerkertag,
   * a door login only its own event (any other one does not exist for it).
   */
  async entrance(actor: Actor, eventId: string, manager: EntityManager = this.dataSource.manager) {
    if (actor.role === Role.Door && actor.eventId !== eventId) throw new NotFoundError('event');
    const event = await this.events.findVisible(actor, eventId, manager);
    requireProgram(event, 'handwerkertag');
    return event;
  }

  private async find(manager: EntityManager, actor: Actor, code: string, eventId?: string): Promise<CheckInStatusDto> {
    if (eventId) await this.entrance(actor, eventId, manager);
    // a door login looks codes up in its own event only: a code of another fair is unknown to it
    const scope = eventId ?? (actor.role === Role.Door ? actor.eventId! : undefined);
    const bookingId = await this.codes.bookingOf(manager, code, scope);
    const [visit] = await this.attendance.groups(CLASS_VISIT, { bookingIds: [bookingId] }, manager);
    if (!visit) throw new NotFoundError('check_in_code');
    if (!eventId) await this.entrance(actor, visit.eventId, manager);
    return this.describe(manager, visit);
  }

  private async describe(manager: EntityManager, visit: GroupBooking): Promise<CheckInStatusDto> {
    const bookingId = visit.id;
    const [slot] = await manager.query(`SELECT starts_at, ends_at FROM time_slots WHERE id = $1`, [visit.bookableId]);
    return {
      bookingId,
      eventId: visit.eventId,
      status: visit.status,
      school: visit.schoolName ?? '',
      className: visit.className ?? '',
      pupils: visit.pupils,
      teachers: visit.teachers,
      slotStartsAt: slot?.starts_at,
      slotEndsAt: slot?.ends_at,
      checkIn: await this.recordOf(manager, bookingId),
    };
  }

  private async recordOf(manager: EntityManager, bookingId: string, lock = false): Promise<CheckInRecordDto | null> {
    const [row] = await manager.query(
      `SELECT pupils, teachers, entrance, checked_in_at AS "checkedInAt", checked_in_by_name AS "checkedInBy",
              corrected_at AS "correctedAt", corrected_by_name AS "correctedBy"
         FROM check_ins WHERE booking_id = $1${lock ? ' FOR UPDATE' : ''}`,
      [bookingId],
    );
    return row ?? null;
  }

  /** The check-in of a class visit of this fair, locked; none (or a visit of another fair) is 404. */
  private async lockedRecord(manager: EntityManager, actor: Actor, eventId: string, bookingId: string): Promise<CheckInRecordDto> {
    await this.entrance(actor, eventId, manager);
    const [visit] = await this.attendance.groups(CLASS_VISIT, { bookingIds: [bookingId] }, manager);
    const record = visit?.eventId === eventId ? await this.recordOf(manager, bookingId, true) : null;
    if (!record) throw new NotFoundError('check_in');
    return record;
  }

  private async visitOf(manager: EntityManager, bookingId: string): Promise<CheckInStatusDto> {
    const [visit] = await this.attendance.groups(CLASS_VISIT, { bookingIds: [bookingId] }, manager);
    return this.describe(manager, visit);
  }
}

const alreadyIn = (record: CheckInRecordDto) => new DomainError('already_checked_in', { at: new Date(record.checkedInAt).toISOString(), by: record.checkedInBy });
