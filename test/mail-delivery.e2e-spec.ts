import { DataSource } from 'typeorm';
import { Role } from '../src/common/identity/role';
import { BookingEngine } from '../src/bookings/booking-engine';
import { Event } from '../src/events/event.entity';
import { BookingChangeMails } from '../src/notifications/booking-change-mails';
import { OutboxWorker } from '../src/notifications/outbox-worker';
import { ApiClient, newClass, newEvent, newSchool, newStaff, newTimeSlot } from './support/factories';
import { TestMailServer } from './support/mail-server';
import { startTestApp, TestApp } from './support/test-app';

const pending = async (t: TestApp) =>
  (await t.dataSource.query(`SELECT count(*)::int AS n FROM outbox_mails WHERE status = 'pending'`))[0].n as number;
const unnotified = async (t: TestApp) =>
  (await t.dataSource.query(`SELECT count(*)::int AS n FROM booking_changes WHERE notified_at IS NULL`))[0].n as number;

async function bookVisit(t: TestApp, organiser: ApiClient) {
  const fair = await newEvent(organiser, 'handwerkertag', { title: 'Deine Region dein Handwerk' });
  const slot = await newTimeSlot(organiser, fair.id, 100);
  const school = await newSchool(t, { approvedBy: organiser });
  const schoolClass = await newClass(school.client, school.id, { name: '8a' });
  const visit = await school.client
    .post(`/api/v1/events/${fair.id}/class-visits`, { timeSlotId: slot.id, schoolClassId: schoolClass.id, pupils: 20, teachers: 2 })
    .expect(201);
  return { fair, slot, school, visit: visit.body as { id: string } };
}

