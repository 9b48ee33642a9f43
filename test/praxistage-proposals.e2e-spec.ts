import { Role } from '../src/common/identity/role';
import { SolverRunner } from '../src/allocation/solver-runner';
import { ApiClient, explain, newClass, newCompany, newPupil, newSchool, newStaff } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';
import { approvedSteckbrief, newYear, participate, PupilClient } from './support/praxistage-year';

type Proposal = { id: string; status: string; optimal: boolean; solverStatus: string; lines: Array<{ pupilId: string; firstName: string; companyName: string | null; offerId: string | null; rankMet: unknown; reason: string | null; assignDirectly: boolean }> };

/** Reads a proposal until its run is no longer queued or running. */
async function finished(client: ApiClient, path: string): Promise<Proposal> {
  for (let i = 0; i < 200; i++) {
    const res = await client.get(path).expect(explain(200));
    if (!['queued', 'running'].includes(res.body.status)) return res.body;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the proposal did not finish');
}

const byName = (proposal: Proposal) => Object.fromEntries(proposal.lines.map((l) => [l.firstName, l.companyName ?? l.reason]));

describe('Praxistage: a proposal of places for the pupils still without one', () => {
  let t: TestApp;
  let organiser: ApiClient;
  let partner: ApiClient;
  let year: Awaited<ReturnType<typeof newYear>>;
  let metall: Awaited<ReturnType<typeof newCompany>>;
  let elektro: Awaited<ReturnType<typeof newCompany>>;
  let holz: Awaited<ReturnType<typeof newCompany>>;
  let school: Awaited<ReturnType<typeof newSchool>>;
  let otherSchool: Awaited<ReturnType<typeof newSchool>>;
  let pupils: Record<string, string>;
  let briefs: Record<string, string>;
  let proposals: string;
  let first: Proposal;

  beforeAll(async () => {
    t = await startTestApp();
    organiser = (await newStaff(t, Role.Organiser)).client;
    partner = (await newStaff(t, Role.Partner)).client;
    year = await newYear(organiser, [1]);
    proposals = `/api/v1/praxistage/years/${year.eventId}/phases/1/proposals`;
    metall = await newCompany(t, { approvedBy: organiser, profile: { name: 'Metallbau Leinefelde' } });
    elektro = await newCompany(t, { approvedBy: organiser, profile: { name: 'Elektro Sondershausen' } });
    holz = await newCompany(t, { approvedBy: organiser, profile: { name: 'Tischlerei Heringen' } });
    school = await newSchool(t, { approvedBy: organiser, profile: { name: 'Regelschule Bleicherode' } });
    otherSchool = await newSchool(t, { approvedBy: organiser, profile: { name: 'Regelschule Heringen' } });
    const classId = (await newClass(school.client, school.id, { name: '8a', grade: 8 })).id;
    for (const [firstName, lastName] of [['Mia', 'Arndt'], ['Ben', 'Brandt'], ['Cem', 'Celik']]) await newPupil(school.client, school.id, classId, { firstName, lastName });
    const otherClass = (await newClass(otherSchool.client, otherSchool.id, { name: '8b', grade: 8 })).id;
    await newPupil(otherSchool.client, otherSchool.id, otherClass, { firstName: 'Dana', lastName: 'Dietz' });
    const letter = [...(await participate(school.client, year.eventId, 3, classId)), ...(await participate(otherSchool.client, year.eventId, 3, otherClass))];
    pupils = Object.fromEntries(letter.map((l) => [l.firstName, l.pupilId]));
    briefs = {
      metall: (await approvedSteckbrief(metall.client, organiser, year.eventId, [{ phase: 1, weekday: 3, places: 1 }])).id,
      elektro: (await approvedSteckbrief(elektro.client, organiser, year.eventId, [{ phase: 1, weekday: 3, places: 1 }], { occupationalField: 'Elektrotechnik' })).id,
      holz: (await approvedSteckbrief(holz.client, organiser, year.eventId, [{ phase: 1, weekday: 2, places: 2 }], { occupationalField: 'Holz' })).id,
    };
    // the company lets pupils be assigned to it; its Steckbrief stays approved
    const optedIn = await elektro.client.patch(`/api/v1/praxistage/steckbriefe/${briefs.elektro}`, { assignDirectly: true }).expect(explain(200));
    expect(optedIn.body).toMatchObject({ assignDirectly: true, reviewStatus: 'approved' });
    // Mia applied to the metal works; Ben wishes electrical engineering
    const mia = await PupilClient.login(t, letter.find((l) => l.firstName === 'Mia')!.code);
    await mia.post('/api/v1/pupil/applications', { offerId: briefs.metall }).expect(explain(201));
    await school.client.put(`/api/v1/praxistage/years/${year.eventId}/participants/${pupils.Ben}/field-wishes`, { fields: ['Elektrotechnik', 'Holz'] }).expect(explain(200));
  });
  afterAll(() => t.close());

  it('weighs wishes as the request says: with wishes worth nothing and any place worth much, no wish decides', async () => {
    const asked = await school.client.post(proposals, { weights: { ranks: [0, 0, 0], anywhere: 50 } }).expect(explain(202));
    const weighed = await finished(school.client, `${proposals}/${asked.body.id}`);
    expect(weighed).toMatchObject({ status: 'done', optimal: true });
    const placed = weighed.lines.filter((l) => l.companyName !== null);
    expect(placed).toHaveLength(2);
    // by default Mia gets the metal works she applied to (her first wish); here a place that meets no wish weighs more
    expect(placed.map((l) => l.rankMet)).toEqual([{ wish: 'anywhere' }, { wish: 'anywhere' }]);
    expect(byName(weighed).Mia).not.toBe('Metallbau Leinefelde');
    const bad = await school.client.post(proposals, { weights: { ranks: [10, -1], anywhere: 1 } }).expect(400);
    expect(bad.body.errors[0].field).toMatch(/^weights\.ranks/);
  });

  it('answers 202 at once and solves in the background to a proven best proposal for the own school', async () => {
    const asked = await school.client.post(proposals, {}).expect(explain(202));
    expect(['queued', 'running', 'done']).toContain(asked.body.status);
    first = await finished(school.client, `${proposals}/${asked.body.id}`);
    expect(first).toMatchObject({ status: 'done', optimal: true, solverStatus: 'Optimal' });
    // the other school's pupil is not in it; the pupil left over is named with the reason
    expect(byName(first)).toEqual({ Mia: 'Metallbau Leinefelde', Ben: 'Elektro Sondershausen', Cem: 'all_taken_by_others' });
    const line = (name: string) => first.lines.find((l) => l.firstName === name)!;
    expect(line('Mia').rankMet).toEqual({ wish: 'company', rank: 1 });
    expect(line('Ben')).toMatchObject({ rankMet: { wish: 'field', rank: 1 }, assignDirectly: true });
    // the newest proposal is found again after leaving the page
    expect((await school.client.get(proposals).expect(200)).body.id).toBe(first.id);
  });

  it('is the organiser’s and the coordinators’ only: partner and company 403, another school 404', async () => {
    await partner.post(proposals, {}).expect(403);
    await metall.client.get(proposals).expect(403);
    await otherSchool.client.get(`${proposals}/${first.id}`).expect(404);
    await otherSchool.client.post(`${proposals}/${first.id}/accept`).expect(404);
    await organiser.get(`${proposals}/${first.id}`).expect(404); // the organiser's proposals are those for all schools
    await school.client.get(`/api/v1/praxistage/years/${year.eventId}/phases/5/proposals`).expect(404);
  });

  it('refuses a changed line that breaks a rule, naming it, and keeps one that does not', async () => {
    const weekday = await school.client.patch(`${proposals}/${first.id}`, { lines: [{ pupilId: pupils.Cem, offerId: briefs.holz }] }).expect(409);
    expect(weekday.body).toMatchObject({ code: 'proposal_line_breaks_rule' });
    expect(weekday.body.detail).toContain('Cem Celik');
    expect(weekday.body.detail).toContain('Praxistag');
    const full = await school.client.patch(`${proposals}/${first.id}`, { lines: [{ pupilId: pupils.Cem, offerId: briefs.metall }] }).expect(409);
    expect(full.body.detail).toContain('kein Platz mehr frei');
    await school.client.patch(`${proposals}/${first.id}`, { lines: [{ pupilId: pupils.Dana, offerId: null }] }).expect(400);
    const swapped = await school.client
      .patch(`${proposals}/${first.id}`, { lines: [{ pupilId: pupils.Mia, offerId: null }, { pupilId: pupils.Cem, offerId: briefs.metall }] })
      .expect(explain(200));
    expect(byName(swapped.body)).toEqual({ Cem: 'Metallbau Leinefelde', Ben: 'Elektro Sondershausen', Mia: 'dropped' });
    // and back as the solver had it
    await school.client.patch(`${proposals}/${first.id}`, { lines: [{ pupilId: pupils.Cem, offerId: null }, { pupilId: pupils.Mia, offerId: briefs.metall }] }).expect(explain(200));
  });

  it('sends an accepted proposal to the companies: the opted-in one gets the pupil placed, the other decides', async () => {
    const accepted = await school.client.post(`${proposals}/${first.id}/accept`).expect(explain(200));
    expect(accepted.body.status).toBe('committed');
    const [ben] = await t.dataSource.query(`SELECT status FROM bookings WHERE pupil_id = $1 AND phase_id IS NOT NULL`, [pupils.Ben]);
    expect(ben.status).toBe('confirmed');
    // Mia's application to the metal works carries the proposal; the company's yes places her
    const inbox = await metall.client.get(`/api/v1/praxistage/years/${year.eventId}/applications`).expect(200);
    expect(inbox.body.map((a: { firstName: string; status: string }) => [a.firstName, a.status])).toEqual([['Mia', 'submitted']]);
    const yes = await metall.client.post(`/api/v1/praxistage/applications/${inbox.body[0].id}/offer`).expect(explain(200));
    expect(yes.body.status).toBe('accepted');
    const [mia] = await t.dataSource.query(`SELECT status FROM bookings WHERE id = $1`, [yes.body.bookingId]);
    expect(mia.status).toBe('confirmed');
    // a closed proposal is not accepted twice
    expect((await school.client.post(`${proposals}/${first.id}/accept`).expect(409)).body.code).toBe('proposal_closed');
  });

  it('refuses a proposal made stale by a booking meanwhile and books nothing', async () => {
    const spare = await newCompany(t, { approvedBy: organiser, profile: { name: 'Bäckerei Nordhausen' } });
    const brief = (await approvedSteckbrief(spare.client, organiser, year.eventId, [{ phase: 1, weekday: 3, places: 1 }], { occupationalField: 'Lebensmittel' })).id;
    const asked = await organiser.post(proposals, {}).expect(explain(202));
    const proposal = await finished(organiser, `${proposals}/${asked.body.id}`);
    const placed = proposal.lines.find((l) => l.offerId === brief)!;
    expect(['Cem', 'Dana']).toContain(placed.firstName);
    // the other pupil takes that place through the application flow before the proposal is accepted
    const other = placed.firstName === 'Cem' ? { client: otherSchool.client, id: pupils.Dana } : { client: school.client, id: pupils.Cem };
    const applied = await other.client.post(`/api/v1/praxistage/years/${year.eventId}/participants/${other.id}/applications`, { offerId: brief }).expect(explain(201));
    await spare.client.post(`/api/v1/praxistage/applications/${applied.body.id}/offer`).expect(explain(200));
    const before = await t.dataSource.query(`SELECT (SELECT count(*) FROM bookings) AS bookings, (SELECT count(*) FROM praxistage_applications) AS applications`);
    const refused = await organiser.post(`${proposals}/${asked.body.id}/accept`).expect(409);
    expect(refused.body.code).toBe('proposal_stale');
    expect(refused.body.detail).toContain(`${placed.firstName} `);
    expect(refused.body.detail).toContain('kein Platz mehr frei');
    // and each line that broke, for a client to show beside the proposal
    expect(refused.body.conflicts).toEqual([
      { pupilId: placed.pupilId, pupil: expect.stringContaining(placed.firstName), steckbriefId: brief, rule: 'place_free', detail: expect.stringContaining('kein Platz mehr frei') },
    ]);
    expect(await t.dataSource.query(`SELECT (SELECT count(*) FROM bookings) AS bookings, (SELECT count(*) FROM praxistage_applications) AS applications`)).toEqual(before);
    expect((await organiser.get(`${proposals}/${asked.body.id}`).expect(200)).body.status).toBe('stale');
  });

  it('runs the solve once when two instances are asked for the same proposal at once', async () => {
    // places still to give, so that there is something to solve
    const care = await newCompany(t, { approvedBy: organiser, profile: { name: 'Pflegedienst Sondershausen' } });
    await approvedSteckbrief(care.client, organiser, year.eventId, [{ phase: 1, weekday: 3, places: 2 }], { occupationalField: 'Pflege' });
    const second = await startTestApp({}, t.database);
    try {
      const runners = [t.app.get(SolverRunner), second.app.get(SolverRunner)];
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      // the solve waits until both requests are answered: whoever comes second finds the run going
      const spies = runners.map((runner) => {
        const solveModel = runner.solveModel.bind(runner);
        return jest.spyOn(runner, 'solveModel').mockImplementation(async (request) => (await gate, solveModel(request)));
      });
      const token = (organiser as unknown as { token: string }).token;
      const [a, b] = await Promise.all([organiser.post(proposals, {}), new ApiClient(second, token).post(proposals, {})]);
      expect([a.status, b.status]).toEqual([202, 202]);
      expect(a.body.id).toBe(b.body.id);
      release();
      const done = await finished(organiser, `${proposals}/${a.body.id}`);
      expect(done.status).toBe('done');
      expect(spies.reduce((calls, spy) => calls + spy.mock.calls.length, 0)).toBe(1);
      const [{ runs }] = await t.dataSource.query(`SELECT count(*)::int AS runs FROM allocation_runs WHERE id = $1 OR (scope LIKE '%:all' AND created_at >= (SELECT created_at FROM allocation_runs WHERE id = $1))`, [a.body.id]);
      expect(runs).toBe(1);
    } finally {
      await second.close();
    }
  });

  it('gives up a run whose instance stopped, and a new one can be asked for', async () => {
    const [{ id }] = await t.dataSource.query(
      `INSERT INTO allocation_runs (scope, status, input_stamp, give_up_at, started_at) VALUES ($1, 'running', 'x', now() - interval '1 second', now() - interval '2 minutes') RETURNING id`,
      [`praxistage:${year.eventId}:1:${school.id}`],
    );
    const asked = await school.client.post(proposals, {}).expect(explain(202));
    expect(asked.body.id).not.toBe(id);
    const [dead] = await t.dataSource.query(`SELECT status, error FROM allocation_runs WHERE id = $1`, [id]);
    expect(dead).toMatchObject({ status: 'failed', error: expect.stringContaining('abandoned') });
    await finished(school.client, `${proposals}/${asked.body.id}`);
  });
});
