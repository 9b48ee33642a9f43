import { authErrors } from '../../auth/auth.errors';
import { bookingErrors } from '../../bookings/booking.errors';
import { eventErrors } from '../../events/event.errors';
import { organisationErrors } from '../../organisations/organisation.errors';
import { schoolErrors } from '../../schools/school.errors';
import { commonErrors } from './common.errors';

/**
 * Every error code of the API with its HTTP status and texts: the one place to look up
 * what a client can be told. Each feature declares its own in `<feature>.errors.ts`.
 */
export const errorCatalog = {
  ...commonErrors,
  ...authErrors,
  ...organisationErrors,
  ...schoolErrors,
  ...eventErrors,
  ...bookingErrors,
};

export type ErrorCode = keyof typeof errorCatalog;
