import { Role } from '../src/common/identity/role';
import { ApiClient, inDays, newClass, newCompany, newEvent, newSchool, newStaff, newTimeSlot, standApplication } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';
import { PageVisitor } from './support/page-visitor';

describe('Handwerkertag: stands and class visits', () => {
  let t: TestApp;
  let organiser: ApiClient;
  beforeAll(async () => {
    t = await startTestApp();
    organiser = (await newStaff(t, Role.Organiser)).client;
  });
  afterAll(() => t.close());

  const counter = async (bookableId: string) =>
    (await t.dataSource.query(`SELECT capacity, booked FROM bookables WHERE id = $1`, [bookableId]))[0] as { capacity: number; booked: number };

  it('takes stand applications as pending, confirms them with a unique stand number, waitlists past the limit', async () => {
    const fair = await newEvent(organiser, 'handwerkertag', { standCount: 2 });
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => newCompany(t, { approvedBy: organiser })));

    const first = await a.client.post(`/api/v1/events/${fair.id}/stand-applications`, standApplication()).expect(201);
    expect(first.body).toMatchObject({ kind: 'stand', status: 'pending', companyId: a.id, details: { handsOnActivity: 'Holzhocker zusammenbauen', powerNeeded: true } });
    const second = await b.client.post(`/api/v1/events/${fair.id}/stand-applications`, standApplication({ location: 'outdoor' })).expect(201);
    const third = await c.client.post(`/api/v1/events/${fair.id}/stand-applications`, standApplication()).expect(201);
    expect(third.body.status).toBe('waitlisted');

    const again = await a.client.post(`/api/v1/events/${fair.id}/stand-applications`, standApplication()).expect(409);
    expect(again.body.code).toBe('stand_already_applied');

    const noNumber = await organiser.post(`/api/v1/bookings/${first.body.id}/confirm`, {}).expect(400);
    expect(noNumber.body.errors[0].field).toBe('standNumber');
    const confirmed = await organiser.post(`/api/v1/bookings/${first.body.id}/confirm`, { standNumber: 7 }).expect(200);
    expect(confirmed.body).toMatchObject({ status: 'confirmed', standNumber: 7 });
    const taken = await organiser.post(`/api/v1/bookings/${second.body.id}/confirm`, { standNumber: 7 }).expect(409);
    expect(taken.body.code).toBe('stand_number_taken');

    // rejecting the second frees its stand: the waiting third moves up to pending
    await organiser.post(`/api/v1/bookings/${second.body.id}/reject`, { reason: 'Kein Stromanschluss im Freigelände' }).expect(200);
    const promoted = await c.client.get(`/api/v1/bookings/${third.body.id}`).expect(200);
    expect(promoted.body.status).toBe('pending');
    const history = await c.client.get(`/api/v1/bookings/${third.body.id}/history`).expect(200);
    expect(history.body.map((h: { change: string; toStatus: string }) => `${h.change}:${h.toStatus}`)).toEqual(['created:waitlisted', 'promoted:pending']);
    const rejectedHistory = await b.client.get(`/api/v1/bookings/${second.body.id}/history`).expect(200);
    expect(rejectedHistory.body[1]).toMatchObject({ change: 'rejected', fromStatus: 'pending', toStatus: 'rejected', reason: 'Kein Stromanschluss im Freigelände', actorId: expect.any(String) });
  });

  it('books class visits with pupils + teachers against the slot, once per class', async () => {
    const fair = await newEvent(organiser, 'handwerkertag');
    const slot = await newTimeSlot(organiser, fair.id, 60);
    const school = await newSchool(t, { approvedBy: organiser });
    const eightA = await newClass(school.client, school.id, { name: '8a' });

    const visit = await school.client
      .post(`/api/v1/events/${fair.id}/class-visits`, { timeSlotId: slot.id, schoolClassId: eightA.id, pupils: 24, teachers: 2 })
      .expect(201);
    expect(visit.body).toMatchObject({ kind: 'class_visit', status: 'confirmed', quantity: 26, details: { pupils: 24, teachers: 2 } });
    expect(await counter(slot.id)).toEqual({ capacity: 60, booked: 26 });

    const twice = await school.client
      .post(`/api/v1/events/${fair.id}/class-visits`, { timeSlotId: slot.id, schoolClassId: eightA.id, pupils: 5, teachers: 1 })
      .expect(409);
    expect(twice.body.code).toBe('class_already_visits');

    const slots = await school.client.get(`/api/v1/events/${fair.id}/time-slots`).expect(200);
    expect(slots.body[0]).toMatchObject({ capacity: 60, booked: 26, free: 34, waitlisted: 0 });
    const listed = await school.client.get(`/api/v1/events/${fair.id}`).expect(200);
    expect(listed.body.availability.visitorPlaces).toEqual({ capacity: 60, booked: 26, free: 34 });
  });

  it('leaves a class visit pending, holding its places, at a fair whose bookings wait for the organiser — with and without an Idempotency-Key', async () => {
    const fair = await newEvent(organiser, 'handwerkertag', { requiresApproval: true });
    const slot = await newTimeSlot(organiser, fair.id, 60);
    const school = await newSchool(t, { approvedBy: organiser });
    const [first, second] = [await newClass(school.client, school.id), await newClass(school.client, school.id)];
    const visit = (schoolClassId: string) => school.client.post(`/api/v1/events/${fair.id}/class-visits`, { timeSlotId: slot.id, schoolClassId, pupils: 20, teachers: 2 });
    // without a key the booking is one statement that commits by itself; with one, a transaction
    expect((await visit(first.id).expect(201)).body).toMatchObject({ status: 'pending', quantity: 22 });
    expect((await visit(second.id).set('Idempotency-Key', `approval-${second.id}`).expect(201)).body).toMatchObject({ status: 'pending', quantity: 22 });
    expect(await counter(slot.id)).toEqual({ capacity: 60, booked: 44 });
  });

  it('refuses a class bigger than the whole slot, and another school’s class', async () => {
    const fair = await newEvent(organiser, 'handwerkertag');
    const slot = await newTimeSlot(organiser, fair.id, 20);
    const school = await newSchool(t, { approvedBy: organiser });
    const other = await newSchool(t, { approvedBy: organiser });
    const big = await newClass(school.client, school.id);
    const foreign = await newClass(other.client, other.id);
    const tooBig = await school.client.post(`/api/v1/events/${fair.id}/class-visits`, { timeSlotId: slot.id, schoolClassId: big.id, pupils: 25, teachers: 2 }).expect(409);
    expect(tooBig.body).toMatchObject({ code: 'exceeds_capacity', detail: 'Das ist mehr, als insgesamt Platz hat (höchstens 20).' });
    const notOurs = await school.client.post(`/api/v1/events/${fair.id}/class-visits`, { timeSlotId: slot.id, schoolClassId: foreign.id, pupils: 5, teachers: 1 }).expect(400);
    expect(notOurs.body.errors).toEqual([{ field: 'schoolClassId', code: 'reference', message: 'ist keine Klasse Ihrer Schule' }]);
  });

  it('promotes the first waiting visit that fits when places free up, and on a capacity raise', async () => {
    const fair = await newEvent(organiser, 'handwerkertag');
    const slot = await newTimeSlot(organiser, fair.id, 50);
    const school = await newSchool(t, { approvedBy: organiser });
    const book = async (pupils: number) => {
      const schoolClass = await newClass(school.client, school.id);
      const res = await school.client.post(`/api/v1/events/${fair.id}/class-visits`, { timeSlotId: slot.id, schoolClassId: schoolClass.id, pupils, teachers: 0 }).expect(201);
      return res.body as { id: string; status: string };
    };
    const status = async (id: string) => (await school.client.get(`/api/v1/bookings/${id}`)).body.status;

    const a = await book(30);
    const x = await book(20);
    const b = await book(25); // waits first
    const c = await book(40); // waits second
    const d = await book(5); // waits third
    expect([a.status, x.status, b.status, c.status, d.status]).toEqual(['confirmed', 'confirmed', 'waitlisted', 'waitlisted', 'waitlisted']);

    // 20 free: B (25) and C (40) do not fit, D (5) does
    await school.client.post(`/api/v1/bookings/${x.id}/cancel`, { reason: 'Klasse krank' }).expect(200);
    expect([await status(b.id), await status(c.id), await status(d.id)]).toEqual(['waitlisted', 'waitlisted', 'confirmed']);
    expect(await counter(slot.id)).toEqual({ capacity: 50, booked: 35 });

    // 45 free: B (25) first in line fits; then 20 left, C (40) still does not
    await school.client.post(`/api/v1/bookings/${a.id}/cancel`).expect(200);
    expect([await status(b.id), await status(c.id)]).toEqual(['confirmed', 'waitlisted']);
    expect(await counter(slot.id)).toEqual({ capacity: 50, booked: 30 });

    // a smaller slot than booked is refused; a bigger one lets C in
    const below = await organiser.patch(`/api/v1/events/${fair.id}/time-slots/${slot.id}`, { capacity: 20 }).expect(409);
    expect(below.body.code).toBe('capacity_below_booked');
    const raised = await organiser.patch(`/api/v1/events/${fair.id}/time-slots/${slot.id}`, { capacity: 70 }).expect(200);
    expect(raised.body).toMatchObject({ capacity: 70, booked: 70, free: 0, waitlisted: 0 });
    expect(await status(c.id)).toBe('confirmed');
    const history = await school.client.get(`/api/v1/bookings/${c.id}/history`).expect(200);
    expect(history.body.map((h: { change: string }) => h.change)).toEqual(['created', 'promoted']);
    expect(history.body[1].actorId).toBeNull(); // the system promoted it
  });

  it('refuses bookings outside the registration window, on drafts, closed events and for unapproved schools', async () => {
    const school = await newSchool(t, { approvedBy: organiser });
    const schoolClass = await newClass(school.client, school.id);
    const tryBook = async (eventId: string, slotId: string, client = school.client) =>
      client.post(`/api/v1/events/${eventId}/class-visits`, { timeSlotId: slotId, schoolClassId: schoolClass.id, pupils: 10, teachers: 1 });

    const future = await newEvent(organiser, 'handwerkertag', { registrationOpensAt: inDays(5), registrationClosesAt: inDays(30) });
    const futureSlot = await newTimeSlot(organiser, future.id, 100);
    const notYet = await tryBook(future.id, futureSlot.id);
    expect(notYet.status).toBe(409);
    expect(notYet.body.code).toBe('registration_not_open_yet');
    expect(notYet.body.detail).toMatch(/^Die Anmeldung beginnt erst am \d\d\.\d\d\.\d{4}, \d\d:\d\d Uhr\.$/);

    const past = await newEvent(organiser, 'handwerkertag', { registrationOpensAt: inDays(-10), registrationClosesAt: inDays(-1) });
    const pastSlot = await newTimeSlot(organiser, past.id, 100);
    expect((await tryBook(past.id, pastSlot.id)).body.code).toBe('registration_closed');

    const draft = await newEvent(organiser, 'handwerkertag', {}, { publish: false });
    const draftSlot = await newTimeSlot(organiser, draft.id, 100);
    expect((await tryBook(draft.id, draftSlot.id)).status).toBe(404); // drafts do not exist for schools

    const open = await newEvent(organiser, 'handwerkertag');
    const openSlot = await newTimeSlot(organiser, open.id, 100);
    await organiser.post(`/api/v1/events/${open.id}/status`, { status: 'closed' }).expect(200);
    expect((await tryBook(open.id, openSlot.id)).body.code).toBe('event_not_open');
    await organiser.post(`/api/v1/events/${open.id}/status`, { status: 'published' }).expect(200);

    const pending = await newSchool(t);
    const pendingClass = await newClass(pending.client, pending.id);
    const refused = await pending.client
      .post(`/api/v1/events/${open.id}/class-visits`, { timeSlotId: openSlot.id, schoolClassId: pendingClass.id, pupils: 10, teachers: 1 })
      .expect(403);
    expect(refused.body.code).toBe('organisation_not_approved');
    expect(await counter(openSlot.id)).toEqual({ capacity: 100, booked: 0 });
  });

  it('lets bookers cancel until the deadline, organisers afterwards too', async () => {
    const fair = await newEvent(organiser, 'handwerkertag', { cancellationDeadline: inDays(-1) });
    const slot = await newTimeSlot(organiser, fair.id, 100);
    const school = await newSchool(t, { approvedBy: organiser });
    const schoolClass = await newClass(school.client, school.id);
    const visit = await school.client.post(`/api/v1/events/${fair.id}/class-visits`, { timeSlotId: slot.id, schoolClassId: schoolClass.id, pupils: 10, teachers: 1 }).expect(201);
    const late = await school.client.post(`/api/v1/bookings/${visit.body.id}/cancel`).expect(409);
    expect(late.body.code).toBe('cancellation_deadline_passed');
    await organiser.post(`/api/v1/bookings/${visit.body.id}/cancel`, { reason: 'Bus fällt aus' }).expect(200);
    const again = await organiser.post(`/api/v1/bookings/${visit.body.id}/cancel`).expect(409);
    expect(again.body.code).toBe('invalid_transition');
    expect(await counter(slot.id)).toEqual({ capacity: 100, booked: 0 });
  });

  it('cancelling the event cancels every booking and frees all places', async () => {
    const fair = await newEvent(organiser, 'handwerkertag', { standCount: 1 });
    const slot = await newTimeSlot(organiser, fair.id, 30);
    const school = await newSchool(t, { approvedBy: organiser });
    const [c1, c2] = await Promise.all([1, 2].map(() => newCompany(t, { approvedBy: organiser })));
    const stand = await c1.client.post(`/api/v1/events/${fair.id}/stand-applications`, standApplication()).expect(201);
    const waiting = await c2.client.post(`/api/v1/events/${fair.id}/stand-applications`, standApplication()).expect(201);
    const schoolClass = await newClass(school.client, school.id);
    const visit = await school.client.post(`/api/v1/events/${fair.id}/class-visits`, { timeSlotId: slot.id, schoolClassId: schoolClass.id, pupils: 20, teachers: 2 }).expect(201);

    await organiser.post(`/api/v1/events/${fair.id}/status`, { status: 'cancelled', reason: 'Unwetterwarnung' }).expect(200);
    for (const [client, id] of [[c1.client, stand.body.id], [c2.client, waiting.body.id], [school.client, visit.body.id]] as const) {
      const booking = await client.get(`/api/v1/bookings/${id}`).expect(200);
      expect(booking.body.status).toBe('cancelled');
      const history = await client.get(`/api/v1/bookings/${id}/history`).expect(200);
      expect(history.body.at(-1)).toMatchObject({ change: 'cancelled', reason: 'Unwetterwarnung' });
    }
    expect(await counter(slot.id)).toEqual({ capacity: 30, booked: 0 });
    const reopen = await organiser.post(`/api/v1/events/${fair.id}/status`, { status: 'published' }).expect(409);
    expect(reopen.body.code).toBe('event_status_change_not_allowed');
  });
});

