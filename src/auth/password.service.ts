import { Inject, Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/environment';
import { DomainError } from '../common/errors/domain-error';

// OWASP's recommended argon2id setting: 19 MiB, 2 iterations, 1 lane.
const ARGON2_OPTIONS: argon2.HashOptions & { raw?: false } = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

@Injectable()
export class PasswordService {
  // Verified against when the e-mail is unknown, so a wrong address takes as long as a wrong password.
  private readonly dummyHash = argon2.hash('praxisnah-timing-equaliser', ARGON2_OPTIONS);

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Hashes a new password after checking its length; `field` names it in the error. */
  async hashNew(password: string, field: string): Promise<string> {
    if (password.length < this.config.PASSWORD_MIN_LENGTH) {
      throw new DomainError('validation_failed', {}, [
        {
          field,
          code: 'minLength',
          message: `must be longer than or equal to ${this.config.PASSWORD_MIN_LENGTH} characters`,
        },
      ]);
    }
    return argon2.hash(password, ARGON2_OPTIONS);
  }

  async verify(hash: string | undefined, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash ?? (await this.dummyHash), password);
    } catch {
      return false;
    }
  }
}
