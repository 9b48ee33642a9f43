import { Role } from '../src/common/identity/role';
import { OutboxWorker } from '../src/notifications/outbox-worker';
import { ApiClient, explain, newClass, newCompany, newEvent, newSchool, newStaff, newTimeSlot, standApplication } from './support/factories';
import { PageVisitor } from './support/page-visitor';
import { startTestApp, TestApp } from './support/test-app';

/**
 * The organiser finds any booking of an event: by state, kind, slot, booker, district and
 * name, in the pages and the API alike; the booking's page tells who booked, its history in
 * words, and lets the organiser decide a pending one (partners only read).
 */
describe('the organiser\'s list of an event\'s bookings', () => {
  let t: TestApp;
  let organiser: ApiClient;
  let desk: PageVisitor;
  let partnerDesk: PageVisitor;
  let fairId: string;
  let early: string;
  let late: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    const staff = await newStaff(t, Role.Organiser);
    organiser = staff.client;
    desk = await PageVisitor.loggedIn(t, staff.email);
    partnerDesk = await PageVisitor.loggedIn(t, (await newStaff(t, Role.Partner)).email);
    fairId = (await newEvent(organiser, 'handwerkertag', { title: 'Messe mit vielen Buchungen' })).id;
    early = (await newTimeSlot(organiser, fairId, 30, '2027-05-08T08:30')).id;
    late = (await newTimeSlot(organiser, fairId, 30, '2027-05-08T11:30')).id;
    const north = await newSchool(t, { approvedBy: organiser, profile: { name: 'Regelschule Nordhausen-Ost', district: 'nordhausen' } });
    const east = await newSchool(t, { approvedBy: organiser, profile: { name: 'Gymnasium Sondershausen', district: 'kyffhaeuserkreis' } });
    const company = await newCompany(t, { approvedBy: organiser, profile: { name: 'Tischlerei Span', district: 'eichsfeld' } });
    const book = async (school: typeof north, slot: string, pupils: number, className: string) => {
      const schoolClass = await newClass(school.client, school.id, { name: className });
      return (await school.client.post(`/api/v1/events/${fairId}/class-visits`, { timeSlotId: slot, schoolClassId: schoolClass.id, pupils, teachers: 1 }).expect(explain(201))).body.id as string;
    };
    ids.northEarly = await book(north, early, 20, '8a');
    ids.northLate = await book(north, late, 20, '8b');
    ids.eastEarly = await book(east, early, 9, '9c');
    ids.stand = (await company.client.post(`/api/v1/events/${fairId}/stand-applications`, standApplication()).expect(explain(201))).body.id;
    await north.client.post(`/api/v1/bookings/${ids.northLate}/cancel`, { reason: 'Klassenfahrt' }).expect(explain(200));
    ids.north = north.id;
  });
  afterAll(() => t.close());

  const rowsOf = (html: string) => [...html.matchAll(/<tr><td><a href="\/buchungen\/([0-9a-f-]{36})">/g)].map((m) => m[1]).sort();
  const list = (query = '') => desk.get(`/verwaltung/veranstaltungen/${fairId}/buchungen${query}`).expect(200);

  it('lists every booking, and narrows by state, kind, slot, booker, district and name', async () => {
    const all = await list();
    expect(rowsOf(all.text)).toEqual([ids.northEarly, ids.northLate, ids.eastEarly, ids.stand].sort());
    expect(all.text).toContain('Gefundene Buchungen: 4');
    expect(all.text).toContain('Klassenbesuch');
    expect(all.text).toContain('storniert');
    expect(rowsOf((await list('?status=cancelled')).text)).toEqual([ids.northLate]);
    expect(rowsOf((await list('?art=stand')).text)).toEqual([ids.stand]);
    expect(rowsOf((await list(`?zeitfenster=${early}`)).text)).toEqual([ids.northEarly, ids.eastEarly].sort());
    expect(rowsOf((await list(`?wer=${ids.north}`)).text)).toEqual([ids.northEarly, ids.northLate].sort());
    expect(rowsOf((await list('?kreis=kyffhaeuserkreis')).text)).toEqual([ids.eastEarly]);
    expect(rowsOf((await list('?suche=span')).text)).toEqual([ids.stand]);
    expect(rowsOf((await list('?suche=8b')).text)).toEqual([ids.northLate]);
    const none = await list('?suche=gibtesnicht');
    expect(none.text).toContain('Keine Buchung passt zu diesen Filtern.');
    // nonsense in the query is no filter, not an error
    expect(rowsOf((await list('?status=alles&zeitfenster=x&kreis=mond')).text)).toHaveLength(4);
  });

  it('answers the same filters in the API', async () => {
    const api = async (query: string) => ((await organiser.get(`/api/v1/bookings?eventId=${fairId}&${query}`).expect(200)).body.items as Array<{ id: string }>).map((b) => b.id).sort();
    expect(await api(`bookableId=${early}`)).toEqual([ids.northEarly, ids.eastEarly].sort());
    expect(await api(`schoolId=${ids.north}&status=confirmed`)).toEqual([ids.northEarly]);
    expect(await api('district=eichsfeld')).toEqual([ids.stand]);
    expect(await api('q=Gymnasium')).toEqual([ids.eastEarly]);
    const bad = await organiser.get(`/api/v1/bookings?district=mond`).expect(400);
    expect(bad.body.errors[0].field).toBe('district');
  });

  it('shows a booking with who booked it and its history in words; a pending stand is decided there', async () => {
    const cancelled = await desk.get(`/buchungen/${ids.northLate}`).expect(200);
    expect(cancelled.text).toContain('Regelschule Nordhausen-Ost');
    // the change says it, the state is not said twice
    expect(cancelled.text).toMatch(/: storniert – Klassenfahrt/);
    const stand = await desk.get(`/buchungen/${ids.stand}`).expect(200);
    expect(stand.text).toContain('action="/verwaltung/buchungen/' + ids.stand + '/bestaetigen"');
    const partnerView = await partnerDesk.get(`/buchungen/${ids.stand}`).expect(200);
    expect(partnerView.text).not.toContain('/bestaetigen');
    await partnerDesk.get(`/verwaltung/veranstaltungen/${fairId}/buchungen`).expect(200);

    const confirmed = await desk.post(`/verwaltung/buchungen/${ids.stand}/bestaetigen`, { standNumber: '7', zurueck: 'buchung' }).expect(303);
    expect(confirmed.headers.location).toBe(`/buchungen/${ids.stand}?ok=saved`);
    const after = await desk.get(`/buchungen/${ids.stand}`).expect(200);
    expect(after.text).toMatch(/: bestätigt<\/li>/);
  });

  it('rejects a booking behind a page that asks for the reason, which reaches the history and the booker\'s mail', async () => {
    const company = await newCompany(t, { approvedBy: organiser, profile: { name: 'Bäckerei Korn', district: 'nordhausen' } });
    const standId = (await company.client.post(`/api/v1/events/${fairId}/stand-applications`, standApplication()).expect(explain(201))).body.id as string;
    const page = await desk.get(`/buchungen/${standId}`).expect(200);
    expect(page.text).toContain(`href="/verwaltung/buchungen/${standId}/ablehnen?zurueck=buchung"`);
    const asking = await desk.get(`/verwaltung/buchungen/${standId}/ablehnen?zurueck=buchung`).expect(200);
    expect(asking.text).toContain('Bäckerei Korn');
    expect(asking.text).toContain('Wer gebucht hat, bekommt eine Mail mit Ihrem Grund');
    // without a reason: refused, naming the field, and nothing decided
    const empty = await desk.post(`/verwaltung/buchungen/${standId}/ablehnen`, { reason: '  ', zurueck: 'buchung' }).expect(400);
    expect(empty.text).toContain('aria-invalid="true" aria-describedby="reason-error"');
    expect((await organiser.get(`/api/v1/bookings/${standId}`).expect(200)).body.status).toBe('pending');
    await partnerDesk.get(`/verwaltung/buchungen/${standId}/ablehnen`).expect(403);
    const done = await desk.post(`/verwaltung/buchungen/${standId}/ablehnen`, { reason: 'Alle Stände mit Backofen sind vergeben', zurueck: 'buchung' }).expect(303);
    expect(done.headers.location).toBe(`/buchungen/${standId}?ok=saved`);
    expect((await desk.get(`/buchungen/${standId}`).expect(200)).text).toMatch(/: abgelehnt – Alle Stände mit Backofen sind vergeben/);
    await t.app.get(OutboxWorker).runOnce();
    const mails: Array<{ kind: string; text_body: string }> = await t.dataSource.query(`SELECT kind, text_body FROM outbox_mails WHERE booking_id = $1 AND recipient = $2`, [standId, company.email]);
    expect(mails.map((m) => m.kind).sort()).toEqual(['booking-received', 'booking-rejected']);
    expect(mails.find((m) => m.kind === 'booking-rejected')!.text_body).toContain('Alle Stände mit Backofen sind vergeben');
    // a second rejection is refused on the page, in words
    const again = await desk.post(`/verwaltung/buchungen/${standId}/ablehnen`, { reason: 'Noch einmal' }).expect(409);
    expect(again.text).toContain('schon „abgelehnt“');
  });
});