describe('booking limit per member', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ BOOKING_LIMIT_PER_MINUTE: '3' });
  });
  afterAll(() => t.close());

  it('refuses a member’s fourth booking request within the minute: 429 with Retry-After, nothing booked', async () => {
    const organiser = (await newStaff(t, Role.Organiser)).client;
    const fair = await newEvent(organiser, 'handwerkertag');
    const slot = await newTimeSlot(organiser, fair.id, 200);
    const school = await newSchool(t, { approvedBy: organiser });
    const classes = [];
    for (let i = 0; i < 4; i++) classes.push(await newClass(school.client, school.id));
    const visit = (classId: string) => school.client.post(`/api/v1/events/${fair.id}/class-visits`, { timeSlotId: slot.id, schoolClassId: classId, pupils: 10, teachers: 1 });
    for (const own of classes.slice(0, 3)) await visit(own.id).expect(201);
    const limited = await visit(classes[3].id).expect(429);
    expect(limited.body.code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    const [booked] = await t.dataSource.query(`SELECT count(*)::int AS n FROM bookings WHERE event_id = $1`, [fair.id]);
    expect(booked.n).toBe(3);
  });

  it('counts each request once, whether the API route counted it with the login lookup or the page form through the booking itself', async () => {
    const organiser = (await newStaff(t, Role.Organiser)).client;
    const fair = await newEvent(organiser, 'handwerkertag');
    const slot = await newTimeSlot(organiser, fair.id, 200);
    const school = await newSchool(t, { approvedBy: organiser });
    const classes = [];
    for (let i = 0; i < 4; i++) classes.push(await newClass(school.client, school.id));
    const visit = (classId: string) => school.client.post(`/api/v1/events/${fair.id}/class-visits`, { timeSlotId: slot.id, schoolClassId: classId, pupils: 10, teachers: 1 });
    const page = await PageVisitor.loggedIn(t, school.email);
    const form = (classId: string) => page.post(`/veranstaltungen/${fair.id}/klassenbesuch`, { timeSlotId: slot.id, schoolClassId: classId, pupils: '10', teachers: '1' });

    // counted twice, the second request would be the limit's third and the form past it
    await visit(classes[0].id).expect(201);
    expect((await form(classes[1].id)).status).toBe(303);
    await visit(classes[2].id).expect(201);
    // the fourth, by form, is refused with the limit's message, and books nothing
    const refused = await form(classes[3].id);
    expect(refused.status).toBe(429);
    expect(refused.text).toContain('Versuche');
    const [booked] = await t.dataSource.query(`SELECT count(*)::int AS n FROM bookings WHERE event_id = $1`, [fair.id]);
    expect(booked.n).toBe(3);
  });
});
