import { Pool } from 'pg';
import { bookClassVisit, newFair, School, Session } from './api';
import { baselineBooking } from './baseline';
import { ClassVisit, Measurement, measure } from './measure';

export const CONCURRENCY = 100;
const SLOT_CAPACITY = 500;
const SPREAD_SLOTS = 200;

/** One round: baseline and app on one slot, then on 200 slots, each on fairs of their own. */
export type Round = { floorOne: Measurement; appOne: Measurement; floorSpread: Measurement; appSpread: Measurement };
export type RushResult = { rounds: Round[]; checks: Array<Record<string, unknown>> };

/**
 * The registration rush: the same mixed class visits booked through the app and, as the
 * floor PostgreSQL sets, through `pg` straight, on one slot and spread over 200. Baseline and
 * app alternate, round after round, so that a machine busy with something else for a while
 * weighs on both; the ratios are taken per round and their median is reported.
 */
export async function rush(base: string, db: Pool, organiser: Session, schools: School[], requests: number, rounds: number, tag = ''): Promise<RushResult> {
  // `tag`: a rush of its own on the same schools (one per worker count); class names are unique per school
  const visits = plan(await createClasses(db, schools, Math.ceil(requests / CONCURRENCY), `Klasse${tag}`), requests);
  const results: Round[] = [];
  const fairs: Array<{ eventId: string; slots: string[] }> = [];
  const slot = (fair: { slots: string[] }, i: number) => fair.slots[i % fair.slots.length];
  for (let round = 1; round <= rounds; round++) {
    const [floorOne, oneSlot, floorSpread, spread] = [
      await newFair(base, organiser, `Baseline ein Zeitfenster ${round}${tag}`, 1, SLOT_CAPACITY),
      await newFair(base, organiser, `Rush auf ein Zeitfenster ${round}${tag}`, 1, SLOT_CAPACITY),
      await newFair(base, organiser, `Baseline verteilt ${round}${tag}`, SPREAD_SLOTS, SLOT_CAPACITY),
      await newFair(base, organiser, `Rush verteilt ${round}${tag}`, SPREAD_SLOTS, SLOT_CAPACITY),
    ];
    fairs.push(oneSlot, spread, floorOne, floorSpread);
    const label = rounds > 1 ? ` (round ${round})` : '';
    results.push({
      floorOne: await measure(`baseline (pg), one slot${label}`, visits, CONCURRENCY, (v, i) => baselineBooking(db, floorOne.eventId, slot(floorOne, i), v)),
      appOne: await measure(`app, one slot${label}`, visits, CONCURRENCY, (v, i) => bookClassVisit(base, schools, oneSlot.eventId, slot(oneSlot, i), v)),
      floorSpread: await measure(`baseline (pg), 200 slots${label}`, visits, CONCURRENCY, (v, i) => baselineBooking(db, floorSpread.eventId, slot(floorSpread, i), v)),
      appSpread: await measure(`app, 200 slots${label}`, visits, CONCURRENCY, (v, i) => bookClassVisit(base, schools, spread.eventId, slot(spread, i), v)),
    });
  }
  return { rounds: results, checks: await capacityChecks(db, fairs) };
}

/** Classes are set-up, not under test: written straight into the table. */
export async function createClasses(db: Pool, schools: Array<{ id: string }>, perSchool: number, prefix = 'Klasse') {
  const rows = await db.query(
    `INSERT INTO school_classes (school_id, name, grade, pupil_count, class_teacher)
     SELECT s.id, $3 || ' ' || n, 8, 25, 'Herr Bench' FROM unnest($1::uuid[]) AS s(id), generate_series(1, $2) AS n
     RETURNING id, school_id AS "schoolId"`,
    [schools.map((s) => s.id), perSchool, prefix],
  );
  return rows.rows as Array<{ id: string; schoolId: string }>;
}

/** The same mixed requests for every run: 1–28 pupils and 0–2 teachers, from a fixed seed. */
function plan(classes: Array<{ id: string; schoolId: string }>, requests: number): ClassVisit[] {
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return classes.slice(0, requests).map((c) => ({ schoolId: c.schoolId, classId: c.id, pupils: 1 + Math.floor(next() * 28), teachers: Math.floor(next() * 3) }));
}

/** Per slot: the counter equals the confirmed places, never more than the capacity. */
async function capacityChecks(db: Pool, fairs: Array<{ eventId: string; slots: string[] }>) {
  const { rows } = await db.query(
    `SELECT bk.event_id AS "eventId", count(*) AS slots,
            count(*) FILTER (WHERE bk.booked > bk.capacity) AS overbooked,
            count(*) FILTER (WHERE bk.booked <> COALESCE(c.confirmed, 0)) AS drifted,
            count(*) FILTER (WHERE bk.booked = bk.capacity) AS full
       FROM bookables bk
       LEFT JOIN (SELECT bookable_id, sum(quantity) AS confirmed FROM bookings WHERE status = 'confirmed' GROUP BY 1) c ON c.bookable_id = bk.id
      WHERE bk.event_id = ANY($1) GROUP BY 1`,
    [fairs.map((f) => f.eventId)],
  );
  return fairs.map((f) => ({ slotCount: f.slots.length, ...(rows.find((r) => r.eventId === f.eventId) ?? { slots: 0, overbooked: 0, drifted: 0, full: 0 }) }));
}
