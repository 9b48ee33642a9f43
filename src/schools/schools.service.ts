import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Actor } from '../common/identity/actor';
import { OrganisationProfiles } from '../organisations/organisation-profiles';
import { UpdateSchoolDto } from './dto/school-profile.dto';
import { SchoolListQuery } from './dto/school-list.query';
import { School } from './school.entity';

/** School profiles: what all organisations share, and the type of school to narrow the list by. */
@Injectable()
export class SchoolsService {
  private readonly profiles: OrganisationProfiles<School>;

  constructor(@InjectRepository(School) repository: Repository<School>, dataSource: DataSource, audit: AuditService) {
    this.profiles = new OrganisationProfiles(repository, dataSource, audit, 'school', ['name', 'town', 'coordinator']);
  }

  list(actor: Actor, query: SchoolListQuery) {
    return this.profiles.list(actor, query, (qb) => {
      if (query.schoolType) qb.andWhere('o.school_type = :schoolType', { schoolType: query.schoolType });
    });
  }

  get(actor: Actor, schoolId: string, manager?: EntityManager) {
    return this.profiles.get(actor, schoolId, manager);
  }

  update(actor: Actor, schoolId: string, changes: UpdateSchoolDto) {
    return this.profiles.update(actor, schoolId, changes);
  }
}
