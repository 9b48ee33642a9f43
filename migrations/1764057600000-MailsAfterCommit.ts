import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Booking mails are composed after the booking commits, from the change rows it left.
 * The calendar entry of a change must carry the booking's version as it was then (its
 * SEQUENCE), not the version the booking has when the mail is composed.
 */
export class MailsAfterCommit1764057600000 implements MigrationInterface {
  name = 'MailsAfterCommit1764057600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE booking_changes ADD COLUMN booking_version integer`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE booking_changes DROP COLUMN booking_version`);
  }
}
