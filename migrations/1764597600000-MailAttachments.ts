import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A mail may carry a generated document (a class visit's or a stand's confirmation as PDF),
 * rendered when the mail is composed and kept with it until it is sent; purged with the body.
 */
export class MailAttachments1764597600000 implements MigrationInterface {
  name = 'MailAttachments1764597600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox_mails ADD COLUMN attachment bytea, ADD COLUMN attachment_name text`);
    await q.query(`ALTER TABLE outbox_mails ADD CONSTRAINT outbox_mails_attachment_named CHECK ((attachment IS NULL) = (attachment_name IS NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox_mails DROP CONSTRAINT outbox_mails_attachment_named`);
    await q.query(`ALTER TABLE outbox_mails DROP COLUMN attachment, DROP COLUMN attachment_name`);
  }
}
