import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NewMemberDto } from '../auth/dto/new-member.dto';
import { AccountsService } from '../auth/accounts.service';
import { CredentialsService } from '../auth/credentials.service';
import { Role } from '../common/identity/role';
import { RateLimiter } from '../common/rate-limit/rate-limiter.service';
import { Company } from '../companies/company.entity';
import { CompanyProfileDto } from '../companies/dto/company-profile.dto';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/environment';
import { inTransaction } from '../database/transaction';
import { AccountMails } from '../notifications/account-mails';
import { SchoolProfileDto } from '../schools/dto/school-profile.dto';
import { School } from '../schools/school.entity';

/**
 * A company or school registers itself with its first member, in one transaction: if the
 * member cannot be created (e-mail taken), no orphan organisation is left behind. The
 * organisation starts `pending` and waits for an organiser's approval.
 */
@Injectable()
export class RegistrationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: AccountsService,
    private readonly credentials: CredentialsService,
    private readonly mails: AccountMails,
    private readonly rateLimiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Registrations from one client address are limited per hour (429 with Retry-After): a school
   * network registers a handful, a script filling the approval queue is stopped. `null` for
   * registrations that come from no client (the demo data).
   */
  private async limit(clientAddress: string | null) {
    if (clientAddress === null) return;
    await this.rateLimiter.consume(`registration:address:${clientAddress}`, { max: this.config.REGISTRATION_LIMIT_PER_HOUR, windowSeconds: 3600 });
  }

  async registerCompany(profile: CompanyProfileDto, member: NewMemberDto, clientAddress: string | null) {
    await this.limit(clientAddress);
    const { organisation, ...rest } = await this.register(Company, profile, member, { role: Role.CompanyMember, key: 'companyId' });
    return { company: organisation, ...rest };
  }

  async registerSchool(profile: SchoolProfileDto, member: NewMemberDto, clientAddress: string | null) {
    await this.limit(clientAddress);
    const { organisation, ...rest } = await this.register(School, profile, member, { role: Role.SchoolMember, key: 'schoolId' });
    return { school: organisation, ...rest };
  }

  private register<T extends Company | School>(
    entity: new () => T,
    profile: object,
    member: NewMemberDto,
    membership: { role: Role; key: 'companyId' | 'schoolId' },
  ) {
    return inTransaction(this.dataSource, async (manager) => {
      const { identifiers } = await manager.insert(entity, { ...profile, status: 'pending' } as never);
      const organisation = await manager.findOneByOrFail(entity, { id: identifiers[0].id } as never);
      const user = await this.accounts.create(
        { ...member, role: membership.role, [membership.key]: organisation.id },
        manager,
        'member.',
      );
      await this.mails.organisationRegistered(manager, membership.role === Role.CompanyMember ? 'company' : 'school', organisation.id, organisation.name);
      const session = await this.credentials.startSession(user.id, manager);
      return { organisation, user, ...session };
    });
  }
}
