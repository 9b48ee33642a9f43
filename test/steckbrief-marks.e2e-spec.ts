import { Client } from 'pg';
import { Role } from '../src/common/identity/role';
import { MARKS_PER_YEAR } from '../src/programs/praxistage/allocation/steckbrief-marks.service';
import { ApiClient, explain, newClass, newCompany, newPupil, newSchool, newStaff } from './support/factories';
import { queueForming } from './support/interleavings';
import { PageVisitor } from './support/page-visitor';
import { startTestApp, TestApp } from './support/test-app';
import { approvedSteckbrief, newYear, participate, PupilClient, steckbrief } from './support/praxistage-year';

type Letter = Awaited<ReturnType<typeof participate>>;

/**
 * A pupil's Merkliste: Steckbriefe kept while browsing, shown in the search and on their own
 * page, at most ten, and counted as wishes when a phase's proposal looks for a place.
 */
describe('Praxistage: the pupil keeps Steckbriefe on a Merkliste', () => {
  let t: TestApp;
  let organiser: ApiClient;
  let eventId: string;
  let school: Awaited<ReturnType<typeof newSchool>>;
  let letter: Letter;
  let mia: PupilClient;
  let ben: PupilClient;
  const briefs: Record<string, string> = {};
  const pupilOf = (name: string) => letter.find((l) => l.firstName === name)!;

  beforeAll(async () => {
    t = await startTestApp();
    organiser = (await newStaff(t, Role.Organiser)).client;
    eventId = (await newYear(organiser, [1])).eventId;
    school = await newSchool(t, { approvedBy: organiser, profile: { name: 'Regelschule Sollstedt' } });
    const classId = (await newClass(school.client, school.id, { name: '8c', grade: 8 })).id;
    for (const [firstName, lastName] of [['Mia', 'Arndt'], ['Ben', 'Brandt'], ['Cem', 'Celik'], ['Dana', 'Dietz']]) await newPupil(school.client, school.id, classId, { firstName, lastName });
    letter = await participate(school.client, eventId, 3, classId);
    for (const [key, name, field] of [['metall', 'Metallbau Bleicherode', 'Metall'], ['elektro', 'Elektro Ellrich', 'Elektrotechnik']]) {
      const company = await newCompany(t, { approvedBy: organiser, profile: { name } });
      briefs[key] = (await approvedSteckbrief(company.client, organiser, eventId, [{ phase: 1, weekday: 3, places: 1 }], { occupationalField: field })).id;
    }
    // a Steckbrief written but not approved: pupils do not see it
    const pending = await newCompany(t, { approvedBy: organiser });
    briefs.pending = (await pending.client.post(`/api/v1/praxistage/years/${eventId}/steckbriefe`, steckbrief({ places: [{ phase: 1, weekday: 3, places: 1 }] })).expect(explain(201))).body.id;
    mia = await PupilClient.login(t, pupilOf('Mia').code);
    ben = await PupilClient.login(t, pupilOf('Ben').code);
  }, 120_000);
  afterAll(() => t.close());

  it('keeps a Steckbrief once however often it is marked, shows it in the search, and takes it off again', async () => {
    const marked = await mia.put(`/api/v1/pupil/marks/${briefs.metall}`).expect(explain(200));
    expect(marked.body).toEqual([expect.objectContaining({ steckbriefId: briefs.metall, companyName: 'Metallbau Bleicherode', occupationalField: 'Metall' })]);
    await mia.put(`/api/v1/pupil/marks/${briefs.metall}`).expect(200);
    expect((await mia.get('/api/v1/pupil/marks').expect(200)).body).toHaveLength(1);
    const found = (await mia.get('/api/v1/pupil/steckbriefe').expect(200)).body.items as Array<{ id: string; marked: boolean }>;
    expect(Object.fromEntries(found.map((s) => [s.id, s.marked]))).toEqual({ [briefs.metall]: true, [briefs.elektro]: false });
    // another pupil's list is their own
    expect((await ben.get('/api/v1/pupil/marks').expect(200)).body).toEqual([]);
    await ben.delete(`/api/v1/pupil/marks/${briefs.metall}`).expect(404);
    await mia.delete(`/api/v1/pupil/marks/${briefs.metall}`).expect(204);
    await mia.delete(`/api/v1/pupil/marks/${briefs.metall}`).expect(404);
    expect((await mia.get('/api/v1/pupil/marks').expect(200)).body).toEqual([]);
  });

  it('answers a Steckbrief pupils cannot see, and an id that cannot be one, as a missing one; no session is 401', async () => {
    const pending = await mia.put(`/api/v1/pupil/marks/${briefs.pending}`).expect(404);
    expect(pending.body.code).toBe('not_found');
    await mia.put('/api/v1/pupil/marks/00000000-0000-4000-8000-000000000000').expect(404);
    await mia.put('/api/v1/pupil/marks/kein-steckbrief').expect(404);
    // without a session it is nobody's list
    await new ApiClient(t).put(`/api/v1/pupil/marks/${briefs.metall}`, {}).expect(401);
  });

  it('holds ten and says so in words at the eleventh', async () => {
    const cem = await PupilClient.login(t, pupilOf('Cem').code);
    const more: string[] = [];
    for (let i = 0; i < MARKS_PER_YEAR; i++) {
      const company = await newCompany(t, { approvedBy: organiser });
      more.push((await approvedSteckbrief(company.client, organiser, eventId, [{ phase: 1, weekday: 3, places: 1 }], { occupationalField: `Feld ${i}` })).id);
    }
    briefs.more = more.join(',');
    for (const id of more) await cem.put(`/api/v1/pupil/marks/${id}`).expect(explain(200));
    const full = await cem.put(`/api/v1/pupil/marks/${briefs.metall}`).expect(409);
    expect(full.body).toMatchObject({ code: 'marks_limit_reached' });
    expect(full.body.detail).toContain('schon 10 Betriebe');
    // one already on the list is no new mark
    await cem.put(`/api/v1/pupil/marks/${more[0]}`).expect(200);
  });

  const onServer = process.env.DATABASE_URL ? it : it.skip;
  onServer('lets only one of three marks at once take the last free line: they queue at the pupil (needs a PostgreSQL server: DATABASE_URL)', async () => {
    const dana = await PupilClient.login(t, pupilOf('Dana').code);
    const more = briefs.more.split(',');
    for (const id of more.slice(0, MARKS_PER_YEAR - 1)) await dana.put(`/api/v1/pupil/marks/${id}`).expect(200);
    const gate = new Client({ connectionString: t.databaseUrl });
    await gate.connect();
    await gate.query('BEGIN');
    await gate.query(`SELECT 1 FROM praxistage_pupils WHERE event_id = $1 AND pupil_id = $2 FOR UPDATE`, [eventId, pupilOf('Dana').pupilId]);
    const answers = Promise.all([more[MARKS_PER_YEAR - 1], briefs.metall, briefs.elektro].map((id) => dana.put(`/api/v1/pupil/marks/${id}`).then((res) => res)));
    // all three have counted nothing yet: they wait for the pupil's row
    await queueForming(t.databaseUrl!, 3, 10_000);
    const [{ waiting }] = (await gate.query(`SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`)).rows;
    expect(waiting).toBe(3);
    await gate.query('COMMIT');
    await gate.end();
    expect((await answers).map((res) => res.status).sort()).toEqual([200, 409, 409]);
    expect((await dana.get('/api/v1/pupil/marks').expect(200)).body).toHaveLength(MARKS_PER_YEAR);
  });

  it('counts marked Steckbriefe as wishes in a phase proposal, after the applications, and never one that said no', async () => {
    // a fresh year: Ida applied to the metal works, Jan only marked the electrician, Kim has no wish: two places for three pupils
    const year = await newYear(organiser, [1], { title: 'Tag in der Praxis – Merkliste' });
    const pupilsOf = async (weekday: number, names: string[][]) => {
      const school = await newSchool(t, { approvedBy: organiser });
      const classId = (await newClass(school.client, school.id, { name: '8d', grade: 8 })).id;
      for (const [firstName, lastName] of names) await newPupil(school.client, school.id, classId, { firstName, lastName });
      return participate(school.client, year.eventId, weekday, classId);
    };
    const pupils = [...(await pupilsOf(3, [['Ida', 'Ihle'], ['Jan', 'Jahn'], ['Kim', 'Kühn']])), ...(await pupilsOf(2, [['Lea', 'Lange']]))];
    const ids: Record<string, string> = {};
    const companies: Record<string, ApiClient> = {};
    for (const [key, field, weekday] of [['metall', 'Metall', 3], ['elektro', 'Elektrotechnik', 3], ['holz', 'Holz', 2]] as const) {
      const company = await newCompany(t, { approvedBy: organiser, profile: { name: `${field} GmbH` } });
      companies[key] = company.client;
      ids[key] = (await approvedSteckbrief(company.client, organiser, year.eventId, [{ phase: 1, weekday, places: 1 }], { occupationalField: field })).id;
    }
    const login = (name: string) => PupilClient.login(t, pupils.find((p) => p.firstName === name)!.code);
    const ida = await login('Ida');
    await ida.post('/api/v1/pupil/applications', { offerId: ids.metall }).expect(explain(201));
    // a mark of the Steckbrief applied to anyway counts once, as the application
    await ida.put(`/api/v1/pupil/marks/${ids.metall}`).expect(200);
    await (await login('Jan')).put(`/api/v1/pupil/marks/${ids.elektro}`).expect(200);
    // Lea (Tuesdays) applied to the joinery, the only place on her day, which said no; kept on her list, it is no wish to propose
    const lea = await login('Lea');
    const declined = await lea.post('/api/v1/pupil/applications', { offerId: ids.holz }).expect(explain(201));
    await companies.holz.post(`/api/v1/praxistage/applications/${declined.body.id}/decline`, { reason: 'Kein Platz für Anfänger' }).expect(explain(200));
    await lea.put(`/api/v1/pupil/marks/${ids.holz}`).expect(200);
    const proposals = `/api/v1/praxistage/years/${year.eventId}/phases/1/proposals`;
    const asked = await organiser.post(proposals, {}).expect(explain(202));
    let proposal = asked.body;
    for (let i = 0; i < 200 && ['queued', 'running'].includes(proposal.status); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      proposal = (await organiser.get(`${proposals}/${asked.body.id}`).expect(200)).body;
    }
    expect(proposal).toMatchObject({ status: 'done', optimal: true });
    const line = (name: string) => proposal.lines.find((l: { firstName: string }) => l.firstName === name);
    expect(line('Ida')).toMatchObject({ offerId: ids.metall, rankMet: { wish: 'company', rank: 1 } });
    // without the mark, Jan and Kim would be alike to the solver; the mark makes it Jan's place
    expect(line('Jan')).toMatchObject({ offerId: ids.elektro, rankMet: { wish: 'company', rank: 1 } });
    expect(line('Kim')).toMatchObject({ offerId: null, reason: 'all_taken_by_others' });
    // the joinery's place stays free rather than go to the pupil it turned down
    expect(line('Lea')).toMatchObject({ offerId: null, reason: 'no_place_in_allowed_field' });
  });

  it('pages: the button on a card keeps the place in the list, returns to the same search, and the Merkliste shows it', async () => {
    const visitor = await PageVisitor.anonymous(t);
    await visitor.post('/tip', { code: pupilOf('Ben').code }).expect(303);
    const search = await visitor.get('/tip/plaetze?feld=Metall').expect(200);
    expect(search.text).toContain(`action="/tip/plaetze/${briefs.metall}/merken"`);
    const kept = await visitor.post(`/tip/plaetze/${briefs.metall}/merken`, { weiter: '/tip/plaetze?feld=Metall' }).expect(303);
    expect(kept.headers.location).toBe(`/tip/plaetze?feld=Metall&ok=marked#s-${briefs.metall}`);
    const after = await visitor.get('/tip/plaetze?feld=Metall&ok=marked').expect(200);
    expect(after.text).toContain('Der Betrieb steht auf deiner Merkliste.');
    expect(after.text).toContain(`action="/tip/plaetze/${briefs.metall}/nicht-merken"`);
    const list = await visitor.get('/tip/merkliste').expect(200);
    expect(list.text).toContain('Metallbau Bleicherode');
    expect(list.text).toContain('Gemerkt: 1 von 10.');
    // a return address off the pupil's pages is not followed
    const away = await visitor.post(`/tip/plaetze/${briefs.metall}/nicht-merken`, { weiter: 'https://example.org/' }).expect(303);
    expect(away.headers.location).toBe(`/tip/plaetze?ok=unmarked#s-${briefs.metall}`);
    expect((await visitor.get('/tip/merkliste').expect(200)).text).toContain('Du hast dir noch keinen Betrieb gemerkt.');
    // a second tap finds it off the list already: that is what was asked
    expect((await visitor.post(`/tip/plaetze/${briefs.metall}/nicht-merken`, { weiter: '/tip/merkliste' })).headers.location).toBe(`/tip/merkliste?ok=unmarked#s-${briefs.metall}`);
    await visitor.post(`/tip/plaetze/${briefs.pending}/nicht-merken`, { weiter: '/tip/merkliste' }).expect(404);
  });
});
