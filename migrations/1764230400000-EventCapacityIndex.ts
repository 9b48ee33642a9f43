import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The event list shows each event's free places, summed from its capacities: found by
 * event, not by reading every capacity of every year.
 */
export class EventCapacityIndex1764230400000 implements MigrationInterface {
  name = 'EventCapacityIndex1764230400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX bookables_event_idx ON bookables (event_id, kind)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX bookables_event_idx`);
  }
}
