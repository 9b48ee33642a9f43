import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/environment';
import { DomainError } from '../common/errors/domain-error';
import { RateLimiter } from '../common/rate-limit/rate-limiter.service';
import { CredentialsService } from './credentials.service';
import { PasswordService } from './password.service';
import { User } from './user.entity';

/**
 * Password login. Failed attempts are counted per account and per client address in
 * PostgreSQL; past the limit the answer is 429 with Retry-After, before the password is
 * even checked. A successful login clears the account's count.
 */
@Injectable()
export class LoginService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
    private readonly credentials: CredentialsService,
    private readonly rateLimiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(email: string, password: string, clientAddress: string) {
    const normalised = email.trim().toLowerCase();
    const window = this.config.LOGIN_WINDOW_SECONDS;
    const accountKey = `login:account:${normalised}`;
    await this.rateLimiter.consume(accountKey, { max: this.config.LOGIN_MAX_FAILURES, windowSeconds: window });
    // An address may try several accounts (a school's shared network), but not without end.
    await this.rateLimiter.consume(`login:address:${clientAddress}`, {
      max: this.config.LOGIN_MAX_FAILURES * 10,
      windowSeconds: window,
    });

    const user = await this.dataSource.manager
      .createQueryBuilder(User, 'u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email: normalised })
      .getOne();
    const valid = await this.passwords.verify(user?.passwordHash, password);
    if (!user || !valid) throw new DomainError('invalid_credentials');
    // Said plainly, but only to someone who knew the password: a guess at an address still
    // gets "wrong e-mail or password", so the answer tells nobody else whether an account
    // exists or was deactivated, and the person who left knows whom to ask instead of
    // resetting a password that would not help.
    if (user.deactivatedAt) throw new DomainError('account_deactivated');

    await this.rateLimiter.reset(accountKey);
    const session = await this.credentials.startSession(user.id);
    const { passwordHash: _, ...account } = user;
    return { user: account, ...session };
  }
}
