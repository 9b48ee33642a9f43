import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { AuditService, diff } from '../audit/audit.service';
import { BookingEngine } from '../bookings/booking-engine';
import { BookingReads } from '../bookings/booking-reads';
import { inTransaction } from '../database/transaction';
import { Actor } from '../common/identity/actor';
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
    private readonly schools: SchoolsService,
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly engine: BookingEngine,
    private readonly reads: BookingReads,
  ) {
    this.pupils = new TenantScoped(repository, { school: 'schoolId' }, 'pupil');
  }

  async list(actor: Actor, schoolId: string, query: PupilListQuery) {
    await this.schools.get(actor, schoolId);
    return this.pupils.find(actor, {
      where: { schoolId, ...(query.classId ? { classId: query.classId } : {}) },
      order: { lastName: 'ASC', firstName: 'ASC' },
    });
  }

  /**
   * Everything held on the school's pupils, for an access request (Art. 15 GDPR): the
   * pupil records, their placements with dates, cancelled days and history.
   */
  async exportAll(actor: Actor, schoolId: string) {
    const school = await this.schools.get(actor, schoolId);
    const records: Array<Record<string, unknown> & { id: string }> = await this.dataSource.query(
      `SELECT p.id, p.first_name AS "firstName", p.last_name AS "lastName", c.name AS class,
              p.consent_recorded_on::text AS "consentRecordedOn", p.created_at AS "recordedAt"
         FROM pupils p JOIN school_classes c ON c.id = p.class_id
        WHERE p.school_id = $1 ORDER BY p.last_name, p.first_name, p.id`,
      [school.id],
    );
    const bookings = await this.reads.ofPupils(records.map((p) => p.id));
    const ids = bookings.map((b) => b.id);
    const histories = await this.reads.histories(ids);
    const fields: Array<{ id: string; occupational_field: string }> = await this.dataSource.query(
      `SELECT id, occupational_field FROM practicum_offers WHERE id = ANY($1::uuid[])`,
      [bookings.map((b) => b.offerId).filter(Boolean)],
    );
    const days: Array<{ booking_id: string; date: string; reason: string | null }> = await this.dataSource.query(
      `SELECT booking_id, day::text AS date, reason FROM placement_exceptions WHERE booking_id = ANY($1::uuid[]) ORDER BY day`,
      [ids],
    );
    const fieldOf = new Map(fields.map((f) => [f.id, f.occupational_field]));
    const pupils = records.map((pupil) => ({
      ...pupil,
      placements: bookings
        .filter((b) => b.pupilId === pupil.id)
        .map((b) => ({
          bookingId: b.id, event: b.eventTitle, company: b.companyName, occupationalField: b.offerId ? fieldOf.get(b.offerId) ?? null : null,
          weekday: b.weekday, firstDate: b.firstDate, lastDate: b.lastDate, status: b.status,
          cancelledDays: days.filter((d) => d.booking_id === b.id).map(({ date, reason }) => ({ date, reason })),
          history: histories.get(b.id) ?? [],
        })),
    }));
    return { school: { id: school.id, name: school.name }, exportedAt: new Date().toISOString(), pupils };
  }

  get(actor: Actor, schoolId: string, pupilId: string) {
    return this.pupils.findOne(actor, { id: pupilId, schoolId });
  }

  async create(actor: Actor, schoolId: string, dto: PupilDto) {
    return inTransaction(this.dataSource, async (manager) => {
      await this.schools.get(actor, schoolId, manager);
      await this.requireClassOfSchool(manager, schoolId, dto.classId);
      const inserted = await manager.insert(Pupil, { ...dto, schoolId });
      const created = await this.pupils.findOne(actor, { id: inserted.identifiers[0].id, schoolId }, manager);
      await this.audit.record(manager, actor, 'pupil', created.id, 'created', { ...dto });
      return created;
    });
  }

  async update(actor: Actor, schoolId: string, pupilId: string, changes: UpdatePupilDto) {
    return inTransaction(this.dataSource, async (manager) => {
      await this.schools.get(actor, schoolId, manager);
      if (changes.classId) await this.requireClassOfSchool(manager, schoolId, changes.classId);
      const before = await this.pupils.findOne(actor, { id: pupilId, schoolId }, manager);
      const after = await this.pupils.update(actor, { id: pupilId, schoolId }, changes, manager);
      await this.audit.record(manager, actor, 'pupil', pupilId, 'updated', diff(before, changes));
      return after;
    });
  }

  /**
   * Deletes the pupil at once (the school's right to erase a minor's data). A live
   * placement would otherwise keep a company's place for nobody: with `cancelPlacements`
   * they are cancelled in the same transaction, else the deletion is refused.
   */
  async remove(actor: Actor, schoolId: string, pupilId: string, cancelPlacements = false) {
    await inTransaction(this.dataSource, async (manager) => {
      await this.pupils.findOne(actor, { id: pupilId, schoolId }, manager);
      const live = await this.reads.liveIdsOfPupil(manager, pupilId);
      if (live.length > 0 && !cancelPlacements) throw new DomainError('pupil_has_placements');
      for (const id of live) {
        await this.engine.transition(manager, id, 'cancelled', { actorId: actor.userId, reason: 'Schülerdaten gelöscht / pupil deleted' });
      }
      await this.pupils.delete(actor, { id: pupilId, schoolId }, manager);
      await this.audit.record(manager, actor, 'pupil', pupilId, 'deleted', {});
    });
  }

  private async requireClassOfSchool(manager: EntityManager, schoolId: string, classId: string) {
    if (!(await manager.existsBy(SchoolClass, { id: classId, schoolId }))) {
      throw invalidField('classId', 'unknownClass', 'unknownClass');
    }
  }
}
