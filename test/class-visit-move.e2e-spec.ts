import { Role } from '../src/common/identity/role';
import { OutboxWorker } from '../src/notifications/outbox-worker';
import { brokenBookingRules } from './support/booking-invariants';
import { ApiClient, explain, newClass, newEvent, newSchool, newStaff, newTimeSlot } from './support/factories';
import { holdOpen, lockWaiters } from './support/interleavings';
import { PageVisitor } from './support/page-visitor';
import { startTestApp, TestApp } from './support/test-app';

/**
 * The organiser moves a class visit to another time slot in one step: the new places are
 * taken before the old ones are freed, a full slot refuses and the class keeps its place,
 * and the old slot's waiting list moves up. Two moves crossing each other between two
 * slots never lose or double a place.
 */
describe('moving a class visit to another time slot', () => {
  let t: TestApp;
  let organiser: ApiClient;
  let organiserEmail: string;
  let school: Awaited<ReturnType<typeof newSchool>>;
  let fairId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const staff = await newStaff(t, Role.Organiser);
    organiser = staff.client;
    organiserEmail = staff.email;
    school = await newSchool(t, { approvedBy: organiser, profile: { name: 'Regelschule Umzug' } });
    fairId = (await newEvent(organiser, 'handwerkertag', { title: 'Handwerkertag mit Umzug' })).id;
  });
  afterAll(() => t.close());

  async function visit(slotId: string, pupils: number, expectStatus: 'confirmed' | 'waitlisted' = 'confirmed') {
    const schoolClass = await newClass(school.client, school.id);
    const res = await school.client.post(`/api/v1/events/${fairId}/class-visits`, { timeSlotId: slotId, schoolClassId: schoolClass.id, pupils, teachers: 0 }).expect(explain(201));
    expect(res.body.status).toBe(expectStatus);
    return res.body.id as string;
  }
  const move = (bookingId: string, timeSlotId: string) => organiser.post(`/api/v1/events/${fairId}/class-visits/${bookingId}/move`, { timeSlotId, reason: 'Bus kommt später' });
  const slotOf = async (bookingId: string) => (await t.dataSource.query(`SELECT bookable_id FROM bookings WHERE id = $1`, [bookingId]))[0].bookable_id;
  const counters = async (...slots: string[]) =>
    (await t.dataSource.query(`SELECT id, booked FROM bookables WHERE id = ANY($1) ORDER BY array_position($1, id)`, [slots])).map((r: { booked: number }) => r.booked);

  it('moves to a slot with room, frees the old places for the waiting list, and tells the school', async () => {
    const early = (await newTimeSlot(organiser, fairId, 20, '2027-05-08T08:30')).id;
    const late = (await newTimeSlot(organiser, fairId, 30, '2027-05-08T11:30')).id;
    const moving = await visit(early, 18);
    const waiting = await visit(early, 15, 'waitlisted');
    const moved = await move(moving, late).expect(explain(200));
    expect(moved.body).toMatchObject({ id: moving, status: 'confirmed' });
    expect(await slotOf(moving)).toBe(late);
    expect((await school.client.get(`/api/v1/bookings/${waiting}`).expect(200)).body.status).toBe('confirmed');
    expect(await counters(early, late)).toEqual([15, 18]);
    const history = (await school.client.get(`/api/v1/bookings/${moving}/history`).expect(200)).body;
    expect(history.at(-1)).toMatchObject({ change: 'changed', reason: 'Bus kommt später' });
    // the change is composed into a mail by the outbox worker, as in the running app
    await t.app.get(OutboxWorker).runOnce();
    const [mail] = await t.dataSource.query(`SELECT recipient FROM outbox_mails WHERE kind = 'booking-changed'`);
    expect(mail.recipient).toBe(school.email);
    expect(await brokenBookingRules(t.dataSource, [fairId])).toEqual([]);
  });

  it('moves into a slot where a bigger class waits: both waiting lists end as the booking rules say', async () => {
    const from = (await newTimeSlot(organiser, fairId, 20, '2027-05-08T09:30')).id;
    const to = (await newTimeSlot(organiser, fairId, 30, '2027-05-08T10:30')).id;
    const moving = await visit(from, 8);
    const waitingHere = await visit(from, 14, 'waitlisted'); // 8 + 14 > 20
    await visit(to, 20);
    const waitingThere = await visit(to, 15, 'waitlisted'); // 20 + 15 > 30
    await move(moving, to).expect(explain(200));
    // the 8 fit beside the 20; the class of 15 still does not, and keeps waiting
    expect((await school.client.get(`/api/v1/bookings/${waitingThere}`).expect(200)).body.status).toBe('waitlisted');
    // the places left behind go to the class that waited for them
    expect((await school.client.get(`/api/v1/bookings/${waitingHere}`).expect(200)).body.status).toBe('confirmed');
    expect(await counters(from, to)).toEqual([14, 28]);
    expect(await brokenBookingRules(t.dataSource, [fairId])).toEqual([]);
  });

  it('refuses a full slot and keeps the old place', async () => {
    const first = (await newTimeSlot(organiser, fairId, 10, '2027-05-08T13:30')).id;
    const second = (await newTimeSlot(organiser, fairId, 10, '2027-05-08T14:30')).id;
    const stays = await visit(first, 8);
    await visit(second, 5);
    const refused = await move(stays, second).expect(409);
    expect(refused.body.code).toBe('no_place_free');
    expect(await slotOf(stays)).toBe(first);
    expect(await counters(first, second)).toEqual([8, 5]);
  });

  it('answers another fair\'s slot or a missing visit as what they are', async () => {
    const slot = (await newTimeSlot(organiser, fairId, 10, '2027-05-08T15:30')).id;
    const booking = await visit(slot, 5);
    const otherFair = (await newEvent(organiser, 'handwerkertag', { title: 'Andere Messe' })).id;
    const foreignSlot = (await newTimeSlot(organiser, otherFair, 10)).id;
    const wrong = await move(booking, foreignSlot).expect(400);
    expect(wrong.body.errors[0].field).toBe('timeSlotId');
    await organiser.post(`/api/v1/events/${otherFair}/class-visits/${booking}/move`, { timeSlotId: foreignSlot }).expect(404);
    await school.client.post(`/api/v1/events/${fairId}/class-visits/${booking}/move`, { timeSlotId: slot }).expect(403);
  });

  it('does it from the organiser\'s page of the fair: a full slot says so, a free one moves the class', async () => {
    const full = (await newTimeSlot(organiser, fairId, 5, '2027-05-08T18:30')).id;
    const free = (await newTimeSlot(organiser, fairId, 30, '2027-05-08T19:30')).id;
    const from = (await newTimeSlot(organiser, fairId, 30, '2027-05-08T20:30')).id;
    await visit(full, 5);
    const booking = await visit(from, 12);
    const page = await PageVisitor.loggedIn(t, organiserEmail);
    const admin = await page.get(`/verwaltung/veranstaltungen/${fairId}`).expect(200);
    expect(admin.text).toContain(`id="besuch-${booking}"`);
    const refused = await page.post(`/verwaltung/veranstaltungen/${fairId}/klassenbesuche/${booking}/verschieben`, { timeSlotId: full });
    expect(refused.status).toBe(409);
    expect(refused.text).toContain('role="alert"');
    expect(await slotOf(booking)).toBe(from);
    const moved = await page.post(`/verwaltung/veranstaltungen/${fairId}/klassenbesuche/${booking}/verschieben`, { timeSlotId: free });
    expect(moved.status).toBe(303);
    expect(moved.headers.location).toBe(`/verwaltung/veranstaltungen/${fairId}?ok=moved#besuch-${booking}`);
    expect(await slotOf(booking)).toBe(free);
  });

  const onServer = process.env.DATABASE_URL ? it : it.skip;
  onServer('moves two visits crossing between two slots at the same moment without losing or doubling a place (needs a PostgreSQL server: DATABASE_URL)', async () => {
    // both slots full, and both with room for the other's class: a swap
    const a = (await newTimeSlot(organiser, fairId, 20, '2027-05-08T16:30')).id;
    const b = (await newTimeSlot(organiser, fairId, 20, '2027-05-08T17:30')).id;
    const fromA = await visit(a, 20);
    const fromB = await visit(b, 20);
    // the test holds both slots; the two moves queue behind it, each holding its own visit
    const gate = await holdOpen(t, (manager) => manager.query(`SELECT id FROM bookables WHERE id = ANY($1) FOR UPDATE`, [[a, b]]));
    const moves = [move(fromA, b), move(fromB, a)].map((request) => request.then((res) => res));
    await lockWaiters(t, 2);
    await gate.commit();
    const answers = await Promise.all(moves);
    // each slot is full when the other move looks: both are refused, nothing changes
    expect(answers.map((r) => [r.status, r.body.code])).toEqual([
      [409, 'no_place_free'],
      [409, 'no_place_free'],
    ]);
    expect([await slotOf(fromA), await slotOf(fromB)]).toEqual([a, b]);
    expect(await counters(a, b)).toEqual([20, 20]);

    // with room in both, the same crossing moves both, each place taken once
    await organiser.patch(`/api/v1/events/${fairId}/time-slots/${a}`, { capacity: 40 }).expect(explain(200));
    await organiser.patch(`/api/v1/events/${fairId}/time-slots/${b}`, { capacity: 40 }).expect(explain(200));
    const again = await holdOpen(t, (manager) => manager.query(`SELECT id FROM bookables WHERE id = ANY($1) FOR UPDATE`, [[a, b]]));
    const swaps = [move(fromA, b), move(fromB, a)].map((request) => request.then((res) => res));
    await lockWaiters(t, 2);
    await again.commit();
    expect((await Promise.all(swaps)).map((r) => r.status)).toEqual([200, 200]);
    expect([await slotOf(fromA), await slotOf(fromB)]).toEqual([b, a]);
    expect(await counters(a, b)).toEqual([20, 20]);
    expect(await brokenBookingRules(t.dataSource, [fairId])).toEqual([]);
  });
});
