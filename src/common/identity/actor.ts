import type { Locale } from '../errors/error-messages';
import { Role } from './role';

/** Who makes the request, resolved once per request by the AuthGuard. */
export interface Actor {
  userId: string;
  role: Role;
  companyId: string | null;
  schoolId: string | null;
  locale: Locale;
  /** The browser's session cookie or the API token the request came with; logout ends exactly that. */
  credential: { kind: 'cookie' | 'token'; id: string };
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      actor?: Actor;
    }
  }
}
