import { MigrationInterface, QueryRunner } from 'typeorm';

const ACTIVE_APPLICATION = `status IN ('submitted', 'interview', 'offered', 'accepted')`;

/**
 * The Praxistage as the region runs them: a year (Durchgang) of four phases, schools with
 * their weekday and participating pupils, pupils' access codes, Steckbriefe with places per
 * phase and weekday, applications, and the rules "one placement per phase" and "a different
 * company and field in each phase" kept by unique indexes. A year is an event of the
 * Praxistage program with a `praxistage_years` row; one-term events without it keep working.
 */
export class PraxistageYear1764403200000 implements MigrationInterface {
  name = 'PraxistageYear1764403200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE praxistage_years (
        event_id uuid PRIMARY KEY REFERENCES events (id) ON DELETE CASCADE,
        applications_per_phase smallint NOT NULL DEFAULT 3 CHECK (applications_per_phase BETWEEN 1 AND 10),
        offer_hold_days smallint NOT NULL DEFAULT 7 CHECK (offer_hold_days BETWEEN 1 AND 30),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE praxistage_phases (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL REFERENCES praxistage_years (event_id) ON DELETE CASCADE,
        number smallint NOT NULL CHECK (number BETWEEN 1 AND 4),
        first_day date NOT NULL,
        last_day date NOT NULL,
        applications_open_at timestamptz NOT NULL,
        applications_close_at timestamptz NOT NULL,
        CONSTRAINT praxistage_phases_order CHECK (last_day >= first_day),
        CONSTRAINT praxistage_phases_window CHECK (applications_close_at > applications_open_at),
        CONSTRAINT praxistage_phases_once UNIQUE (event_id, number)
      )`);
    await q.query(`
      CREATE TABLE praxistage_schools (
        event_id uuid NOT NULL REFERENCES praxistage_years (event_id) ON DELETE CASCADE,
        school_id uuid NOT NULL REFERENCES schools (id) ON DELETE CASCADE,
        weekday smallint NOT NULL CHECK (weekday BETWEEN 1 AND 5),
        PRIMARY KEY (event_id, school_id)
      )`);
    // a class of a school that needs another weekday than the school's
    await q.query(`
      CREATE TABLE praxistage_class_weekdays (
        event_id uuid NOT NULL REFERENCES praxistage_years (event_id) ON DELETE CASCADE,
        class_id uuid NOT NULL REFERENCES school_classes (id) ON DELETE CASCADE,
        weekday smallint NOT NULL CHECK (weekday BETWEEN 1 AND 5),
        PRIMARY KEY (event_id, class_id)
      )`);
    await q.query(`
      CREATE TABLE praxistage_pupils (
        event_id uuid NOT NULL,
        pupil_id uuid NOT NULL REFERENCES pupils (id) ON DELETE CASCADE,
        school_id uuid NOT NULL,
        may_stay boolean NOT NULL DEFAULT false,
        code_hash text UNIQUE,
        code_issued_at timestamptz,
        PRIMARY KEY (event_id, pupil_id),
        FOREIGN KEY (event_id, school_id) REFERENCES praxistage_schools (event_id, school_id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX praxistage_pupils_school_idx ON praxistage_pupils (school_id, event_id)`);
    await q.query(`
      CREATE TABLE pupil_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL,
        pupil_id uuid NOT NULL,
        secret_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (event_id, pupil_id) REFERENCES praxistage_pupils (event_id, pupil_id) ON DELETE CASCADE
      )`);

    // A Steckbrief is a year's practicum offer: reviewed before pupils see it, places per phase and weekday.
    await q.query(`
      ALTER TABLE practicum_offers
        ADD COLUMN tasks text NOT NULL DEFAULT '',
        ADD COLUMN expectations text NOT NULL DEFAULT '',
        ADD COLUMN district text CHECK (district IN ('nordhausen', 'kyffhaeuserkreis', 'unstrut-hainich-kreis', 'eichsfeld')),
        ADD COLUMN review_status text NOT NULL DEFAULT 'approved' CHECK (review_status IN ('draft', 'submitted', 'approved', 'returned')),
        ADD COLUMN review_note text,
        ADD COLUMN copied_from uuid REFERENCES practicum_offers (id) ON DELETE SET NULL,
        ALTER COLUMN places_per_weekday DROP NOT NULL`);
    await q.query(`ALTER TABLE practicum_offers DROP CONSTRAINT practicum_offers_weekdays`);
    await q.query(`ALTER TABLE practicum_offers ADD CONSTRAINT practicum_offers_weekdays CHECK (cardinality(weekdays) <= 5 AND weekdays <@ '{1,2,3,4,5}'::smallint[])`);
    await q.query(`ALTER TABLE practicum_offers ADD CONSTRAINT practicum_offers_places CHECK (places_per_weekday IS NULL OR cardinality(weekdays) >= 1)`);
    await q.query(`CREATE INDEX practicum_offers_review_idx ON practicum_offers (event_id, review_status)`);
    await q.query(`ALTER TABLE bookables DROP CONSTRAINT bookables_kind_check`);
    await q.query(`ALTER TABLE bookables ADD CONSTRAINT bookables_kind_check CHECK (kind IN ('stands', 'time_slot', 'offer_weekday', 'phase_place'))`);
    await q.query(`
      CREATE TABLE steckbrief_places (
        id uuid PRIMARY KEY REFERENCES bookables (id) ON DELETE CASCADE,
        offer_id uuid NOT NULL REFERENCES practicum_offers (id) ON DELETE CASCADE,
        phase_id uuid NOT NULL REFERENCES praxistage_phases (id) ON DELETE CASCADE,
        weekday smallint NOT NULL CHECK (weekday BETWEEN 1 AND 5),
        CONSTRAINT steckbrief_places_once UNIQUE (offer_id, phase_id, weekday)
      )`);
    await q.query(`CREATE INDEX steckbrief_places_phase_idx ON steckbrief_places (phase_id, weekday)`);

    // A placement of a year belongs to a phase; the rules of a year are unique indexes.
    await q.query(`
      ALTER TABLE bookings
        ADD COLUMN phase_id uuid REFERENCES praxistage_phases (id) ON DELETE RESTRICT,
        ADD COLUMN occupational_field text,
        ADD COLUMN may_stay boolean NOT NULL DEFAULT false,
        ADD CONSTRAINT bookings_phase_placement CHECK (phase_id IS NULL OR (kind = 'placement' AND occupational_field IS NOT NULL AND pupil_id IS NOT NULL))`);
    await q.query(`DROP INDEX bookings_placement_pupil_weekday`);
    await q.query(
      `CREATE UNIQUE INDEX bookings_placement_pupil_weekday ON bookings (event_id, pupil_id, weekday)
        WHERE kind = 'placement' AND phase_id IS NULL AND status IN ('pending', 'confirmed', 'waitlisted')`,
    );
    await q.query(`CREATE UNIQUE INDEX bookings_placement_pupil_phase ON bookings (phase_id, pupil_id) WHERE phase_id IS NOT NULL AND status = 'confirmed'`);
    await q.query(
      `CREATE UNIQUE INDEX bookings_placement_company_again ON bookings (event_id, pupil_id, company_id)
        WHERE phase_id IS NOT NULL AND status = 'confirmed' AND NOT may_stay`,
    );
    await q.query(
      `CREATE UNIQUE INDEX bookings_placement_field_again ON bookings (event_id, pupil_id, occupational_field)
        WHERE phase_id IS NOT NULL AND status = 'confirmed' AND NOT may_stay`,
    );
    await q.query(`CREATE INDEX bookings_phase_idx ON bookings (phase_id, pupil_id) WHERE phase_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE praxistage_applications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL,
        phase_id uuid NOT NULL REFERENCES praxistage_phases (id) ON DELETE CASCADE,
        pupil_id uuid NOT NULL,
        school_id uuid NOT NULL REFERENCES schools (id) ON DELETE CASCADE,
        offer_id uuid NOT NULL REFERENCES practicum_offers (id) ON DELETE CASCADE,
        company_id uuid NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
        weekday smallint NOT NULL CHECK (weekday BETWEEN 1 AND 5),
        message text NOT NULL DEFAULT '',
        status text NOT NULL CHECK (status IN ('submitted', 'interview', 'offered', 'accepted', 'declined_by_company', 'declined_by_pupil', 'withdrawn', 'lapsed')),
        interview_at timestamptz,
        interview_place text,
        interview_note text,
        reason text,
        booking_id uuid REFERENCES bookings (id) ON DELETE SET NULL,
        offered_until timestamptz,
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (event_id, pupil_id) REFERENCES praxistage_pupils (event_id, pupil_id) ON DELETE CASCADE,
        CONSTRAINT praxistage_applications_offered CHECK (status <> 'offered' OR (booking_id IS NOT NULL AND offered_until IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX praxistage_applications_once ON praxistage_applications (phase_id, pupil_id, offer_id) WHERE ${ACTIVE_APPLICATION}`);
    await q.query(`CREATE INDEX praxistage_applications_company_idx ON praxistage_applications (company_id, phase_id, status)`);
    await q.query(`CREATE INDEX praxistage_applications_pupil_idx ON praxistage_applications (pupil_id, phase_id)`);
    await q.query(`CREATE INDEX praxistage_applications_lapse_idx ON praxistage_applications (offered_until) WHERE status = 'offered'`);

    // one weekly digest per ISO week, whichever instance gets there first
    await q.query(`CREATE TABLE praxistage_digest_runs (week text PRIMARY KEY, sent_at timestamptz NOT NULL DEFAULT now())`);

    // What the program exists for: an apprenticeship or a further internship after the year.
    await q.query(`
      CREATE TABLE praxistage_outcomes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        booking_id uuid NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
        event_id uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
        company_id uuid NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('apprenticeship', 'internship')),
        occupational_field text NOT NULL,
        district text NOT NULL,
        recorded_by uuid REFERENCES users (id) ON DELETE SET NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT praxistage_outcomes_once UNIQUE (booking_id, kind)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE praxistage_digest_runs, praxistage_outcomes, praxistage_applications, steckbrief_places, pupil_sessions, praxistage_pupils, praxistage_class_weekdays, praxistage_schools`);
    await q.query(`DROP INDEX bookings_placement_pupil_weekday`);
    await q.query(`ALTER TABLE bookings DROP COLUMN phase_id, DROP COLUMN occupational_field, DROP COLUMN may_stay`);
    await q.query(`CREATE UNIQUE INDEX bookings_placement_pupil_weekday ON bookings (event_id, pupil_id, weekday) WHERE kind = 'placement' AND status IN ('pending', 'confirmed', 'waitlisted')`);
    await q.query(`DROP TABLE praxistage_phases, praxistage_years`);
    await q.query(`DELETE FROM bookables WHERE kind = 'phase_place'`);
    await q.query(`ALTER TABLE bookables DROP CONSTRAINT bookables_kind_check`);
    await q.query(`ALTER TABLE bookables ADD CONSTRAINT bookables_kind_check CHECK (kind IN ('stands', 'time_slot', 'offer_weekday'))`);
    await q.query(`ALTER TABLE practicum_offers DROP CONSTRAINT practicum_offers_places, DROP CONSTRAINT practicum_offers_weekdays`);
    await q.query(`DELETE FROM practicum_offers WHERE places_per_weekday IS NULL`);
    await q.query(
      `ALTER TABLE practicum_offers DROP COLUMN tasks, DROP COLUMN expectations, DROP COLUMN district, DROP COLUMN review_status,
         DROP COLUMN review_note, DROP COLUMN copied_from, ALTER COLUMN places_per_weekday SET NOT NULL`,
    );
    await q.query(`ALTER TABLE practicum_offers ADD CONSTRAINT practicum_offers_weekdays CHECK (cardinality(weekdays) BETWEEN 1 AND 5 AND weekdays <@ '{1,2,3,4,5}'::smallint[])`);
  }
}
