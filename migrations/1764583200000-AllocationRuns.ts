import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Proposals made by a solver: each run of a proposal is a row, one at a time per scope (a
 * Praxistage phase of a school, a Schule-trifft-Wirtschaft day) across every instance of the
 * app, kept by a partial unique index. Pupils' ranked occupational-field wishes feed the
 * Praxistage proposal; a company may let pupils be assigned to a Steckbrief directly; an
 * application sent on a pupil's behalf by an accepted proposal remembers the proposal.
 */
export class AllocationRuns1764583200000 implements MigrationInterface {
  name = 'AllocationRuns1764583200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE allocation_runs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        scope text NOT NULL CHECK (length(scope) BETWEEN 1 AND 200),
        status text NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed', 'committed', 'stale')),
        requested_by uuid REFERENCES users (id) ON DELETE SET NULL,
        input_stamp text NOT NULL,
        settings jsonb NOT NULL DEFAULT '{}',
        result jsonb,
        objective double precision,
        optimal boolean,
        gap double precision,
        duration_ms integer,
        error text,
        -- past this instant a queued or running run is taken for dead (its instance stopped)
        give_up_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT allocation_runs_result CHECK (status NOT IN ('done', 'committed', 'stale') OR result IS NOT NULL)
      )`);
    await q.query(`CREATE UNIQUE INDEX allocation_runs_one_at_a_time ON allocation_runs (scope) WHERE status IN ('queued', 'running')`);
    await q.query(`CREATE INDEX allocation_runs_scope_idx ON allocation_runs (scope, created_at DESC)`);

    await q.query(`
      CREATE TABLE praxistage_field_wishes (
        event_id uuid NOT NULL,
        pupil_id uuid NOT NULL,
        rank smallint NOT NULL CHECK (rank BETWEEN 1 AND 3),
        occupational_field text NOT NULL CHECK (length(occupational_field) BETWEEN 1 AND 200),
        PRIMARY KEY (event_id, pupil_id, rank),
        CONSTRAINT praxistage_field_wishes_once UNIQUE (event_id, pupil_id, occupational_field),
        FOREIGN KEY (event_id, pupil_id) REFERENCES praxistage_pupils (event_id, pupil_id) ON DELETE CASCADE
      )`);

    await q.query(`ALTER TABLE practicum_offers ADD COLUMN assign_directly boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE praxistage_applications ADD COLUMN proposal_run_id uuid REFERENCES allocation_runs (id) ON DELETE SET NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE praxistage_applications DROP COLUMN proposal_run_id`);
    await q.query(`ALTER TABLE practicum_offers DROP COLUMN assign_directly`);
    await q.query(`DROP TABLE praxistage_field_wishes, allocation_runs`);
  }
}
