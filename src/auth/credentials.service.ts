import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/environment';
import { NotFoundError } from '../common/errors/domain-error';
import { Actor } from '../common/identity/actor';
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
  locale: Actor['locale'];
  credential_id: string;
}

const toActor = (row: UserRow, kind: 'cookie' | 'token'): Actor => ({
  userId: row.user_id,
  role: row.role,
  companyId: row.company_id,
  schoolId: row.school_id,
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

  async startSession(userId: string, manager: EntityManager = this.dataSource.manager) {
    const secret = newSecret('pxs');
    const expiresAt = new Date(Date.now() + this.config.SESSION_TTL_HOURS * 3600_000);
    await manager.insert(Session, { userId, secretHash: hashSecret(secret), expiresAt });
    return { secret, expiresAt };
  }

  async actorForSession(secret: string): Promise<Actor | null> {
    const [row] = await this.dataSource.query(
      `SELECT u.id AS user_id, u.role, u.company_id, u.school_id, u.locale, s.id AS credential_id
         FROM auth_sessions s JOIN users u ON u.id = s.user_id
        WHERE s.secret_hash = $1 AND s.expires_at > now()`,
      [hashSecret(secret)],
    );
    return row ? toActor(row, 'cookie') : null;
  }

  async actorForToken(secret: string): Promise<Actor | null> {
    // Marks the token used at most once a minute, in the same round trip as the lookup.
    const [row] = await this.dataSource.query(
      `WITH token AS (
         UPDATE api_tokens t SET last_used_at = CASE
             WHEN t.last_used_at IS NULL OR t.last_used_at < now() - interval '1 minute' THEN now()
             ELSE t.last_used_at END
          WHERE t.secret_hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now())
          RETURNING t.id, t.user_id)
       SELECT u.id AS user_id, u.role, u.company_id, u.school_id, u.locale, token.id AS credential_id
         FROM token JOIN users u ON u.id = token.user_id`,
      [hashSecret(secret)],
    );
    return row ? toActor(row, 'token') : null;
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
