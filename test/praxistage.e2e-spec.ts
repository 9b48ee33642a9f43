import { Role } from '../src/common/identity/role';
import { ApiClient, explain, newClass, newCompany, newEvent, newPupil, newSchool, newStaff } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

const OSTERFERIEN_ICS = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Praxisnah Test//DE',
  'BEGIN:VEVENT',
  'UID:osterferien-2027@test',
  'DTSTAMP:20260901T000000Z',
  'SUMMARY:Osterferien',
  'DTSTART;VALUE=DATE:20270322',
  'DTEND;VALUE=DATE:20270404',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

describe('Praxistage: weekly placements', () => {
  let t: TestApp;
  let organiser: ApiClient;
  let termId: string;
  let company: Awaited<ReturnType<typeof newCompany>>;
  let school: Awaited<ReturnType<typeof newSchool>>;
  let classId: string;
  let offerId: string;
  beforeAll(async () => {
    t = await startTestApp();
    organiser = (await newStaff(t, Role.Organiser)).client;
    const imported = await organiser
      .post('/api/v1/school-holidays/import?schoolYear=2026/27')
      .set('Content-Type', 'text/calendar')
      .send(OSTERFERIEN_ICS)
      .expect(explain(201));
    expect(imported.body).toMatchObject({ imported: 1, skipped: 0 });
    termId = (await newEvent(organiser, 'praxistage', { startsOn: '2027-02-08', endsOn: '2027-06-30' })).id;
    company = await newCompany(t, { approvedBy: organiser, profile: { name: 'Metallbau Leinefelde' } });
    school = await newSchool(t, { approvedBy: organiser, profile: { name: 'Johann-Carl-Fuhlrott-Schule' } });
    classId = (await newClass(school.client, school.id, { name: '8c', grade: 8 })).id;
    const offer = await company.client.post(`/api/v1/events/${termId}/offers`, offer_({ firstDate: '2027-03-01', lastDate: '2027-04-16' })).expect(explain(201));
    offerId = offer.body.id;
  });
  afterAll(() => t.close());

  const pupil = async (firstName: string) => (await newPupil(school.client, school.id, classId, { firstName })).id;
  const place = (pupilId: string, weekday: number, id = offerId) =>
    school.client.post(`/api/v1/events/${termId}/placements`, { offerId: id, weekday, pupilId });

  it('publishes an offer with free places per weekday, seen by schools', async () => {
    const offers = await school.client.get(`/api/v1/events/${termId}/offers`).expect(200);
    const offer = offers.body.find((o: { id: string }) => o.id === offerId);
    expect(offer).toMatchObject({ companyName: 'Metallbau Leinefelde', weekdays: [1, 5], placesPerWeekday: 2, dailyStart: '07:30:00' });
    expect(offer.availability).toEqual([
      { weekday: 1, capacity: 2, booked: 0, free: 2, waitlisted: 0 },
      { weekday: 5, capacity: 2, booked: 0, free: 2, waitlisted: 0 },
    ]);
    const outside = await company.client.post(`/api/v1/events/${termId}/offers`, offer_({ firstDate: '2027-01-01' })).expect(400);
    expect(outside.body.errors[0]).toMatchObject({ field: 'firstDate', message: 'liegt nicht im Zeitraum der Praxistage' });
    await school.client.post(`/api/v1/events/${termId}/offers`, offer_()).expect(403);
  });

  it('computes the practice days: weekly, without public holidays and school holidays, in German time across the clock change', async () => {
    const mia = await pupil('Mia');
    const placement = await place(mia, 5).expect(explain(201));
    expect(placement.body).toMatchObject({ kind: 'placement', status: 'confirmed', weekday: 5, firstDate: '2027-03-01', lastDate: '2027-04-16', companyId: company.id, schoolId: school.id });

    const dates = await school.client.get(`/api/v1/bookings/${placement.body.id}/dates`).expect(200);
    expect(dates.body.days.map((d: { date: string }) => d.date)).toEqual(['2027-03-05', '2027-03-12', '2027-03-19', '2027-04-09', '2027-04-16']);
    expect(dates.body.skipped).toEqual([
      { date: '2027-03-26', reason: 'public_holiday', name: 'Karfreitag' },
      { date: '2027-04-02', reason: 'school_holidays', name: 'Osterferien' },
    ]);
    // 07:30 in Nordhausen is 06:30 UTC in winter and 05:30 UTC after 28 March
    const day = (date: string) => dates.body.days.find((d: { date: string }) => d.date === date);
    expect(day('2027-03-19')).toMatchObject({ startsAt: '2027-03-19T06:30:00.000Z', endsAt: '2027-03-19T13:00:00.000Z' });
    expect(day('2027-04-09')).toMatchObject({ startsAt: '2027-04-09T05:30:00.000Z', endsAt: '2027-04-09T12:00:00.000Z' });

    // the company sees the placement too
    const seen = await company.client.get(`/api/v1/bookings/${placement.body.id}/dates`).expect(200);
    expect(seen.body.days).toHaveLength(5);
  });

  it('records cancelled single days by school or company, and takes them back', async () => {
    const ben = await pupil('Ben');
    const placement = await place(ben, 1).expect(explain(201));
    const after = await company.client.post(`/api/v1/bookings/${placement.body.id}/cancelled-days`, { date: '2027-03-08', reason: 'Betriebsversammlung' }).expect(201);
    expect(after.body.days.map((d: { date: string }) => d.date)).not.toContain('2027-03-08');
    expect(after.body.skipped).toContainEqual({ date: '2027-03-08', reason: 'cancelled', name: 'Betriebsversammlung' });
    const holiday = await school.client.post(`/api/v1/bookings/${placement.body.id}/cancelled-days`, { date: '2027-03-29', reason: 'krank' }).expect(400);
    expect(holiday.body).toMatchObject({ code: 'placement_day_not_in_series', detail: 'Der 29.03.2027 ist kein Praxistag dieser Platzierung.' });

    const history = await school.client.get(`/api/v1/bookings/${placement.body.id}/history`).expect(200);
    expect(history.body.at(-1)).toMatchObject({ change: 'day_cancelled', reason: 'Betriebsversammlung', details: { date: '2027-03-08' } });
    const version = (await school.client.get(`/api/v1/bookings/${placement.body.id}`)).body.version;
    expect(version).toBe(2);

    const restored = await school.client.delete(`/api/v1/bookings/${placement.body.id}/cancelled-days/2027-03-08`).expect(200);
    expect(restored.body.days.map((d: { date: string }) => d.date)).toContain('2027-03-08');
  });

  it('allows one placement per pupil and weekday, and counts places per weekday with a waiting list', async () => {
    const secondOffer = (await company.client.post(`/api/v1/events/${termId}/offers`, offer_({ occupationalField: 'Lager', weekdays: [5] })).expect(201)).body.id;
    const lea = await pupil('Lea');
    await place(lea, 5).expect(201);
    const twice = await place(lea, 5, secondOffer).expect(409);
    expect(twice.body.code).toBe('pupil_already_placed');

    // Friday of the first offer: Mia and Lea hold both places, Tom waits
    const tom = await pupil('Tom');
    const waiting = await place(tom, 5).expect(201);
    expect(waiting.body.status).toBe('waitlisted');
    const raised = await company.client.patch(`/api/v1/offers/${offerId}`, { placesPerWeekday: 3 }).expect(200);
    expect(raised.body.availability.find((a: { weekday: number }) => a.weekday === 5)).toMatchObject({ capacity: 3, booked: 3, waitlisted: 0 });
    expect((await school.client.get(`/api/v1/bookings/${waiting.body.id}`)).body.status).toBe('confirmed');
    const lowered = await company.client.patch(`/api/v1/offers/${offerId}`, { placesPerWeekday: 1 }).expect(409);
    expect(lowered.body.code).toBe('capacity_below_booked');
  });

  it('names the wrong field of a placement', async () => {
    const otherSchool = await newSchool(t, { approvedBy: organiser });
    const strangerPupil = await newPupil(otherSchool.client, otherSchool.id, (await newClass(otherSchool.client, otherSchool.id)).id);
    const res = await place(strangerPupil.id, 3).expect(400);
    expect(res.body.errors.map((e: { field: string; message: string }) => `${e.field}: ${e.message}`).sort()).toEqual([
      'pupilId: ist keine Schülerin / kein Schüler Ihrer Schule',
      'weekday: wird bei diesem Angebot nicht angeboten',
    ]);
    const dates = await school.client
      .post(`/api/v1/events/${termId}/placements`, { offerId, weekday: 1, pupilId: await pupil('Ida'), firstDate: '2027-02-22' })
      .expect(400);
    expect(dates.body.errors[0]).toMatchObject({ field: 'firstDate', message: 'liegt nicht im Zeitraum des Angebots' });
  });
});

