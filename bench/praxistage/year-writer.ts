import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { SampleApplication, SampleYear } from '../../src/programs/praxistage/sample-year/sample-year';
import { hashPupilCode, newPupilCode } from '../../src/programs/praxistage/pupil-access/pupil-code';
import { insertRows, Row } from './rows';

const DAY = 86400_000;
// The texts the services write when a pupil accepts elsewhere, when an offer is taken and when one is declined.
const TOOK_ANOTHER = 'Die Schülerin / der Schüler hat einen anderen Platz angenommen.';

export interface Phase {
  id: string;
  number: number;
  firstDay: string;
  lastDay: string;
  opensAt: Date;
  closesAt: Date;
}

export interface WrittenYear {
  eventId: string;
  phases: Phase[];
  schools: Array<{ id: string; email: string }>;
  companies: Array<{ id: string; email: string; userId: string }>;
  pupils: Array<{ id: string; code: string }>;
  /** The place of each company per phase and weekday: `${company}:${phase}:${weekday}`. */
  places: Map<string, string>;
}

/**
 * Writes a planned year into an existing year event, in bulk, as the services would have
 * left it: organisations approved, Steckbriefe approved with a capacity in the engine per
 * phase and weekday, pupils taking part with a code (only its hash is kept), applications
 * with the placements their offers and acceptances made (pending while offered, confirmed
 * once accepted, cancelled when declined) and each placement's history. Set-up, not measured.
 *
 * The history rows are marked as already mailed: the mails of a year's past would have gone
 * out long ago, and the outbox worker should not compose thousands of them during the reads.
 */
