import { MigrationInterface, QueryRunner } from 'typeorm';

const ACTIONS = `'created', 'updated', 'deleted', 'approved', 'rejected', 'status_changed'`;

/**
 * An organiser can deactivate a member of a company or school (someone who left): the
 * account stays, with its name in histories, but can no longer log in. The organisers' list
 * of members shows when each last logged in. Deactivating and reactivating are entries of
 * the organisation's audit history.
 */
export class MemberDeactivation1764496800000 implements MigrationInterface {
  name = 'MemberDeactivation1764496800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN deactivated_at timestamptz, ADD COLUMN last_login_at timestamptz`);
    // staff are no members of an organisation and are never deactivated through one
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_deactivated_member CHECK (deactivated_at IS NULL OR role IN ('company_member', 'school_member'))`);
    await q.query(`ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check`);
    await q.query(`ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check CHECK (action IN (${ACTIONS}, 'member_deactivated', 'member_reactivated'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM audit_log WHERE action IN ('member_deactivated', 'member_reactivated')`);
    await q.query(`ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check`);
    await q.query(`ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check CHECK (action IN (${ACTIONS}))`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_deactivated_member`);
    await q.query(`ALTER TABLE users DROP COLUMN deactivated_at, DROP COLUMN last_login_at`);
  }
}
