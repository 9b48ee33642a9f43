import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Actor } from '../auth/actor';
import { TenantScoped } from '../auth/tenant-scope';
import { DomainError, invalidField } from '../common/errors/domain-error';
import { PupilDto, PupilListQuery, UpdatePupilDto } from './dto/pupil.dto';
import { Pupil } from './pupil.entity';
import { SchoolClass } from './school-class.entity';
import { SchoolsService } from './schools.service';

@Injectable()
export class PupilsService {
  private readonly pupils: TenantScoped<Pupil>;

  constructor(
    @InjectRepository(Pupil) repository: Repository<Pupil>,
    @InjectRepository(SchoolClass) private readonly classes: Repository<SchoolClass>,
    private readonly schools: SchoolsService,
  ) {
    this.pupils = new TenantScoped(repository, { school: 'schoolId' }, 'Die Schülerin / der Schüler');
  }

  async list(actor: Actor, schoolId: string, query: PupilListQuery) {
    await this.schools.get(actor, schoolId);
    return this.pupils.find(actor, {
      where: { schoolId, ...(query.classId ? { classId: query.classId } : {}) },
      order: { lastName: 'ASC', firstName: 'ASC' },
    });
  }

  get(actor: Actor, schoolId: string, pupilId: string) {
    return this.pupils.findOne(actor, { id: pupilId, schoolId });
  }

  async create(actor: Actor, schoolId: string, dto: PupilDto) {
    await this.schools.get(actor, schoolId);
    await this.requireClassOfSchool(schoolId, dto.classId);
    const inserted = await this.pupils.repository.insert({ ...dto, schoolId });
    return this.get(actor, schoolId, inserted.identifiers[0].id);
  }

  async update(actor: Actor, schoolId: string, pupilId: string, changes: UpdatePupilDto) {
    await this.schools.get(actor, schoolId);
    if (changes.classId) await this.requireClassOfSchool(schoolId, changes.classId);
    return this.pupils.update(actor, { id: pupilId, schoolId }, changes);
  }

  /**
   * Deletes the pupil at once (the school's right to erase a minor's data). A live
   * placement would otherwise keep a company's place for nobody: it is cancelled first.
   */
  async remove(actor: Actor, schoolId: string, pupilId: string) {
    await this.get(actor, schoolId, pupilId);
    const [live] = await this.pupils.repository.manager.query(
      `SELECT 1 FROM bookings WHERE pupil_id = $1 AND status IN ('pending', 'confirmed', 'waitlisted') LIMIT 1`,
      [pupilId],
    );
    if (live) throw new DomainError('pupil_has_placements');
    return this.pupils.delete(actor, { id: pupilId, schoolId });
  }

  private async requireClassOfSchool(schoolId: string, classId: string) {
    if (!(await this.classes.existsBy({ id: classId, schoolId }))) {
      throw invalidField('classId', 'unknownClass', 'unknownClass');
    }
  }
}
