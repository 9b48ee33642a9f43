import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NewMemberDto } from '../auth/dto/new-member.dto';
import { AccountsService } from '../auth/accounts.service';
import { CredentialsService } from '../auth/credentials.service';
import { Role } from '../auth/role';
import { Company } from '../companies/company.entity';
import { CompanyProfileDto } from '../companies/dto/company-profile.dto';
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
  ) {}

  async registerCompany(profile: CompanyProfileDto, member: NewMemberDto) {
    const { organisation, ...rest } = await this.register(Company, profile, member, { role: Role.CompanyMember, key: 'companyId' });
    return { company: organisation, ...rest };
  }

  async registerSchool(profile: SchoolProfileDto, member: NewMemberDto) {
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
