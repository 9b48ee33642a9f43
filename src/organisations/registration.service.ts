import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccountsService } from '../auth/accounts.service';
import { CredentialsService } from '../auth/credentials.service';
import { Role } from '../auth/role';
import { Company } from '../companies/company.entity';
import { inTransaction } from '../database/transaction';
import { School } from '../schools/school.entity';
import { RegisterCompanyDto, RegisterSchoolDto } from './dto/registration.dto';

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
  ) {}

  registerCompany(dto: RegisterCompanyDto) {
    return inTransaction(this.dataSource, async (manager) => {
      const { identifiers } = await manager.insert(Company, { ...dto.company, status: 'pending' });
      const company = await manager.findOneByOrFail(Company, { id: identifiers[0].id });
      const user = await this.accounts.create(
        { ...dto.member, role: Role.CompanyMember, companyId: company.id },
        manager,
        'member.',
      );
      const session = await this.credentials.startSession(user.id, manager);
      return { company, user, ...session };
    });
  }

  registerSchool(dto: RegisterSchoolDto) {
    return inTransaction(this.dataSource, async (manager) => {
      const { identifiers } = await manager.insert(School, { ...dto.school, status: 'pending' });
      const school = await manager.findOneByOrFail(School, { id: identifiers[0].id });
      const user = await this.accounts.create(
        { ...dto.member, role: Role.SchoolMember, schoolId: school.id },
        manager,
        'member.',
      );
      const session = await this.credentials.startSession(user.id, manager);
      return { school, user, ...session };
    });
  }
}
