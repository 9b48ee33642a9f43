import type { EntityManager } from 'typeorm';
import type { BookingChangeKind, BookingStatus } from './booking-status';

export interface RecordedChange {
  id: string;
  bookingId: string;
  change: BookingChangeKind;
  fromStatus: BookingStatus | null;
  toStatus: BookingStatus;
  actorId: string | null;
  reason: string | null;
  details: Record<string, unknown>;
}

/**
 * Told of every booking change inside the change's own transaction (the mail notifier):
 * what it writes commits or rolls back together with the change.
 */
export interface BookingChangeListener {
  changed(manager: EntityManager, change: RecordedChange): Promise<void>;
}

export const BOOKING_CHANGE_LISTENER = Symbol('BOOKING_CHANGE_LISTENER');
