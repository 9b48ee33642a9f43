import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Actor } from '../auth/actor';
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
  ) {
    this.classes = new TenantScoped(repository, { school: 'schoolId' }, 'Die Klasse');
  }

  async list(actor: Actor, schoolId: string) {
    await this.schools.get(actor, schoolId);
    return this.classes.find(actor, { where: { schoolId }, order: { grade: 'ASC', name: 'ASC' } });
  }

  get(actor: Actor, schoolId: string, classId: string) {
    return this.classes.findOne(actor, { id: classId, schoolId });
  }

  async create(actor: Actor, schoolId: string, dto: SchoolClassDto) {
    await this.schools.get(actor, schoolId);
    return this.uniqueName(dto.name, async () => {
      const inserted = await this.classes.repository.insert({ ...dto, schoolId });
      return this.get(actor, schoolId, inserted.identifiers[0].id);
    });
  }

  update(actor: Actor, schoolId: string, classId: string, changes: UpdateSchoolClassDto) {
    return this.uniqueName(changes.name ?? '', () => this.classes.update(actor, { id: classId, schoolId }, changes));
  }

  async remove(actor: Actor, schoolId: string, classId: string) {
    try {
      await this.classes.delete(actor, { id: classId, schoolId });
    } catch (error) {
      // pupils.class_id is ON DELETE RESTRICT: a class with pupils stays.
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
