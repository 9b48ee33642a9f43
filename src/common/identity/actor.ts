import type { Locale } from '../errors/error-messages';
import { Role } from './role';
import type { CountedAttempt } from '../rate-limit/rate-limiter.service';

/** Who makes the request, resolved once per request by the AuthGuard. */
export interface Actor {
  userId: string;
  role: Role;
  companyId: string | null;
  schoolId: string | null;
  /** Only for the door role: the one event whose entrance it works. */
  eventId?: string | null;
  locale: Locale;
  /** The browser's session cookie or the API token the request came with; logout ends exactly that. */
  credential: { kind: 'cookie' | 'token'; id: string };
  /** The limited attempt this request was counted as when the actor was looked up, if any. */
  countedAttempt?: { key: string } & CountedAttempt;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      actor?: Actor;
    }
  }
}
