import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rate-limit counters need no crash safety: after a crash they start from zero, which only
 * forgives a few attempts. Unlogged, counting an attempt writes no WAL and its commit does
 * not wait for the disk — it is part of every booking request and every login.
 */
export class UnloggedRateLimits1764144000000 implements MigrationInterface {
  name = 'UnloggedRateLimits1764144000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rate_limit_counters SET UNLOGGED`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rate_limit_counters SET LOGGED`);
  }
}
