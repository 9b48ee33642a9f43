import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../../../config/config.module';
import type { AppConfig } from '../../../config/environment';
import { DomainError } from '../../../common/errors/domain-error';
import { parseInstant } from '../../../common/time/berlin';
import { RateLimiter } from '../../../common/rate-limit/rate-limiter.service';
import { hashSecret, newSecret } from '../../../auth/secrets';
import { hashPupilCode } from './pupil-code';
import { PupilSession } from './pupil-session';

// A pupil's session lasts a school week at most, and never beyond the year.
const SESSION_DAYS = 7;
// Wrong codes per address: a whole class logs in from one school network, so only failures count.
const FAILURES = { max: 30, windowSeconds: 600 };

const PARTICIPANT = `
  SELECT pp.event_id, pp.pupil_id, pp.school_id, p.first_name, p.last_name, c.name AS class_name,
         coalesce(cw.weekday, ps.weekday) AS weekday, e.ends_on::text AS ends_on
    FROM praxistage_pupils pp
    JOIN pupils p ON p.id = pp.pupil_id
    JOIN praxistage_schools ps ON ps.event_id = pp.event_id AND ps.school_id = pp.school_id
    JOIN events e ON e.id = pp.event_id
    LEFT JOIN school_classes c ON c.id = p.class_id
    LEFT JOIN praxistage_class_weekdays cw ON cw.event_id = pp.event_id AND cw.class_id = p.class_id`;
// a code works while its year runs and is not cancelled
const YEAR_RUNS = `e.status IN ('published', 'closed') AND e.ends_on >= (now() AT TIME ZONE 'Europe/Berlin')::date`;

/**
 * Pupils log in with the personal code their school printed for them. The code is stored
 * only as a hash; a login gives a session of its own (also hashed), which ends when the
 * school revokes or reissues the code, or when the year ends.
 */
@Injectable()
export class PupilSessionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rateLimiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(code: string, clientAddress: string) {
    const [row] = await this.dataSource.query(`${PARTICIPANT} WHERE pp.code_hash = $1 AND ${YEAR_RUNS}`, [hashPupilCode(code)]);
    if (!row) {
      await this.rateLimiter.consume(`pupil-code:address:${clientAddress}`, FAILURES);
      throw new DomainError('pupil_code_invalid');
    }
    const secret = newSecret('pxp');
    const endOfYear = parseInstant(`${row.ends_on}T23:59:59`);
    const expiresAt = new Date(Math.min(Date.now() + SESSION_DAYS * 86400_000, endOfYear.getTime()));
    await this.dataSource.query(`INSERT INTO pupil_sessions (event_id, pupil_id, secret_hash, expires_at) VALUES ($1, $2, $3, $4)`, [
      row.event_id,
      row.pupil_id,
      hashSecret(secret),
      expiresAt,
    ]);
    return { secret, expiresAt };
  }

  async resolve(secret: string, locale: PupilSession['locale']): Promise<PupilSession | null> {
    const [row] = await this.dataSource.query(
      `SELECT s.id AS session_id, x.* FROM pupil_sessions s
         JOIN (${PARTICIPANT} WHERE ${YEAR_RUNS} AND pp.code_hash IS NOT NULL) x ON x.event_id = s.event_id AND x.pupil_id = s.pupil_id
        WHERE s.secret_hash = $1 AND s.expires_at > now()`,
      [hashSecret(secret)],
    );
    if (!row) return null;
    return {
      sessionId: row.session_id,
      eventId: row.event_id,
      pupilId: row.pupil_id,
      schoolId: row.school_id,
      firstName: row.first_name,
      lastName: row.last_name,
      className: row.class_name,
      weekday: Number(row.weekday),
      locale,
    };
  }

  async logout(sessionId: string) {
    await this.dataSource.query(`DELETE FROM pupil_sessions WHERE id = $1`, [sessionId]);
  }

  /** Cookie options: HttpOnly, SameSite=Lax, Secure in production, like the staff sessions. */
  cookieOptions(expiresAt?: Date) {
    return { httpOnly: true, sameSite: 'lax' as const, secure: this.config.cookieSecure, path: '/', ...(expiresAt ? { expires: expiresAt } : {}) };
  }
}
