import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A pupil's Merkliste: Steckbriefe marked while browsing, to come back to and, where applying
 * brought no place, to count as wishes in a phase's proposal after the applications. Marks
 * go with the pupil's participation and with the Steckbrief.
 */
export class SteckbriefMarks1764849600000 implements MigrationInterface {
  name = 'SteckbriefMarks1764849600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE praxistage_marks (
        event_id uuid NOT NULL,
        pupil_id uuid NOT NULL,
        offer_id uuid NOT NULL REFERENCES practicum_offers (id) ON DELETE CASCADE,
        marked_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (event_id, pupil_id, offer_id),
        FOREIGN KEY (event_id, pupil_id) REFERENCES praxistage_pupils (event_id, pupil_id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX praxistage_marks_offer_idx ON praxistage_marks (offer_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE praxistage_marks`);
  }
}
