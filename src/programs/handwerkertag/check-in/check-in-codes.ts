import { createHmac, randomBytes } from 'node:crypto';
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

/** What the database keeps of a booking's codes: enough to show them again, nothing to read them from. */
interface Registered {
  round: number;
  /** 16 random bytes as hex; null for codes handed out before there was one (made from the booking id alone). */
  nonce: string | null;
  /** Made under the current CHECK_IN_SECRET. */
  current: boolean;
}

/**
 * The check-in codes of class visits. A code is the HMAC, under the server's CHECK_IN_SECRET,
 * of 16 random bytes drawn when the class first gets its code: random, and yet shown again
 * (booking page, confirmation PDF, mail) without being stored. The database keeps the random
 * bytes and the code's SHA-256 for the lookup, neither of which opens the door; the code
 * carries nothing about the class. The short code is derived the same way, in rounds: a round
 * whose code another class of the event already holds is skipped.
 */
@Injectable()
export class CheckInCodes {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly attendance: AttendanceReads,
  ) {}

  /**
   * The address for a class visit's QR code and its short code, for every place that shows
   * them (booking page, confirmation PDF, mail). Draws and registers the codes on first use;
   * safe to call again and from several requests at once (the first registration wins and
   * the others read it). Pass the caller's transaction.
   */
  async addressFor(manager: EntityManager, bookingId: string): Promise<CheckInAddress> {
    const known = await this.registered(manager, bookingId);
    if (known?.current) return this.address(bookingId, known);
    // registered under an earlier CHECK_IN_SECRET: the codes handed out before end here, and
    // the booking gets new ones (else every page would show a code the door refuses)
    if (known) await manager.query(`DELETE FROM check_in_codes WHERE booking_id = $1`, [bookingId]);
    const [visit] = await this.attendance.groups(CLASS_VISIT, { bookingIds: [bookingId] }, manager);
    if (!visit) throw new NotFoundError('booking');
    const nonce = randomBytes(16).toString('hex');
    for (let round = 0; round < SHORT_ROUNDS; round++) {
      // a round whose short code another class of the event holds is skipped; the unique
      // index settles the (unlikely) race of two classes deriving the same one at once
      await manager.query(
        `INSERT INTO check_in_codes (booking_id, event_id, code_hash, short_code_hash, short_code_round, nonce)
         SELECT $1, $2, $3, $4, $5, $6
          WHERE NOT EXISTS (SELECT 1 FROM check_in_codes WHERE event_id = $2 AND short_code_hash = $4)
         ON CONFLICT (booking_id) DO NOTHING`,
        [bookingId, visit.eventId, hashSecret(this.codeOf(bookingId, nonce)), this.shortCodeHash(visit.eventId, this.shortCodeOf(bookingId, nonce, round)), round, nonce],
      );
      const now = await this.registered(manager, bookingId);
      if (now) return this.address(bookingId, now);
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

  private address(bookingId: string, { nonce, round }: Registered): CheckInAddress {
    return { address: `${this.config.PUBLIC_URL.replace(/\/$/, '')}/einlass/${this.codeOf(bookingId, nonce)}`, shortCode: this.shortCodeOf(bookingId, nonce, round) };
  }

  /** The long code (22 URL-safe characters, 132 bits). */
  private codeOf(bookingId: string, nonce: string | null): string {
    return this.derive(`check-in:${bookingId}${this.salt(nonce)}`).toString('base64url').slice(0, 22);
  }

  private shortCodeOf(bookingId: string, nonce: string | null, round: number): string {
    const bytes = this.derive(`short-code:${bookingId}:${round}${this.salt(nonce)}`);
    return Array.from(bytes.subarray(0, SHORT_LENGTH), (byte) => SHORT_ALPHABET[byte % SHORT_ALPHABET.length]).join('');
  }

  private salt = (nonce: string | null) => (nonce ? `:${nonce}` : '');

  /** The booking's registered codes, if any. */
  private async registered(manager: EntityManager, bookingId: string): Promise<Registered | null> {
    const [row] = await manager.query(`SELECT short_code_round AS round, code_hash, nonce FROM check_in_codes WHERE booking_id = $1`, [bookingId]);
    if (!row) return null;
    return { round: Number(row.round), nonce: row.nonce, current: row.code_hash === hashSecret(this.codeOf(bookingId, row.nonce)) };
  }

  private derive(purpose: string): Buffer {
    return createHmac('sha256', this.config.CHECK_IN_SECRET).update(purpose).digest();
  }
}
