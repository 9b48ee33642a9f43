import { randomUUID } from 'node:crypto';
import { AccountsService } from '../src/auth/accounts.service';
import { Role } from '../src/common/identity/role';
import { OutboxWorker } from '../src/notifications/outbox-worker';
import { ApiClient, explain, newClass, newCompany, newEvent, newSchool, newStaff, newTimeSlot, PASSWORD, standApplication } from './support/factories';
import { closedGate, lockWaiters } from './support/interleavings';
import { TestMailServer } from './support/mail-server';
import { startTestApp, TestApp } from './support/test-app';

/**
 * The organiser writes to the bookers of a fair: whom a filter reaches, the preview in both
 * languages, and the mails as a real SMTP server receives them — each person's in their
 * language, German where the message has no English version. Refusals name the field and
 * write nothing.
 */
describe('messages to the bookers of an event', () => {
  const inbox = new TestMailServer();
  let t: TestApp;
  let organiser: ApiClient;
  let partner: ApiClient;
  let worker: OutboxWorker;
  let fairId: string;
  let slots: { early: string; late: string };
  const people: Record<string, string> = {};
  let company: { client: ApiClient; id: string };
  let school: { client: ApiClient; id: string };

  const messages = () => `/api/v1/events/${fairId}/messages`;
  const count = async (table: string) => (await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;
  const colleague = async (organisation: { companyId?: string; schoolId?: string }, locale: 'de' | 'en', name: string) => {
    const email = `${name.toLowerCase().replace(/\W+/g, '-')}-${randomUUID().slice(0, 6)}@example.org`;
    await t.app.get(AccountsService).create({ email, name, password: PASSWORD, role: organisation.companyId ? Role.CompanyMember : Role.SchoolMember, locale, ...organisation });
    return email;
  };

  beforeAll(async () => {
    await inbox.start();
    t = await startTestApp({ SMTP_URL: inbox.url, MAIL_FROM: 'Regionalmanagement <rm@praxisnah.example>' });
    worker = t.app.get(OutboxWorker);
    organiser = (await newStaff(t, Role.Organiser)).client;
    partner = (await newStaff(t, Role.Partner)).client;
    fairId = (await newEvent(organiser, 'handwerkertag', { title: 'Handwerkertag Nordhausen' })).id;
    slots = { early: (await newTimeSlot(organiser, fairId, 60, '2027-05-08T08:30')).id, late: (await newTimeSlot(organiser, fairId, 60, '2027-05-08T10:30')).id };

    // a bakery applying for a stand (pending), with a colleague who reads English
    const bakery = await newCompany(t, { approvedBy: organiser, profile: { name: 'Bäckerei Korn' } });
    company = bakery;
    people.baker = bakery.email;
    people.bakerEnglish = await colleague({ companyId: bakery.id }, 'en', 'Baker English');
    await bakery.client.post(`/api/v1/events/${fairId}/stand-applications`, standApplication()).expect(explain(201));
    // a roofer whose application is rejected
    const roofer = await newCompany(t, { approvedBy: organiser, profile: { name: 'Dachdeckerei Ziegel' } });
    people.roofer = roofer.email;
    const rejected = await roofer.client.post(`/api/v1/events/${fairId}/stand-applications`, standApplication()).expect(explain(201));
    await organiser.post(`/api/v1/bookings/${rejected.body.id}/reject`, { reason: 'Kein Platz' }).expect(explain(200));
    // two schools visiting, one early, one late; the early one's teacher reads English
    const early = await newSchool(t, { approvedBy: organiser, profile: { name: 'Regelschule Frühaufsteher' } });
    school = early;
    people.earlyTeacher = early.email;
    await early.client.patch('/api/v1/auth/me', { locale: 'en' }).expect(200);
    const late = await newSchool(t, { approvedBy: organiser, profile: { name: 'Lessingschule Spät' } });
    people.lateTeacher = late.email;
    for (const [visitor, slotId] of [[early, slots.early], [late, slots.late]] as const) {
      const schoolClass = await newClass(visitor.client, visitor.id);
      await visitor.client.post(`/api/v1/events/${fairId}/class-visits`, { timeSlotId: slotId, schoolClassId: schoolClass.id, pupils: 20, teachers: 2 }).expect(explain(201));
    }
    await worker.runOnce(); // the booking mails, out of the way
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await inbox.stop();
  });

  const message = (overrides: Record<string, unknown> = {}) => ({ subjectDe: 'Parken am Messetag', textDe: 'Bitte parken Sie auf dem Parkplatz Nord.\n\nDanke!', ...overrides });

  it('counts the organisations and people a filter reaches, by state, time slot and side', async () => {
    const reach = async (filter: Record<string, unknown>) => {
      const res = await organiser.post(`${messages()}/preview`, message(filter)).expect(explain(200));
      return { bookings: res.body.bookings, organisations: res.body.organisations, people: res.body.people };
    };
    // live bookings (the default): the bakery's pending stand (2 people) and both schools' visits
    expect(await reach({})).toEqual({ bookings: 3, organisations: 3, people: 4 });
    expect(await reach({ organisationKinds: ['company'] })).toEqual({ bookings: 1, organisations: 1, people: 2 });
    expect(await reach({ organisationKinds: ['school'], slotIds: [slots.early] })).toEqual({ bookings: 1, organisations: 1, people: 1 });
    expect(await reach({ slotIds: [slots.early, slots.late] })).toEqual({ bookings: 2, organisations: 2, people: 2 });
    expect(await reach({ statuses: ['rejected'] })).toEqual({ bookings: 1, organisations: 1, people: 1 });
    expect(await reach({ statuses: ['pending', 'rejected'], organisationKinds: ['company'] })).toEqual({ bookings: 2, organisations: 2, people: 3 });
  });

  it('previews the mail in both languages, and says who reads English without an English version', async () => {
    const both = await organiser.post(`${messages()}/preview`, message({ subjectEn: 'Parking on the fair day', textEn: 'Please park in the north car park.' })).expect(200);
    expect(both.body).toMatchObject({ people: 4, englishReaders: 2, statuses: ['pending', 'confirmed', 'waitlisted'], organisationKinds: ['company', 'school'], slotIds: [] });
    expect(both.body.mails.map((m: { locale: string; people: number; subject: string }) => [m.locale, m.people, m.subject])).toEqual([
      ['de', 2, 'Parken am Messetag'],
      ['en', 2, 'Parking on the fair day'],
    ]);
    expect(both.body.mails[0].text).toContain('Bitte parken Sie auf dem Parkplatz Nord.\n\nDanke!');
    expect(both.body.mails[0].text).toContain('„Handwerkertag Nordhausen“ (08.05.2027)');
    expect(both.body.mails[1].text).toMatch(/^Hello .+,\n\nPlease park in the north car park\./);
    const germanOnly = await organiser.post(`${messages()}/preview`, message()).expect(200);
    expect(germanOnly.body).toMatchObject({ people: 4, englishReaders: 2, mails: [{ locale: 'de', people: 4 }] });
    expect(await count('event_messages')).toBe(0); // a preview sends nothing
  });

  it('sends each person the message in their language, through the real mail server, and lists it with its recipients', async () => {
    const sent = await organiser.post(messages(), message({ subjectEn: 'Parking on the fair day', textEn: 'Please park in the north car park.' })).expect(explain(201));
    expect(sent.body).toMatchObject({ organisations: 3, people: 4, bookings: 3 });
    expect(sent.body.recipients.map((r: { state: string }) => r.state)).toEqual(['pending', 'pending', 'pending', 'pending']);
    await worker.runOnce();
    const subjects = (email: string) => inbox.to(email).filter((m) => m.subject?.startsWith('Park')).map((m) => m.subject);
    expect(subjects(people.baker)).toEqual(['Parken am Messetag']);
    expect(subjects(people.bakerEnglish)).toEqual(['Parking on the fair day']);
    expect(subjects(people.earlyTeacher)).toEqual(['Parking on the fair day']);
    expect(subjects(people.lateTeacher)).toEqual(['Parken am Messetag']);
    expect(subjects(people.roofer)).toEqual([]); // rejected: not live
    const [english] = inbox.to(people.earlyTeacher).filter((m) => m.subject === 'Parking on the fair day');
    expect(english.text).toContain('Please park in the north car park.');
    expect(english.html).toContain('<html lang="en">');
    expect(english.from?.text).toContain('rm@praxisnah.example');

    const listed = await organiser.get(messages()).expect(200);
    expect(listed.body.items).toHaveLength(1);
    const recipients = listed.body.items[0].recipients as Array<{ email: string; locale: string; state: string; organisation: string }>;
    expect(recipients.map((r) => [r.email, r.locale, r.state]).sort()).toEqual(
      [[people.baker, 'de', 'sent'], [people.bakerEnglish, 'en', 'sent'], [people.earlyTeacher, 'en', 'sent'], [people.lateTeacher, 'de', 'sent']].sort(),
    );
    expect(recipients.find((r) => r.email === people.baker)?.organisation).toBe('Bäckerei Korn');
    // partners read what was sent, as they read everything else
    expect((await partner.get(messages()).expect(200)).body.items).toHaveLength(1);
    // every mail went to a member of a company or school: pupils have no address and get nothing
    const [{ strangers }] = await t.dataSource.query(
      `SELECT count(*)::int AS strangers FROM outbox_mails o WHERE o.kind = 'event-message'
          AND NOT EXISTS (SELECT 1 FROM users u WHERE u.email = o.recipient AND u.role IN ('company_member', 'school_member'))`,
    );
    expect(strangers).toBe(0);
  });

  it('sends the German message to readers of English when there is no English version', async () => {
    const before = inbox.received.length;
    await organiser.post(messages(), message({ subjectDe: 'Aufbau ab 7 Uhr', textDe: 'Der Aufbau beginnt um 7 Uhr.', organisationKinds: ['school'], slotIds: [slots.early] })).expect(explain(201));
    await worker.runOnce();
    const arrived = inbox.received.slice(before).filter((m) => m.subject === 'Aufbau ab 7 Uhr');
    expect(arrived).toHaveLength(1);
    expect(JSON.stringify(arrived[0].to)).toContain(people.earlyTeacher); // reads English, gets German
    expect(arrived[0].text).toMatch(/^Guten Tag .+,\n\nDer Aufbau beginnt um 7 Uhr\./);
    expect(arrived[0].html).toContain('<html lang="de">');
    const [row] = (await organiser.get(messages()).expect(200)).body.items;
    expect(row.recipients).toEqual([expect.objectContaining({ email: people.earlyTeacher, locale: 'de', state: 'sent', organisation: 'Regelschule Frühaufsteher' })]);
  });

  it('sends once per Idempotency-Key, also when the retry comes while the first still runs', async () => {
    const before = { messages: await count('event_messages'), mails: await count('outbox_mails') };
    const key = randomUUID();
    const body = message({ subjectDe: 'Einmal bitte', organisationKinds: ['company'] });
    const [first, second] = await Promise.all([organiser.post(messages(), body).set('Idempotency-Key', key), organiser.post(messages(), body).set('Idempotency-Key', key)]);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(first.body.id).toBe(second.body.id);
    expect([first.headers['idempotent-replayed'], second.headers['idempotent-replayed']].filter(Boolean)).toEqual(['true']);
    expect(await count('event_messages')).toBe(before.messages + 1);
    expect(await count('outbox_mails')).toBe(before.mails + 2); // the bakery's two people
    const reused = await organiser.post(messages(), { ...body, textDe: 'Etwas anderes' }).set('Idempotency-Key', key).expect(422);
    expect(reused.body.code).toBe('idempotency_key_reused');
    expect(await count('event_messages')).toBe(before.messages + 1);
  });

  // the second request comes while the first holds its message uncommitted: forced by holding back the first's mails
  const onServer = process.env.DATABASE_URL ? it : it.skip;
  onServer('sends once when the same key comes again before the first request has committed (needs a PostgreSQL server: DATABASE_URL)', async () => {
    const before = { messages: await count('event_messages'), mails: await count('outbox_mails') };
    const key = randomUUID();
    const body = message({ subjectDe: 'Doppelklick', organisationKinds: ['company'] });
    const gate = await closedGate(t.databaseUrl, 'LOCK TABLE outbox_mails IN SHARE MODE', []);
    const first = organiser.post(messages(), body).set('Idempotency-Key', key).then((res) => res);
    await lockWaiters(t, 1); // the first has written its message and waits to write its mails
    const second = organiser.post(messages(), body).set('Idempotency-Key', key).then((res) => res);
    await lockWaiters(t, 2); // the second waits for the first's message
    await gate.open();
    const [a, b] = await Promise.all([first, second]);
    expect([a.status, b.status, a.headers['idempotent-replayed'], b.headers['idempotent-replayed']]).toEqual([201, 201, undefined, 'true']);
    expect(b.body.id).toBe(a.body.id);
    expect({ messages: await count('event_messages'), mails: await count('outbox_mails') }).toEqual({ messages: before.messages + 1, mails: before.mails + 2 });
  });

  it('refuses bad input with a 4xx naming the field, and writes nothing', async () => {
    const before = { messages: await count('event_messages'), mails: await count('outbox_mails') };
    const otherFair = (await newEvent(organiser, 'handwerkertag', { title: 'Andere Messe' })).id;
    const foreignSlot = (await newTimeSlot(organiser, otherFair, 10)).id;
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ textDe: 'Ohne Betreff' }, 'subjectDe'],
      [message({ subjectDe: '   ' }), 'subjectDe'],
      [message({ subjectDe: 'Zwei\nZeilen' }), 'subjectDe'],
      [message({ textDe: 'x'.repeat(10_001) }), 'textDe'],
      [message({ subjectEn: 'Parking' }), 'textEn'],
      [message({ textEn: 'Please park.' }), 'subjectEn'],
      [message({ statuses: ['booked'] }), 'statuses'],
      [message({ statuses: 'confirmed' }), 'statuses'],
      [message({ organisationKinds: ['pupil'] }), 'organisationKinds'],
      [message({ slotIds: ['kein-zeitfenster'] }), 'slotIds'],
      [message({ slotIds: [foreignSlot] }), 'slotIds'],
      [message({ eventId: otherFair }), 'eventId'],
    ];
    for (const path of [`${messages()}/preview`, messages()]) {
      for (const [body, field] of cases) {
        const res = await organiser.post(path, body);
        expect({ path, body, status: res.status, fields: (res.body.errors ?? []).map((e: { field: string }) => e.field) }).toEqual({ path, body, status: 400, fields: [field] });
      }
      const said = await organiser.post(path, message({ subjectEn: 'Parking' })).expect(400);
      expect(said.body.errors[0].message).toMatch(/englische Fassung braucht Betreff und Text/);
    }
    expect({ messages: await count('event_messages'), mails: await count('outbox_mails') }).toEqual(before);
  });

  it('refuses a message that reaches nobody, and an event that does not exist', async () => {
    const before = { messages: await count('event_messages'), mails: await count('outbox_mails') };
    for (const path of [`${messages()}/preview`, messages()]) {
      const nobody = await organiser.post(path, message({ statuses: ['cancelled'] })).expect(409);
      expect(nobody.body.code).toBe('message_reaches_nobody');
      expect(nobody.body.detail).toMatch(/erreicht die Nachricht niemanden/);
    }
    const emptyFair = (await newEvent(organiser, 'handwerkertag', { title: 'Leere Messe' })).id;
    await organiser.post(`/api/v1/events/${emptyFair}/messages`, message()).expect(409);
    // another event's messages are its own: none of this fair's appear there
    expect((await organiser.get(`/api/v1/events/${emptyFair}/messages`).expect(200)).body.items).toEqual([]);
    for (const eventId of [randomUUID(), 'keine-id']) {
      expect((await organiser.post(`/api/v1/events/${eventId}/messages/preview`, message()).expect(404)).body.code).toBe('not_found');
      await organiser.post(`/api/v1/events/${eventId}/messages`, message()).expect(404);
      await organiser.get(`/api/v1/events/${eventId}/messages`).expect(404);
    }
    expect({ messages: await count('event_messages'), mails: await count('outbox_mails') }).toEqual(before);
  });

  it('lets only organisers write, partners read, and members nothing', async () => {
    const before = { messages: await count('event_messages'), mails: await count('outbox_mails') };
    for (const client of [partner, company.client, school.client]) {
      await client.post(`${messages()}/preview`, message()).expect(403);
      await client.post(messages(), message()).expect(403);
    }
    await company.client.get(messages()).expect(403);
    await school.client.get(messages()).expect(403);
    await new ApiClient(t).get(messages()).expect(401);
    expect({ messages: await count('event_messages'), mails: await count('outbox_mails') }).toEqual(before);
  });
});
