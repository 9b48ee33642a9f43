import { Role } from '../src/common/identity/role';
import { ApiClient, explain, newClass, newCompany, newPupil, newSchool, newStaff } from './support/factories';
import { holdOpen, lockWaiters } from './support/interleavings';
import { startTestApp, TestApp } from './support/test-app';
import { approvedSteckbrief, newYear, participate, PupilClient } from './support/praxistage-year';

/**
 * The Praxistage year under concurrency: companies offering the last places at once, a pupil
 * accepting two offers at once, an application racing the close of its phase.
 */
describe('Praxistage year under concurrency', () => {
  let t: TestApp;
  let organiser: ApiClient;
  let baseUrl: string;
  let eventId: string;
  let school: Awaited<ReturnType<typeof newSchool>>;
  let letter: Awaited<ReturnType<typeof participate>>;
  beforeAll(async () => {
    t = await startTestApp();
    baseUrl = await t.url();
    organiser = (await newStaff(t, Role.Organiser)).client;
    eventId = (await newYear(organiser, [1])).eventId;
    school = await newSchool(t, { approvedBy: organiser });
    const classId = (await newClass(school.client, school.id, { name: '8b', grade: 8 })).id;
    for (let i = 0; i < 20; i++) await newPupil(school.client, school.id, classId, { firstName: `Kind${i}`, lastName: 'Test' });
    letter = await participate(school.client, eventId, 2, classId);
  }, 120_000);
  afterAll(() => t.close());

  const call = (path: string, headers: Record<string, string>, body: object = {}) =>
    fetch(`${baseUrl}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) }).then(async (res) => ({
      status: res.status,
      body: (await res.json().catch(() => ({}))) as Record<string, unknown>,
    }));
  const asMember = (client: ApiClient) => ({ Authorization: `Bearer ${client.token}` });
  const applyFor = async (pupilId: string, offerId: string) =>
    (await school.client.post(`/api/v1/praxistage/years/${eventId}/participants/${pupilId}/applications`, { offerId }).expect(explain(201))).body.id as string;
  const placesOf = async (offerId: string) => (await organiser.get(`/api/v1/praxistage/steckbriefe/${offerId}`).expect(200)).body.places[0];

  it('never gives more than the last places when twenty offers arrive at once, and no 5xx', async () => {
    const company = await newCompany(t, { approvedBy: organiser });
    const brief = await approvedSteckbrief(company.client, organiser, eventId, [{ phase: 1, weekday: 2, places: 3 }], { occupationalField: 'Gastronomie' });
    const applications = [];
    for (const pupil of letter) applications.push(await applyFor(pupil.pupilId, brief.id));
    const answers = await Promise.all(applications.map((id) => call(`/api/v1/praxistage/applications/${id}/offer`, asMember(company.client))));
    expect(answers.filter((a) => a.status >= 500)).toEqual([]);
    expect(answers.filter((a) => a.status === 200)).toHaveLength(3);
    expect(answers.filter((a) => a.status === 409).map((a) => a.body.code)).toEqual(Array(17).fill('no_place_free'));
    expect(await placesOf(brief.id)).toMatchObject({ capacity: 3, booked: 3, free: 0 });
    const [{ held }] = await t.dataSource.query(
      `SELECT count(*)::int AS held FROM bookings b JOIN steckbrief_places sp ON sp.id = b.bookable_id WHERE sp.offer_id = $1 AND b.status IN ('pending', 'confirmed')`,
      [brief.id],
    );
    expect(held).toBe(3);
  });

  it('lets exactly one of two offers win when a pupil accepts both at once', async () => {
    const first = await newCompany(t, { approvedBy: organiser });
    const second = await newCompany(t, { approvedBy: organiser });
    const a = await approvedSteckbrief(first.client, organiser, eventId, [{ phase: 1, weekday: 2, places: 1 }], { occupationalField: 'Holz' });
    const b = await approvedSteckbrief(second.client, organiser, eventId, [{ phase: 1, weekday: 2, places: 1 }], { occupationalField: 'Bau' });
    const pupil = letter[0];
    const toA = await applyFor(pupil.pupilId, a.id);
    const toB = await applyFor(pupil.pupilId, b.id);
    await first.client.post(`/api/v1/praxistage/applications/${toA}/offer`).expect(explain(200));
    await second.client.post(`/api/v1/praxistage/applications/${toB}/offer`).expect(explain(200));
    const phone = await PupilClient.login(t, pupil.code);
    const answers = await Promise.all([toA, toB].map((id) => call(`/api/v1/pupil/applications/${id}/accept`, { 'X-Pupil-Session': phone.session })));
    expect(answers.map((x) => x.status).sort()).toEqual([200, 409]);
    const [{ placed }] = await t.dataSource.query(
      `SELECT count(*)::int AS placed FROM bookings WHERE pupil_id = $1 AND phase_id IS NOT NULL AND status = 'confirmed'`,
      [pupil.pupilId],
    );
    expect(placed).toBe(1);
    // the place of the offer that lost is free again
    const loser = answers[0].status === 200 ? b : a;
    expect(await placesOf(loser.id)).toMatchObject({ booked: 0, free: 1 });
  });

  const onServer = process.env.DATABASE_URL ? it : it.skip;
  onServer('refuses an application that queued behind the close of its phase (needs a PostgreSQL server: DATABASE_URL)', async () => {
    const company = await newCompany(t, { approvedBy: organiser });
    const brief = await approvedSteckbrief(company.client, organiser, eventId, [{ phase: 1, weekday: 2, places: 5 }], { occupationalField: 'Pflege' });
    const phone = await PupilClient.login(t, letter[5].code);
    const closing = await holdOpen(t, (manager) => manager.query(`UPDATE praxistage_phases SET applications_close_at = now() WHERE event_id = $1 AND number = 1`, [eventId]));
    const application = call('/api/v1/pupil/applications', { 'X-Pupil-Session': phone.session }, { offerId: brief.id });
    await lockWaiters(t, 1);
    await closing.commit();
    const answer = await application;
    expect(answer.status).toBe(409);
    expect(answer.body.code).toBe('no_phase_open');
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM praxistage_applications WHERE offer_id = $1`, [brief.id]);
    expect(count).toBe(0);
  });
});
