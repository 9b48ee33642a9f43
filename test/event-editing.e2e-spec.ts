import { Role } from '../src/common/identity/role';
import { brokenBookingRules } from './support/booking-invariants';
import { ApiClient, explain, newClass, newCompany, newEvent, newSchool, newStaff, newTimeSlot } from './support/factories';
import { offerBody } from './support/sample-bodies';
import { PageVisitor } from './support/page-visitor';
import { newYear } from './support/praxistage-year';
import { startTestApp, TestApp } from './support/test-app';

/**
 * The organiser keeps an event right from the pages and the API: every field edited, the same
 * fair copied to next year with its slots (times kept across the summer-time change), a
 * school day with its layout, a term with its offers; slots moved, resized and deleted, each
 * refused with its reason where bookings stand in the way.
 */
describe('editing and copying events, and their time slots', () => {
  let t: TestApp;
  let organiser: ApiClient;
  let desk: PageVisitor;
  let school: Awaited<ReturnType<typeof newSchool>>;

  beforeAll(async () => {
    t = await startTestApp();
    const staff = await newStaff(t, Role.Organiser);
    organiser = staff.client;
    desk = await PageVisitor.loggedIn(t, staff.email);
    school = await newSchool(t, { approvedBy: organiser, profile: { name: 'Regelschule Kopie' } });
  });
  afterAll(() => t.close());

  const slotsOf = async (eventId: string) => (await organiser.get(`/api/v1/events/${eventId}/time-slots`).expect(200)).body as Array<{ startsAt: string; endsAt: string; capacity: number; booked: number }>;

  it('copies a fair to next year: dates moved by whole days, slots at the same German time, stands kept, no bookings', async () => {
    // 8 May 2027 is in summer time; 4 March 2028 in winter time: 08:30 must stay 08:30
    const fair = await newEvent(organiser, 'handwerkertag', { title: 'Handwerkertag 2027', standCount: 33, registrationOpensAt: '2026-11-01T08:00' });
    const slot = await newTimeSlot(organiser, fair.id, 25, '2027-05-08T08:30');
    const schoolClass = await newClass(school.client, school.id);
    await school.client.post(`/api/v1/events/${fair.id}/class-visits`, { timeSlotId: slot.id, schoolClassId: schoolClass.id, pupils: 20, teachers: 2 }).expect(explain(201));

    const copy = (await organiser.post(`/api/v1/events/${fair.id}/copy`, { startsOn: '2028-03-04' }).expect(explain(201))).body;
    expect(copy).toMatchObject({ program: 'handwerkertag', status: 'draft', title: 'Handwerkertag 2028', startsOn: '2028-03-04', endsOn: '2028-03-04' });
    // 2027-05-08 → 2028-03-04 is 301 days; registration opened 2026-11-01 08:00 (winter time) → 2027-08-29 08:00 (summer time)
    expect(new Date(copy.registrationOpensAt).toISOString()).toBe('2027-08-29T06:00:00.000Z');
    const [copied] = await slotsOf(copy.id);
    expect(copied).toMatchObject({ capacity: 25, booked: 0, startsAt: '2028-03-04T07:30:00.000Z', endsAt: '2028-03-04T08:30:00.000Z' });
    const full = (await organiser.get(`/api/v1/events/${copy.id}`).expect(200)).body;
    expect(full.availability.stands).toMatchObject({ capacity: 33, booked: 0 });
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM bookings WHERE event_id = $1`, [copy.id]))[0].n).toBe(0);

    const bare = (await organiser.post(`/api/v1/events/${fair.id}/copy`, { startsOn: '2028-05-06', title: 'Ohne Zeitfenster', withContents: false }).expect(201)).body;
    expect(await slotsOf(bare.id)).toEqual([]);
    expect(bare.title).toBe('Ohne Zeitfenster');
  });

  it('copies a school day with its periods and rooms, a term with its offers, and refuses to copy a Praxistage year', async () => {
    const day = await newEvent(organiser, 'schule-trifft-wirtschaft', { hostSchoolId: school.id });
    await organiser.post(`/api/v1/events/${day.id}/periods`, { number: 1, startsAt: '2027-03-10T08:00', endsAt: '2027-03-10T08:45' }).expect(explain(201));
    await organiser.post(`/api/v1/events/${day.id}/rooms`, { name: 'Aula' }).expect(explain(201));
    const dayCopy = (await organiser.post(`/api/v1/events/${day.id}/copy`, { startsOn: '2028-03-08' }).expect(explain(201))).body;
    expect(dayCopy.hostSchoolId).toBe(school.id);
    const layout = (await organiser.get(`/api/v1/events/${dayCopy.id}/layout`).expect(200)).body;
    expect(layout.periods).toMatchObject([{ number: 1, startsAt: '2028-03-08T07:00:00.000Z' }]);
    expect(layout.rooms).toMatchObject([{ name: 'Aula' }]);
    expect(layout.classes).toEqual([]);

    const term = await newEvent(organiser, 'praxistage');
    const company = await newCompany(t, { approvedBy: organiser });
    await company.client.post(`/api/v1/events/${term.id}/offers`, offerBody()).expect(explain(201));
    const termCopy = (await organiser.post(`/api/v1/events/${term.id}/copy`, { startsOn: '2028-02-07' }).expect(explain(201))).body;
    const offers = (await organiser.get(`/api/v1/events/${termCopy.id}/offers`).expect(200)).body;
    const list = Array.isArray(offers) ? offers : offers.items;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ occupationalField: 'Holz', firstDate: '2028-02-07' });
    expect(list[0].availability.map((a: { free: number }) => a.free)).toEqual([2, 2]);

    const year = await newYear(organiser, []);
    const refused = await organiser.post(`/api/v1/events/${year.eventId}/copy`, { startsOn: '2028-09-01' }).expect(409);
    expect(refused.body.code).toBe('year_is_not_copied');
  });

  it('refuses bad input naming the field, and someone else\'s event is missing', async () => {
    const fair = await newEvent(organiser, 'handwerkertag');
    const bad = await organiser.post(`/api/v1/events/${fair.id}/copy`, { startsOn: '2028-02-30', colour: 'rot' }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['colour', 'startsOn']);
    await school.client.post(`/api/v1/events/${fair.id}/copy`, { startsOn: '2028-05-06' }).expect(403);
    await organiser.post(`/api/v1/events/00000000-0000-4000-8000-000000000000/copy`, { startsOn: '2028-05-06' }).expect(404);
  });

  it('edits every field from the page; a bad date comes back with its field named and nothing saved', async () => {
    const fair = await newEvent(organiser, 'handwerkertag', { title: 'Messe vor der Änderung' });
    const form = await desk.get(`/verwaltung/veranstaltungen/${fair.id}/bearbeiten`).expect(200);
    expect(form.text).toContain('value="Messe vor der Änderung"');
    expect(form.text).toContain('name="standCount"');
    expect(form.text).not.toContain('name="requestedOccupationalFields"');
    const fields = {
      title: 'Messe nach der Änderung', description: 'Mit Bühne', venue: 'Theater Nordhausen', startsOn: '2027-05-15', endsOn: '2027-05-15',
      registrationOpensAt: '2027-01-10T08:00', registrationClosesAt: '2027-05-01T18:00', cancellationDeadline: '2027-04-20T18:00', requiresApproval: 'true', standCount: '45',
    };
    const wrong = await desk.post(`/verwaltung/veranstaltungen/${fair.id}/bearbeiten`, { ...fields, endsOn: '2027-05-01' }).expect(400);
    expect(wrong.text).toContain('aria-invalid="true" aria-describedby="endsOn-error"');
    expect((await organiser.get(`/api/v1/events/${fair.id}`).expect(200)).body.title).toBe('Messe vor der Änderung');

    await desk.post(`/verwaltung/veranstaltungen/${fair.id}/bearbeiten`, fields).expect(303);
    const saved = (await organiser.get(`/api/v1/events/${fair.id}`).expect(200)).body;
    expect(saved).toMatchObject({ title: 'Messe nach der Änderung', description: 'Mit Bühne', venue: 'Theater Nordhausen', startsOn: '2027-05-15', requiresApproval: true });
    expect(saved.availability.stands.capacity).toBe(45);
    expect(new Date(saved.registrationClosesAt).toISOString()).toBe('2027-05-01T16:00:00.000Z');
  });

  it('copies from the page with next year proposed', async () => {
    const fair = await newEvent(organiser, 'handwerkertag', { title: 'Handwerkertag 2027' });
    const form = await desk.get(`/verwaltung/veranstaltungen/${fair.id}/kopieren`).expect(200);
    // 364 days later: the same weekday a year on
    expect(form.text).toContain('value="2028-05-06"');
    expect(form.text).toContain('value="Handwerkertag 2028"');
    const done = await desk.post(`/verwaltung/veranstaltungen/${fair.id}/kopieren`, { startsOn: '2028-05-06', title: 'Handwerkertag 2028', withContents: 'true' }).expect(303);
    const copyId = /veranstaltungen\/([0-9a-f-]{36})\?ok=eventCopied/.exec(done.headers.location)![1];
    expect((await organiser.get(`/api/v1/events/${copyId}`).expect(200)).body).toMatchObject({ title: 'Handwerkertag 2028', status: 'draft' });
  });

  it('moves, resizes and deletes slots; below what is booked and a slot with classes are refused with the reason', async () => {
    const fair = await newEvent(organiser, 'handwerkertag');
    const held = await newTimeSlot(organiser, fair.id, 30, '2027-05-08T09:00');
    const empty = await newTimeSlot(organiser, fair.id, 30, '2027-05-08T12:00');
    const schoolClass = await newClass(school.client, school.id);
    const booking = (await school.client.post(`/api/v1/events/${fair.id}/class-visits`, { timeSlotId: held.id, schoolClassId: schoolClass.id, pupils: 20, teachers: 2 }).expect(201)).body;

    const below = await desk.post(`/verwaltung/veranstaltungen/${fair.id}/zeitfenster/${held.id}`, { startsAt: '2027-05-08T09:00', endsAt: '2027-05-08T10:00', capacity: '21' }).expect(409);
    expect(below.text).toContain('Es sind schon 22 Plätze vergeben');

    await desk.post(`/verwaltung/veranstaltungen/${fair.id}/zeitfenster/${held.id}`, { startsAt: '2027-05-08T09:30', endsAt: '2027-05-08T10:30', capacity: '22' }).expect(303);
    const [moved] = await slotsOf(fair.id);
    expect(moved).toMatchObject({ startsAt: '2027-05-08T07:30:00.000Z', capacity: 22, booked: 22 });
    // the class gets its new time: a change in its history, so a mail with the calendar entry
    const history = (await school.client.get(`/api/v1/bookings/${booking.id}/history`).expect(200)).body;
    expect(history.at(-1)).toMatchObject({ change: 'changed', reason: 'Zeitfenster verlegt / time slot moved' });

    const page = await desk.get(`/verwaltung/veranstaltungen/${fair.id}/zeitfenster/${held.id}`).expect(200);
    expect(page.text).toContain('kann nicht gelöscht werden');
    const refused = await desk.post(`/verwaltung/veranstaltungen/${fair.id}/zeitfenster/${held.id}/loeschen`).expect(409);
    expect(refused.text).toContain('wird noch von Buchungen verwendet');
    await desk.post(`/verwaltung/veranstaltungen/${fair.id}/zeitfenster/${empty.id}/loeschen`).expect(303);
    expect(await slotsOf(fair.id)).toHaveLength(1);

    const api = await organiser.patch(`/api/v1/events/${fair.id}/time-slots/${held.id}`, { endsAt: '2027-05-08T09:00' }).expect(400);
    expect(api.body.errors[0].field).toBe('endsAt');
    expect(await brokenBookingRules(t.dataSource, [fair.id])).toEqual([]);
  });
});
