import { Client } from 'pg';
import { Role } from '../src/common/identity/role';
import { ApiClient, explain, newClass, newCompany, newEvent, newPupil, newSchool, newStaff, newTimeSlot } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';
import { berlinDate } from '../src/common/time/berlin';

const offerBody = (overrides: Record<string, unknown>) => ({
  occupationalField: 'Pflege', weekdays: [2], placesPerWeekday: 5, dailyStart: '08:00', dailyEnd: '13:00',
  street: 'Spitalgasse 1', postalCode: '99734', town: 'Nordhausen', mentor: 'Schwester Eva', contactPerson: 'Herr Heil',
  contactPhone: '03631 1', contactEmail: 'pflege@heim.example', ...overrides,
});

describe('organiser tools: statistics, retention, access requests, audit log', () => {
  let t: TestApp;
  let organiser: ApiClient;
  beforeAll(async () => {
    t = await startTestApp({ PUPIL_RETENTION_MONTHS: '6' });
    organiser = (await newStaff(t, Role.Organiser)).client;
  });
  afterAll(() => t.close());

  it('counts bookings, fill rates and participation per district, school, occupational field and school year', async () => {
    const fair = await newEvent(organiser, 'handwerkertag', { title: 'Statistik-Messe', startsOn: '2027-05-08', endsOn: '2027-05-08' });
    const slot = await newTimeSlot(organiser, fair.id, 40);
    const north = await newSchool(t, { approvedBy: organiser, profile: { district: 'nordhausen' } });
    const eichsfeld = await newSchool(t, { approvedBy: organiser, profile: { district: 'eichsfeld' } });
    for (const [school, pupils] of [[north, 20], [north, 15], [eichsfeld, 30]] as const) {
      const schoolClass = await newClass(school.client, school.id);
      await school.client.post(`/api/v1/events/${fair.id}/class-visits`, { timeSlotId: slot.id, schoolClassId: schoolClass.id, pupils, teachers: 0 }).expect(201);
    }
    const stats = (await organiser.get('/api/v1/statistics?schoolYear=2026/27&program=handwerkertag').expect(200)).body;
    const event = stats.events.find((e: { id: string }) => e.id === fair.id);
    expect(event).toMatchObject({ schoolYear: '2026/27', bookingsByStatus: { confirmed: 2, waitlisted: 1 }, waitlisted: 1 });
    expect(event.capacity).toBe(40 + 40); // the slot and the fair's 40 stands
    const districts = Object.fromEntries(stats.participation.byDistrict.map((d: { district: string }) => [d.district, d]));
    expect(districts.nordhausen).toMatchObject({ schools: 1, pupils: 35 });
    expect(districts.eichsfeld).toBeUndefined(); // waiting only: not taken part
    expect(stats.bySchoolYear.find((y: { schoolYear: string }) => y.schoolYear === '2026/27').confirmedBookings).toBeGreaterThanOrEqual(2);
    const slots = (await organiser.get(`/api/v1/statistics/events/${fair.id}`).expect(200)).body;
    expect(slots.find((s: { kind: string }) => s.kind === 'time_slot')).toMatchObject({ capacity: 40, booked: 35, fillRate: 0.875, waitlisted: 1 });
    const partner = (await newStaff(t, Role.Partner)).client;
    await partner.get('/api/v1/statistics').expect(200);
    await north.client.get('/api/v1/statistics').expect(403);
  });

  it('deletes exactly the pupils’ data that is due, and nothing else', async () => {
    const company = await newCompany(t, { approvedBy: organiser });
    const school = await newSchool(t, { approvedBy: organiser });
    const classId = (await newClass(school.client, school.id)).id;
    const past = await newEvent(organiser, 'praxistage', { title: 'Vorjahr', startsOn: '2025-02-03', endsOn: '2025-06-30' });
    const current = await newEvent(organiser, 'praxistage', { title: 'Dieses Jahr', startsOn: '2027-02-08', endsOn: '2027-06-30' });
    const oldOffer = (await company.client.post(`/api/v1/events/${past.id}/offers`, offerBody({})).expect(explain(201))).body.id;
    const newOffer = (await company.client.post(`/api/v1/events/${current.id}/offers`, offerBody({})).expect(explain(201))).body.id;
    const [onlyOld, both, neverPlaced, longAgo] = await Promise.all(
      ['Alt', 'Beide', 'Neu', 'Vergessen'].map(async (name) => (await newPupil(school.client, school.id, classId, { firstName: name })).id),
    );
    await t.dataSource.query(`UPDATE pupils SET created_at = now() - interval '7 months' WHERE id = $1`, [longAgo]);
    const place = async (eventId: string, offerId: string, pupilId: string) =>
      (await school.client.post(`/api/v1/events/${eventId}/placements`, { offerId, weekday: 2, pupilId }).expect(explain(201))).body.id as string;
    const oldPlacement = await place(past.id, oldOffer, onlyOld);
    const bothOld = await place(past.id, oldOffer, both);
    const bothNew = await place(current.id, newOffer, both);
    await company.client.post(`/api/v1/bookings/${oldPlacement}/cancelled-days`, { date: '2025-02-11', reason: 'krank' }).expect(201);
    await company.client.post(`/api/v1/bookings/${bothNew}/cancelled-days`, { date: '2027-02-16', reason: 'Arzttermin' }).expect(201);

    const status = (await organiser.get('/api/v1/retention').expect(200)).body;
    expect(status).toMatchObject({ pupilRetentionMonths: 6, due: { pupils: 2, placements: 2 } });
    const run = (await organiser.post('/api/v1/retention/run').expect(200)).body;
    expect(run).toMatchObject({ pupilsDeleted: 2, placementsAnonymised: 2 });

    const remaining = (await t.dataSource.query(`SELECT id FROM pupils WHERE school_id = $1`, [school.id])).map((p: { id: string }) => p.id).sort();
    expect(remaining).toEqual([both, neverPlaced].sort());
    const bookings = await t.dataSource.query(`SELECT id, pupil_id FROM bookings WHERE id = ANY($1)`, [[oldPlacement, bothOld, bothNew]]);
    const pupilOf = Object.fromEntries(bookings.map((b: { id: string; pupil_id: string | null }) => [b.id, b.pupil_id]));
    expect(pupilOf).toEqual({ [oldPlacement]: null, [bothOld]: null, [bothNew]: both });
    const exceptions = await t.dataSource.query(`SELECT booking_id, reason FROM placement_exceptions WHERE booking_id = ANY($1)`, [[oldPlacement, bothNew]]);
    expect(exceptions).toEqual([{ booking_id: bothNew, reason: 'Arzttermin' }]);
    const [{ logged }] = await t.dataSource.query(`SELECT count(*)::int AS logged FROM audit_log WHERE entity_id = ANY($1)`, [[onlyOld, longAgo]]);
    expect(logged).toBe(0);
    expect((await organiser.post('/api/v1/retention/run').expect(200)).body).toMatchObject({ pupilsDeleted: 0, placementsAnonymised: 0 });
  });

  // Only a PostgreSQL server has separate sessions: the embedded database is one session, where an advisory lock is re-entrant.
  (process.env.DATABASE_URL ? it : it.skip)('runs on one instance at a time (advisory lock)', async () => {
    const other = new Client({ connectionString: t.databaseUrl });
    await other.connect();
    try {
      await other.query('BEGIN');
      await other.query('SELECT pg_advisory_xact_lock(7361002)');
      expect((await organiser.post('/api/v1/retention/run').expect(200)).body).toMatchObject({ skipped: true });
    } finally {
      await other.query('ROLLBACK');
      await other.end();
    }
  });

  it('exports all data a school holds on its pupils, for an access request', async () => {
    const company = await newCompany(t, { approvedBy: organiser, profile: { name: 'Pflegeheim Abendrot' } });
    const school = await newSchool(t, { approvedBy: organiser });
    const term = await newEvent(organiser, 'praxistage', { startsOn: '2027-02-08', endsOn: '2027-06-30' });
    const offer = (await company.client.post(`/api/v1/events/${term.id}/offers`, offerBody({})).expect(201)).body.id;
    const pupil = await newPupil(school.client, school.id, (await newClass(school.client, school.id, { name: '8e' })).id, { firstName: 'Lina', lastName: 'Sorg' });
    const placement = (await school.client.post(`/api/v1/events/${term.id}/placements`, { offerId: offer, weekday: 2, pupilId: pupil.id }).expect(201)).body.id;
    await school.client.post(`/api/v1/bookings/${placement}/cancelled-days`, { date: '2027-02-09', reason: 'krank' }).expect(201);
    const data = (await school.client.get(`/api/v1/schools/${school.id}/pupils/export`).expect(200)).body;
    expect(data.pupils).toEqual([
      expect.objectContaining({
        firstName: 'Lina', lastName: 'Sorg', class: '8e', consentRecordedOn: '2026-09-01',
        placements: [expect.objectContaining({ company: 'Pflegeheim Abendrot', weekday: 2, cancelledDays: [{ date: '2027-02-09', reason: 'krank' }] })],
      }),
    ]);
    expect(data.pupils[0].placements[0].history.map((h: { change: string }) => h.change)).toEqual(['created', 'day_cancelled']);
    await company.client.get(`/api/v1/schools/${school.id}/pupils/export`).expect(403);
    const other = await newSchool(t, { approvedBy: organiser });
    await other.client.get(`/api/v1/schools/${school.id}/pupils/export`).expect(404);

    // deleting at once, placements included
    await school.client.delete(`/api/v1/schools/${school.id}/pupils/${pupil.id}?cancelPlacements=true`).expect(204);
    expect((await school.client.get(`/api/v1/bookings/${placement}`)).body).toMatchObject({ status: 'cancelled', pupilId: null });
  });

  it('logs who changed what from what to what, and lets organisers filter it', async () => {
    const company = await newCompany(t, { approvedBy: organiser, profile: { town: 'Nordhausen' } });
    await company.client.patch(`/api/v1/companies/${company.id}`, { town: 'Sondershausen', phone: '03632 999' }).expect(200);
    const log = (await organiser.get(`/api/v1/audit?entityType=company&entityId=${company.id}`).expect(200)).body;
    expect(log.items.map((e: { action: string }) => e.action)).toEqual(['updated', 'approved']);
    expect(log.items[0]).toMatchObject({ actorName: 'Anna Beispiel', changes: { town: { from: 'Nordhausen', to: 'Sondershausen' }, phone: { from: '03631 4711', to: '03632 999' } } });

    const school = await newSchool(t, { approvedBy: organiser });
    const pupil = await newPupil(school.client, school.id, (await newClass(school.client, school.id)).id, { firstName: 'Geheim' });
    await school.client.patch(`/api/v1/schools/${school.id}/pupils/${pupil.id}`, { lastName: 'Neu' }).expect(200);
    const pupilLog = (await organiser.get(`/api/v1/audit?entityType=pupil&entityId=${pupil.id}`).expect(200)).body;
    expect(pupilLog.items[0].changes).toEqual({ fields: ['lastName'] }); // minors: which fields, not the values
    expect(JSON.stringify(pupilLog)).not.toContain('Geheim');

    const fair = await newEvent(organiser, 'handwerkertag');
    const eventLog = (await organiser.get(`/api/v1/audit?entityId=${fair.id}`).expect(200)).body;
    expect(eventLog.items.map((e: { action: string }) => e.action)).toEqual(['status_changed', 'created']);
    expect(eventLog.items[0].changes.status).toEqual({ from: 'draft', to: 'published' });

    const slot = await newTimeSlot(organiser, fair.id, 10);
    const visitSchool = await newSchool(t, { approvedBy: organiser });
    const visit = await visitSchool.client.post(`/api/v1/events/${fair.id}/class-visits`, { timeSlotId: slot.id, schoolClassId: (await newClass(visitSchool.client, visitSchool.id)).id, pupils: 5, teachers: 1 }).expect(201);
    const bookingLog = (await organiser.get(`/api/v1/audit?entityType=booking&entityId=${visit.body.id}`).expect(200)).body;
    expect(bookingLog.items[0]).toMatchObject({ action: 'created', changes: { status: { from: null, to: 'confirmed' } } });
    // the filter's days are German days: from 23:00 or 22:00 UTC on, Berlin is a day ahead
    const today = berlinDate(new Date());
    expect((await organiser.get(`/api/v1/audit?from=${today}&to=${today}&pageSize=5`).expect(200)).body.items).toHaveLength(5);
    expect((await organiser.get(`/api/v1/audit?from=2020-01-01&to=2020-01-02`).expect(200)).body.items).toEqual([]);
    // German days: half past midnight in Berlin on 10 March is still 9 March in UTC
    const [{ id: lateId }] = await t.dataSource.query(
      `INSERT INTO audit_log (entity_type, entity_id, action, changes, occurred_at) VALUES ('event', gen_random_uuid(), 'updated', '{}', '2021-03-09T23:30:00Z') RETURNING entity_id AS id`,
    );
    const onDay = async (day: string) => (await organiser.get(`/api/v1/audit?from=${day}&to=${day}`).expect(200)).body.items.map((i: { entityId: string }) => i.entityId);
    expect(await onDay('2021-03-10')).toEqual([lateId]);
    expect(await onDay('2021-03-09')).toEqual([]);
    await (await newStaff(t, Role.Partner)).client.get('/api/v1/audit').expect(403);
  });
});
