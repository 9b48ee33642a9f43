import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mail that must never be lost: the outbox, written in the same transaction as the change
 * that causes it and sent by a worker; calendar feeds; password resets; reminders sent.
 */
export class Notifications1763884800000 implements MigrationInterface {
  name = 'Notifications1763884800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE outbox_mails (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL,
        recipient text NOT NULL,
        locale text NOT NULL CHECK (locale IN ('de', 'en')),
        subject text NOT NULL,
        text_body text,
        html_body text,
        calendar text,
        calendar_method text CHECK (calendar_method IN ('REQUEST', 'CANCEL', 'PUBLISH')),
        booking_id uuid REFERENCES bookings (id) ON DELETE SET NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        leased_until timestamptz,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        body_purged_at timestamptz
      )`);
    // what the worker looks for: due, unsent mail
    await q.query(`CREATE INDEX outbox_mails_due_idx ON outbox_mails (next_attempt_at) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX outbox_mails_listing_idx ON outbox_mails (created_at DESC)`);
    await q.query(`CREATE INDEX outbox_mails_booking_idx ON outbox_mails (booking_id) WHERE booking_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE calendar_feeds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        company_id uuid UNIQUE REFERENCES companies (id) ON DELETE CASCADE,
        school_id uuid UNIQUE REFERENCES schools (id) ON DELETE CASCADE,
        user_id uuid UNIQUE REFERENCES users (id) ON DELETE CASCADE,
        token text NOT NULL,
        renewed_at timestamptz NOT NULL DEFAULT now(),
        -- a feed belongs to one company, one school, or one organiser
        CONSTRAINT calendar_feeds_owner CHECK (num_nonnulls(company_id, school_id, user_id) = 1)
      )`);

    await q.query(`
      CREATE TABLE password_resets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        secret_hash text NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT password_resets_secret_key UNIQUE (secret_hash)
      )`);

    // one reminder per booking and occasion, whichever instance gets there first
    await q.query(`
      CREATE TABLE reminders_sent (
        booking_id uuid NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
        occasion text NOT NULL,
        sent_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (booking_id, occasion)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['reminders_sent', 'password_resets', 'calendar_feeds', 'outbox_mails']) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
