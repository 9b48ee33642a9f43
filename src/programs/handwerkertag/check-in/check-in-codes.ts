import { createHmac } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { hashSecret } from '../../../auth/secrets';
import { AttendanceReads } from '../../../bookings/attendance-reads';
import { NotFoundError } from '../../../common/errors/domain-error';
import { APP_CONFIG } from '../../../config/config.module';
import type { AppConfig } from '../../../config/environment';

/** Letters and digits nobody confuses when reading them off paper (no 0/O, 1/I/L, 2/Z, 5/S, 8/B). */
const SHORT_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
const SHORT_LENGTH = 7;
/** How many derivations a booking may try before its short code is free in the event. */
const SHORT_ROUNDS = 20;
export const CLASS_VISIT = 'class_visit' as const;
export const LONG_CODE = /^[A-Za-z0-9_-]{22}$/;

export interface CheckInAddress {
  /** What the QR code holds: `${PUBLIC_URL}/einlass/<code>`. */
  address: string;
  /** Typed by hand at the entrance when a QR code cannot be scanned; unique within the event. */
  shortCode: string;
}

/**
 * The check-in codes of class visits. A code is the HMAC of the booking id under the server's
 * CHECK_IN_SECRET, so it can be shown again (booking page, confirmation PDF, mail) without
 * being stored; the database keeps only its SHA-256 for the lookup, and the code carries
 * nothing about the class. The short code is derived the same way, in rounds: a round whose
 * code another class of the event already holds is skipped.
 */
@Injectable()
export class CheckInCodes {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly attendance: AttendanceReads,
  ) {}

  /** The long code of a booking (22 URL-safe characters, 132 bits). */
  codeOf(bookingId: string): string {
    return this.derive(`check-in:${bookingId}`).toString('base64url').slice(0, 22);
  }

  shortCodeOf(bookingId: string, round: number): string {
    const bytes = this.derive(`short-code:${bookingId}:${round}`);
    return Array.from(bytes.subarray(0, SHORT_LENGTH), (byte) => SHORT_ALPHABET[byte % SHORT_ALPHABET.length]).join('');
  }

  /**
   * The address for a class visit's QR code and its short code, for every place that shows
   * them (booking page, confirmation PDF, mail). Registers the codes' hashes on first use;
   * safe to call again and from several requests at once. Pass the caller's transaction.
   */
  async addressFor(manager: EntityManager, bookingId: string): Promise<CheckInAddress> {
    const known = await this.registered(manager, bookingId);
    if (known?.current) return this.address(bookingId, known.round);
    // registered under an earlier CHECK_IN_SECRET: the codes handed out before end here, and
    // the booking gets the new ones (else every page would show a code the door refuses)
    if (known) await manager.query(`DELETE FROM check_in_codes WHERE booking_id = $1`, [bookingId]);
    const [visit] = await this.attendance.groups(CLASS_VISIT, { bookingIds: [bookingId] }, manager);
    if (!visit) throw new NotFoundError('booking');
    for (let round = 0; round < SHORT_ROUNDS; round++) {
      // a round whose short code another class of the event holds is skipped; the unique
      // index settles the (unlikely) race of two classes deriving the same one at once
      await manager.query(
        `INSERT INTO check_in_codes (booking_id, event_id, code_hash, short_code_hash, short_code_round)
         SELECT $1, $2, $3, $4, $5
          WHERE NOT EXISTS (SELECT 1 FROM check_in_codes WHERE event_id = $2 AND short_code_hash = $4)
         ON CONFLICT (booking_id) DO NOTHING`,
        [bookingId, visit.eventId, hashSecret(this.codeOf(bookingId)), this.shortCodeHash(visit.eventId, this.shortCodeOf(bookingId, round)), round],
      );
      const now = await this.registered(manager, bookingId);
      if (now) return this.address(bookingId, now.round);
    }
    throw new Error(`no free short code for booking ${bookingId}`);
  }

  /**
   * The booking a code names: a long code anywhere, a short code (spaces, hyphens and case
   * ignored) within `eventId`. An unknown code is a 404.
   */
  async bookingOf(manager: EntityManager, code: string, eventId?: string): Promise<string> {
    const trimmed = code.trim();
    const short = trimmed.toUpperCase().replace(/[\s-]/g, '');
    const [row] = LONG_CODE.test(trimmed)
      ? await manager.query(`SELECT booking_id FROM check_in_codes WHERE code_hash = $1 AND ($2::uuid IS NULL OR event_id = $2)`, [hashSecret(trimmed), eventId ?? null])
      : eventId && short.length === SHORT_LENGTH
        ? await manager.query(`SELECT booking_id FROM check_in_codes WHERE event_id = $1 AND short_code_hash = $2`, [eventId, this.shortCodeHash(eventId, short)])
        : [];
    if (!row) throw new NotFoundError('check_in_code');
    return row.booking_id;
  }

  /** The short code's hash is salted with its event: the same seven letters in two events differ. */
  private shortCodeHash(eventId: string, shortCode: string) {
    return hashSecret(`${eventId}:${shortCode}`);
  }

  private address(bookingId: string, round: number): CheckInAddress {
    return { address: `${this.config.PUBLIC_URL.replace(/\/$/, '')}/einlass/${this.codeOf(bookingId)}`, shortCode: this.shortCodeOf(bookingId, round) };
  }

  /** The booking's registered short-code round, and whether its codes come from the current secret. */
  private async registered(manager: EntityManager, bookingId: string): Promise<{ round: number; current: boolean } | null> {
    const [row] = await manager.query(`SELECT short_code_round AS round, code_hash FROM check_in_codes WHERE booking_id = $1`, [bookingId]);
    return row ? { round: Number(row.round), current: row.code_hash === hashSecret(this.codeOf(bookingId)) } : null;
  }

  private derive(purpose: string): Buffer {
    return createHmac('sha256', this.config.CHECK_IN_SECRET).update(purpose).digest();
  }
}
