import * as ical from 'node-ical';
import request from 'supertest';
import { Role } from '../src/common/identity/role';
import { OutboxWorker } from '../src/notifications/outbox-worker';
import { Reminders } from '../src/notifications/reminders';
import { ApiClient, explain, inDays, newClass, newCompany, newEvent, newPupil, newSchool, newStaff, newTimeSlot, PASSWORD, standApplication } from './support/factories';
import { TestMailServer } from './support/mail-server';
import { startTestApp, TestApp } from './support/test-app';

const icsOf = (mail: Parameters<typeof TestMailServer.calendarOf>[0]) => {
  const text = TestMailServer.calendarOf(mail);
  if (!text) return undefined;
  const entry = Object.values(ical.sync.parseICS(text)).find((c) => c?.type === 'VEVENT') as ical.VEvent;
  return { text, method: /METHOD:(\w+)/.exec(text)?.[1], uid: entry.uid, sequence: Number(entry.sequence), status: entry.status };
};

describe('what each booking change mails, to whom, in which language', () => {
  const inbox = new TestMailServer();
  let t: TestApp;
  let organiser: ApiClient;
  let send: () => Promise<number>;
  beforeAll(async () => {
    await inbox.start();
    t = await startTestApp({ SMTP_URL: inbox.url, REMINDER_DAYS_BEFORE: '3' });
    organiser = (await newStaff(t, Role.Organiser)).client;
    send = () => t.app.get(OutboxWorker).runOnce();
  });
  afterAll(async () => {
    await t.close();
    await inbox.stop();
  });

  /** A school with a German and an English-speaking member (the second joined by the invitation mail). */
  async function bilingualSchool() {
    const school = await newSchool(t, { approvedBy: organiser });
    await school.client.post('/api/v1/invitations', { email: `kollege-${school.id.slice(0, 8)}@schule.example` }).expect(201);
    await send();
    const [invitation] = inbox.to(`kollege-${school.id.slice(0, 8)}@schule.example`);
    expect(invitation.subject).toMatch(/^Einladung zu Praxisnah von /);
    const link = /https?:\/\/\S+einladung\?token=(\S+)/.exec(invitation.text!)!;
    const colleague = request.agent(t.http);
    await colleague.post('/api/v1/invitations/accept').send({ token: link[1], name: 'Sam Teacher', password: PASSWORD, locale: 'en' }).expect(201);
    return { ...school, englishEmail: `kollege-${school.id.slice(0, 8)}@schule.example` };
  }

  it('confirms a class visit to every school member in their language, with an invitation for the calendar', async () => {
    const fair = await newEvent(organiser, 'handwerkertag', { title: 'Handwerkertag <2027>' });
    const slot = await newTimeSlot(organiser, fair.id, 30);
    const school = await bilingualSchool();
    const schoolClass = await newClass(school.client, school.id, { name: '9b' });
    const visit = await school.client.post(`/api/v1/events/${fair.id}/class-visits`, { timeSlotId: slot.id, schoolClassId: schoolClass.id, pupils: 25, teachers: 2 }).expect(201);
    await send();
    const [german] = inbox.to(school.email).filter((m) => m.subject?.startsWith('Buchung bestätigt'));
    const [english] = inbox.to(school.englishEmail).filter((m) => m.subject?.startsWith('Booking confirmed'));
    expect(german.subject).toBe('Buchung bestätigt: Handwerkertag <2027>');
    expect(english.subject).toBe('Booking confirmed: Handwerkertag <2027>');
    expect(english.text).toContain('Class 9b');
    expect(german.html).toContain('Handwerkertag &lt;2027&gt;'); // what users type never becomes markup
    expect(german.html).not.toContain('<2027>');
    const invite = icsOf(german)!;
    expect(invite).toMatchObject({ method: 'REQUEST', uid: `booking-${visit.body.id}@praxisnah`, status: 'CONFIRMED' });

    // the next class does not fit: waiting list, and no calendar entry yet
    const big = await newClass(school.client, school.id, { name: '9c' });
    const waiting = await school.client.post(`/api/v1/events/${fair.id}/class-visits`, { timeSlotId: slot.id, schoolClassId: big.id, pupils: 20, teachers: 1 }).expect(201);
    await send();
    const [waitMail] = inbox.to(school.email).filter((m) => m.subject?.startsWith('Warteliste'));
    expect(waitMail.text).toContain('Warteliste');
    expect(icsOf(waitMail)).toBeUndefined();

    // cancelling: the entry is withdrawn (same UID, higher SEQUENCE), saying who cancelled; the waiting class moves up
    await school.client.post(`/api/v1/bookings/${visit.body.id}/cancel`, { reason: 'Wandertag' }).expect(200);
    await send();
    const [cancelMail] = inbox.to(school.email).filter((m) => m.subject?.startsWith('Storniert'));
    expect(cancelMail.text).toMatch(/wurde von Anna Beispiel \(Regelschule [0-9a-f]+\) storniert/);
    expect(cancelMail.text).toContain('Grund: Wandertag');
    const cancel = icsOf(cancelMail)!;
    expect(cancel).toMatchObject({ method: 'CANCEL', uid: invite.uid, status: 'CANCELLED' });
    expect(cancel.sequence).toBeGreaterThan(invite.sequence);
    const [promoted] = inbox.to(school.englishEmail).filter((m) => m.subject?.startsWith('A place became free'));
    expect(promoted.text).toContain('is now confirmed');
    expect(icsOf(promoted)).toMatchObject({ method: 'REQUEST', uid: `booking-${waiting.body.id}@praxisnah` });
  });

  it('tells a company its stand application is received, and why it was rejected', async () => {
    const fair = await newEvent(organiser, 'handwerkertag', { title: 'Messe' });
    const company = await newCompany(t, { approvedBy: organiser });
    const stand = await company.client.post(`/api/v1/events/${fair.id}/stand-applications`, standApplication()).expect(201);
    await organiser.post(`/api/v1/bookings/${stand.body.id}/reject`, { reason: 'Zu spät eingegangen' }).expect(200);
    await send();
    const subjects = inbox.to(company.email).map((m) => m.subject);
    expect(subjects).toEqual(expect.arrayContaining(['Anmeldung eingegangen: Messe', 'Anmeldung abgelehnt: Messe']));
    const received = inbox.to(company.email).find((m) => m.subject === 'Anmeldung eingegangen: Messe')!;
    expect(icsOf(received)).toMatchObject({ method: 'REQUEST', status: 'TENTATIVE' });
    const rejected = inbox.to(company.email).find((m) => m.subject === 'Anmeldung abgelehnt: Messe')!;
    expect(rejected.text).toContain('Begründung: Zu spät eingegangen');
    expect(icsOf(rejected)).toMatchObject({ method: 'CANCEL' });
  });

  it('tells both sides of a placement and of a session', async () => {
    const company = await newCompany(t, { approvedBy: organiser, profile: { name: 'Gärtnerei Grün' } });
    const school = await newSchool(t, { approvedBy: organiser });
    const term = await newEvent(organiser, 'praxistage', { startsOn: '2027-02-08', endsOn: '2027-06-30' });
    const offer = await company.client
      .post(`/api/v1/events/${term.id}/offers`, {
        occupationalField: 'Gartenbau', weekdays: [3], placesPerWeekday: 2, dailyStart: '08:00', dailyEnd: '13:00',
        street: 'Gartenweg 1', postalCode: '99734', town: 'Nordhausen', mentor: 'Frau Rose', contactPerson: 'Herr Tulpe',
        contactPhone: '03631 777', contactEmail: 'gruen@gaertnerei.example',
      })
      .expect(explain(201));
    const pupil = await newPupil(school.client, school.id, (await newClass(school.client, school.id, { name: '8d' })).id, { firstName: 'Ella', lastName: 'Blatt' });
    const placement = await school.client.post(`/api/v1/events/${term.id}/placements`, { offerId: offer.body.id, weekday: 3, pupilId: pupil.id }).expect(201);
    await company.client.post(`/api/v1/bookings/${placement.body.id}/cancelled-days`, { date: '2027-03-10', reason: 'Betriebsausflug' }).expect(201);
    await send();
    for (const email of [company.email, school.email]) {
      const mails = inbox.to(email).filter((m) => m.subject?.includes('Praxis') || m.subject?.startsWith('Buchung bestätigt'));
      expect(mails.map((m) => m.subject)).toEqual(expect.arrayContaining(['Buchung bestätigt: Praxistage 2. Halbjahr', 'Praxistag fällt aus: 10.03.2027']));
      const dayOff = mails.find((m) => m.subject === 'Praxistag fällt aus: 10.03.2027')!;
      expect(dayOff.text).toContain('Ella Blatt');
      expect(dayOff.text).toContain('Grund: Betriebsausflug');
      expect(icsOf(dayOff)!.text).toMatch(/EXDATE;TZID=Europe\/Berlin:[^\r\n]*20270310T080000/);
    }

    const day = await newEvent(organiser, 'schule-trifft-wirtschaft', { hostSchoolId: school.id });
    const period = await school.client.post(`/api/v1/events/${day.id}/periods`, { number: 1, startsAt: '2027-03-10T08:00', endsAt: '2027-03-10T08:45' }).expect(201);
    const eventClass = await school.client.post(`/api/v1/events/${day.id}/classes`, { schoolClassId: (await newClass(school.client, school.id)).id }).expect(201);
    await company.client.post(`/api/v1/events/${day.id}/registrations`).expect(201);
    await company.client.post(`/api/v1/events/${day.id}/sessions`, { eventClassId: eventClass.body.id, periodId: period.body.id }).expect(201);
    await send();
    for (const email of [company.email, school.email]) {
      expect(inbox.to(email).some((m) => m.subject === 'Buchung bestätigt: Schule trifft Wirtschaft' && /Gärtnerei Grün \(Team 1\) stellt sich in Klasse/.test(m.text ?? ''))).toBe(true);
    }
  });

  it('sends an updated calendar entry to every booker when the event moves', async () => {
    const fair = await newEvent(organiser, 'handwerkertag', { title: 'Verschoben', startsOn: '2027-05-08', endsOn: '2027-05-08' });
    const company = await newCompany(t, { approvedBy: organiser });
    const stand = await company.client.post(`/api/v1/events/${fair.id}/stand-applications`, standApplication()).expect(201);
    await organiser.post(`/api/v1/bookings/${stand.body.id}/confirm`, { standNumber: 1 }).expect(200);
    await send();
    const before = icsOf(inbox.to(company.email).find((m) => m.subject === 'Buchung bestätigt: Verschoben')!)!;
    await organiser.patch(`/api/v1/events/${fair.id}`, { startsOn: '2027-05-15', endsOn: '2027-05-15', venue: 'Marktplatz Nordhausen' }).expect(200);
    await organiser.patch(`/api/v1/events/${fair.id}`, { description: 'nur der Text' }).expect(200); // moves nobody: no mail
    await send();
    const changed = inbox.to(company.email).filter((m) => m.subject === 'Buchung geändert: Verschoben');
    expect(changed).toHaveLength(1);
    expect(changed[0].text).toContain('Wo: Marktplatz Nordhausen');
    const after = icsOf(changed[0])!;
    expect(after).toMatchObject({ method: 'REQUEST', uid: before.uid });
    expect(after.sequence).toBeGreaterThan(before.sequence);
    expect(after.text).toMatch(/DTSTART;VALUE=DATE:20270515/);
  });

  it('mails registration and approval to a new organisation', async () => {
    const school = await newSchool(t, { approvedBy: organiser, profile: { name: 'Franzbergschule Sondershausen' } });
    await send();
    expect(inbox.to(school.email).map((m) => m.subject)).toEqual(
      expect.arrayContaining(['Registrierung eingegangen: Franzbergschule Sondershausen', 'Freigeschaltet: Franzbergschule Sondershausen']),
    );
  });

  it('resets a forgotten password through a link that works once', async () => {
    const company = await newCompany(t);
    const agent = request.agent(t.http);
    await agent.post('/api/v1/auth/login').send({ email: company.email, password: PASSWORD }).expect(200);
    await request(t.http).post('/api/v1/auth/password-reset').send({ email: company.email.toUpperCase() }).expect(202);
    await request(t.http).post('/api/v1/auth/password-reset').send({ email: 'niemand@example.org' }).expect(202); // same answer
    await send();
    const [mail] = inbox.to(company.email).filter((m) => m.subject === 'Neues Passwort für Praxisnah');
    const token = /passwort-neu\?token=(\S+)/.exec(mail.text!)![1];
    expect(inbox.to('niemand@example.org')).toEqual([]);

    const weak = await request(t.http).post('/api/v1/auth/password-reset/confirm').send({ token, password: 'kurz' }).expect(400);
    expect(weak.body.errors[0].field).toBe('password');
    await request(t.http).post('/api/v1/auth/password-reset/confirm').send({ token, password: 'ganz-neues-passwort' }).expect(204);
    await agent.get('/api/v1/auth/me').expect(401); // every session ended
    await request(t.http).post('/api/v1/auth/login').send({ email: company.email, password: 'ganz-neues-passwort' }).expect(200);
    const again = await request(t.http).post('/api/v1/auth/password-reset/confirm').send({ token, password: 'noch-ein-passwort' }).expect(404);
    expect(again.body.code).toBe('password_reset_invalid');
  });

  it('reminds once, a few days before', async () => {
    const soon = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const fair = await newEvent(organiser, 'handwerkertag', { title: 'Bald', startsOn: soon, endsOn: soon, registrationClosesAt: inDays(1), cancellationDeadline: inDays(1) });
    const company = await newCompany(t, { approvedBy: organiser });
    const stand = await company.client.post(`/api/v1/events/${fair.id}/stand-applications`, standApplication()).expect(201);
    await organiser.post(`/api/v1/bookings/${stand.body.id}/confirm`, { standNumber: 3 }).expect(200);
    const reminders = t.app.get(Reminders);
    expect(await reminders.runOnce()).toBeGreaterThanOrEqual(1);
    expect(await reminders.runOnce()).toBe(0); // not twice
    await send();
    const reminder = inbox.to(company.email).filter((m) => m.subject?.startsWith('Erinnerung: Bald am '));
    expect(reminder).toHaveLength(1);
    expect(reminder[0].text).toContain('Stand Nr. 3');
  });
});
