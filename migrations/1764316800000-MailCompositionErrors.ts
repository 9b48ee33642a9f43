import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A booking change whose mail cannot be composed is set aside with its error after a few
 * attempts, instead of holding up every change behind it.
 */
export class MailCompositionErrors1764316800000 implements MigrationInterface {
  name = 'MailCompositionErrors1764316800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE booking_changes ADD COLUMN notify_attempts integer NOT NULL DEFAULT 0, ADD COLUMN notify_error text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE booking_changes DROP COLUMN notify_attempts, DROP COLUMN notify_error`);
  }
}