export async function writeSampleYear(db: Pool, eventId: string, plan: SampleYear, passwordHash: string, label = 'bench'): Promise<WrittenYear> {
  const phases: Phase[] = (
    await db.query(
      `SELECT id, number, first_day::text AS "firstDay", last_day::text AS "lastDay", applications_open_at AS "opensAt", applications_close_at AS "closesAt"
         FROM praxistage_phases WHERE event_id = $1 ORDER BY number`,
      [eventId],
    )
  ).rows;
  const now = Date.now();
  const decidedAt = new Date(phases[0].opensAt.getTime() - DAY).toISOString();
  const where = (o: { town: string; postalCode: string; district: string }) => ({ street: 'Hauptstraße 1', postal_code: o.postalCode, town: o.town, district: o.district });

  const schools = plan.schools.map((s) => ({ id: randomUUID(), email: `schule-${s.index}@${label}.praxistage.example` }));
  await insertRows(db, 'schools', plan.schools.map((s, i) => ({
    id: schools[i].id, name: s.name, school_type: 'regelschule', ...where(s), coordinator: 'Frau Praxis', phone: '03631 1000',
    email: `sekretariat-${s.index}@${label}.praxistage.example`, status: 'approved', decided_at: decidedAt,
  })));
  const companies = plan.companies.map((c) => ({ id: randomUUID(), email: `betrieb-${c.index}@${label}.praxistage.example`, userId: randomUUID() }));
  await insertRows(db, 'companies', plan.companies.map((c, i) => ({
    id: companies[i].id, name: c.name, ...where(c), branch: c.occupationalField, apprenticeships: [c.apprenticeship], contact_person: 'Herr Ausbilder',
    phone: '03631 2000', email: `info-${c.index}@${label}.praxistage.example`, status: 'approved', decided_at: decidedAt,
  })));
  await insertRows(db, 'users', [
    ...schools.map((s, i) => ({ id: randomUUID(), email: s.email, name: `Koordination ${plan.schools[i].name}`, password_hash: passwordHash, role: 'school_member', school_id: s.id })),
    ...companies.map((c, i) => ({ id: c.userId, email: c.email, name: `Ausbildung ${plan.companies[i].name}`, password_hash: passwordHash, role: 'company_member', company_id: c.id })),
  ]);

  // Classes and pupils, the school's weekday, every pupil in the year with a code of their own.
  const classIds = new Map<string, string>();
  const classRows: Row[] = plan.schools.flatMap((s) =>
    s.classes.map((c) => {
      classIds.set(`${s.index}:${c.name}`, randomUUID());
      return { id: classIds.get(`${s.index}:${c.name}`), school_id: schools[s.index].id, name: c.name, grade: 8, pupil_count: c.pupils.length, class_teacher: 'Frau Klasse' };
    }),
  );
  await insertRows(db, 'school_classes', classRows);
  const pupils = plan.pupils.map(() => ({ id: randomUUID(), code: newPupilCode() }));
  await insertRows(db, 'pupils', plan.pupils.map((p, i) => ({
    id: pupils[i].id, school_id: schools[p.school].id, class_id: classIds.get(`${p.school}:${p.className}`), first_name: p.firstName, last_name: p.lastName,
    consent_recorded_on: new Date(decidedAt).toISOString().slice(0, 10),
  })));
  await insertRows(db, 'praxistage_schools', plan.schools.map((s) => ({ event_id: eventId, school_id: schools[s.index].id, weekday: s.weekday })));
  await insertRows(db, 'praxistage_pupils', plan.pupils.map((p, i) => ({
    event_id: eventId, pupil_id: pupils[i].id, school_id: schools[p.school].id, code_hash: hashPupilCode(pupils[i].code), code_issued_at: decidedAt,
  })));

  // One approved Steckbrief per company; each of its places is a capacity of the engine.
  const year = (await db.query(`SELECT starts_on::text AS "startsOn", ends_on::text AS "endsOn" FROM events WHERE id = $1`, [eventId])).rows[0];
  const offerIds = plan.companies.map(() => randomUUID());
  await insertRows(db, 'practicum_offers', plan.companies.map((c, i) => ({
    id: offerIds[i], event_id: eventId, company_id: companies[i].id, occupational_field: c.occupationalField, apprenticeship: c.apprenticeship,
    weekdays: [...new Set(c.places.map((p) => p.weekday))].sort(), places_per_weekday: null, first_date: year.startsOn, last_date: year.endsOn,
    daily_start: '07:30', daily_end: '14:30', ...where(c), mentor: 'Meisterin Lehr', contact_person: 'Herr Ausbilder', contact_phone: '03631 2000',
    contact_email: `ausbildung-${c.index}@${label}.praxistage.example`, description: '', tasks: c.tasks, expectations: 'Pünktlichkeit, feste Schuhe',
    district: c.district, review_status: 'approved',
  })));
  const places = new Map<string, string>();
  const placeRows = plan.companies.flatMap((c) =>
    c.places.map((p) => {
      const id = randomUUID();
      places.set(`${c.index}:${p.phase}:${p.weekday}`, id);
      return { id, capacity: p.places, offer: offerIds[c.index], phase: phases[p.phase - 1].id, weekday: p.weekday };
    }),
  );
  await insertRows(db, 'bookables', placeRows.map((p) => ({ id: p.id, event_id: eventId, kind: 'phase_place', capacity: p.capacity, booked: 0 })));
  await insertRows(db, 'steckbrief_places', placeRows.map((p) => ({ id: p.id, offer_id: p.offer, phase_id: p.phase, weekday: p.weekday })));

  // Applications, and the placements that offers made; then every counter from the placements that hold it.
  const rows = { applications: [] as Row[], bookings: [] as Row[], changes: [] as Row[] };
  for (const application of plan.applications) {
    const phase = phases[application.phase - 1];
    const moments = timesOf(application, phase, now);
    const company = plan.companies[application.company];
    const pupil = plan.pupils[application.pupil];
    const booking = bookingOf(application.status);
    const bookingId = booking ? randomUUID() : null;
    const offered = booking ? new Date(moments.decided) : null;
    rows.applications.push({
      id: randomUUID(), event_id: eventId, phase_id: phase.id, pupil_id: pupils[application.pupil].id, school_id: schools[pupil.school].id,
      offer_id: offerIds[application.company], company_id: companies[application.company].id, weekday: application.weekday, message: application.message,
      status: application.status, interview_at: application.status === 'interview' ? new Date(moments.decided + 3 * DAY).toISOString() : null,
      interview_place: application.status === 'interview' ? 'Empfang, Hauptstraße 1' : null, interview_note: null,
      reason: application.status === 'withdrawn' ? TOOK_ANOTHER : null, booking_id: bookingId,
      offered_until: offered ? new Date(offered.getTime() + 7 * DAY).toISOString() : null, created_by: null,
      created_at: new Date(moments.sent).toISOString(), updated_at: new Date(moments.settled).toISOString(),
    });
    if (!booking || !bookingId) continue;
    const actor = companies[application.company].userId;
    rows.bookings.push({
      id: bookingId, event_id: eventId, kind: 'placement', bookable_id: places.get(`${application.company}:${application.phase}:${application.weekday}`), quantity: 1,
      status: booking.status, company_id: companies[application.company].id, school_id: schools[pupil.school].id, offer_id: offerIds[application.company],
      pupil_id: pupils[application.pupil].id, weekday: application.weekday, first_date: phase.firstDay, last_date: phase.lastDay, phase_id: phase.id,
      occupational_field: company.occupationalField, may_stay: false, version: booking.changes.length, created_by: actor,
      created_at: offered!.toISOString(), updated_at: new Date(moments.settled).toISOString(),
    });
    booking.changes.forEach(([change, from, to, reason], i) =>
      rows.changes.push({
        booking_id: bookingId, change, from_status: from, to_status: to, actor_id: i === 0 ? actor : null, reason,
        details: i === 0 ? { mail: 'placement-offered', offeredUntil: new Date(offered!.getTime() + 7 * DAY).toISOString() } : {},
        booking_version: i + 1, occurred_at: new Date(i === 0 ? moments.decided : moments.settled).toISOString(), notified_at: new Date(now).toISOString(),
      }),
    );
  }
  await insertRows(db, 'bookings', rows.bookings);
  await insertRows(db, 'booking_changes', rows.changes);
  await insertRows(db, 'praxistage_applications', rows.applications);
  await db.query(
    `UPDATE bookables b SET booked = h.holding FROM (SELECT bookable_id, count(*) AS holding FROM bookings WHERE event_id = $1 AND status IN ('pending', 'confirmed') GROUP BY 1) h
      WHERE b.id = h.bookable_id`,
    [eventId],
  );
  await db.query(`ANALYZE`);
  return { eventId, phases, schools, companies, pupils, places };
}