function offer_(overrides: Record<string, unknown> = {}) {
  return {
    occupationalField: 'Metall, Maschinenbau',
    apprenticeship: 'Metallbauer/in',
    weekdays: [1, 5],
    placesPerWeekday: 2,
    dailyStart: '07:30',
    dailyEnd: '14:00',
    street: 'Industriestraße 4',
    postalCode: '37327',
    town: 'Leinefelde-Worbis',
    mentor: 'Herr Schmied',
    contactPerson: 'Frau Blech',
    contactPhone: '03605 1234',
    contactEmail: 'ausbildung@metallbau.example',
    ...overrides,
  };
}

describe('Praxistage: deleting a pupil', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('asks to cancel live placements first, then deletes at once', async () => {
    const organiser = (await newStaff(t, Role.Organiser)).client;
    const termId = (await newEvent(organiser, 'praxistage')).id;
    const company = await newCompany(t, { approvedBy: organiser });
    const school = await newSchool(t, { approvedBy: organiser });
    const pupilId = (await newPupil(school.client, school.id, (await newClass(school.client, school.id)).id)).id;
    const offer = await company.client.post(`/api/v1/events/${termId}/offers`, offer_({ weekdays: [2] })).expect(201);
    const placement = await school.client.post(`/api/v1/events/${termId}/placements`, { offerId: offer.body.id, weekday: 2, pupilId }).expect(201);
    const refused = await school.client.delete(`/api/v1/schools/${school.id}/pupils/${pupilId}`).expect(409);
    expect(refused.body.code).toBe('pupil_has_placements');
    await school.client.post(`/api/v1/bookings/${placement.body.id}/cancel`).expect(200);
    await school.client.delete(`/api/v1/schools/${school.id}/pupils/${pupilId}`).expect(204);
    const [booking] = await t.dataSource.query(`SELECT pupil_id, status FROM bookings WHERE id = $1`, [placement.body.id]);
    expect(booking).toEqual({ pupil_id: null, status: 'cancelled' }); // the history stays, the minor's data is gone
  });
});
