import type { Locale } from '../../../common/errors/error-messages';

/**
 * A pupil acting with the code from their school. Pupils have no account: this is all that
 * is known of them (first name, last name, class), set on the request by the PupilGuard
 * on the pupil routes only. Everywhere else a pupil is nobody.
 */
export interface PupilSession {
  sessionId: string;
  eventId: string;
  pupilId: string;
  schoolId: string;
  firstName: string;
  lastName: string;
  className: string | null;
  /** The practice weekday: the class's own, else the school's. */
  weekday: number;
  locale: Locale;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      pupil?: PupilSession;
    }
  }
}

export const PUPIL_COOKIE = 'praxisnah_pupil';
/** For clients that do not keep cookies (an app): the session secret in this header. */
export const PUPIL_HEADER = 'x-pupil-session';
