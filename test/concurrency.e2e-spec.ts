import { Role } from '../src/common/identity/role';
import { ApiClient, newClasses, newCompany, newEvent, newSchool, newStaff, newTimeSlot, standApplication } from './support/factories';
import { fireAll } from './support/parallel';
import { startTestApp, TestApp } from './support/test-app';

/**
 * The morning registration opens: many bookers at once. Real parallel HTTP requests
 * against one slot; the outcome is counted in the database. Against PostgreSQL these run
 * truly concurrently on a pool of connections.
 */
describe('capacity under a rush of parallel bookings', () => {
  let t: TestApp;
  let organiser: ApiClient;
  let baseUrl: string;
  beforeAll(async () => {
    t = await startTestApp();
    organiser = (await newStaff(t, Role.Organiser)).client;
    baseUrl = await t.url();
  });
  afterAll(() => t.close());

  /** A school with `count` classes, created directly (setup only). */
  async function schoolWithClasses(count: number) {
    const school = await newSchool(t, { approvedBy: organiser });
    return { ...school, classIds: await newClasses(t, school.id, count) };
  }

  async function slotState(slotId: string) {
    const [slot]: Array<{ capacity: number; booked: number }> = await t.dataSource.query(
      `SELECT capacity, booked FROM bookables WHERE id = $1`,
      [slotId],
    );
    const bookings: Array<{ status: string; quantity: number }> = await t.dataSource.query(
      `SELECT status, quantity FROM bookings WHERE bookable_id = $1`,
      [slotId],
    );
    const sum = (status: string[]) => bookings.filter((b) => status.includes(b.status)).reduce((n, b) => n + b.quantity, 0);
    return { ...slot, held: sum(['pending', 'confirmed']), bookings };
  }

  it('confirms exactly the capacity with 100 single-person requests, and waitlists the rest', async () => {
    const fair = await newEvent(organiser, 'handwerkertag');
    const slot = await newTimeSlot(organiser, fair.id, 60);
    const school = await schoolWithClasses(100);
    const answers = await fireAll(
      baseUrl,
      school.client.token!,
      school.classIds.map((schoolClassId) => ({ path: `/api/v1/events/${fair.id}/class-visits`, body: { timeSlotId: slot.id, schoolClassId, pupils: 1, teachers: 0 } })),
    );
    expect(answers.filter((a) => a.status !== 201)).toEqual([]);
    const state = await slotState(slot.id);
    expect(state.bookings.filter((b) => b.status === 'confirmed')).toHaveLength(60);
    expect(state.bookings.filter((b) => b.status === 'waitlisted')).toHaveLength(40);
    expect(state.booked).toBe(60);
    expect(state.held).toBe(state.booked);
  });

  it('never overbooks with 120 mixed-size classes; the counter equals the confirmed persons; no waiting class would fit', async () => {
    const fair = await newEvent(organiser, 'handwerkertag');
    const slot = await newTimeSlot(organiser, fair.id, 150);
    const school = await schoolWithClasses(120);
    const answers = await fireAll(
      baseUrl,
      school.client.token!,
      school.classIds.map((schoolClassId, i) => ({
        path: `/api/v1/events/${fair.id}/class-visits`,
        body: { timeSlotId: slot.id, schoolClassId, pupils: 1 + (i % 7), teachers: i % 2 },
      })),
    );
    expect(answers.filter((a) => a.status !== 201)).toEqual([]);
    const state = await slotState(slot.id);
    expect(state.bookings).toHaveLength(120);
    expect(state.booked).toBeLessThanOrEqual(150);
    expect(state.held).toBe(state.booked);
    const free = state.capacity - state.booked;
    const waiting = state.bookings.filter((b) => b.status === 'waitlisted');
    expect(waiting.length).toBeGreaterThan(0);
    // greedy first-come-first-served: whatever waits did not fit when it came, and places only ever shrank
    expect(waiting.filter((b) => b.quantity <= free)).toEqual([]);
  });

  it('keeps the counter right while cancellations and promotions run in parallel', async () => {
    const fair = await newEvent(organiser, 'handwerkertag');
    const slot = await newTimeSlot(organiser, fair.id, 40);
    const school = await schoolWithClasses(80);
    const booked = await fireAll(
      baseUrl,
      school.client.token!,
      school.classIds.map((schoolClassId, i) => ({
        path: `/api/v1/events/${fair.id}/class-visits`,
        body: { timeSlotId: slot.id, schoolClassId, pupils: 1 + (i % 3), teachers: 0 },
      })),
    );
    const confirmed = booked.filter((a) => a.body.status === 'confirmed').map((a) => a.body.id as string);
    const cancels = await fireAll(
      baseUrl,
      school.client.token!,
      confirmed.slice(0, 12).map((id) => ({ path: `/api/v1/bookings/${id}/cancel` })),
    );
    expect(cancels.filter((a) => a.status !== 200)).toEqual([]);
    const state = await slotState(slot.id);
    expect(state.held).toBe(state.booked);
    expect(state.booked).toBeLessThanOrEqual(40);
    const free = state.capacity - state.booked;
    expect(state.bookings.filter((b) => b.status === 'waitlisted' && b.quantity <= free)).toEqual([]);
    const [{ promoted }] = await t.dataSource.query(
      `SELECT count(*)::int AS promoted FROM booking_changes c JOIN bookings b ON b.id = c.booking_id
        WHERE b.bookable_id = $1 AND c.change = 'promoted'`,
      [slot.id],
    );
    expect(promoted).toBeGreaterThan(0);
  });

  it('leaves no waiting class that would fit when bookings and cancellations arrive at the same moment', async () => {
    const fair = await newEvent(organiser, 'handwerkertag');
    const slot = await newTimeSlot(organiser, fair.id, 30);
    const school = await schoolWithClasses(90);
    const first = await fireAll(
      baseUrl,
      school.client.token!,
      school.classIds.slice(0, 30).map((schoolClassId) => ({
        path: `/api/v1/events/${fair.id}/class-visits`,
        body: { timeSlotId: slot.id, schoolClassId, pupils: 1, teachers: 0 },
      })),
    );
    const toCancel = first.map((a) => a.body.id as string).slice(0, 15);
    const mixed = await Promise.all([
      fireAll(baseUrl, school.client.token!, toCancel.map((id) => ({ path: `/api/v1/bookings/${id}/cancel` }))),
      fireAll(
        baseUrl,
        school.client.token!,
        school.classIds.slice(30).map((schoolClassId, i) => ({
          path: `/api/v1/events/${fair.id}/class-visits`,
          body: { timeSlotId: slot.id, schoolClassId, pupils: 1 + (i % 2), teachers: 0 },
        })),
      ),
    ]);
    expect(mixed.flat().filter((a) => a.status >= 300)).toEqual([]);
    const state = await slotState(slot.id);
    expect(state.held).toBe(state.booked);
    const free = state.capacity - state.booked;
    expect(state.bookings.filter((b) => b.status === 'waitlisted' && b.quantity <= free)).toEqual([]);
  });

  it('lets no booking slip into an event while it is being cancelled', async () => {
    const fair = await newEvent(organiser, 'handwerkertag');
    const slot = await newTimeSlot(organiser, fair.id, 20);
    const school = await schoolWithClasses(60);
    const bookings = fireAll(
      baseUrl,
      school.client.token!,
      school.classIds.map((schoolClassId) => ({
        path: `/api/v1/events/${fair.id}/class-visits`,
        body: { timeSlotId: slot.id, schoolClassId, pupils: 1, teachers: 0 },
      })),
    );
    const cancel = fireAll(baseUrl, organiser.token!, [{ path: `/api/v1/events/${fair.id}/status`, body: { status: 'cancelled' } }]);
    const [answers, [cancelled]] = await Promise.all([bookings, cancel]);
    expect(cancelled.status).toBe(200);
    expect(answers.filter((a) => ![201, 409].includes(a.status))).toEqual([]);
    const [{ live }] = await t.dataSource.query(
      `SELECT count(*)::int AS live FROM bookings WHERE event_id = $1 AND status IN ('pending', 'confirmed', 'waitlisted')`,
      [fair.id],
    );
    expect(live).toBe(0);
    expect((await slotState(slot.id)).booked).toBe(0);
  });

  it('hands out exactly the stands there are to 30 companies applying at once', async () => {
    const fair = await newEvent(organiser, 'handwerkertag', { standCount: 10 });
    const companies = await Promise.all(Array.from({ length: 30 }, () => newCompany(t, { approvedBy: organiser })));
    const answers = await Promise.all(
      companies.map((c) => fireAll(baseUrl, c.client.token!, [{ path: `/api/v1/events/${fair.id}/stand-applications`, body: standApplication() }])),
    );
    const statuses = answers.map((a) => a[0].body.status);
    expect(statuses.filter((s) => s === 'pending')).toHaveLength(10);
    expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(20);
    const [pool] = await t.dataSource.query(`SELECT capacity, booked FROM bookables WHERE event_id = $1 AND kind = 'stands'`, [fair.id]);
    expect(pool).toEqual({ capacity: 10, booked: 10 });
  });
});
