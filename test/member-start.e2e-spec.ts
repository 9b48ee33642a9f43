import { Role } from '../src/common/identity/role';
import { explain, newClass, newCompany, newEvent, newPupil, newSchool, newStaff, newTimeSlot, standApplication } from './support/factories';
import { PageVisitor } from './support/page-visitor';
import { approvedSteckbrief, newYear, participate, PupilClient } from './support/praxistage-year';
import { startTestApp, TestApp } from './support/test-app';

/**
 * A school's and a company's own start page (and its API): the next dates soonest first, and
 * what is still open — classes without a visit at an open fair, a fair without a stand,
 * pupils without a place in a phase about to begin, applications to answer. Staff start at
 * the desk; after logging in everyone lands on their start.
 */
describe('start pages per role', () => {
  let t: TestApp;
  let school: Awaited<ReturnType<typeof newSchool>>;
  let company: Awaited<ReturnType<typeof newCompany>>;
  let fairId: string;
  let organiserEmail: string;

  beforeAll(async () => {
    t = await startTestApp();
    const staff = await newStaff(t, Role.Organiser);
    organiserEmail = staff.email;
    const organiser = staff.client;
    school = await newSchool(t, { approvedBy: organiser, profile: { name: 'Regelschule Überblick' } });
    company = await newCompany(t, { approvedBy: organiser, profile: { name: 'Bäckerei Morgen' } });
    fairId = (await newEvent(organiser, 'handwerkertag', { title: 'Handwerkertag Überblick' })).id;
    const slot = await newTimeSlot(organiser, fairId, 60, '2027-05-08T09:00');
    const [a] = [await newClass(school.client, school.id, { name: '8a' }), await newClass(school.client, school.id, { name: '8b' }), await newClass(school.client, school.id, { name: '8c' })];
    await school.client.post(`/api/v1/events/${fairId}/class-visits`, { timeSlotId: slot.id, schoolClassId: a.id, pupils: 20, teachers: 1 }).expect(explain(201));

    // a Praxistage year whose first phase begins in a week: the school's pupils still need a place
    const year = await newYear(organiser, [1]);
    const yearClass = await newClass(school.client, school.id, { name: '8p', grade: 8 });
    await newPupil(school.client, school.id, yearClass.id, { firstName: 'Mia', lastName: 'Arndt' });
    await newPupil(school.client, school.id, yearClass.id, { firstName: 'Ben', lastName: 'Brandt' });
    const letter = await participate(school.client, year.eventId, 3, yearClass.id);
    const brief = await approvedSteckbrief(company.client, organiser, year.eventId, [{ phase: 1, weekday: 3, places: 2 }]);
    const mia = await PupilClient.login(t, letter[0].code);
    await mia.post('/api/v1/pupil/applications', { offerId: brief.id, message: 'Ich backe gern.' }).expect(explain(201));
    await t.dataSource.query(
      `UPDATE praxistage_phases SET first_day = (now() AT TIME ZONE 'Europe/Berlin')::date + 7 WHERE event_id = $1 AND number = 1`,
      [year.eventId],
    );
  });
  afterAll(() => t.close());

  it('shows a school its open classes, its pupils without a place and its next visit', async () => {
    const mine = (await school.client.get('/api/v1/desk/mine').expect(200)).body;
    const todo = mine.todo.map((e: { kind: string; count: number }) => [e.kind, e.count]);
    // three fair classes and the Praxistage class, one has a visit
    expect(todo).toContainEqual(['classes_without_visit', 3]);
    expect(todo).toContainEqual(['pupils_without_place', 2]);
    expect(mine.next[0]).toMatchObject({ group: 'next', href: expect.stringMatching(/^\/buchungen\//) });
    expect(mine.next[0].text.de).toMatch(/^08\.05\.2027, 09:00/);

    const visitor = await PageVisitor.loggedIn(t, school.email);
    const page = await visitor.get('/start').expect(200);
    expect(page.text).toContain('3 Klassen noch ohne Besuch: Handwerkertag Überblick');
    expect(page.text).toContain('2 Schülerinnen und Schüler ohne Praxisplatz in Phase 1');
    expect(page.text).toContain('Als Nächstes');
  });

  it('shows a company the fair it has no stand at, its applications to answer, and a stand waiting as not confirmed', async () => {
    let mine = (await company.client.get('/api/v1/desk/mine').expect(200)).body;
    expect(mine.todo.map((e: { kind: string; count: number }) => [e.kind, e.count])).toEqual(expect.arrayContaining([['stand_not_applied', 1], ['applications_to_answer', 1]]));
    await company.client.post(`/api/v1/events/${fairId}/stand-applications`, standApplication()).expect(explain(201));
    mine = (await company.client.get('/api/v1/desk/mine').expect(200)).body;
    expect(mine.todo.map((e: { kind: string }) => e.kind)).not.toContain('stand_not_applied');
    expect(mine.next.map((e: { text: { de: string } }) => e.text.de).join('\n')).toContain('(noch nicht bestätigt)');
  });

  it('lands everyone on their start after logging in; staff start at the desk', async () => {
    const visitor = await PageVisitor.anonymous(t);
    const login = await visitor.post('/anmelden', { email: company.email, password: 'richtig-geheim-123' }).expect(303);
    expect(login.headers.location).toBe('/start');
    const organiser = await PageVisitor.anonymous(t);
    expect((await organiser.post('/anmelden', { email: organiserEmail, password: 'richtig-geheim-123' }).expect(303)).headers.location).toBe('/verwaltung');
    await organiser.get('/start').expect(403);
    await organiser.get('/api/v1/desk/mine').expect(403);
  });
});
