import request from 'supertest';
import ICAL from 'ical.js';
import { Role } from '../src/common/identity/role';
import { ApplicationsService } from '../src/programs/praxistage/applications/applications.service';
import { ApplicationJobs } from '../src/programs/praxistage/applications/application-jobs';
import { ApiClient, explain, newClass, newCompany, newPupil, newSchool, newStaff } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';
import { approvedSteckbrief, newYear, participate, PupilClient, steckbrief } from './support/praxistage-year';

describe('Praxistage year: phases, Steckbriefe, pupils who apply, companies who choose', () => {
  let t: TestApp;
  let organiser: ApiClient;
  let partner: ApiClient;
  let year: Awaited<ReturnType<typeof newYear>>;
  let metall: Awaited<ReturnType<typeof newCompany>>;
  let elektro: Awaited<ReturnType<typeof newCompany>>;
  let school: Awaited<ReturnType<typeof newSchool>>;
  let otherSchool: Awaited<ReturnType<typeof newSchool>>;
  let classId: string;
  let letter: Awaited<ReturnType<typeof participate>>;
  let metallBrief: string;
  let elektroBrief: string;
  let mia: PupilClient;
  let ben: PupilClient;
  beforeAll(async () => {
    t = await startTestApp();
    organiser = (await newStaff(t, Role.Organiser)).client;
    partner = (await newStaff(t, Role.Partner)).client;
    year = await newYear(organiser, [1]);
    metall = await newCompany(t, { approvedBy: organiser, profile: { name: 'Metallbau Leinefelde' } });
    elektro = await newCompany(t, { approvedBy: organiser, profile: { name: 'Elektro Sondershausen' } });
    school = await newSchool(t, { approvedBy: organiser, profile: { name: 'Regelschule Bleicherode' } });
    otherSchool = await newSchool(t, { approvedBy: organiser, profile: { name: 'Regelschule Heringen' } });
    classId = (await newClass(school.client, school.id, { name: '8a', grade: 8 })).id;
    await newPupil(school.client, school.id, classId, { firstName: 'Mia', lastName: 'Arndt' });
    await newPupil(school.client, school.id, classId, { firstName: 'Ben', lastName: 'Brandt' });
  });
  afterAll(() => t.close());

  it('proposes four phases between the Thuringian holidays, on school days', () => {
    expect(year.phases.map((p) => [p.number, p.firstDay, p.lastDay])).toEqual([
      [1, '2027-02-08', '2027-03-19'],
      [2, '2027-04-05', '2027-07-09'],
      [3, '2027-08-23', '2027-10-08'],
      [4, '2027-10-25', '2028-02-04'],
    ]);
  });

  it('refuses a year whose holidays are missing, naming them', async () => {
    const res = await organiser.post('/api/v1/praxistage/years', { title: 'Zu früh', firstPhaseYear: 2031 }).expect(409);
    expect(res.body.code).toBe('school_holidays_missing');
    expect(res.body.detail).toContain('Winterferien 2031');
  });

  it('lets a school take part with a weekday and print a code letter for a class', async () => {
    letter = await participate(school.client, year.eventId, 3, classId);
    expect(letter.map((l) => l.firstName).sort()).toEqual(['Ben', 'Mia']);
    for (const line of letter) expect(Object.keys(line).sort()).toEqual(['className', 'code', 'firstName', 'lastName', 'pupilId']);
    const participants = await school.client.get(`/api/v1/praxistage/years/${year.eventId}/participants`).expect(200);
    expect(participants.body).toHaveLength(2);
    expect(participants.body[0]).toMatchObject({ weekday: 3, hasCode: true, mayStay: false, className: '8a' });
    // the codes are kept only as hashes
    const stored = await t.dataSource.query(`SELECT code_hash FROM praxistage_pupils`);
    for (const line of letter) expect(JSON.stringify(stored)).not.toContain(line.code);
    // another school sees none of it
    await otherSchool.client.patch(`/api/v1/praxistage/years/${year.eventId}/participants/${letter[0].pupilId}`, { mayStay: true }).expect(404);
  });

  it('shows a Steckbrief to pupils only once the organiser approved it', async () => {
    const draft = await metall.client.post(`/api/v1/praxistage/years/${year.eventId}/steckbriefe`, steckbrief({ places: [{ phase: 1, weekday: 3, places: 1 }, { phase: 2, weekday: 3, places: 2 }] })).expect(explain(201));
    metallBrief = draft.body.id;
    expect(draft.body).toMatchObject({ reviewStatus: 'draft', companyName: 'Metallbau Leinefelde' });
    expect(draft.body.places).toEqual([
      { phase: 1, weekday: 3, capacity: 1, booked: 0, free: 1 },
      { phase: 2, weekday: 3, capacity: 2, booked: 0, free: 2 },
    ]);
    await school.client.get(`/api/v1/praxistage/steckbriefe/${metallBrief}`).expect(404);
    await metall.client.post(`/api/v1/praxistage/steckbriefe/${metallBrief}/submit`).expect(200);
    const queue = await organiser.get(`/api/v1/praxistage/years/${year.eventId}/steckbriefe?status=submitted`).expect(200);
    expect(queue.body.items.map((s: { id: string }) => s.id)).toEqual([metallBrief]);
    const returned = await organiser.post(`/api/v1/praxistage/steckbriefe/${metallBrief}/review`, { decision: 'return', note: 'Bitte Arbeitszeiten prüfen' }).expect(200);
    expect(returned.body).toMatchObject({ reviewStatus: 'returned', reviewNote: 'Bitte Arbeitszeiten prüfen' });
    await metall.client.post(`/api/v1/praxistage/steckbriefe/${metallBrief}/submit`).expect(200);
    await organiser.post(`/api/v1/praxistage/steckbriefe/${metallBrief}/review`, { decision: 'approve' }).expect(200);
    await school.client.get(`/api/v1/praxistage/steckbriefe/${metallBrief}`).expect(200);
    elektroBrief = (await approvedSteckbrief(elektro.client, organiser, year.eventId, [{ phase: 1, weekday: 3, places: 2 }, { phase: 2, weekday: 3, places: 1 }], { occupationalField: 'Elektro', town: 'Sondershausen', district: 'kyffhaeuserkreis' })).id;
    // a one-term offer has no place in a year
    const single = await metall.client.post(`/api/v1/events/${year.eventId}/offers`, { occupationalField: 'Metall', weekdays: [3], placesPerWeekday: 1, dailyStart: '07:00', dailyEnd: '14:00', street: 'A 1', postalCode: '99734', town: 'Nordhausen', mentor: 'M', contactPerson: 'K', contactPhone: '03631 1', contactEmail: 'a@b.example' }).expect(409);
    expect(single.body.code).toBe('year_uses_steckbriefe');
  });

  it('lets a pupil in with the code from the letter, typed as a pupil types it, and with nothing else', async () => {
    const wrong = await request(t.http).post('/api/v1/pupil/login').send({ code: 'AAAA-BBBB-CCCC' }).expect(401);
    expect(wrong.body.code).toBe('pupil_code_invalid');
    const miaCode = letter.find((l) => l.firstName === 'Mia')!.code;
    mia = await PupilClient.login(t, miaCode.toLowerCase().replace(/-/g, ' '));
    ben = await PupilClient.login(t, letter.find((l) => l.firstName === 'Ben')!.code);
    const me = await mia.get('/api/v1/pupil/me').expect(200);
    expect(me.body).toMatchObject({ firstName: 'Mia', lastName: 'Arndt', className: '8a', weekday: 3 });
    await request(t.http).get('/api/v1/pupil/me').expect(401);
    // a pupil session is nobody on the members' routes
    await request(t.http).get('/api/v1/bookings').set('X-Pupil-Session', mia.session).expect(401);
  });

  it('finds Steckbriefe with a place on the pupil\'s weekday in the open phase, filtered by field and town', async () => {
    const all = await mia.get('/api/v1/pupil/steckbriefe').expect(200);
    expect(all.body).toMatchObject({ phase: 1, total: 2, fields: ['Elektro', 'Metall, Maschinenbau'], towns: ['Nordhausen', 'Sondershausen'] });
    expect(Object.keys(all.body.items[0])).not.toContain('contactPhone');
    const elektroOnly = await mia.get('/api/v1/pupil/steckbriefe?town=sonders').expect(200);
    expect(elektroOnly.body.items.map((s: { companyName: string }) => s.companyName)).toEqual(['Elektro Sondershausen']);
  });

  let miaToMetall: string;
  let benToMetall: string;
  it('takes applications, up to the limit, and tells the company', async () => {
    const applied = await mia.post('/api/v1/pupil/applications', { offerId: metallBrief, message: 'Ich schraube gern.' }).expect(explain(201));
    miaToMetall = applied.body.id;
    expect(applied.body).toMatchObject({ status: 'submitted', phase: 1, weekday: 3, companyName: 'Metallbau Leinefelde' });
    const again = await mia.post('/api/v1/pupil/applications', { offerId: metallBrief }).expect(409);
    expect(again.body.code).toBe('already_applied');
    benToMetall = (await ben.post('/api/v1/pupil/applications', { offerId: metallBrief }).expect(201)).body.id;
    await mia.post('/api/v1/pupil/applications', { offerId: elektroBrief }).expect(201);
    const unknown = await mia.post('/api/v1/pupil/applications', { offerId: '00000000-0000-4000-8000-000000000000' }).expect(400);
    expect(unknown.body.errors[0]).toMatchObject({ field: 'offerId' });
    const mails = await t.dataSource.query(`SELECT subject FROM outbox_mails WHERE kind = 'application-received' ORDER BY created_at`);
    expect(mails[0].subject).toBe('Neue Bewerbung für den Praxistag: Mia Arndt');
  });

  it('shows a company its applications with what it needs and nothing more', async () => {
    const list = await metall.client.get(`/api/v1/praxistage/years/${year.eventId}/applications?phase=1`).expect(200);
    expect(list.body).toHaveLength(2);
    const application = list.body.find((a: { id: string }) => a.id === miaToMetall);
    expect(application).toMatchObject({ firstName: 'Mia', lastName: 'Arndt', className: '8a', schoolName: 'Regelschule Bleicherode', message: 'Ich schraube gern.' });
    expect(Object.keys(application)).not.toContain('pupilId');
    // another company's application is not there
    await elektro.client.post(`/api/v1/praxistage/applications/${miaToMetall}/offer`).expect(404);
  });

  it('invites, offers the place (taken at once), and refuses a second offer on the full day', async () => {
    const invited = await metall.client.post(`/api/v1/praxistage/applications/${miaToMetall}/interview`, { at: '2027-01-20T14:00', place: 'Werkstatt', note: 'Arbeitsschuhe mitbringen' }).expect(explain(200));
    expect(invited.body.status).toBe('interview');
    const [interviewMail] = await t.dataSource.query(`SELECT recipient, text_body FROM outbox_mails WHERE kind = 'application-interview'`);
    expect(interviewMail.recipient).toBe(school.email);
    expect(interviewMail.text_body).toContain('Werkstatt');
    const offered = await metall.client.post(`/api/v1/praxistage/applications/${miaToMetall}/offer`).expect(explain(200));
    expect(offered.body.status).toBe('offered');
    const held = (new Date(offered.body.offeredUntil).getTime() - Date.now()) / 86400_000;
    expect(held).toBeGreaterThan(6.9);
    expect(held).toBeLessThan(7.1);
    const full = await metall.client.post(`/api/v1/praxistage/applications/${benToMetall}/offer`).expect(409);
    expect(full.body.code).toBe('no_place_free');
    const brief = await metall.client.get(`/api/v1/praxistage/steckbriefe/${metallBrief}`).expect(200);
    expect(brief.body.places[0]).toMatchObject({ phase: 1, capacity: 1, booked: 1, free: 0 });
  });

  it('confirms the placement when the pupil accepts, withdraws the other applications of the phase and frees their places', async () => {
    const elektroApplication = (await mia.get('/api/v1/pupil/applications').expect(200)).body.find((a: { companyName: string }) => a.companyName === 'Elektro Sondershausen');
    await elektro.client.post(`/api/v1/praxistage/applications/${elektroApplication.id}/offer`).expect(200);
    const accepted = await mia.post(`/api/v1/pupil/applications/${miaToMetall}/accept`).expect(explain(200));
    expect(accepted.body.status).toBe('accepted');
    const mine = await mia.get('/api/v1/pupil/applications').expect(200);
    expect(mine.body.find((a: { id: string }) => a.id === elektroApplication.id)).toMatchObject({ status: 'withdrawn' });
    const elektroPlaces = await elektro.client.get(`/api/v1/praxistage/steckbriefe/${elektroBrief}`).expect(200);
    expect(elektroPlaces.body.places[0]).toMatchObject({ phase: 1, booked: 0 });

    // the placement is the phase's weekly series on Wednesdays, with its calendar entry
    const bookingId = accepted.body.bookingId;
    const booking = await school.client.get(`/api/v1/bookings/${bookingId}`).expect(200);
    expect(booking.body).toMatchObject({ kind: 'placement', status: 'confirmed', weekday: 3, firstDate: '2027-02-08', lastDate: '2027-03-19' });
    const dates = await metall.client.get(`/api/v1/bookings/${bookingId}/dates`).expect(200);
    expect(dates.body.days.map((d: { date: string }) => d.date)).toEqual(['2027-02-10', '2027-02-17', '2027-02-24', '2027-03-03', '2027-03-10', '2027-03-17']);
    const ics = await school.client.get(`/api/v1/bookings/${bookingId}/calendar.ics`).expect(200);
    const vevent = new ICAL.Component(ICAL.parse(ics.text)).getFirstSubcomponent('vevent')!;
    expect(String(vevent.getFirstPropertyValue('rrule'))).toContain('FREQ=WEEKLY');
    expect(String(vevent.getFirstPropertyValue('summary'))).toContain('Mia Arndt');

    const again = await mia.post('/api/v1/pupil/applications', { offerId: elektroBrief }).expect(409);
    expect(again.body.code).toBe('already_placed_this_phase');
  });

  it('refuses the same company or field in a later phase, unless the school lets the pupil stay', async () => {
    await openPhaseTwo();
    const sameCompany = await mia.post('/api/v1/pupil/applications', { offerId: metallBrief }).expect(409);
    expect(sameCompany.body.code).toBe('same_company_again');
    const other = await approvedSteckbrief(
      (await newCompany(t, { approvedBy: organiser, profile: { name: 'Schlosserei Ellrich' } })).client,
      organiser,
      year.eventId,
      [{ phase: 2, weekday: 3, places: 1 }],
    );
    const sameField = await mia.post('/api/v1/pupil/applications', { offerId: other.id }).expect(409);
    expect(sameField.body.code).toBe('same_field_again');
    expect(sameField.body.detail).toContain('Berufsfeld');
    await mia.post('/api/v1/pupil/applications', { offerId: elektroBrief }).expect(201);
    // the school lets Mia stay (as a Förderzentrum may): the same company and field are fine
    const miaId = letter.find((l) => l.firstName === 'Mia')!.pupilId;
    await school.client.patch(`/api/v1/praxistage/years/${year.eventId}/participants/${miaId}`, { mayStay: true }).expect(200);
    await mia.post('/api/v1/pupil/applications', { offerId: metallBrief }).expect(explain(201));
    await mia.post('/api/v1/pupil/applications', { offerId: other.id }).expect(explain(201));
    const limit = await mia.post('/api/v1/pupil/applications', { offerId: '00000000-0000-4000-8000-000000000000' }).expect(409);
    expect(limit.body).toMatchObject({ code: 'application_limit_reached' });
    expect(limit.body.detail).toContain('3-mal');
    await school.client.patch(`/api/v1/praxistage/years/${year.eventId}/participants/${miaId}`, { mayStay: false }).expect(200);
  });

  it('lets an offer lapse after its deadline and frees the place', async () => {
    const benToElektro = (await ben.post('/api/v1/pupil/applications', { offerId: elektroBrief }).expect(201)).body;
    expect(benToElektro.phase).toBe(2);
    await elektro.client.post(`/api/v1/praxistage/applications/${benToElektro.id}/offer`).expect(200);
    let places = (await elektro.client.get(`/api/v1/praxistage/steckbriefe/${elektroBrief}`).expect(200)).body.places;
    expect(places.find((p: { phase: number }) => p.phase === 2)).toMatchObject({ booked: 1 });
    await t.dataSource.query(`UPDATE praxistage_applications SET offered_until = now() - interval '1 minute' WHERE id = $1`, [benToElektro.id]);
    const late = await ben.post(`/api/v1/pupil/applications/${benToElektro.id}/accept`).expect(409);
    expect(late.body.code).toBe('offer_lapsed');
    expect(await t.app.get(ApplicationsService).lapseDue()).toBe(1);
    const mine = await ben.get('/api/v1/pupil/applications').expect(200);
    expect(mine.body.find((a: { id: string }) => a.id === benToElektro.id)).toMatchObject({ status: 'lapsed' });
    places = (await elektro.client.get(`/api/v1/praxistage/steckbriefe/${elektroBrief}`).expect(200)).body.places;
    expect(places.find((p: { phase: number }) => p.phase === 2)).toMatchObject({ booked: 0 });
  });

  it('shows the school where each pupil stands and the organiser the Plan C list', async () => {
    const classes = await school.client.get(`/api/v1/praxistage/years/${year.eventId}/classes`).expect(200);
    expect(classes.body[0].className).toBe('8a');
    expect(classes.body[0].pupils.find((p: { firstName: string }) => p.firstName === 'Mia').phases).toMatchObject({ 1: 'placed', 2: 'applied', 3: 'nothing' });
    expect(classes.body[0].totals[1]).toEqual({ placed: 1, offer: 0, applied: 1, nothing: 0 });
    const planC = await organiser.get(`/api/v1/praxistage/years/${year.eventId}/plan-c?withinDays=120`).expect(200);
    expect(planC.body.filter((row: { phase: number }) => row.phase === 1).map((row: { firstName: string }) => row.firstName)).toEqual(['Ben']);
    const schools = await partner.get(`/api/v1/praxistage/years/${year.eventId}/schools`).expect(200);
    expect(schools.body.find((r: { phase: number }) => r.phase === 1)).toMatchObject({ schoolName: 'Regelschule Bleicherode', placed: 1, applied: 1 });
    const fields = await partner.get(`/api/v1/praxistage/years/${year.eventId}/fields`).expect(200);
    expect(fields.body.find((r: { phase: number; occupationalField: string }) => r.phase === 1 && r.occupationalField === 'Metall, Maschinenbau')).toMatchObject({ offered: 1, wanted: 2 });
    await school.client.get(`/api/v1/praxistage/years/${year.eventId}/schools`).expect(403);
  });

  it('records what came of a placement: counted per district and field for the partners', async () => {
    const placement = (await mia.get('/api/v1/pupil/applications').expect(200)).body.find((a: { status: string }) => a.status === 'accepted');
    await elektro.client.post('/api/v1/praxistage/outcomes', { bookingId: placement.bookingId, kind: 'apprenticeship' }).expect(400);
    await metall.client.post('/api/v1/praxistage/outcomes', { bookingId: placement.bookingId, kind: 'apprenticeship' }).expect(explain(201));
    const outcomes = await partner.get(`/api/v1/praxistage/years/${year.eventId}/outcomes`).expect(200);
    expect(outcomes.body).toEqual([{ district: 'nordhausen', occupationalField: 'Metall, Maschinenbau', apprenticeships: 1, internships: 0 }]);
  });

  it('sends the week\'s digests once, whichever instance gets there: unanswered applications to companies, unplaced pupils only within four weeks of a phase', async () => {
    const jobs = t.app.get(ApplicationJobs);
    expect(await jobs.sendDigests()).toBe(true);
    expect(await jobs.sendDigests()).toBe(false);
    const digests = await t.dataSource.query(`SELECT kind, recipient, text_body FROM outbox_mails WHERE kind IN ('applications-digest', 'unplaced-digest')`);
    const toMetall = digests.find((m: { recipient: string }) => m.recipient === metall.email);
    expect(toMetall.text_body).toContain('Ben Brandt');
    // the year's first phase starts more than four weeks from now: no school is told of unplaced pupils yet
    expect(digests.filter((m: { kind: string }) => m.kind === 'unplaced-digest')).toEqual([]);
  });

  it('tells each coordinator once a week which pupils are still without a place when a phase begins within four weeks', async () => {
    const day = (days: number) => new Date(Date.now() + days * 86400_000).toISOString().slice(0, 10);
    const soon = await organiser
      .post('/api/v1/praxistage/years', {
        title: 'Tag in der Praxis bald',
        firstPhaseYear: Number(day(10).slice(0, 4)),
        phases: [10, 60, 110, 160].map((start) => ({ firstDay: day(start), lastDay: day(start + 40) })),
      })
      .expect(explain(201));
    const eventId: string = soon.body.eventId;
    await organiser.post(`/api/v1/events/${eventId}/status`, { status: 'published' }).expect(explain(200));
    await organiser
      .patch(`/api/v1/praxistage/years/${eventId}/phases/1`, { applicationsOpenAt: new Date(Date.now() - 3600_000).toISOString(), applicationsCloseAt: new Date(Date.now() + 86400_000).toISOString() })
      .expect(explain(200));
    const pupils = await participate(school.client, eventId, 3, classId);
    const [placed, unplaced] = [pupils.find((p) => p.firstName === 'Mia')!, pupils.find((p) => p.firstName === 'Ben')!];
    const brief = await approvedSteckbrief(elektro.client, organiser, eventId, [{ phase: 1, weekday: 3, places: 1 }]);
    const applied = await school.client.post(`/api/v1/praxistage/years/${eventId}/participants/${placed.pupilId}/applications`, { offerId: brief.id }).expect(explain(201));
    await elektro.client.post(`/api/v1/praxistage/applications/${applied.body.id}/offer`).expect(explain(200));
    await school.client.post(`/api/v1/praxistage/years/${eventId}/participants/${placed.pupilId}/applications/${applied.body.id}/accept`).expect(explain(200));

    // a new week: its digests have not gone out yet
    await t.dataSource.query(`DELETE FROM praxistage_digest_runs`);
    await t.dataSource.query(`DELETE FROM outbox_mails WHERE kind = 'unplaced-digest'`);
    expect(await t.app.get(ApplicationJobs).sendDigests()).toBe(true);
    const digests = await t.dataSource.query(`SELECT recipient, subject, text_body FROM outbox_mails WHERE kind = 'unplaced-digest'`);
    expect(digests.map((m: { recipient: string }) => m.recipient)).toEqual([school.email]);
    expect(digests[0].text_body).toContain(`${unplaced.lastName}, ${unplaced.firstName} (8a)`);
    expect(digests[0].text_body).not.toContain(placed.lastName);
    // the other school takes no part: it gets nothing
    expect(digests.some((m: { recipient: string }) => m.recipient === otherSchool.email)).toBe(false);
  });

  it('answers a phase that does not exist with 404', async () => {
    for (const phase of ['5', 'x', '0']) {
      const res = await organiser.patch(`/api/v1/praxistage/years/${year.eventId}/phases/${phase}`, { applicationsCloseAt: '2027-02-20T00:00' }).expect(404);
      expect(res.body.code).toBe('not_found');
    }
  });

  it('ends a pupil\'s sessions when the school revokes the code, and a new code works', async () => {
    const ben2 = letter.find((l) => l.firstName === 'Ben')!;
    await school.client.delete(`/api/v1/praxistage/years/${year.eventId}/participants/${ben2.pupilId}/code`).expect(204);
    await ben.get('/api/v1/pupil/me').expect(401);
    await request(t.http).post('/api/v1/pupil/login').send({ code: ben2.code }).expect(401);
    const [fresh] = (await school.client.post(`/api/v1/praxistage/years/${year.eventId}/codes`, { pupilIds: [ben2.pupilId] }).expect(200)).body;
    ben = await PupilClient.login(t, fresh.code);
    // a pupil sees nothing of another pupil: Mia's application answers 404 to Ben
    await ben.post(`/api/v1/pupil/applications/${miaToMetall}/withdraw`).expect(404);
  });

  it('lets a pupil placed in one open phase apply in the next one open beside it', async () => {
    // phase 1's window opened again while phase 2's is open: the windows of neighbouring phases may overlap
    await organiser
      .patch(`/api/v1/praxistage/years/${year.eventId}/phases/1`, { applicationsOpenAt: new Date(Date.now() - 7200_000).toISOString(), applicationsCloseAt: new Date(Date.now() + 3600_000).toISOString() })
      .expect(explain(200));
    // Mia has her place in phase 1: she looks for phase 2; Ben has none in phase 1 yet
    expect((await mia.get('/api/v1/pupil/steckbriefe').expect(200)).body.phase).toBe(2);
    expect((await ben.get('/api/v1/pupil/steckbriefe').expect(200)).body.phase).toBe(1);
  });

  it('keeps a school\'s weekday while its pupils hold applications or places for that day', async () => {
    const res = await school.client.put(`/api/v1/praxistage/years/${year.eventId}/participation`, { weekday: 2 }).expect(409);
    expect(res.body.code).toBe('weekday_in_use');
    expect((await school.client.get(`/api/v1/praxistage/years/${year.eventId}/participation`).expect(200)).body.weekday).toBe(3);
  });

  it('sends an approved Steckbrief whose texts the company changes back to review; pupils see it again once approved', async () => {
    const brief = await approvedSteckbrief(elektro.client, organiser, year.eventId, [{ phase: 2, weekday: 3, places: 1 }], { occupationalField: 'Energie' });
    await mia.get(`/api/v1/pupil/steckbriefe/${brief.id}`).expect(200);
    const changed = await elektro.client.patch(`/api/v1/praxistage/steckbriefe/${brief.id}`, { tasks: 'Jetzt auch Solaranlagen' }).expect(explain(200));
    expect(changed.body.reviewStatus).toBe('submitted');
    await mia.get(`/api/v1/pupil/steckbriefe/${brief.id}`).expect(404);
    await organiser.post(`/api/v1/praxistage/steckbriefe/${brief.id}/review`, { decision: 'approve' }).expect(explain(200));
    expect((await mia.get(`/api/v1/pupil/steckbriefe/${brief.id}`).expect(200)).body.tasks).toBe('Jetzt auch Solaranlagen');
    // the organiser's own corrections need no second look
    expect((await organiser.patch(`/api/v1/praxistage/steckbriefe/${brief.id}`, { mentor: 'Frau Strom' }).expect(200)).body.reviewStatus).toBe('approved');
  });

  async function openPhaseTwo() {
    await organiser
      .patch(`/api/v1/praxistage/years/${year.eventId}/phases/1`, { applicationsCloseAt: new Date(Date.now() - 60_000).toISOString(), applicationsOpenAt: new Date(Date.now() - 7200_000).toISOString() })
      .expect(explain(200));
    await organiser
      .patch(`/api/v1/praxistage/years/${year.eventId}/phases/2`, { applicationsOpenAt: new Date(Date.now() - 60_000).toISOString(), applicationsCloseAt: new Date(Date.now() + 86400_000).toISOString() })
      .expect(explain(200));
  }
});
