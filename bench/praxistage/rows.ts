import { Pool } from 'pg';

export type Row = Record<string, unknown>;

/**
 * Writes many rows in a few statements: each chunk goes as one JSON array that PostgreSQL
 * turns into the table's own row type, so every value is checked and cast as an INSERT of
 * it would be (arrays, dates, enums by CHECK), and the columns no row names take their defaults.
 */
export async function insertRows(db: Pool, table: string, rows: Row[], chunk = 5000): Promise<void> {
  if (rows.length === 0) return;
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))].join(', ');
  for (let at = 0; at < rows.length; at += chunk) {
    await db.query(`INSERT INTO ${table} (${columns}) SELECT ${columns} FROM json_populate_recordset(null::${table}, $1::json)`, [
      JSON.stringify(rows.slice(at, at + chunk)),
    ]);
  }
}

/** The places whose counter is not the number of bookings holding them (pending or confirmed), and those over capacity. */
export async function placeCounters(db: Pool, eventId: string, placeIds?: string[]) {
  const [row] = (
    await db.query(
      `SELECT count(*)::int AS places, coalesce(sum(b.capacity), 0)::int AS capacity, coalesce(sum(b.booked), 0)::int AS booked,
              count(*) FILTER (WHERE b.booked > b.capacity)::int AS overbooked,
              count(*) FILTER (WHERE b.booked <> coalesce(h.holding, 0))::int AS drifted
         FROM bookables b
         LEFT JOIN (SELECT bookable_id, count(*) AS holding FROM bookings WHERE status IN ('pending', 'confirmed') GROUP BY 1) h ON h.bookable_id = b.id
        WHERE b.event_id = $1 AND b.kind = 'phase_place' AND ($2::uuid[] IS NULL OR b.id = ANY($2::uuid[]))`,
      [eventId, placeIds ?? null],
    )
  ).rows;
  return row as { places: number; capacity: number; booked: number; overbooked: number; drifted: number };
}

/**
 * What the services keep between applications and placements, counted: an offered
 * application holds a pending placement, an accepted one a confirmed placement, nothing
 * else a live one; at most three live applications per pupil and phase, and none beside an accepted one.
 */
export async function applicationRules(db: Pool, eventId: string) {
  const [row] = (
    await db.query(
      `SELECT
         (SELECT count(*) FROM praxistage_applications a LEFT JOIN bookings b ON b.id = a.booking_id
           WHERE a.event_id = $1 AND ((a.status = 'offered') <> (b.status IS NOT DISTINCT FROM 'pending')
              OR (a.status = 'accepted') <> (b.status IS NOT DISTINCT FROM 'confirmed')))::int AS "applicationBookingMismatch",
         (SELECT count(*) FROM bookings b WHERE b.event_id = $1 AND b.status IN ('pending', 'confirmed')
             AND NOT EXISTS (SELECT 1 FROM praxistage_applications a WHERE a.booking_id = b.id))::int AS "placementsWithoutApplication",
         (SELECT count(*) FROM (SELECT 1 FROM praxistage_applications WHERE event_id = $1 AND status IN ('submitted', 'interview', 'offered', 'accepted')
             GROUP BY phase_id, pupil_id HAVING count(*) > 3 OR (count(*) FILTER (WHERE status = 'accepted') >= 1 AND count(*) > 1)) x)::int AS "pupilsOverLimit"`,
      [eventId],
    )
  ).rows;
  return row as { applicationBookingMismatch: number; placementsWithoutApplication: number; pupilsOverLimit: number };
}
