import type { AttemptLimit } from '../../auth/auth.decorators';

/**
 * Booking requests per member and minute (429 with Retry-After past `BOOKING_LIMIT_PER_MINUTE`):
 * a person books a few, a script many. A booking route counts them while it looks up who calls;
 * anything else that books (a page form) is counted by the idempotency service.
 */
export const BOOKING_ATTEMPTS: AttemptLimit = { key: 'booking:member', setting: 'BOOKING_LIMIT_PER_MINUTE', windowSeconds: 60 };
