import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/environment';
import { DomainError, NotFoundError } from '../common/errors/domain-error';
import { queryRows } from '../database/query-rows';
import { inTransaction } from '../database/transaction';
import { Actor } from '../common/identity/actor';
import { countAttemptSql } from '../common/rate-limit/rate-limiter.service';
import type { AttemptLimit } from './auth.decorators';
import { ApiToken } from './api-token.entity';
import { hashSecret, newSecret } from './secrets';
import { Session } from './session.entity';
import { User } from './user.entity';

export const SESSION_COOKIE = 'praxisnah_session';

interface UserRow {
  user_id: string;
  role: Actor['role'];
  company_id: string | null;
  school_id: string | null;
  event_id: string | null;
  locale: Actor['locale'];
  credential_id: string;
}

const toActor = (row: UserRow, kind: 'cookie' | 'token'): Actor => ({
  userId: row.user_id,
  role: row.role,
  companyId: row.company_id,
  schoolId: row.school_id,
  eventId: row.event_id,
  locale: row.locale,
  credential: { kind, id: row.credential_id },
});

/** Browser sessions and API tokens: issuing them, resolving them to an actor, ending them. */
@Injectable()
export class CredentialsService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Starts a session and notes the login. The user's row is updated first and only while the
   * account is active: that row lock orders a login against a deactivation of the same person,
   * so a password checked just before the deactivation cannot leave a session behind it.
   */
  async startSession(userId: string, manager?: EntityManager): Promise<{ secret: string; expiresAt: Date }> {
    if (!manager) return inTransaction(this.dataSource, (inner) => this.startSession(userId, inner));
    const noted = await queryRows(manager, `UPDATE users SET last_login_at = now() WHERE id = $1 AND deactivated_at IS NULL RETURNING id`, [userId]);
    if (noted.length === 0) throw new DomainError('account_deactivated');
    const secret = newSecret('pxs');
    const expiresAt = new Date(Date.now() + this.config.SESSION_TTL_HOURS * 3600_000);
    await manager.insert(Session, { userId, secretHash: hashSecret(secret), expiresAt });
    return { secret, expiresAt };
  }

  /**
   * The actor of a session cookie; with `counting`, the call is counted as an attempt against
   * that limit in the same statement (see `lookUp`).
   */
  actorForSession(secret: string, counting?: AttemptLimit): Promise<Actor | null> {
    return this.lookUp(
      'cookie',
      [],
      `SELECT u.id AS user_id, u.role, u.company_id, u.school_id, u.event_id, u.locale, s.id AS credential_id
         FROM auth_sessions s JOIN users u ON u.id = s.user_id
        WHERE s.secret_hash = $1 AND s.expires_at > now() AND u.deactivated_at IS NULL`,
      hashSecret(secret),
      counting,
    );
  }

  actorForToken(secret: string, counting?: AttemptLimit): Promise<Actor | null> {
    // Marks the token used at most once a minute, in the same round trip as the lookup.
    return this.lookUp(
      'token',
      [
        `token AS (
           UPDATE api_tokens t SET last_used_at = CASE
               WHEN t.last_used_at IS NULL OR t.last_used_at < now() - interval '1 minute' THEN now()
               ELSE t.last_used_at END
            WHERE t.secret_hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now())
            RETURNING t.id, t.user_id)`,
      ],
      `SELECT u.id AS user_id, u.role, u.company_id, u.school_id, u.event_id, u.locale, token.id AS credential_id
         FROM token JOIN users u ON u.id = token.user_id WHERE u.deactivated_at IS NULL`,
      hashSecret(secret),
      counting,
    );
  }

  /**
   * Runs a credential's lookup (`steps` are the WITH parts it needs, `found` selects the
   * person). With `counting`, the person's attempt is counted in the same statement — one
   * round trip instead of two on every booking request — and the actor carries the count
   * for the guard to refuse past the limit. (A data-modifying WITH must be at the top
   * level, hence the steps instead of a nested statement.)
   */
  private async lookUp(kind: 'cookie' | 'token', steps: string[], found: string, secretHash: string, counting?: AttemptLimit) {
    if (!counting) {
      const [row] = await this.dataSource.query(`${steps.length ? `WITH ${steps.join(', ')} ` : ''}${found}`, [secretHash]);
      return row ? toActor(row, kind) : null;
    }
    const attempt = countAttemptSql(`SELECT $2::text || ':' || user_id FROM found`, '$3');
    const [row] = await this.dataSource.query(
      `WITH ${[...steps, `found AS (${found})`, `attempt AS (${attempt})`].join(', ')}
       SELECT found.*, attempt.hits, attempt.retry_after FROM found LEFT JOIN attempt ON true`,
      [secretHash, counting.key, counting.windowSeconds],
    );
    if (!row) return null;
    return { ...toActor(row, kind), countedAttempt: { key: counting.key, hits: row.hits, retryAfterSeconds: Number(row.retry_after) } };
  }

  /** Ends the credential the request came with: logout for a session, revocation for a token. */
  async end(actor: Actor): Promise<void> {
    if (actor.credential.kind === 'cookie') {
      await this.dataSource.manager.delete(Session, { id: actor.credential.id });
    } else {
      await this.revokeToken(actor, actor.credential.id);
    }
  }

  async endAllSessions(userId: string, manager: EntityManager = this.dataSource.manager) {
    await manager.delete(Session, { userId });
  }

  /**
   * Everything that lets a person in ends at once, in the caller's transaction: sessions,
   * API tokens and open password-reset links (a link mailed before would otherwise set a
   * password for an account that cannot use it).
   */
  async endEveryCredential(userId: string, manager: EntityManager) {
    await this.endAllSessions(userId, manager);
    await manager.query(`UPDATE api_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [userId]);
    await manager.query(`UPDATE password_resets SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`, [userId]);
  }

  async createToken(actor: Actor, name: string, expiresInDays?: number) {
    const secret = newSecret('pxn');
    const expiresAt = expiresInDays ? new Date(Date.now() + expiresInDays * 86400_000) : null;
    const [row] = await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(ApiToken)
      .values({ userId: actor.userId, name, secretHash: hashSecret(secret), expiresAt })
      .returning(['id', 'createdAt'])
      .execute()
      .then((r) => r.generatedMaps as Array<{ id: string; createdAt: Date }>);
    return { id: row.id, name, token: secret, createdAt: row.createdAt, expiresAt };
  }

  listTokens(actor: Actor) {
    return this.dataSource.manager.find(ApiToken, {
      where: { userId: actor.userId },
      order: { createdAt: 'DESC' },
    });
  }

  /** Only the owner's tokens can be revoked; another user's token id answers 404. */
  async revokeToken(actor: Actor, tokenId: string): Promise<void> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(ApiToken)
      .set({ revokedAt: () => 'COALESCE(revoked_at, now())' })
      .where('id = :tokenId AND user_id = :userId', { tokenId, userId: actor.userId })
      .execute();
    if (!result.affected) throw new NotFoundError('api_token');
  }

  findUser(userId: string) {
    return this.dataSource.manager.findOneByOrFail(User, { id: userId });
  }
}
