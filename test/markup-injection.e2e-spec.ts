import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { Role } from '../src/common/identity/role';
import { OutboxWorker } from '../src/notifications/outbox-worker';
import { explain, memberFor, newClass, newCompany, newEvent, newPupil, newSchool, newStaff, PASSWORD, schoolProfile, standApplication } from './support/factories';
import { MARKUP } from './support/hostile-values';
import { startTestApp, TestApp } from './support/test-app';

/**
 * SQL and HTML typed into every kind of text field: stored and read back exactly as typed,
 * shown escaped in the pages, the attendee lists and the mails, and spreadsheet formulas
 * defused in exports. `MARKUP` would run as script if any of them let it through raw.
 */
const ESCAPED = '&lt;script&gt;alert(1)&lt;/script&gt;';
const FORMULA = '=HYPERLINK("http://boese.example","klick")';

describe('markup and SQL in text fields', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const pageAs = async (email: string, path: string) => {
    const agent = request.agent(t.http);
    await agent.post('/api/v1/auth/login').send({ email, password: PASSWORD }).expect(200);
    const res = await agent.get(path).expect(200);
    return res.text;
  };
  const expectEscaped = (html: string, where: string) => {
    expect({ where, raw: html.includes('<script>alert(1)') }).toEqual({ where, raw: false });
    expect({ where, escaped: html.includes(ESCAPED) }).toEqual({ where, escaped: true });
  };

  it('keeps it verbatim through the API and shows it escaped in pages, lists and mails', async () => {
    const organiserMember = await newStaff(t, Role.Organiser);
    const organiser = organiserMember.client;
    const company = await newCompany(t, { approvedBy: organiser, profile: { name: `${MARKUP} GmbH`, contactPerson: FORMULA, description: MARKUP } });
    const school = await newSchool(t, { approvedBy: organiser, profile: { name: `${MARKUP} Schule`, coordinator: MARKUP } });
    const schoolClass = await newClass(school.client, school.id, { name: MARKUP.slice(0, 20), classTeacher: MARKUP });
    const pupil = await newPupil(school.client, school.id, schoolClass.id, { firstName: MARKUP, lastName: FORMULA });
    const fair = await newEvent(organiser, 'handwerkertag', { title: MARKUP, description: MARKUP, venue: MARKUP });
    const stand = await company.client.post(`/api/v1/events/${fair.id}/stand-applications`, standApplication({ handsOnActivity: MARKUP, standSize: MARKUP.slice(0, 50) })).expect(explain(201));
    const cancelled = await company.client.post(`/api/v1/bookings/${stand.body.id}/cancel`, { reason: MARKUP }).expect(explain(200));

    // stored as given, read back verbatim
    expect((await company.client.get(`/api/v1/companies/${company.id}`).expect(200)).body).toMatchObject({ name: `${MARKUP} GmbH`, contactPerson: FORMULA, description: MARKUP });
    expect((await school.client.get(`/api/v1/schools/${school.id}/pupils/${pupil.id}`).expect(200)).body).toMatchObject({ firstName: MARKUP, lastName: FORMULA });
    expect((await school.client.get(`/api/v1/schools/${school.id}/classes/${schoolClass.id}`).expect(200)).body).toMatchObject({ classTeacher: MARKUP });
    expect((await request(t.http).get(`/api/v1/events/${fair.id}`).expect(200)).body).toMatchObject({ title: MARKUP, description: MARKUP, venue: MARKUP });
    expect(cancelled.body.status).toBe('cancelled');
    const history = await company.client.get(`/api/v1/bookings/${stand.body.id}/history`).expect(200);
    expect(JSON.stringify(history.body)).toContain(JSON.stringify(MARKUP).slice(1, -1));

    // the pages escape it
    expectEscaped(await pageAs(organiserMember.email, `/veranstaltungen/${fair.id}`), 'event page');
    expectEscaped(await pageAs(organiserMember.email, `/verwaltung/veranstaltungen/${fair.id}`), 'admin event page');
    expectEscaped(await pageAs(company.email, '/profil'), 'company profile');
    expectEscaped(await pageAs(company.email, '/buchungen'), 'bookings');
    expectEscaped(await pageAs(company.email, `/buchungen/${stand.body.id}`), 'booking with its cancel reason');
    expectEscaped(await pageAs(school.email, '/schule/klassen'), 'classes');
    expectEscaped(await pageAs(school.email, '/schule/schueler'), 'pupils');

    // the attendee lists: HTML escaped, CSV cells with formulas defused
    const applied = await company.client.post(`/api/v1/events/${fair.id}/stand-applications`, standApplication({ handsOnActivity: MARKUP })).expect(explain(201));
    await organiser.post(`/api/v1/bookings/${applied.body.id}/confirm`, { standNumber: 7 }).expect(explain(200)); // the list shows confirmed stands
    const html = await organiser.get(`/api/v1/events/${fair.id}/lists/stands?format=html`).expect(200);
    expectEscaped(html.text, 'stands list (HTML)');
    const csv = await organiser.get(`/api/v1/events/${fair.id}/lists/stands?format=csv`).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
    }).expect(200);
    const cells = (parse(csv.body as string, { delimiter: ';', bom: true, relax_column_count: true }) as string[][]).flat();
    expect(cells).toContain(`${MARKUP} GmbH`); // plain text in a CSV cell, quoted as needed
    expect(cells.filter((cell) => /^[=+\-@]/.test(cell))).toEqual([]);
    expect(cells).toContain(`'${FORMULA}`);

    // the mails: HTML bodies escape it (composed by the outbox worker or with the booking)
    await t.app.get(OutboxWorker).runOnce();
    await t.app.get(OutboxWorker).runOnce();
    const mails: Array<{ subject: string; html_body: string | null }> = await t.dataSource.query(`SELECT subject, html_body FROM outbox_mails WHERE html_body LIKE '%alert(1)%'`);
    expect(mails.length).toBeGreaterThan(0);
    for (const mail of mails) expectEscaped(mail.html_body!, `mail "${mail.subject}"`);
  }, 60_000);

  it('registers with markup in every profile field and member name without a change of meaning', async () => {
    const member = memberFor({ name: MARKUP });
    const res = await request(t.http).post('/api/v1/registrations/school').send({ school: schoolProfile({ name: MARKUP, coordinator: MARKUP, town: MARKUP }), member }).expect(201);
    expect(res.body.school).toMatchObject({ name: MARKUP, coordinator: MARKUP, town: MARKUP });
    expect(res.body.user.name).toBe(MARKUP);
  });
});
