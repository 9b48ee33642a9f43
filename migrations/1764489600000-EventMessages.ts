import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Messages of the organisers to the bookers of an event: what was written (German, and
 * English where given), to whom (the filter and how many it reached), by whom and when; and
 * the outbox mail of each recipient, whose state says whether it went out. A sending
 * request's key is unique per sender, so a double-click or a retried request sends once.
 */
export class EventMessages1764489600000 implements MigrationInterface {
  name = 'EventMessages1764489600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE event_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
        subject_de text NOT NULL,
        text_de text NOT NULL,
        subject_en text,
        text_en text,
        statuses text[] NOT NULL,
        slot_ids uuid[] NOT NULL,
        organisation_kinds text[] NOT NULL,
        bookings integer NOT NULL,
        organisations integer NOT NULL,
        people integer NOT NULL,
        sent_by uuid REFERENCES users (id) ON DELETE SET NULL,
        send_key text,
        request_hash text NOT NULL,
        sent_at timestamptz NOT NULL DEFAULT now(),
        -- the English version is whole or missing: a subject without its text would send half a mail
        CONSTRAINT event_messages_english_whole CHECK ((subject_en IS NULL) = (text_en IS NULL)),
        -- a message that reaches nobody is refused before it is written
        CONSTRAINT event_messages_reach CHECK (bookings > 0 AND organisations > 0 AND people > 0),
        CONSTRAINT event_messages_send_once UNIQUE (sent_by, send_key)
      )`);
    await q.query(`CREATE INDEX event_messages_event_idx ON event_messages (event_id, sent_at DESC)`);
    await q.query(`
      CREATE TABLE event_message_recipients (
        message_id uuid NOT NULL REFERENCES event_messages (id) ON DELETE CASCADE,
        mail_id uuid NOT NULL UNIQUE REFERENCES outbox_mails (id) ON DELETE CASCADE,
        company_id uuid REFERENCES companies (id) ON DELETE SET NULL,
        school_id uuid REFERENCES schools (id) ON DELETE SET NULL,
        PRIMARY KEY (message_id, mail_id),
        CONSTRAINT event_message_recipients_one_organisation CHECK (num_nonnulls(company_id, school_id) <= 1)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE event_message_recipients, event_messages`);
  }
}
