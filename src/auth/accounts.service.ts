import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../common/errors/domain-error';
import { isUniqueViolation } from '../database/pg-errors';
import { PasswordService } from './password.service';
import { Role } from '../common/identity/role';
import { User } from './user.entity';

export interface NewAccount {
  email: string;
  name: string;
  password: string;
  role: Role;
  companyId?: string | null;
  schoolId?: string | null;
  /** Only for the door role: its one event. */
  eventId?: string | null;
  locale?: 'de' | 'en';
}

/** Creates user accounts; the one place that hashes passwords and guards unique e-mails. */
@Injectable()
export class AccountsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
  ) {}

  /**
   * Inserts the account in the caller's transaction. `fieldPrefix` locates the fields in
   * the request (`member.` for a registration) so errors name the field the person typed.
   */
  async create(account: NewAccount, manager: EntityManager = this.dataSource.manager, fieldPrefix = '') {
    const passwordHash = await this.passwords.hashNew(account.password, `${fieldPrefix}password`);
    const email = account.email.trim().toLowerCase();
    try {
      const inserted = await manager.insert(User, {
        email,
        name: account.name.trim(),
        passwordHash,
        role: account.role,
        companyId: account.companyId ?? null,
        schoolId: account.schoolId ?? null,
        eventId: account.eventId ?? null,
        locale: account.locale ?? 'de',
      });
      return manager.findOneByOrFail(User, { id: inserted.identifiers[0].id });
    } catch (error) {
      if (isUniqueViolation(error, 'users_email_key')) {
        throw new DomainError('email_taken', {}, [
          { field: `${fieldPrefix}email`, code: 'taken', message: 'emailTaken' },
        ]);
      }
      throw error;
    }
  }

  /** The language a person reads pages, mails and calendars in. */
  async setLocale(userId: string, locale: 'de' | 'en') {
    await this.dataSource.manager.update(User, { id: userId }, { locale });
  }

  async emailExists(email: string, manager: EntityManager = this.dataSource.manager) {
    return manager.existsBy(User, { email: email.trim().toLowerCase() });
  }

  /** Whether anyone has an account yet (an empty database is a first start). */
  async anyAccount() {
    return this.dataSource.manager.exists(User);
  }
}
