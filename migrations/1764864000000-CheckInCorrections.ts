import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A check-in's numbers can be corrected after a slip at the door; the check-in keeps who
 * corrected it and when beside who let the class in. (Taking a check-in back deletes it;
 * both go into the audit log with the numbers before.)
 */
const ENTITIES = `'company', 'school', 'school_class', 'pupil', 'event', 'practicum_offer', 'time_slot'`;

export class CheckInCorrections1764864000000 implements MigrationInterface {
  name = 'CheckInCorrections1764864000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE check_ins ADD COLUMN corrected_at timestamptz, ADD COLUMN corrected_by_name text`);
    await q.query(`ALTER TABLE audit_log DROP CONSTRAINT audit_log_entity_type_check`);
    await q.query(`ALTER TABLE audit_log ADD CONSTRAINT audit_log_entity_type_check CHECK (entity_type IN (${ENTITIES}, 'check_in'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM audit_log WHERE entity_type = 'check_in'`);
    await q.query(`ALTER TABLE audit_log DROP CONSTRAINT audit_log_entity_type_check`);
    await q.query(`ALTER TABLE audit_log ADD CONSTRAINT audit_log_entity_type_check CHECK (entity_type IN (${ENTITIES}))`);
    await q.query(`ALTER TABLE check_ins DROP COLUMN corrected_at, DROP COLUMN corrected_by_name`);
  }
}
