import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../../../common/identity/actor';
import { DomainError, FieldError, invalidField, NotFoundError } from '../../../common/errors/domain-error';
import { inTransaction } from '../../../database/transaction';
import { queryRows } from '../../../database/query-rows';
import { AuditService } from '../../../audit/audit.service';
import { BookingEngine } from '../../../bookings/booking-engine';
import { hashPupilCode, newPupilCode } from '../pupil-access/pupil-code';
import { YearsService } from './years.service';
import { AddParticipantsDto, IssueCodesDto, ParticipationDto, UpdateParticipantDto } from './year.dto';

export interface Participant {
  pupilId: string;
  firstName: string;
  lastName: string;
  classId: string | null;
  className: string | null;
  weekday: number;
  mayStay: boolean;
  hasCode: boolean;
  codeIssuedAt: Date | null;
}

/** A printed line of a class letter: the code is shown once, then only its hash is kept. */
export interface CodeLetter {
  pupilId: string;
  firstName: string;
  lastName: string;
  className: string | null;
  code: string;
}

const PARTICIPANTS = `
  SELECT pp.pupil_id AS "pupilId", p.first_name AS "firstName", p.last_name AS "lastName", p.class_id AS "classId",
         c.name AS "className", coalesce(cw.weekday, ps.weekday) AS weekday, pp.may_stay AS "mayStay",
         pp.code_hash IS NOT NULL AS "hasCode", pp.code_issued_at AS "codeIssuedAt"
    FROM praxistage_pupils pp
    JOIN pupils p ON p.id = pp.pupil_id
    JOIN praxistage_schools ps ON ps.event_id = pp.event_id AND ps.school_id = pp.school_id
    LEFT JOIN school_classes c ON c.id = p.class_id
    LEFT JOIN praxistage_class_weekdays cw ON cw.event_id = pp.event_id AND cw.class_id = p.class_id
   WHERE pp.event_id = $1 AND pp.school_id = $2`;

/**
 * A school in a Praxistage year: its weekday (or a class's own), the pupils who take part,
 * and their personal access codes. Pupils keep their applications and placements when they
 * move up in the summer (8a → 9a): all of it hangs on the pupil, not on the class.
 */
