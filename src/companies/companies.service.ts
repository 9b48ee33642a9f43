import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Actor } from '../common/identity/actor';
import { OrganisationProfiles } from '../organisations/organisation-profiles';
import { Company } from './company.entity';
import { CompanyListQuery } from './dto/company-list.query';
import { UpdateCompanyDto } from './dto/company-profile.dto';

/** Company profiles: what all organisations share, and the branch to narrow the list by. */
@Injectable()
export class CompaniesService {
  private readonly profiles: OrganisationProfiles<Company>;

  constructor(@InjectRepository(Company) repository: Repository<Company>, dataSource: DataSource, audit: AuditService) {
    this.profiles = new OrganisationProfiles(repository, dataSource, audit, 'company', ['name', 'town', 'branch', 'contact_person']);
  }

  list(actor: Actor, query: CompanyListQuery) {
    return this.profiles.list(actor, query, (qb) => {
      if (query.branch) qb.andWhere('lower(o.branch) = lower(:branch)', { branch: query.branch });
    });
  }

  get(actor: Actor, companyId: string) {
    return this.profiles.get(actor, companyId);
  }

  update(actor: Actor, companyId: string, changes: UpdateCompanyDto) {
    return this.profiles.update(actor, companyId, changes);
  }
}
