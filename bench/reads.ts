import { Pool } from 'pg';
import { call, newEvent, newFair, newOrganisation, School, Session } from './api';
import { Measurement, measure } from './measure';
import { createClasses } from './rush';

const LIST_ROWS = 10_000;
const FEED_PLACEMENTS = 150;

/** How often each read is sent, and by how many clients at once. */
const RUNS = {
  floor: { requests: 2000, concurrency: 20 },
  events: { requests: 2000, concurrency: 20 },
  feed: { requests: 300, concurrency: 10 },
  list: { requests: 20, concurrency: 2 },
};

/**
 * What people read while others book: the event list with free places, a school's calendar
 * feed with 150 weekly placements, an attendee list of 10,000 rows. Each is reported with
 * the floor of the same stack in the same run: GET /health (one `SELECT 1` through HTTP,
 * guards and the pool).
 */
export async function reads(base: string, db: Pool, organiser: Session, schools: School[]): Promise<Measurement[]> {
  const school = schools[0];
  for (let n = 0; n < 25; n++) await newFair(base, organiser, `Handwerkertag ${n + 1}`, 3, 150); // a year's events
  const feedPath = await schoolFeedWithPlacements(base, db, organiser, school);
  const listPath = await attendeeList(base, db, organiser, schools);
  const times = (count: number) => Array.from({ length: count }, (_, i) => i);
  return [
    await measure('floor: GET /health', times(RUNS.floor.requests), RUNS.floor.concurrency, () => read(base, '/health')),
    await measure('event list with free places', times(RUNS.events.requests), RUNS.events.concurrency, () => read(base, '/api/v1/events', school)),
    await measure(`school feed, ${FEED_PLACEMENTS} weekly placements`, times(RUNS.feed.requests), RUNS.feed.concurrency, () => read(base, feedPath)),
    await measure(`attendee list, ${LIST_ROWS.toLocaleString('en')} rows (CSV)`, times(RUNS.list.requests), RUNS.list.concurrency, () =>
      read(base, listPath, organiser, LIST_ROWS + 1),
    ),
  ];
}

/** Reads the whole answer; with `minLines`, checks the list is complete (its rows, a header, totals). */
async function read(base: string, path: string, session?: Session, minLines?: number): Promise<string> {
  const res = await fetch(`${base}${path}`, { headers: session ? { cookie: session.cookie } : {} });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
  if (minLines !== undefined && body.trimEnd().split("\n").length < minLines) throw new Error(`${path}: incomplete list`);
  return 'ok';
}

/** A Praxistage term with one company's offer, and the school's pupils placed on every weekday. */
async function schoolFeedWithPlacements(base: string, db: Pool, organiser: Session, school: School): Promise<string> {
  const termId = await newEvent(base, organiser, { program: 'praxistage', title: 'Praxistage Bench', venue: 'Nordthüringen', startsOn: '2027-02-08', endsOn: '2027-06-30' });
  const company = await newOrganisation(base, organiser, 'company', 0, '10.2.0.1');
  const offer = await call(base, company, `/api/v1/events/${termId}/offers`, {
    occupationalField: 'Metall, Maschinenbau', apprenticeship: 'Metallbauer/in', weekdays: [1, 2, 3, 4, 5], placesPerWeekday: FEED_PLACEMENTS / 5,
    dailyStart: '07:30', dailyEnd: '14:00', street: 'Industriestraße 4', postalCode: '37327', town: 'Leinefelde-Worbis',
    mentor: 'Herr Schmied', contactPerson: 'Frau Blech', contactPhone: '03605 1234', contactEmail: 'ausbildung@metallbau.example',
  });
  const [pupilClass] = await createClasses(db, [school], 1, 'Praxis');
  const { rows: pupils } = await db.query(
    `INSERT INTO pupils (school_id, class_id, first_name, last_name, consent_recorded_on)
     SELECT $1, $2, 'Kind', 'Nummer ' || n, current_date FROM generate_series(1, $3) AS n RETURNING id`,
    [school.id, pupilClass.id, FEED_PLACEMENTS],
  );
  for (const [i, pupil] of pupils.entries()) {
    await call(base, school, `/api/v1/events/${termId}/placements`, { offerId: offer.id, weekday: 1 + (i % 5), pupilId: pupil.id });
  }
  return new URL((await call(base, school, '/api/v1/calendar/feed')).url).pathname;
}

/** A fair whose class-visit list has LIST_ROWS confirmed visits (written straight into the tables). */
async function attendeeList(base: string, db: Pool, organiser: Session, schools: School[]): Promise<string> {
  const slots = 20;
  const fair = await newFair(base, organiser, 'Liste', slots, LIST_ROWS / slots);
  await createClasses(db, schools, LIST_ROWS / schools.length, 'Liste');
  await db.query(
    `WITH c AS (SELECT id, school_id, row_number() OVER (ORDER BY id) AS n FROM school_classes WHERE name LIKE 'Liste %'),
          s AS (SELECT ts.id, row_number() OVER (ORDER BY ts.starts_at) - 1 AS k FROM time_slots ts WHERE ts.event_id = $1)
     INSERT INTO bookings (event_id, kind, bookable_id, quantity, status, school_id, school_class_id, details)
     SELECT $1, 'class_visit', s.id, 1, 'confirmed', c.school_id, c.id, '{"pupils": 1, "teachers": 0}' FROM c JOIN s ON s.k = c.n % $2`,
    [fair.eventId, slots],
  );
  await db.query(
    `UPDATE bookables b SET booked = (SELECT count(*) FROM bookings WHERE bookable_id = b.id AND status = 'confirmed') WHERE event_id = $1`,
    [fair.eventId],
  );
  return `/api/v1/events/${fair.eventId}/lists/class-visits?format=csv`;
}
