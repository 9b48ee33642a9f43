import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts, organisations and the school's classes and pupils. The rules that must
 * never break live here as constraints, not only in code.
 */
export class Foundation1763712000000 implements MigrationInterface {
  name = 'Foundation1763712000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE companies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (btrim(name) <> ''),
        street text NOT NULL,
        postal_code text NOT NULL CHECK (postal_code ~ '^[0-9]{5}$'),
        town text NOT NULL,
        district text NOT NULL CHECK (district IN ('nordhausen', 'kyffhaeuserkreis', 'unstrut-hainich-kreis', 'eichsfeld')),
        branch text NOT NULL,
        apprenticeships text[] NOT NULL DEFAULT '{}',
        contact_person text NOT NULL,
        phone text NOT NULL,
        email text NOT NULL,
        website text,
        description text NOT NULL DEFAULT '',
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
        decided_at timestamptz,
        decided_by uuid,
        rejection_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX companies_status_idx ON companies (status)`);
    await q.query(`CREATE INDEX companies_district_idx ON companies (district)`);

    await q.query(`
      CREATE TABLE schools (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (btrim(name) <> ''),
        school_type text NOT NULL CHECK (school_type IN ('regelschule', 'gemeinschaftsschule', 'gymnasium', 'foerderschule', 'berufsbildende-schule')),
        street text NOT NULL,
        postal_code text NOT NULL CHECK (postal_code ~ '^[0-9]{5}$'),
        town text NOT NULL,
        district text NOT NULL CHECK (district IN ('nordhausen', 'kyffhaeuserkreis', 'unstrut-hainich-kreis', 'eichsfeld')),
        coordinator text NOT NULL,
        phone text NOT NULL,
        email text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
        decided_at timestamptz,
        decided_by uuid,
        rejection_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX schools_status_idx ON schools (status)`);

    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (email = lower(email)),
        name text NOT NULL,
        password_hash text NOT NULL,
        role text NOT NULL CHECK (role IN ('organiser', 'partner', 'company_member', 'school_member')),
        company_id uuid REFERENCES companies (id) ON DELETE CASCADE,
        school_id uuid REFERENCES schools (id) ON DELETE CASCADE,
        locale text NOT NULL DEFAULT 'de' CHECK (locale IN ('de', 'en')),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_email_key UNIQUE (email),
        -- a member belongs to exactly its own kind of organisation; staff to none
        CONSTRAINT users_role_organisation CHECK (
          (role = 'company_member' AND company_id IS NOT NULL AND school_id IS NULL) OR
          (role = 'school_member' AND school_id IS NOT NULL AND company_id IS NULL) OR
          (role IN ('organiser', 'partner') AND company_id IS NULL AND school_id IS NULL))
      )`);
    await q.query(`CREATE INDEX users_company_idx ON users (company_id) WHERE company_id IS NOT NULL`);
    await q.query(`CREATE INDEX users_school_idx ON users (school_id) WHERE school_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE auth_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        secret_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        CONSTRAINT auth_sessions_secret_key UNIQUE (secret_hash)
      )`);
    await q.query(`CREATE INDEX auth_sessions_user_idx ON auth_sessions (user_id)`);
    await q.query(`CREATE INDEX auth_sessions_expiry_idx ON auth_sessions (expires_at)`);

    await q.query(`
      CREATE TABLE api_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        name text NOT NULL,
        secret_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz,
        last_used_at timestamptz,
        revoked_at timestamptz,
        CONSTRAINT api_tokens_secret_key UNIQUE (secret_hash)
      )`);
    await q.query(`CREATE INDEX api_tokens_user_idx ON api_tokens (user_id)`);

    await q.query(`
      CREATE TABLE invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (email = lower(email)),
        role text NOT NULL CHECK (role IN ('organiser', 'partner', 'company_member', 'school_member')),
        company_id uuid REFERENCES companies (id) ON DELETE CASCADE,
        school_id uuid REFERENCES schools (id) ON DELETE CASCADE,
        invited_by uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        secret_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        CONSTRAINT invitations_secret_key UNIQUE (secret_hash),
        CONSTRAINT invitations_role_organisation CHECK (
          (role = 'company_member' AND company_id IS NOT NULL AND school_id IS NULL) OR
          (role = 'school_member' AND school_id IS NOT NULL AND company_id IS NULL) OR
          (role IN ('organiser', 'partner') AND company_id IS NULL AND school_id IS NULL))
      )`);
    // one open invitation per address at a time
    await q.query(`CREATE UNIQUE INDEX invitations_open_email_key ON invitations (email) WHERE accepted_at IS NULL`);

    await q.query(`
      CREATE TABLE school_classes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        school_id uuid NOT NULL REFERENCES schools (id) ON DELETE CASCADE,
        name text NOT NULL CHECK (btrim(name) <> ''),
        grade smallint NOT NULL CHECK (grade BETWEEN 5 AND 13),
        pupil_count smallint NOT NULL CHECK (pupil_count BETWEEN 0 AND 60),
        class_teacher text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX school_classes_name_key ON school_classes (school_id, lower(name))`);

    await q.query(`
      CREATE TABLE pupils (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        school_id uuid NOT NULL REFERENCES schools (id) ON DELETE CASCADE,
        class_id uuid NOT NULL REFERENCES school_classes (id) ON DELETE RESTRICT,
        first_name text NOT NULL CHECK (btrim(first_name) <> ''),
        last_name text NOT NULL CHECK (btrim(last_name) <> ''),
        consent_recorded_on date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX pupils_school_idx ON pupils (school_id, class_id)`);

    // Counters for rate limits (login failures, later registrations and bookings): kept in
    // PostgreSQL so that every app instance counts the same attempts.
    await q.query(`
      CREATE TABLE rate_limit_counters (
        key text PRIMARY KEY,
        window_started_at timestamptz NOT NULL,
        hits integer NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'rate_limit_counters', 'pupils', 'school_classes', 'invitations', 'api_tokens',
      'auth_sessions', 'users', 'schools', 'companies',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
