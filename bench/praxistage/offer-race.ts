import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { Measurement, measure } from '../measure';
import { signIn } from './praxistage-reads';
import { applicationRules, insertRows, placeCounters } from './rows';
import { WrittenYear } from './year-writer';

const PLACES = Number(process.env.BENCH_RACE_PLACES ?? 100);
const APPLICANTS_PER_PLACE = 5;
// A field no other Steckbrief of the sample has: no applicant was placed in it in an earlier phase.
const FIELD = 'Lager, Logistik';

export type RaceResult = {
  places: number;
  offers: number;
  outcomes: Record<string, number>;
  serverErrors: number;
  measurement: Measurement;
  racePlaces: Awaited<ReturnType<typeof placeCounters>>;
  offeredApplications: number;
  wholeYear: Record<string, number>;
  /** For the acceptances after the race. */
  placeIds: string[];
  applicationIds: string[];
};

/**
 * 500 offers at the same moment on 100 contested places: 100 companies, each with one place
 * on one weekday of the open phase, each with five applicants (pupils of that weekday who
 * had not applied yet, at most three applications each, as the rules allow), and every
 * company offers its place to all five at once. Exactly one offer per place may win; the
 * others are told `no_place_free`. Afterwards: no place beyond its capacity, every counter
 * equal to the placements holding it, every offered application holding its placement.
 */
export async function offerRace(base: string, db: Pool, year: WrittenYear, passwordHash: string): Promise<RaceResult> {
  const now = Date.now();
  const phase = year.phases.find((p) => p.opensAt.getTime() <= now && now < p.closesAt.getTime())!;
  const { rows: free } = await db.query(
    `SELECT pp.pupil_id AS "pupilId", pp.school_id AS "schoolId", ps.weekday FROM praxistage_pupils pp
       JOIN praxistage_schools ps ON ps.event_id = pp.event_id AND ps.school_id = pp.school_id
      WHERE pp.event_id = $1 AND NOT EXISTS (SELECT 1 FROM praxistage_applications a WHERE a.phase_id = $2 AND a.pupil_id = pp.pupil_id
                                               AND a.status IN ('submitted', 'interview', 'offered', 'accepted'))
      ORDER BY ps.weekday, pp.pupil_id`,
    [year.eventId, phase.id],
  );
  // Each weekday's share of the places, as many as its free pupils can apply to with three applications each.
  const places: Array<{ weekday: number; applicants: Array<{ pupilId: string; schoolId: string }> }> = [];
  for (const weekday of [1, 2, 3, 4, 5]) {
    const pupils = free.filter((p) => p.weekday === weekday);
    const count = Math.min(Math.ceil(PLACES / 5), Math.floor((pupils.length * 3) / APPLICANTS_PER_PLACE));
    for (let j = 0; j < count; j++) {
      places.push({ weekday, applicants: Array.from({ length: APPLICANTS_PER_PLACE }, (_, k) => pupils[(j * APPLICANTS_PER_PLACE + k) % pupils.length]) });
    }
  }
  const made = places.map((place, i) => ({ ...place, i, companyId: randomUUID(), userId: randomUUID(), offerId: randomUUID(), placeId: randomUUID() }));
  const where = { street: 'Gewerbering 7', postal_code: '99734', town: 'Nordhausen', district: 'nordhausen' };
  const email = (i: number) => `betrieb-rennen-${i}@bench.praxistage.example`;
  await insertRows(db, 'companies', made.map((m) => ({
    id: m.companyId, name: `Logistik Rennen ${m.i + 1}`, ...where, branch: FIELD, apprenticeships: ['Fachkraft für Lagerlogistik'], contact_person: 'Frau Lager',
    phone: '03631 3000', email: `info-rennen-${m.i}@bench.praxistage.example`, status: 'approved', decided_at: new Date(now - 86400_000).toISOString(),
  })));
  await insertRows(db, 'users', made.map((m) => ({ id: m.userId, email: email(m.i), name: `Ausbildung Rennen ${m.i + 1}`, password_hash: passwordHash, role: 'company_member', company_id: m.companyId })));
  const dates = (await db.query(`SELECT starts_on::text AS "startsOn", ends_on::text AS "endsOn" FROM events WHERE id = $1`, [year.eventId])).rows[0];
  await insertRows(db, 'practicum_offers', made.map((m) => ({
    id: m.offerId, event_id: year.eventId, company_id: m.companyId, occupational_field: FIELD, apprenticeship: 'Fachkraft für Lagerlogistik', weekdays: [m.weekday],
    places_per_weekday: null, first_date: dates.startsOn, last_date: dates.endsOn, daily_start: '07:00', daily_end: '14:00', ...where, mentor: 'Herr Regal',
    contact_person: 'Frau Lager', contact_phone: '03631 3000', contact_email: `ausbildung-rennen-${m.i}@bench.praxistage.example`, tasks: 'Ware annehmen, einlagern, kommissionieren.',
    district: 'nordhausen', review_status: 'approved',
  })));
  await insertRows(db, 'bookables', made.map((m) => ({ id: m.placeId, event_id: year.eventId, kind: 'phase_place', capacity: 1, booked: 0 })));
  await insertRows(db, 'steckbrief_places', made.map((m) => ({ id: m.placeId, offer_id: m.offerId, phase_id: phase.id, weekday: m.weekday })));
  const applications = made.flatMap((m) => m.applicants.map((a) => ({ id: randomUUID(), company: m.i, ...a, m })));
  await insertRows(db, 'praxistage_applications', applications.map((a) => ({
    id: a.id, event_id: year.eventId, phase_id: phase.id, pupil_id: a.pupilId, school_id: a.schoolId, offer_id: a.m.offerId, company_id: a.m.companyId,
    weekday: a.m.weekday, message: 'Ich packe gern an.', status: 'submitted', created_at: new Date(now - 86400_000).toISOString(),
  })));
  await db.query('ANALYZE praxistage_applications, bookables, steckbrief_places, practicum_offers');

  const sessions = await signIn(base, made.map((m) => email(m.i)), 6);
  let serverErrors = 0;
  const measurement = await measure(`offer race: ${applications.length} offers on ${made.length} places`, applications, applications.length, async (a) => {
    const res = await fetch(`${base}/api/v1/praxistage/applications/${a.id}/offer`, { method: 'POST', headers: { cookie: sessions[a.company].cookie } });
    const body = await res.json().catch(() => ({}));
    if (res.status >= 500) serverErrors++;
    if (res.status === 200) return 'offered';
    if (res.status === 409) return String(body.code);
    throw new Error(`${res.status} ${body.code ?? ''}`);
  });
  const racePlaces = await placeCounters(db, year.eventId, made.map((m) => m.placeId));
  const [{ offered }] = (await db.query(`SELECT count(*)::int AS offered FROM praxistage_applications WHERE id = ANY($1::uuid[]) AND status = 'offered'`, [applications.map((a) => a.id)])).rows;
  const wholeYear = { ...(await placeCounters(db, year.eventId)), ...(await applicationRules(db, year.eventId)) };
  return {
    places: made.length, offers: applications.length, outcomes: measurement.outcomes, serverErrors, measurement, racePlaces, offeredApplications: offered, wholeYear,
    placeIds: made.map((m) => m.placeId), applicationIds: applications.map((a) => a.id),
  };
}
