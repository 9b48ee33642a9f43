import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/environment';
import { DomainError } from '../common/errors/domain-error';
import { RateLimiter } from '../common/rate-limit/rate-limiter.service';
import { inTransaction } from '../database/transaction';
import { AccountMails } from '../notifications/account-mails';
import { CredentialsService } from './credentials.service';
import { PasswordService } from './password.service';
import { hashSecret, newSecret } from './secrets';

/**
 * "Forgot my password": a link by mail that works once and for a limited time. The answer
 * never tells whether an address has an account; requests are rate-limited.
 */
@Injectable()
export class PasswordResetService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
    private readonly credentials: CredentialsService,
    private readonly rateLimiter: RateLimiter,
    private readonly mails: AccountMails,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async request(email: string, clientAddress: string): Promise<void> {
    const normalised = email.trim().toLowerCase();
    await this.rateLimiter.consume(`password-reset:address:${clientAddress}`, { max: 20, windowSeconds: 3600 });
    await this.rateLimiter.consume(`password-reset:account:${normalised}`, { max: 3, windowSeconds: 3600 });
    await inTransaction(this.dataSource, async (manager) => {
      // a deactivated account gets no link: a new password would not let it in
      const [user] = await manager.query(`SELECT id, email, name, locale FROM users WHERE email = $1 AND deactivated_at IS NULL`, [normalised]);
      if (!user) return; // same answer as for a known address
      const secret = newSecret('pxr');
      const [reset] = await manager.query(
        `INSERT INTO password_resets (user_id, secret_hash, expires_at)
         VALUES ($1, $2, now() + make_interval(mins => $3)) RETURNING expires_at`,
        [user.id, hashSecret(secret), this.config.PASSWORD_RESET_TTL_MINUTES],
      );
      await this.mails.passwordReset(manager, user, `${this.config.PUBLIC_URL}/passwort-neu?token=${secret}`, reset.expires_at);
    });
  }

  /** Sets the new password, uses the link up and ends every session of the account. */
  async reset(token: string, password: string): Promise<void> {
    const passwordHash = await this.passwords.hashNew(password, 'password');
    await inTransaction(this.dataSource, async (manager) => {
      const [reset] = await manager.query(
        `SELECT r.id, r.user_id FROM password_resets r JOIN users u ON u.id = r.user_id
          WHERE r.secret_hash = $1 AND r.used_at IS NULL AND r.expires_at > now() AND u.deactivated_at IS NULL FOR UPDATE OF r`,
        [hashSecret(token)],
      );
      if (!reset) throw new DomainError('password_reset_invalid');
      await manager.query(`UPDATE password_resets SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`, [reset.user_id]);
      await manager.query(`UPDATE users SET password_hash = $2 WHERE id = $1`, [reset.user_id, passwordHash]);
      await this.credentials.endAllSessions(reset.user_id, manager);
    });
  }
}
