import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Role } from '../src/common/identity/role';
import { ApiClient, explain, newClass, newColleague, newCompany, newEvent, newSchool, newStaff, newTimeSlot, PASSWORD, standApplication } from './support/factories';
import { PageVisitor } from './support/page-visitor';
import { startTestApp, TestApp } from './support/test-app';

/**
 * The organiser keeps a company's or school's profile and its members' access: a member who
 * is deactivated is out at once (cookie, token, login, reset link), and back with the own
 * password when reactivated. Its bookings and history are there for the organiser to see.
 */
describe('organisations for the organiser: profile, members, bookings, history', () => {
  let t: TestApp;
  let organiser: ApiClient;
  let partner: ApiClient;
  let company: Awaited<ReturnType<typeof newCompany>>;
  let school: Awaited<ReturnType<typeof newSchool>>;

  beforeAll(async () => {
    t = await startTestApp();
    organiser = (await newStaff(t, Role.Organiser)).client;
    partner = (await newStaff(t, Role.Partner)).client;
    company = await newCompany(t, { approvedBy: organiser, profile: { name: 'Tischlerei Span' } });
    school = await newSchool(t, { approvedBy: organiser, profile: { name: 'Regelschule am Park' } });
  });
  afterAll(() => t.close());

  /** Logs in by password as a browser does; the session cookie. */
  const login = (email: string, password = PASSWORD) => request(t.http).post('/api/v1/auth/login').send({ email, password });
  const cookieOf = (res: request.Response) => ([] as string[]).concat(res.headers['set-cookie'])[0].split(';')[0];

  it('lets the organiser edit a profile and list its members with their access and last login', async () => {
    const edited = await organiser.patch(`/api/v1/companies/${company.id}`, { town: 'Sondershausen', district: 'kyffhaeuserkreis' }).expect(explain(200));
    expect(edited.body).toMatchObject({ town: 'Sondershausen', district: 'kyffhaeuserkreis' });
    const members = await organiser.get(`/api/v1/companies/${company.id}/members`).expect(200);
    expect(members.body).toEqual([expect.objectContaining({ id: company.userId, deactivatedAt: null, lastLoginAt: expect.any(String) })]);
    expect(members.body[0].passwordHash).toBeUndefined();
    // bad input names the field; unknown fields are refused
    const bad = await organiser.patch(`/api/v1/companies/${company.id}`, { postalCode: '123', status: 'approved' }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['postalCode', 'status']);
  });

  it('deactivates a member: cookie and token answer 401 at once, login and password reset do not let them in', async () => {
    const colleague = await newColleague(t, 'company', company.id, 'Karla Kündigt');
    const session = cookieOf(await login(colleague.email).expect(200));
    await request(t.http).get('/api/v1/auth/me').set('Cookie', session).expect(200);
    await colleague.client.get('/api/v1/auth/me').expect(200);
    await request(t.http).post('/api/v1/auth/password-reset').send({ email: colleague.email }).expect(202);
    const [{ count: openLinks }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM password_resets WHERE user_id = $1 AND used_at IS NULL`, [colleague.userId]);
    expect(openLinks).toBe(1);

    const deactivated = await organiser.post(`/api/v1/companies/${company.id}/members/${colleague.userId}/deactivate`, { reason: 'hat den Betrieb verlassen' }).expect(explain(200));
    expect(deactivated.body).toMatchObject({ id: colleague.userId, deactivatedAt: expect.any(String) });

    const refused = await request(t.http).get('/api/v1/auth/me').set('Cookie', session).expect(401);
    expect(refused.body.code).toBe('unauthenticated');
    await colleague.client.get(`/api/v1/companies/${company.id}`).expect(401);
    // a page with the old cookie goes to the login
    const page = await request(t.http).get('/buchungen').set('Cookie', session).redirects(0).expect(303);
    expect(page.headers.location).toMatch(/^\/anmelden\?weiter=/);

    // the right password is told plainly; a wrong one gets the same answer as anyone's
    const denied = await login(colleague.email).expect(403);
    expect(denied.body).toMatchObject({ code: 'account_deactivated', detail: expect.stringContaining('deaktiviert') });
    expect((await login(colleague.email, 'falsch-falsch-falsch').expect(401)).body.code).toBe('invalid_credentials');
    const visitor = await PageVisitor.anonymous(t);
    const form = await visitor.post('/anmelden', { email: colleague.email, password: PASSWORD });
    expect(form.status).toBe(401);
    expect(form.text).toContain('Ihr Zugang ist deaktiviert');

    // the link mailed before is used up, and no new one is sent
    const [{ count: stillOpen }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM password_resets WHERE user_id = $1 AND used_at IS NULL`, [colleague.userId]);
    expect(stillOpen).toBe(0);
    await request(t.http).post('/api/v1/auth/password-reset').send({ email: colleague.email }).expect(202);
    const [{ count: newLinks }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM password_resets WHERE user_id = $1 AND used_at IS NULL`, [colleague.userId]);
    expect(newLinks).toBe(0);

    // deactivated twice: a conflict that names the person
    const twice = await organiser.post(`/api/v1/companies/${company.id}/members/${colleague.userId}/deactivate`, {}).expect(409);
    expect(twice.body).toMatchObject({ code: 'member_already_deactivated', detail: expect.stringContaining('Karla Kündigt') });
    const members = await organiser.get(`/api/v1/companies/${company.id}/members`).expect(200);
    expect(members.body.find((m: { id: string }) => m.id === colleague.userId).deactivatedAt).toEqual(expect.any(String));

    // reactivated: the own password works again; the old token stays revoked
    await organiser.post(`/api/v1/companies/${company.id}/members/${colleague.userId}/reactivate`, {}).expect(explain(200));
    const again = cookieOf(await login(colleague.email).expect(200));
    await request(t.http).get('/api/v1/auth/me').set('Cookie', again).expect(200);
    await colleague.client.get('/api/v1/auth/me').expect(401);
    const notDeactivated = await organiser.post(`/api/v1/companies/${company.id}/members/${colleague.userId}/reactivate`, {}).expect(409);
    expect(notDeactivated.body.code).toBe('member_not_deactivated');
  });

  it('refuses partners and members, and answers 404 for foreign or unknown ids', async () => {
    const colleague = await newColleague(t, 'school', school.id);
    const path = `/api/v1/schools/${school.id}/members/${colleague.userId}/deactivate`;
    expect((await partner.post(path, {}).expect(403)).body.code).toBe('read_only');
    expect((await school.client.post(path, {}).expect(403)).body.code).toBe('forbidden');
    expect((await company.client.post(`/api/v1/companies/${company.id}/members/${company.userId}/deactivate`, {}).expect(403)).body.code).toBe('forbidden');
    // a member of another organisation, an unknown member, an unknown organisation, staff
    const other = await newSchool(t);
    await organiser.post(`/api/v1/schools/${other.id}/members/${colleague.userId}/deactivate`, {}).expect(404);
    await organiser.post(`/api/v1/companies/${company.id}/members/${colleague.userId}/deactivate`, {}).expect(404);
    await organiser.post(`/api/v1/schools/${school.id}/members/${randomUUID()}/deactivate`, {}).expect(404);
    const unknown = await organiser.post(`/api/v1/schools/${randomUUID()}/members/${colleague.userId}/deactivate`, {}).expect(404);
    expect(unknown.body.detail).toBe('Das Mitglied wurde nicht gefunden.');
    const staff = await newStaff(t, Role.Partner);
    await organiser.post(`/api/v1/schools/${school.id}/members/${staff.userId}/deactivate`, {}).expect(404);
    // an id that cannot exist is missing too; bad input names the field, unknown fields are refused
    await organiser.post(`/api/v1/schools/${school.id}/members/nicht-da/deactivate`, {}).expect(404);
    const badBody = await organiser.post(path, { reason: 'x'.repeat(1001), deactivatedAt: null }).expect(400);
    expect(badBody.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['deactivatedAt', 'reason']);
    // nothing happened to the colleague
    await colleague.client.get('/api/v1/auth/me').expect(200);
  });

  it('lets the organisation’s last active member be deactivated through the pages, saying what it means', async () => {
    const lone = await newSchool(t, { approvedBy: organiser, profile: { name: 'Förderzentrum Einzeln' } });
    const staff = await newStaff(t, Role.Organiser);
    const desk = await PageVisitor.loggedIn(t, staff.email);
    const base = `/verwaltung/organisationen/schulen/${lone.id}`;
    const confirm = await desk.get(`${base}/mitglieder/${lone.userId}/deaktivieren`).expect(200);
    expect(confirm.text).toContain('ist das letzte aktive Mitglied von Förderzentrum Einzeln');
    const tooLong = await desk.post(`${base}/mitglieder/${lone.userId}/deaktivieren`, { reason: 'x'.repeat(1001) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.text).toContain('aria-invalid="true" aria-describedby="reason-error"');
    await lone.client.get('/api/v1/auth/me').expect(200);

    const done = await desk.post(`${base}/mitglieder/${lone.userId}/deaktivieren`, { reason: 'Schule geschlossen' });
    expect(done.status).toBe(303);
    expect(done.headers.location).toBe(`${base}?ok=memberDeactivated#mitglieder`);
    await lone.client.get('/api/v1/auth/me').expect(401);
    await login(lone.email).expect(403);
    // a second organiser who was slower is told, not sent to an error page
    const late = await desk.post(`${base}/mitglieder/${lone.userId}/deaktivieren`, {});
    expect(late.status).toBe(409);
    expect(late.text).toContain('ist bereits deaktiviert');
    expect((await desk.get(`${base}/mitglieder/${lone.userId}/reaktivieren`).expect(200)).text).toContain('Ja, Zugang wieder aktivieren');
    expect((await desk.post(`${base}/mitglieder/${lone.userId}/reaktivieren`, {})).status).toBe(303);
    await login(lone.email).expect(200);
    await desk.get(`${base}/mitglieder/${lone.userId}/abschalten`).expect(404);
    await desk.get(`/verwaltung/organisationen/betriebe/${lone.id}`).expect(404);
  });

  it('lets the organiser correct a profile in the page, with the API’s rules, and shows partners no form', async () => {
    const staff = await newStaff(t, Role.Organiser);
    const desk = await PageVisitor.loggedIn(t, staff.email);
    const base = `/verwaltung/organisationen/schulen/${school.id}`;
    const bad = await desk.post(base, { name: 'Regelschule am Park', postalCode: '9973', status: 'approved' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('muss aus genau 5 Ziffern bestehen');
    const saved = await desk.post(base, { name: 'Regelschule am Park', postalCode: '99706', schoolType: 'gemeinschaftsschule', coordinator: 'Herr Neu' });
    expect(saved.status).toBe(303);
    expect((await organiser.get(`/api/v1/schools/${school.id}`).expect(200)).body).toMatchObject({ postalCode: '99706', schoolType: 'gemeinschaftsschule', coordinator: 'Herr Neu' });
    const page = await desk.get(base).expect(200);
    expect(page.text).toContain('Gemeinschaftsschule');

    const partnerAccount = await newStaff(t, Role.Partner);
    const reader = await PageVisitor.loggedIn(t, partnerAccount.email);
    const read = await reader.get(base).expect(200);
    expect(read.text).toContain('Herr Neu');
    expect(read.text).not.toContain(`action="${base}"`);
    expect(read.text).not.toContain('/deaktivieren');
    expect((await reader.post(base, { town: 'Geändert' })).status).toBe(403);
  });

  it('shows the organisation’s bookings (filtered by company or school) and its history', async () => {
    const fair = await newEvent(organiser, 'handwerkertag', { title: 'Handwerkertag im Park' });
    const slot = await newTimeSlot(organiser, fair.id, 50);
    const stand = await company.client.post(`/api/v1/events/${fair.id}/stand-applications`, standApplication()).expect(explain(201));
    const schoolClass = await newClass(school.client, school.id);
    const visit = await school.client.post(`/api/v1/events/${fair.id}/class-visits`, { timeSlotId: slot.id, schoolClassId: schoolClass.id, pupils: 10, teachers: 1 }).expect(explain(201));

    const ofCompany = await organiser.get(`/api/v1/bookings?companyId=${company.id}`).expect(200);
    expect(ofCompany.body.items.map((b: { id: string }) => b.id)).toEqual([stand.body.id]);
    const ofSchool = await partner.get(`/api/v1/bookings?schoolId=${school.id}`).expect(200);
    expect(ofSchool.body.items.map((b: { id: string }) => b.id)).toEqual([visit.body.id]);
    // a member asking for another organisation's bookings sees none of them
    expect((await company.client.get(`/api/v1/bookings?schoolId=${school.id}`).expect(200)).body.items).toEqual([]);
    await organiser.get('/api/v1/bookings?companyId=keine-id').expect(400);

    const history = await organiser.get(`/api/v1/audit?entityType=company&entityId=${company.id}`).expect(200);
    const actions = history.body.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['approved', 'updated', 'member_deactivated', 'member_reactivated']));
    const deactivation = history.body.items.find((e: { action: string }) => e.action === 'member_deactivated');
    expect(deactivation).toMatchObject({ actorName: 'Staff organiser', changes: { member: { name: 'Karla Kündigt' }, reason: 'hat den Betrieb verlassen' } });

    // the organiser's page shows all of it in words
    const [organiserAccount] = await t.dataSource.query(`SELECT email FROM users WHERE role = 'organiser' LIMIT 1`);
    const desk = await PageVisitor.loggedIn(t, organiserAccount.email);
    const page = await desk.get(`/verwaltung/organisationen/unternehmen/${company.id}`).expect(200);
    for (const words of ['Tischlerei Span', 'Kyffhäuserkreis', 'freigeschaltet', 'Karla Kündigt', 'deaktiviert', 'Handwerkertag im Park', `/buchungen/${stand.body.id}`, 'Mitglied deaktiviert: Karla Kündigt', 'hat den Betrieb verlassen', 'Profil geändert: Ort, Landkreis']) {
      expect({ words, shown: page.text.includes(words) }).toEqual({ words, shown: true });
    }
    expect(page.text).not.toContain('Regelschule am Park');
    const list = await desk.get('/verwaltung/organisationen?art=schulen').expect(200);
    expect(list.text).toContain(`href="/verwaltung/organisationen/schulen/${school.id}"`);
    // the organiser opens the booking from there
    await desk.get(`/buchungen/${stand.body.id}`).expect(200);
  });
});