/**
 * When an application was sent, decided and settled: sent within its phase's window (up to
 * now for the open phase), decided halfway to the window's close, settled a day later. An
 * offer still open was made within the last days, so that it is held beyond now.
 */
function timesOf(application: SampleApplication, phase: Phase, now: number) {
  const opens = phase.opensAt.getTime();
  const closes = Math.min(phase.closesAt.getTime(), now);
  const sent = opens + application.at * 0.6 * (closes - opens);
  const decided = application.status === 'offered' ? Math.max(sent, now - 5 * DAY) + (now - Math.max(sent, now - 5 * DAY)) / 2 : sent + (closes - sent) / 2;
  return { sent, decided, settled: Math.min(decided + DAY, now) };
}

type Change = [change: string, from: string | null, to: string, reason: string | null];

/** The placement an application's offer made, with its history, as the engine writes it; none where no offer was made. */
function bookingOf(status: SampleApplication['status']): { status: string; changes: Change[] } | null {
  const created: Change = ['created', null, 'pending', null];
  if (status === 'offered') return { status: 'pending', changes: [created] };
  if (status === 'accepted') return { status: 'confirmed', changes: [created, ['confirmed', 'pending', 'confirmed', 'Angebot angenommen / offer accepted']] };
  if (status === 'declined_by_pupil') return { status: 'cancelled', changes: [created, ['cancelled', 'pending', 'cancelled', 'Angebot abgelehnt / offer declined']] };
  return null;
}
