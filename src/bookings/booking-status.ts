export const BOOKING_STATUSES = ['pending', 'confirmed', 'waitlisted', 'cancelled', 'rejected'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

/** What a booking's state is called wherever a person reads it: pages, lists, error messages. */
export const BOOKING_STATUS_NAMES: Record<BookingStatus, { de: string; en: string }> = {
  pending: { de: 'vorgemerkt', en: 'reserved' },
  confirmed: { de: 'bestätigt', en: 'confirmed' },
  waitlisted: { de: 'Warteliste', en: 'waiting list' },
  cancelled: { de: 'storniert', en: 'cancelled' },
  rejected: { de: 'abgelehnt', en: 'declined' },
};

export const BOOKING_KINDS = ['stand', 'class_visit', 'day_registration', 'session', 'placement'] as const;
export type BookingKind = (typeof BOOKING_KINDS)[number];

/** A booking holds capacity while pending or confirmed; a waiting one holds none yet. */
export const HOLDS_CAPACITY: readonly BookingStatus[] = ['pending', 'confirmed'];
/** Live bookings count for the "only once" rules; cancelled and rejected ones are history. */
export const LIVE: readonly BookingStatus[] = ['pending', 'confirmed', 'waitlisted'];

export type BookingChangeKind =
  | 'created'
  | 'confirmed'
  | 'waitlisted'
  | 'promoted'
  | 'rejected'
  | 'cancelled'
  | 'changed'
  | 'day_cancelled'
  | 'day_restored';

/**
 * Which state may follow which by hand. Promotion (waitlisted → pending/confirmed) is not
 * here: only the engine does it, when it has taken the places.
 */
export const BOOKING_TRANSITIONS: Record<BookingStatus, readonly BookingStatus[]> = {
  pending: ['confirmed', 'rejected', 'cancelled'],
  waitlisted: ['rejected', 'cancelled'],
  confirmed: ['cancelled'],
  cancelled: [],
  rejected: [],
};
