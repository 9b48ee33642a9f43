import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { AuditService, diff } from '../audit/audit.service';
import { inTransaction } from '../database/transaction';
import { Actor } from '../common/identity/actor';
import { TenantScoped } from '../auth/tenant-scope';
import { DomainError } from '../common/errors/domain-error';
import { isStillReferenced, isUniqueViolation } from '../database/pg-errors';
import { SchoolClassDto, UpdateSchoolClassDto } from './dto/school-class.dto';
import { SchoolClass } from './school-class.entity';
import { SchoolsService } from './schools.service';

@Injectable()
export class SchoolClassesService {
  private readonly classes: TenantScoped<SchoolClass>;

  constructor(
    @InjectRepository(SchoolClass) repository: Repository<SchoolClass>,
    private readonly schools: SchoolsService,
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {
    this.classes = new TenantScoped(repository, { school: 'schoolId' }, 'school_class');
  }

  async list(actor: Actor, schoolId: string) {
    await this.schools.get(actor, schoolId);
    return this.classes.find(actor, { where: { schoolId }, order: { grade: 'ASC', name: 'ASC' } });
  }

  get(actor: Actor, schoolId: string, classId: string) {
    return this.classes.findOne(actor, { id: classId, schoolId });
  }

  async create(actor: Actor, schoolId: string, dto: SchoolClassDto) {
    return this.uniqueName(dto.name, () =>
      inTransaction(this.dataSource, async (manager) => {
        await this.schools.get(actor, schoolId, manager);
        const inserted = await manager.insert(SchoolClass, { ...dto, schoolId });
        const created = await this.classes.findOne(actor, { id: inserted.identifiers[0].id, schoolId }, manager);
        await this.audit.record(manager, actor, 'school_class', created.id, 'created', { ...dto });
        return created;
      }),
    );
  }

  update(actor: Actor, schoolId: string, classId: string, changes: UpdateSchoolClassDto) {
    return this.uniqueName(changes.name ?? '', () =>
      inTransaction(this.dataSource, async (manager) => {
        const before = await this.classes.findOne(actor, { id: classId, schoolId }, manager);
        const after = await this.classes.update(actor, { id: classId, schoolId }, changes, manager);
        await this.audit.record(manager, actor, 'school_class', classId, 'updated', diff(before, changes));
        return after;
      }),
    );
  }

  async remove(actor: Actor, schoolId: string, classId: string) {
    try {
      await inTransaction(this.dataSource, async (manager) => {
        const before = await this.classes.findOne(actor, { id: classId, schoolId }, manager);
        await this.classes.delete(actor, { id: classId, schoolId }, manager);
        await this.audit.record(manager, actor, 'school_class', classId, 'deleted', { name: before.name });
      });
    } catch (error) {
      // pupils and bookings reference classes with ON DELETE RESTRICT: a class in use stays.
      if (isStillReferenced(error)) throw new DomainError('class_has_pupils');
      throw error;
    }
  }

  private async uniqueName<T>(name: string, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (isUniqueViolation(error, 'school_classes_name_key')) {
        throw new DomainError('class_name_taken', { name }, [{ field: 'name', code: 'taken', message: 'classNameTaken' }]);
      }
      throw error;
    }
  }
}
