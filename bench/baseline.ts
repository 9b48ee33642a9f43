import { Pool } from 'pg';
import { ClassVisit } from './measure';

/**
 * The floor PostgreSQL itself sets: the booking transaction of the engine (conditional
 * counter update, on failure lock and look again, booking row, history row) sent straight
 * through `pg`, without HTTP, sessions, validation, idempotency or the outbox.
 */
export async function baselineBooking(db: Pool, eventId: string, slotId: string, visit: ClassVisit): Promise<string> {
  const quantity = visit.pupils + visit.teachers;
  const client = await db.connect();
  try {
    await client.query('BEGIN');
    const hold = () => client.query(`UPDATE bookables SET booked = booked + $2 WHERE id = $1 AND booked + $2 <= capacity RETURNING id`, [slotId, quantity]);
    let held = (await hold()).rowCount === 1;
    if (!held) {
      await client.query(`SELECT capacity, booked FROM bookables WHERE id = $1 FOR UPDATE`, [slotId]);
      held = (await hold()).rowCount === 1;
    }
    const status = held ? 'confirmed' : 'waitlisted';
    const { rows } = await client.query(
      `INSERT INTO bookings (event_id, kind, bookable_id, quantity, status, school_id, school_class_id, details, waitlisted_at)
       VALUES ($1, 'class_visit', $2, $3, $4, $5, $6, $7, CASE WHEN $4 = 'waitlisted' THEN now() END) RETURNING id`,
      [eventId, slotId, quantity, status, visit.schoolId, visit.classId, JSON.stringify({ pupils: visit.pupils, teachers: visit.teachers })],
    );
    await client.query(`INSERT INTO booking_changes (booking_id, change, from_status, to_status, details) VALUES ($1, 'created', NULL, $2, '{}')`, [rows[0].id, status]);
    await client.query('COMMIT');
    return status;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}