@Injectable()
export class ParticipationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly years: YearsService,
    private readonly engine: BookingEngine,
    private readonly audit: AuditService,
  ) {}

  async participation(actor: Actor, eventId: string, schoolId = actor.schoolId!) {
    await this.years.get(actor, eventId);
    const [school] = await this.dataSource.query(`SELECT weekday FROM praxistage_schools WHERE event_id = $1 AND school_id = $2`, [eventId, schoolId]);
    const classWeekdays = await this.dataSource.query(
      `SELECT cw.class_id AS "classId", c.name AS "className", cw.weekday FROM praxistage_class_weekdays cw JOIN school_classes c ON c.id = cw.class_id
        WHERE cw.event_id = $1 AND c.school_id = $2 ORDER BY c.name`,
      [eventId, schoolId],
    );
    return { eventId, schoolId, participating: !!school, weekday: school?.weekday ?? null, classWeekdays };
  }

  async setParticipation(actor: Actor, eventId: string, dto: ParticipationDto) {
    const schoolId = actor.schoolId!;
    await inTransaction(this.dataSource, async (manager) => {
      await this.years.get(actor, eventId, manager);
      await this.engine.assertApproved(manager, 'school', schoolId);
      const classIds = (dto.classWeekdays ?? []).map((c) => c.classId);
      const own: string[] = (await manager.query(`SELECT id FROM school_classes WHERE id = ANY($1::uuid[]) AND school_id = $2`, [classIds, schoolId])).map(
        (r: { id: string }) => r.id,
      );
      const problems: FieldError[] = (dto.classWeekdays ?? []).flatMap((c, i) =>
        own.includes(c.classId) ? [] : [{ field: `classWeekdays.${i}.classId`, code: 'reference', message: 'unknownClass' }],
      );
      if (problems.length) throw new DomainError('validation_failed', {}, problems);
      await manager.query(
        `INSERT INTO praxistage_schools (event_id, school_id, weekday) VALUES ($1, $2, $3)
         ON CONFLICT (event_id, school_id) DO UPDATE SET weekday = excluded.weekday`,
        [eventId, schoolId, dto.weekday],
      );
      await manager.query(
        `DELETE FROM praxistage_class_weekdays cw USING school_classes c WHERE cw.event_id = $1 AND c.id = cw.class_id AND c.school_id = $2`,
        [eventId, schoolId],
      );
      for (const c of dto.classWeekdays ?? []) {
        await manager.query(`INSERT INTO praxistage_class_weekdays (event_id, class_id, weekday) VALUES ($1, $2, $3)`, [eventId, c.classId, c.weekday]);
      }
      // applications and places are for one weekday: no pupil's day may move away from them
      const [moved] = await manager.query(
        `SELECT 1 FROM praxistage_applications a JOIN pupils p ON p.id = a.pupil_id
           JOIN praxistage_schools ps ON ps.event_id = a.event_id AND ps.school_id = a.school_id
           LEFT JOIN praxistage_class_weekdays cw ON cw.event_id = a.event_id AND cw.class_id = p.class_id
          WHERE a.event_id = $1 AND a.school_id = $2 AND a.status IN ('submitted', 'interview', 'offered', 'accepted')
            AND a.weekday <> coalesce(cw.weekday, ps.weekday) LIMIT 1`,
        [eventId, schoolId],
      );
      if (moved) throw new DomainError('weekday_in_use');
      await this.audit.record(manager, actor, 'school', schoolId, 'updated', { praxistageYear: eventId, ...dto });
    });
    return this.participation(actor, eventId);
  }

  async participants(actor: Actor, eventId: string, schoolId = actor.schoolId!): Promise<Participant[]> {
    await this.years.get(actor, eventId);
    return this.dataSource.query(`${PARTICIPANTS} ORDER BY c.name NULLS LAST, p.last_name, p.first_name, p.id`, [eventId, schoolId]);
  }

  async add(actor: Actor, eventId: string, dto: AddParticipantsDto): Promise<Participant[]> {
    const schoolId = actor.schoolId!;
    if (!dto.classIds?.length && !dto.pupilIds?.length) throw invalidField('pupilIds', 'should not be empty', 'arrayNotEmpty');
    await inTransaction(this.dataSource, async (manager) => {
      await this.requireParticipating(manager, actor, eventId, schoolId);
      const unknownClasses = await this.unknown(manager, 'school_classes', dto.classIds ?? [], schoolId);
      const unknownPupils = await this.unknown(manager, 'pupils', dto.pupilIds ?? [], schoolId);
      const problems: FieldError[] = [
        ...unknownClasses.map((i) => ({ field: `classIds.${i}`, code: 'reference', message: 'unknownClass' })),
        ...unknownPupils.map((i) => ({ field: `pupilIds.${i}`, code: 'reference', message: 'unknownPupil' })),
      ];
      if (problems.length) throw new DomainError('validation_failed', {}, problems);
      await manager.query(
        `INSERT INTO praxistage_pupils (event_id, pupil_id, school_id)
         SELECT $1, p.id, $2 FROM pupils p WHERE p.school_id = $2 AND (p.class_id = ANY($3::uuid[]) OR p.id = ANY($4::uuid[]))
         ON CONFLICT DO NOTHING`,
        [eventId, schoolId, dto.classIds ?? [], dto.pupilIds ?? []],
      );
    });
    return this.participants(actor, eventId);
  }

  async update(actor: Actor, eventId: string, pupilId: string, dto: UpdateParticipantDto): Promise<Participant> {
    const schoolId = actor.schoolId!;
    await this.years.get(actor, eventId);
    const result = await queryRows(
      this.dataSource.manager,
      `UPDATE praxistage_pupils SET may_stay = $4 WHERE event_id = $1 AND pupil_id = $2 AND school_id = $3 RETURNING pupil_id`,
      [eventId, pupilId, schoolId, dto.mayStay],
    );
    if (!result.length) throw new NotFoundError('participant');
    return this.participant(eventId, schoolId, pupilId);
  }

  /** Takes a pupil out of the year; refused while the pupil holds a place or an offer. */
  async remove(actor: Actor, eventId: string, pupilId: string): Promise<void> {
    const schoolId = actor.schoolId!;
    await inTransaction(this.dataSource, async (manager) => {
      await this.years.get(actor, eventId, manager);
      const [live] = await manager.query(`SELECT 1 FROM praxistage_applications WHERE event_id = $1 AND pupil_id = $2 AND status IN ('offered', 'accepted')`, [
        eventId,
        pupilId,
      ]);
      if (live) throw new DomainError('pupil_has_placements');
      const deleted = await queryRows(manager, `DELETE FROM praxistage_pupils WHERE event_id = $1 AND pupil_id = $2 AND school_id = $3 RETURNING pupil_id`, [
        eventId,
        pupilId,
        schoolId,
      ]);
      if (!deleted.length) throw new NotFoundError('participant');
    });
  }

  /**
   * New codes for a class or for single pupils: each replaces the pupil's old code, and the
   * sessions opened with the old one end. The codes are returned once, for the letter.
   */
  async issueCodes(actor: Actor, eventId: string, dto: IssueCodesDto): Promise<CodeLetter[]> {
    const schoolId = actor.schoolId!;
    if (!dto.classId && !dto.pupilIds?.length) throw invalidField('classId', 'should not be null or undefined', 'isDefined');
    return inTransaction(this.dataSource, async (manager) => {
      await this.requireParticipating(manager, actor, eventId, schoolId);
      if (dto.classId && (await this.unknown(manager, 'school_classes', [dto.classId], schoolId)).length) throw invalidField('classId', 'unknownClass', 'reference');
      const rows: Array<{ pupilId: string; firstName: string; lastName: string; className: string | null }> = await manager.query(
        `${PARTICIPANTS} AND (p.class_id = $3 OR pp.pupil_id = ANY($4::uuid[])) ORDER BY p.last_name, p.first_name, p.id FOR UPDATE OF pp`,
        [eventId, schoolId, dto.classId ?? null, dto.pupilIds ?? []],
      );
      const missing = (dto.pupilIds ?? []).flatMap((id, i) => (rows.some((r) => r.pupilId === id) ? [] : [i]));
      if (missing.length) throw new DomainError('validation_failed', {}, missing.map((i) => ({ field: `pupilIds.${i}`, code: 'reference', message: 'notParticipating' })));
      const letters = rows.map((r) => ({ pupilId: r.pupilId, firstName: r.firstName, lastName: r.lastName, className: r.className, code: newPupilCode() }));
      await manager.query(
        `UPDATE praxistage_pupils pp SET code_hash = x.hash, code_issued_at = now()
           FROM unnest($2::uuid[], $3::text[]) AS x(pupil_id, hash) WHERE pp.event_id = $1 AND pp.pupil_id = x.pupil_id`,
        [eventId, letters.map((l) => l.pupilId), letters.map((l) => hashPupilCode(l.code))],
      );
      await manager.query(`DELETE FROM pupil_sessions WHERE event_id = $1 AND pupil_id = ANY($2::uuid[])`, [eventId, letters.map((l) => l.pupilId)]);
      await this.audit.record(manager, actor, 'school', schoolId, 'updated', { praxistageYear: eventId, codesIssued: letters.length });
      return letters;
    });
  }

  /** The code stops working at once, with every session opened with it. */
  async revokeCode(actor: Actor, eventId: string, pupilId: string): Promise<void> {
    const schoolId = actor.schoolId!;
    await inTransaction(this.dataSource, async (manager) => {
      await this.years.get(actor, eventId, manager);
      const updated = await queryRows(
        manager,
        `UPDATE praxistage_pupils SET code_hash = NULL, code_issued_at = NULL WHERE event_id = $1 AND pupil_id = $2 AND school_id = $3 RETURNING pupil_id`,
        [eventId, pupilId, schoolId],
      );
      if (!updated.length) throw new NotFoundError('participant');
      await manager.query(`DELETE FROM pupil_sessions WHERE event_id = $1 AND pupil_id = $2`, [eventId, pupilId]);
    });
  }

  async participant(eventId: string, schoolId: string, pupilId: string, manager: EntityManager = this.dataSource.manager): Promise<Participant> {
    const [row] = await manager.query(`${PARTICIPANTS} AND pp.pupil_id = $3`, [eventId, schoolId, pupilId]);
    if (!row) throw new NotFoundError('participant');
    return row;
  }

  private async requireParticipating(manager: EntityManager, actor: Actor, eventId: string, schoolId: string) {
    await this.years.get(actor, eventId, manager);
    const [school] = await manager.query(`SELECT 1 FROM praxistage_schools WHERE event_id = $1 AND school_id = $2`, [eventId, schoolId]);
    if (!school) throw new DomainError('school_not_participating');
  }

  /** The positions of ids that are not rows of the school in `table`. */
  private async unknown(manager: EntityManager, table: 'school_classes' | 'pupils', ids: string[], schoolId: string): Promise<number[]> {
    if (ids.length === 0) return [];
    const found = new Set((await manager.query(`SELECT id FROM ${table} WHERE id = ANY($1::uuid[]) AND school_id = $2`, [ids, schoolId])).map((r: { id: string }) => r.id));
    return ids.flatMap((id, i) => (found.has(id) ? [] : [i]));
  }
}
