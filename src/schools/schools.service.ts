import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Actor } from '../auth/actor';
import { TenantScoped } from '../auth/tenant-scope';
import { Page, pageWindow } from '../common/http/pagination';
import { likePattern } from '../common/http/search';
import { UpdateSchoolDto } from './dto/school-profile.dto';
import { SchoolListQuery } from './dto/school-list.query';
import { School } from './school.entity';

@Injectable()
export class SchoolsService {
  private readonly schools: TenantScoped<School>;

  constructor(@InjectRepository(School) repository: Repository<School>) {
    this.schools = new TenantScoped(repository, { school: 'id' }, 'Die Schule');
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

  get(actor: Actor, schoolId: string) {
    return this.schools.findOne(actor, { id: schoolId });
  }

  update(actor: Actor, schoolId: string, changes: UpdateSchoolDto) {
    return this.schools.update(actor, { id: schoolId }, changes);
  }
}
