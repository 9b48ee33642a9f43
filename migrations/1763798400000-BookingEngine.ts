import { MigrationInterface, QueryRunner } from 'typeorm';

// A booking holds its place while pending, confirmed or waitlisted.
const LIVE = `status IN ('pending', 'confirmed', 'waitlisted')`;

/**
 * Events of the three programs, what can be booked in them, and the booking engine.
 * Capacity is a counter per bookable thing with a CHECK that it never exceeds the
 * capacity; "only once" rules are partial unique indexes over live bookings.
 */
export class BookingEngine1763798400000 implements MigrationInterface {
  name = 'BookingEngine1763798400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        program text NOT NULL CHECK (program IN ('handwerkertag', 'schule-trifft-wirtschaft', 'praxistage')),
        title text NOT NULL CHECK (btrim(title) <> ''),
        description text NOT NULL DEFAULT '',
        venue text NOT NULL,
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        registration_opens_at timestamptz NOT NULL,
        registration_closes_at timestamptz NOT NULL,
        cancellation_deadline timestamptz NOT NULL,
        requires_approval boolean NOT NULL DEFAULT false,
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'closed', 'completed', 'cancelled')),
        host_school_id uuid REFERENCES schools (id) ON DELETE RESTRICT,
        requested_occupational_fields text[] NOT NULL DEFAULT '{}',
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT events_dates CHECK (ends_on >= starts_on),
        CONSTRAINT events_registration_window CHECK (registration_closes_at > registration_opens_at),
        -- a Schule-trifft-Wirtschaft day belongs to its host school; no other program has one
        CONSTRAINT events_host_school CHECK ((program = 'schule-trifft-wirtschaft') = (host_school_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX events_listing_idx ON events (status, starts_on)`);

    await q.query(`
      CREATE TABLE bookables (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('stands', 'time_slot', 'offer_weekday')),
        capacity integer NOT NULL CHECK (capacity >= 0),
        booked integer NOT NULL DEFAULT 0,
        CONSTRAINT bookables_within_capacity CHECK (booked >= 0 AND booked <= capacity)
      )`);
    await q.query(`CREATE UNIQUE INDEX bookables_one_stand_pool ON bookables (event_id) WHERE kind = 'stands'`);

    await q.query(`
      CREATE TABLE time_slots (
        id uuid PRIMARY KEY REFERENCES bookables (id) ON DELETE CASCADE,
        event_id uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        CONSTRAINT time_slots_order CHECK (ends_at > starts_at)
      )`);
    await q.query(`CREATE INDEX time_slots_event_idx ON time_slots (event_id, starts_at)`);

    await q.query(`
      CREATE TABLE event_periods (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
        number smallint NOT NULL CHECK (number BETWEEN 1 AND 12),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        CONSTRAINT event_periods_order CHECK (ends_at > starts_at),
        CONSTRAINT event_periods_number_key UNIQUE (event_id, number)
      )`);
    await q.query(`
      CREATE TABLE event_classes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
        school_class_id uuid NOT NULL REFERENCES school_classes (id) ON DELETE RESTRICT,
        CONSTRAINT event_classes_once UNIQUE (event_id, school_class_id)
      )`);
    await q.query(`
      CREATE TABLE event_rooms (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
        name text NOT NULL CHECK (btrim(name) <> '')
      )`);
    await q.query(`CREATE UNIQUE INDEX event_rooms_name_key ON event_rooms (event_id, lower(name))`);

    await q.query(`
      CREATE TABLE practicum_offers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
        company_id uuid NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
        occupational_field text NOT NULL,
        apprenticeship text NOT NULL DEFAULT '',
        weekdays smallint[] NOT NULL,
        places_per_weekday smallint NOT NULL CHECK (places_per_weekday BETWEEN 1 AND 50),
        first_date date NOT NULL,
        last_date date NOT NULL,
        daily_start time NOT NULL,
        daily_end time NOT NULL,
        street text NOT NULL,
        postal_code text NOT NULL CHECK (postal_code ~ '^[0-9]{5}$'),
        town text NOT NULL,
        mentor text NOT NULL,
        contact_person text NOT NULL,
        contact_phone text NOT NULL,
        contact_email text NOT NULL,
        description text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT practicum_offers_dates CHECK (last_date >= first_date),
        CONSTRAINT practicum_offers_times CHECK (daily_end > daily_start),
        CONSTRAINT practicum_offers_weekdays CHECK (cardinality(weekdays) BETWEEN 1 AND 5 AND weekdays <@ '{1,2,3,4,5}'::smallint[])
      )`);
    await q.query(`CREATE INDEX practicum_offers_event_idx ON practicum_offers (event_id)`);
    await q.query(`
      CREATE TABLE offer_weekdays (
        id uuid PRIMARY KEY REFERENCES bookables (id) ON DELETE CASCADE,
        offer_id uuid NOT NULL REFERENCES practicum_offers (id) ON DELETE CASCADE,
        weekday smallint NOT NULL CHECK (weekday BETWEEN 1 AND 5),
        CONSTRAINT offer_weekdays_once UNIQUE (offer_id, weekday)
      )`);

    await q.query(`
      CREATE TABLE bookings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('stand', 'class_visit', 'day_registration', 'session', 'placement')),
        bookable_id uuid REFERENCES bookables (id) ON DELETE RESTRICT,
        quantity integer NOT NULL CHECK (quantity >= 1),
        status text NOT NULL CHECK (status IN ('pending', 'confirmed', 'waitlisted', 'cancelled', 'rejected')),
        company_id uuid REFERENCES companies (id) ON DELETE CASCADE,
        school_id uuid REFERENCES schools (id) ON DELETE CASCADE,
        school_class_id uuid REFERENCES school_classes (id) ON DELETE RESTRICT,
        period_id uuid REFERENCES event_periods (id) ON DELETE RESTRICT,
        event_class_id uuid REFERENCES event_classes (id) ON DELETE RESTRICT,
        room_id uuid REFERENCES event_rooms (id) ON DELETE RESTRICT,
        team smallint CHECK (team BETWEEN 1 AND 20),
        offer_id uuid REFERENCES practicum_offers (id) ON DELETE RESTRICT,
        pupil_id uuid REFERENCES pupils (id) ON DELETE SET NULL,
        weekday smallint CHECK (weekday BETWEEN 1 AND 5),
        first_date date,
        last_date date,
        stand_number integer CHECK (stand_number >= 1),
        details jsonb NOT NULL DEFAULT '{}',
        version integer NOT NULL DEFAULT 1,
        waitlisted_at timestamptz,
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- what each kind of booking is made of
        CONSTRAINT bookings_stand CHECK (kind <> 'stand' OR
          (company_id IS NOT NULL AND school_id IS NULL AND bookable_id IS NOT NULL AND quantity = 1)),
        CONSTRAINT bookings_class_visit CHECK (kind <> 'class_visit' OR
          (school_id IS NOT NULL AND company_id IS NULL AND school_class_id IS NOT NULL AND bookable_id IS NOT NULL)),
        CONSTRAINT bookings_day_registration CHECK (kind <> 'day_registration' OR
          (company_id IS NOT NULL AND bookable_id IS NULL AND quantity = 1)),
        CONSTRAINT bookings_session CHECK (kind <> 'session' OR
          (company_id IS NOT NULL AND school_id IS NOT NULL AND period_id IS NOT NULL AND event_class_id IS NOT NULL
           AND team IS NOT NULL AND bookable_id IS NULL AND quantity = 1)),
        CONSTRAINT bookings_placement CHECK (kind <> 'placement' OR
          (company_id IS NOT NULL AND school_id IS NOT NULL AND offer_id IS NOT NULL AND weekday IS NOT NULL
           AND first_date IS NOT NULL AND last_date >= first_date AND bookable_id IS NOT NULL AND quantity = 1)),
        CONSTRAINT bookings_waitlist_order CHECK (status <> 'waitlisted' OR waitlisted_at IS NOT NULL)
      )`);
    // the rules "only once", kept by the database
    await q.query(`CREATE UNIQUE INDEX bookings_stand_once ON bookings (event_id, company_id) WHERE kind = 'stand' AND ${LIVE}`);
    await q.query(`CREATE UNIQUE INDEX bookings_stand_number_key ON bookings (event_id, stand_number) WHERE kind = 'stand' AND status = 'confirmed'`);
    await q.query(`CREATE UNIQUE INDEX bookings_class_visit_once ON bookings (event_id, school_class_id) WHERE kind = 'class_visit' AND ${LIVE}`);
    await q.query(`CREATE UNIQUE INDEX bookings_day_registration_once ON bookings (event_id, company_id) WHERE kind = 'day_registration' AND ${LIVE}`);
    await q.query(`CREATE UNIQUE INDEX bookings_session_class_period ON bookings (event_id, event_class_id, period_id) WHERE kind = 'session' AND ${LIVE}`);
    await q.query(`CREATE UNIQUE INDEX bookings_session_team_period ON bookings (event_id, company_id, team, period_id) WHERE kind = 'session' AND ${LIVE}`);
    await q.query(`CREATE UNIQUE INDEX bookings_session_room_period ON bookings (event_id, room_id, period_id) WHERE kind = 'session' AND room_id IS NOT NULL AND ${LIVE}`);
    await q.query(`CREATE UNIQUE INDEX bookings_placement_pupil_weekday ON bookings (event_id, pupil_id, weekday) WHERE kind = 'placement' AND ${LIVE}`);
    // waiting lists are read first come, first served
    await q.query(`CREATE INDEX bookings_waitlist_idx ON bookings (bookable_id, waitlisted_at, id) WHERE status = 'waitlisted'`);
    await q.query(`CREATE INDEX bookings_company_idx ON bookings (company_id, event_id) WHERE company_id IS NOT NULL`);
    await q.query(`CREATE INDEX bookings_school_idx ON bookings (school_id, event_id) WHERE school_id IS NOT NULL`);
    await q.query(`CREATE INDEX bookings_event_idx ON bookings (event_id, kind, status)`);

    await q.query(`
      CREATE TABLE booking_changes (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        booking_id uuid NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
        change text NOT NULL CHECK (change IN ('created', 'confirmed', 'waitlisted', 'promoted', 'rejected', 'cancelled', 'changed', 'day_cancelled', 'day_restored')),
        from_status text,
        to_status text NOT NULL,
        actor_id uuid REFERENCES users (id) ON DELETE SET NULL,
        reason text,
        details jsonb NOT NULL DEFAULT '{}',
        occurred_at timestamptz NOT NULL DEFAULT now(),
        notified_at timestamptz
      )`);
    await q.query(`CREATE INDEX booking_changes_booking_idx ON booking_changes (booking_id, id)`);
    // the mail and calendar work reads what is not yet notified
    await q.query(`CREATE INDEX booking_changes_unnotified_idx ON booking_changes (id) WHERE notified_at IS NULL`);

    await q.query(`
      CREATE TABLE placement_exceptions (
        booking_id uuid NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
        day date NOT NULL,
        reason text NOT NULL CHECK (btrim(reason) <> ''),
        recorded_by uuid REFERENCES users (id) ON DELETE SET NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (booking_id, day)
      )`);

    await q.query(`
      CREATE TABLE school_holidays (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        school_year text NOT NULL CHECK (school_year ~ '^[0-9]{4}/[0-9]{2}$'),
        name text NOT NULL CHECK (btrim(name) <> ''),
        first_day date NOT NULL,
        last_day date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT school_holidays_order CHECK (last_day >= first_day),
        CONSTRAINT school_holidays_once UNIQUE (school_year, first_day, last_day)
      )`);

    await q.query(`
      CREATE TABLE idempotency_keys (
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        key text NOT NULL,
        fingerprint text NOT NULL,
        state text NOT NULL CHECK (state IN ('running', 'done')),
        response_status integer,
        response_body jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'idempotency_keys', 'school_holidays', 'placement_exceptions', 'booking_changes', 'bookings',
      'offer_weekdays', 'practicum_offers', 'event_rooms', 'event_classes', 'event_periods',
      'time_slots', 'bookables', 'events',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
