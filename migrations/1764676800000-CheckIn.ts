import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Handwerkertag check-in at the entrance. A door login is a user of the role `door` bound to
 * one event. Each class visit gets check-in codes, kept only as SHA-256 (the codes themselves
 * are derived from the booking id with a server secret and never stored); a class is checked
 * in once: the booking id is the check-in's key, so two entrances scanning at once cannot
 * both insert.
 */
export class CheckIn1764676800000 implements MigrationInterface {
  name = 'CheckIn1764676800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN event_id uuid REFERENCES events (id) ON DELETE CASCADE`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_role_check`);
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('organiser', 'partner', 'company_member', 'school_member', 'door'))`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_role_organisation`);
    await q.query(`
      ALTER TABLE users ADD CONSTRAINT users_role_organisation CHECK (
        (role = 'company_member' AND company_id IS NOT NULL AND school_id IS NULL AND event_id IS NULL) OR
        (role = 'school_member' AND school_id IS NOT NULL AND company_id IS NULL AND event_id IS NULL) OR
        (role IN ('organiser', 'partner') AND company_id IS NULL AND school_id IS NULL AND event_id IS NULL) OR
        (role = 'door' AND event_id IS NOT NULL AND company_id IS NULL AND school_id IS NULL))`);
    await q.query(`CREATE INDEX users_event_idx ON users (event_id) WHERE event_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE check_in_codes (
        booking_id uuid PRIMARY KEY REFERENCES bookings (id) ON DELETE CASCADE,
        event_id uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
        code_hash text NOT NULL UNIQUE,
        short_code_hash text NOT NULL,
        -- which derivation of the short code is the booking's (another one was taken in the event)
        short_code_round smallint NOT NULL DEFAULT 0 CHECK (short_code_round BETWEEN 0 AND 20),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT check_in_codes_short_once UNIQUE (event_id, short_code_hash)
      )`);
    await q.query(`
      CREATE TABLE check_ins (
        booking_id uuid PRIMARY KEY REFERENCES bookings (id) ON DELETE CASCADE,
        event_id uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
        pupils smallint NOT NULL CHECK (pupils BETWEEN 1 AND 500),
        teachers smallint NOT NULL CHECK (teachers BETWEEN 0 AND 50),
        entrance text CHECK (btrim(entrance) <> ''),
        checked_in_at timestamptz NOT NULL DEFAULT now(),
        checked_in_by uuid REFERENCES users (id) ON DELETE SET NULL,
        -- kept when the door login is deleted after the day: who it was stays readable
        checked_in_by_name text NOT NULL
      )`);
    await q.query(`CREATE INDEX check_ins_event_idx ON check_ins (event_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE check_ins, check_in_codes`);
    await q.query(`DELETE FROM users WHERE role = 'door'`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_role_organisation`);
    await q.query(`
      ALTER TABLE users ADD CONSTRAINT users_role_organisation CHECK (
        (role = 'company_member' AND company_id IS NOT NULL AND school_id IS NULL) OR
        (role = 'school_member' AND school_id IS NOT NULL AND company_id IS NULL) OR
        (role IN ('organiser', 'partner') AND company_id IS NULL AND school_id IS NULL))`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_role_check`);
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('organiser', 'partner', 'company_member', 'school_member'))`);
    await q.query(`ALTER TABLE users DROP COLUMN event_id`);
  }
}
