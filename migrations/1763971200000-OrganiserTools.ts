import { MigrationInterface, QueryRunner } from 'typeorm';

/** The audit log of changes to profiles and events, and the record of pupil-data retention runs. */
export class OrganiserTools1763971200000 implements MigrationInterface {
  name = 'OrganiserTools1763971200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        actor_id uuid REFERENCES users (id) ON DELETE SET NULL,
        entity_type text NOT NULL CHECK (entity_type IN ('company', 'school', 'school_class', 'pupil', 'event', 'practicum_offer', 'time_slot')),
        entity_id uuid NOT NULL,
        action text NOT NULL CHECK (action IN ('created', 'updated', 'deleted', 'approved', 'rejected', 'status_changed')),
        changes jsonb NOT NULL DEFAULT '{}',
        occurred_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id, occurred_at)`);
    await q.query(`CREATE INDEX audit_log_time_idx ON audit_log (occurred_at DESC)`);

    await q.query(`
      CREATE TABLE retention_runs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        started_at timestamptz NOT NULL DEFAULT now(),
        triggered_by uuid REFERENCES users (id) ON DELETE SET NULL,
        pupils_deleted integer NOT NULL DEFAULT 0,
        placements_anonymised integer NOT NULL DEFAULT 0,
        mails_purged integer NOT NULL DEFAULT 0
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE retention_runs`);
    await q.query(`DROP TABLE audit_log`);
  }
}
