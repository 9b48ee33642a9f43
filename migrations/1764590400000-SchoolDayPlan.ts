import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Schule trifft Wirtschaft: what a day plan is made from, and the proposals made of it.
 * Rooms get a kind (a company may need a workshop); classes say how many sessions they have
 * and whom they want to meet, ranked; a registered company says how many teams it brings,
 * in which periods it is there and which kind of room it needs. A proposal keeps the stamp of
 * the input it was solved from, so that a proposal gone stale is refused on commit.
 */
export class SchoolDayPlan1764590400000 implements MigrationInterface {
  name = 'SchoolDayPlan1764590400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE event_rooms ADD COLUMN kind text NOT NULL DEFAULT 'classroom'
      CONSTRAINT event_rooms_kind CHECK (kind IN ('classroom', 'workshop', 'computer_room', 'kitchen', 'hall'))`);
    // null: as many sessions as the day has periods
    await q.query(`ALTER TABLE event_classes ADD COLUMN sessions smallint CONSTRAINT event_classes_sessions CHECK (sessions BETWEEN 0 AND 12)`);
    await q.query(`
      CREATE TABLE event_class_wishes (
        event_class_id uuid NOT NULL REFERENCES event_classes (id) ON DELETE CASCADE,
        rank smallint NOT NULL CHECK (rank BETWEEN 1 AND 10),
        occupational_field text CHECK (btrim(occupational_field) <> ''),
        company_id uuid REFERENCES companies (id) ON DELETE CASCADE,
        PRIMARY KEY (event_class_id, rank),
        -- a wish names either an occupational field or a company
        CONSTRAINT event_class_wishes_one_target CHECK ((occupational_field IS NULL) <> (company_id IS NULL))
      )`);
    await q.query(`
      CREATE TABLE day_company_availability (
        event_id uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
        company_id uuid NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
        teams smallint NOT NULL DEFAULT 1 CHECK (teams BETWEEN 1 AND 20),
        -- null: every period of the day
        period_ids uuid[],
        room_kind text CHECK (room_kind IN ('workshop', 'computer_room', 'kitchen', 'hall')),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (event_id, company_id)
      )`);
    await q.query(`
      CREATE TABLE day_plan_proposals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
        status text NOT NULL CHECK (status IN ('open', 'replaced', 'committed')),
        input_stamp text NOT NULL,
        pins jsonb NOT NULL DEFAULT '[]',
        result jsonb NOT NULL,
        solver_status text NOT NULL,
        objective double precision,
        gap double precision,
        solve_ms integer NOT NULL,
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        committed_at timestamptz
      )`);
    // one open proposal per day: a new one replaces it
    await q.query(`CREATE UNIQUE INDEX day_plan_proposals_one_open ON day_plan_proposals (event_id) WHERE status = 'open'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE day_plan_proposals, day_company_availability, event_class_wishes`);
    await q.query(`ALTER TABLE event_classes DROP COLUMN sessions`);
    await q.query(`ALTER TABLE event_rooms DROP COLUMN kind`);
  }
}
