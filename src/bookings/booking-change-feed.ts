import { EntityManager } from 'typeorm';
import { queryRows } from '../database/query-rows';
import { BookingChangeKind, BookingStatus } from './booking-status';

/**
 * The booking history read as a feed of changes still to be told (`notified_at` empty): the
 * engine writes each change in the booking's own transaction, the mail work takes them from
 * here after the commit. These are the only writes to `booking_changes` outside the engine,
 * and they touch only the feed's bookkeeping, never what happened.
 */

/** A booking change as the engine recorded it, not yet turned into mail. */
export interface UntoldChange {
  id: string;
  booking_id: string;
  change: BookingChangeKind;
  from_status: BookingStatus | null;
  to_status: BookingStatus;
  actor_id: string | null;
  reason: string | null;
  details: Record<string, unknown>;
  booking_version: number | null;
}

/**
 * Claims up to `limit` untold changes, oldest first, for the caller's transaction. SKIP
 * LOCKED: several instances take disjoint batches, and a change another one holds is left to it.
 */
export function claimUntoldChanges(manager: EntityManager, limit: number, maxAttempts: number): Promise<UntoldChange[]> {
  return manager.query(
    `SELECT id, booking_id, change, from_status, to_status, actor_id, reason, details, booking_version
       FROM booking_changes WHERE notified_at IS NULL AND notify_attempts < $2
      ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
    [limit, maxAttempts],
  );
}

/** The changes are told: their mails are written (in the same transaction). */
export async function markTold(manager: EntityManager, changeIds: string[]): Promise<void> {
  await manager.query(`UPDATE booking_changes SET notified_at = now() WHERE id = ANY($1::bigint[])`, [changeIds]);
}

/** Telling a change failed: counted, with the error, so that it is set aside after a few tries. */
export async function markTellingFailed(manager: EntityManager, changeId: string, error: string): Promise<void> {
  await manager.query(`UPDATE booking_changes SET notify_attempts = notify_attempts + 1, notify_error = $2 WHERE id = $1`, [changeId, error.slice(0, 500)]);
}

/** Changes set aside after failed tries, with their error: the booking stands, only its mail is missing. */
export function setAsideChanges(manager: EntityManager, limit = 1000) {
  return manager.query(
    `SELECT id, booking_id AS "bookingId", change, to_status AS "toStatus", occurred_at AS "occurredAt",
            notify_attempts AS attempts, notify_error AS "lastError"
       FROM booking_changes WHERE notified_at IS NULL AND notify_attempts > 0 ORDER BY id LIMIT $1`,
    [limit],
  );
}

/** Lets a set-aside change be tried again on the next pass; false when there is no such change. */
export async function retrySetAside(manager: EntityManager, changeId: string): Promise<boolean> {
  // history ids are numbers; anything else names no change
  if (!/^\d{1,18}$/.test(changeId)) return false;
  const rows = await queryRows(
    manager,
    `UPDATE booking_changes SET notify_attempts = 0, notify_error = NULL
      WHERE id = $1::bigint AND notified_at IS NULL AND notify_attempts > 0 RETURNING id`,
    [changeId],
  );
  return rows.length > 0;
}
