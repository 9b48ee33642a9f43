import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { AuditService, diff } from '../audit/audit.service';
import { inTransaction } from '../database/transaction';
import { Actor } from '../common/identity/actor';
import { TenantScoped } from '../auth/tenant-scope';
import { Page, pageWindow } from '../common/http/pagination';
import { likePattern } from '../common/http/search';
import { Company } from './company.entity';
import { CompanyListQuery } from './dto/company-list.query';
import { UpdateCompanyDto } from './dto/company-profile.dto';

@Injectable()
export class CompaniesService {
  private readonly companies: TenantScoped<Company>;

  constructor(
    @InjectRepository(Company) repository: Repository<Company>,
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {
    this.companies = new TenantScoped(repository, { company: 'id' }, 'company');
  }

  async list(actor: Actor, query: CompanyListQuery): Promise<Page<Company>> {
    const { page, pageSize, skip, take } = pageWindow(query);
    const qb = this.companies.queryBuilder(actor, 'c').orderBy('c.name', 'ASC').addOrderBy('c.id').skip(skip).take(take);
    if (query.q) {
      qb.andWhere(
        '(c.name ILIKE :q OR c.town ILIKE :q OR c.branch ILIKE :q OR c.contact_person ILIKE :q)',
        { q: likePattern(query.q) },
      );
    }
    if (query.district) qb.andWhere('c.district = :district', { district: query.district });
    if (query.branch) qb.andWhere('lower(c.branch) = lower(:branch)', { branch: query.branch });
    if (query.status) qb.andWhere('c.status = :status', { status: query.status });
    const [items, total] = await qb.getManyAndCount();
    return { items, total, page, pageSize };
  }

  get(actor: Actor, companyId: string) {
    return this.companies.findOne(actor, { id: companyId });
  }

  update(actor: Actor, companyId: string, changes: UpdateCompanyDto) {
    return inTransaction(this.dataSource, async (manager) => {
      const before = await this.companies.findOne(actor, { id: companyId }, manager);
      const after = await this.companies.update(actor, { id: companyId }, changes, manager);
      await this.audit.record(manager, actor, 'company', companyId, 'updated', diff(before, changes));
      return after;
    });
  }
}
