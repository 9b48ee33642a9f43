import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { AuditService, diff } from '../audit/audit.service';
import { inTransaction } from '../database/transaction';
import { Actor } from '../common/identity/actor';
import { TenantScoped } from '../auth/tenant-scope';
import { Page, pageWindow } from '../common/http/pagination';
import { likePattern } from '../common/http/search';
import { UpdateSchoolDto } from './dto/school-profile.dto';
import { SchoolListQuery } from './dto/school-list.query';
import { School } from './school.entity';

@Injectable()
export class SchoolsService {
  private readonly schools: TenantScoped<School>;

  constructor(
    @InjectRepository(School) repository: Repository<School>,
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {
    this.schools = new TenantScoped(repository, { school: 'id' }, 'school');
  }

  async list(actor: Actor, query: SchoolListQuery): Promise<Page<School>> {
    const { page, pageSize, skip, take } = pageWindow(query);
    const qb = this.schools.queryBuilder(actor, 's').orderBy('s.name', 'ASC').addOrderBy('s.id').skip(skip).take(take);
    if (query.q) {
      qb.andWhere('(s.name ILIKE :q OR s.town ILIKE :q OR s.coordinator ILIKE :q)', { q: likePattern(query.q) });
    }
    if (query.district) qb.andWhere('s.district = :district', { district: query.district });
    if (query.schoolType) qb.andWhere('s.school_type = :schoolType', { schoolType: query.schoolType });
    if (query.status) qb.andWhere('s.status = :status', { status: query.status });
    const [items, total] = await qb.getManyAndCount();
    return { items, total, page, pageSize };
  }

  get(actor: Actor, schoolId: string, manager?: EntityManager) {
    return this.schools.findOne(actor, { id: schoolId }, manager);
  }

  update(actor: Actor, schoolId: string, changes: UpdateSchoolDto) {
    return inTransaction(this.dataSource, async (manager) => {
      const before = await this.schools.findOne(actor, { id: schoolId }, manager);
      const after = await this.schools.update(actor, { id: schoolId }, changes, manager);
      await this.audit.record(manager, actor, 'school', schoolId, 'updated', diff(before, changes));
      return after;
    });
  }
}