describe('mail delivery through a real SMTP server', () => {
  const inbox = new TestMailServer();
  let t: TestApp;
  let organiser: ApiClient;
  let worker: OutboxWorker;
  beforeAll(async () => {
    await inbox.start();
    t = await startTestApp({ SMTP_URL: inbox.url, MAIL_RETRY_BASE_SECONDS: '1', MAIL_MAX_ATTEMPTS: '3', MAIL_FROM: 'Regionalmanagement <rm@praxisnah.example>' });
    organiser = (await newStaff(t, Role.Organiser)).client;
    worker = t.app.get(OutboxWorker);
  });
  afterAll(async () => {
    await t.close();
    await inbox.stop();
  });

  it('delivers the booking confirmation with a calendar invitation into the inbox', async () => {
    const { school } = await bookVisit(t, organiser);
    await worker.runOnce();
    const [mail] = inbox.to(school.email).filter((m) => m.subject?.startsWith('Buchung bestätigt'));
    expect(mail).toBeDefined();
    expect(mail.subject).toBe('Buchung bestätigt: Deine Region dein Handwerk');
    expect(mail.from?.text).toContain('rm@praxisnah.example');
    expect(mail.text).toContain('Klasse 8a');
    expect(mail.text).toContain('mit 20 Schülerinnen und Schülern und 2 Lehrkräften');
    expect(mail.html).toContain('<p>');
    const ics = TestMailServer.calendarOf(mail)!;
    expect(ics).toMatch(/METHOD:REQUEST/);
    expect(ics).toMatch(/BEGIN:VTIMEZONE\r?\nTZID:Europe\/Berlin/);
    expect(ics).toMatch(/DTSTART;TZID=Europe\/Berlin:20270508T083000/);
    const [row] = await t.dataSource.query(`SELECT status, sent_at FROM outbox_mails WHERE recipient = $1 AND kind = 'booking-confirmed'`, [school.email]);
    expect(row.status).toBe('sent');
    expect(row.sent_at).not.toBeNull();
  });

  it('keeps bookings going while the mail server is down, and delivers once it is back', async () => {
    await inbox.stop();
    const before = inbox.received.length;
    const { school } = await bookVisit(t, organiser); // the booking itself does not need the mail server
    expect(await worker.runOnce()).toBe(0);
    const [waiting] = await t.dataSource.query(
      `SELECT status, attempts, last_error, next_attempt_at > now() AS later FROM outbox_mails WHERE recipient = $1 AND kind = 'booking-confirmed'`,
      [school.email],
    );
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1, later: true });
    expect(waiting.last_error).toMatch(/ECONNREFUSED|connect/i);

    await inbox.start(); // same port again
    await new Promise((r) => setTimeout(r, 1100)); // the first retry waits MAIL_RETRY_BASE_SECONDS
    await worker.runOnce();
    expect(inbox.received.length).toBeGreaterThan(before);
    expect(inbox.to(school.email).map((m) => m.subject)).toContain('Buchung bestätigt: Deine Region dein Handwerk');
    expect(await pending(t)).toBe(0);
  });

  it('gives up after MAIL_MAX_ATTEMPTS, shows the error to organisers, and retries on request', async () => {
    await inbox.stop();
    const { school } = await bookVisit(t, organiser);
    for (let attempt = 0; attempt < 3; attempt++) {
      await t.dataSource.query(`UPDATE outbox_mails SET next_attempt_at = now() WHERE status = 'pending'`);
      await worker.runOnce();
    }
    const failed = await organiser.get(`/api/v1/outbox?status=failed&recipient=${encodeURIComponent(school.email)}`).expect(200);
    // the school's registration, its approval, and the booking
    expect(failed.body.items.map((m: { kind: string }) => m.kind).sort()).toEqual(['booking-confirmed', 'organisation-approved', 'organisation-registered']);
    for (const mail of failed.body.items) {
      expect(mail).toMatchObject({ status: 'failed', attempts: 3, lastError: expect.stringMatching(/ECONNREFUSED|connect/i) });
    }

    await inbox.start();
    const id = failed.body.items.find((m: { kind: string }) => m.kind === 'booking-confirmed').id;
    await organiser.post(`/api/v1/outbox/${id}/retry`).expect(200);
    await worker.runOnce();
    expect((await organiser.get(`/api/v1/outbox/${id}`).expect(200)).body.status).toBe('sent');
  });

  it('never composes or sends one mail twice with two workers at once', async () => {
    for (let i = 0; i < 6; i++) await bookVisit(t, organiser);
    // the account mails wait in the outbox; the six bookings wait as history rows
    const accountMails = await pending(t);
    expect(accountMails).toBeGreaterThanOrEqual(12);
    expect(await unnotified(t)).toBe(6);
    const before = inbox.received.length;
    const workers = () => new OutboxWorker(t.dataSource, t.app.get(BookingChangeMails), t.config);
    const [a, b] = [workers(), workers()];
    await Promise.all([a.runOnce(), b.runOnce(), a.runOnce(), b.runOnce()].map((p) => p.catch(() => 0)));
    while ((await pending(t)) > 0 || (await unnotified(t)) > 0) await Promise.all([a.runOnce(), b.runOnce()]);
    // each school has one member: one confirmation per booking
    const twice = await t.dataSource.query(
      `SELECT booking_id FROM outbox_mails WHERE kind = 'booking-confirmed' GROUP BY booking_id HAVING count(*) <> 1`,
    );
    expect(twice).toEqual([]);
    const ids = inbox.received.slice(before).map((m) => m.headers.get('x-praxisnah-mail'));
    expect(ids).toHaveLength(accountMails + 6);
    expect(new Set(ids).size).toBe(accountMails + 6);
  });

  it('sets aside a change whose mail cannot be composed, without holding up the changes behind it', async () => {
    const first = await bookVisit(t, organiser);
    await worker.runOnce();
    // a change no mail can be made of (its date is no date), before a booking made after it
    const [poison] = await t.dataSource.query(
      `INSERT INTO booking_changes (booking_id, change, from_status, to_status, details, booking_version)
       VALUES ($1, 'day_cancelled', 'confirmed', 'confirmed', '{"date": "kaputt"}', 1) RETURNING id`,
      [first.visit.id],
    );
    const second = await bookVisit(t, organiser);
    await worker.runOnce();
    const mailed = await t.dataSource.query(`SELECT count(*)::int AS n FROM outbox_mails WHERE booking_id = $1 AND kind = 'booking-confirmed'`, [second.visit.id]);
    expect(mailed[0].n).toBe(1);
    const [setAside] = await t.dataSource.query(`SELECT notified_at, notify_attempts, notify_error FROM booking_changes WHERE id = $1`, [poison.id]);
    expect(setAside).toMatchObject({ notified_at: null, notify_attempts: 1, notify_error: expect.stringMatching(/invalid time value/i) });
    // tried again on later passes, then left for a person
    for (let pass = 0; pass < 6; pass++) await worker.runOnce();
    expect((await t.dataSource.query(`SELECT notify_attempts FROM booking_changes WHERE id = $1`, [poison.id]))[0].notify_attempts).toBe(5);
    // organisers see it with its error, and may have it tried again
    const listed = (await organiser.get('/api/v1/outbox/unmailed-changes').expect(200)).body.items;
    expect(listed).toEqual([expect.objectContaining({ id: poison.id, bookingId: first.visit.id, change: 'day_cancelled', attempts: 5, lastError: expect.stringMatching(/invalid time value/i) })]);
    const page = await organiser.get('/verwaltung/postausgang').expect(200);
    expect(page.text).toContain('Buchungsänderungen ohne Mail');
    expect(page.text).toContain(first.visit.id);
    // states in words, not codes: the change, and the sent mails
    expect(page.text).toContain('(einen Tag abgesagt, 5×)');
    expect(page.text).toContain('(versendet)');
    expect(page.text).not.toMatch(/\((sent|pending|failed|day_cancelled)\b/);
    await organiser.post(`/api/v1/outbox/unmailed-changes/${poison.id}/retry`).expect(200);
    expect((await t.dataSource.query(`SELECT notify_attempts FROM booking_changes WHERE id = $1`, [poison.id]))[0].notify_attempts).toBe(0);
    await organiser.post('/api/v1/outbox/unmailed-changes/99999999999999999999999/retry').expect(404);
    await t.dataSource.query(`DELETE FROM booking_changes WHERE id = $1`, [poison.id]);
  });

  it('sends nothing for a booking whose transaction rolled back', async () => {
    const { fair, slot, school } = await bookVisit(t, organiser);
    const classId = (await newClass(school.client, school.id)).id;
    await worker.runOnce();
    const before = (await t.dataSource.query(`SELECT count(*)::int AS n FROM outbox_mails`))[0].n;
    const engine = t.app.get(BookingEngine);
    await expect(
      t.app.get(DataSource).transaction(async (manager) => {
        const event = await manager.findOneByOrFail(Event, { id: fair.id });
        await engine.place(manager, event, { kind: 'class_visit', bookableId: slot.id, quantity: 5, schoolId: school.id, schoolClassId: classId }, { actorId: null });
        // the change that the mail is made from is written …
        expect((await manager.query(`SELECT count(*)::int AS n FROM booking_changes WHERE notified_at IS NULL`))[0].n).toBe(1);
        throw new Error('something after the booking failed');
      }),
    ).rejects.toThrow('something after the booking failed');
    // … and gone with the booking, so no mail comes of it
    expect(await unnotified(t)).toBe(0);
    await worker.runOnce();
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM outbox_mails`))[0].n).toBe(before);
  });

  it('purges old bodies but keeps the record', async () => {
    const { school } = await bookVisit(t, organiser);
    await worker.runOnce();
    await t.dataSource.query(`UPDATE outbox_mails SET created_at = now() - interval '100 days' WHERE recipient = $1`, [school.email]);
    await worker.runOnce();
    const rows = await t.dataSource.query(`SELECT subject, status, text_body, html_body, calendar, body_purged_at FROM outbox_mails WHERE recipient = $1`, [school.email]);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toMatchObject({ text_body: null, html_body: null, calendar: null, status: 'sent', subject: expect.any(String) });
  });
});

describe('unsent mail survives a restart', () => {
  it('is sent by the next start', async () => {
    const inbox = await new TestMailServer().start();
    const first = await startTestApp({ SMTP_URL: inbox.url });
    const organiser = (await newStaff(first, Role.Organiser)).client;
    const { school } = await bookVisit(first, organiser);
    expect(await pending(first)).toBeGreaterThan(0);
    await first.app.close(); // stopped before any worker ran

    const second = await startTestApp({ SMTP_URL: inbox.url }, first.database);
    try {
      await second.app.get(OutboxWorker).runOnce();
      expect(inbox.to(school.email).map((m) => m.subject)).toContain('Buchung bestätigt: Deine Region dein Handwerk');
      expect(await pending(second)).toBe(0);
    } finally {
      await second.close();
      await first.database.drop();
      await inbox.stop();
    }
  });
});

describe('without SMTP_URL the outbox is the mailbox', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('marks mails delivered in the app and shows them to organisers, with body and calendar', async () => {
    const organiser = (await newStaff(t, Role.Organiser)).client;
    const { school } = await bookVisit(t, organiser);
    await t.app.get(OutboxWorker).runOnce();
    const list = await organiser.get(`/api/v1/outbox?recipient=${encodeURIComponent(school.email)}`).expect(200);
    const confirmed = list.body.items.find((m: { kind: string }) => m.kind === 'booking-confirmed');
    expect(confirmed).toMatchObject({ status: 'sent', subject: 'Buchung bestätigt: Deine Region dein Handwerk', calendarMethod: 'REQUEST' });
    const full = await organiser.get(`/api/v1/outbox/${confirmed.id}`).expect(200);
    expect(full.body.textBody).toContain('Klasse 8a');
    expect(full.body.calendar).toMatch(/BEGIN:VCALENDAR/);
    await school.client.get('/api/v1/outbox').expect(403);
  });
});
