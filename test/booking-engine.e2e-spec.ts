import { BookingEngine } from '../src/bookings/booking-engine';
import { Booking } from '../src/bookings/booking.entity';
import { DomainError } from '../src/common/errors/domain-error';
import { Role } from '../src/common/identity/role';
import { Event } from '../src/events/event.entity';
import { brokenBookingRules } from './support/booking-invariants';
import { newClasses, newEvent, newSchool, newStaff, newTimeSlot } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

/**
 * The engine on its own, against the real database (no HTTP): the rules of capacity, the
 * waiting list and promotion, the transitions and the end of an event, each called the way
 * a program's service calls them, inside a transaction.
 */
describe('BookingEngine (service, real database)', () => {
  let t: TestApp;
  let engine: BookingEngine;
  let schoolId: string;
  let classes: string[];
  let organiserId: string;
  let organiser: Awaited<ReturnType<typeof newStaff>>['client'];
  let used = 0;

  beforeAll(async () => {
    t = await startTestApp();
    engine = t.app.get(BookingEngine);
    const staff = await newStaff(t, Role.Organiser);
    organiser = staff.client;
    organiserId = staff.userId;
    const school = await newSchool(t, { approvedBy: organiser });
    schoolId = school.id;
    classes = await newClasses(t, schoolId, 60);
  });
  afterAll(() => t.close());

  const inTx = <T>(work: (m: import('typeorm').EntityManager) => Promise<T>) => t.dataSource.transaction(work);

  async function slot(capacity: number) {
    const fair = await newEvent(organiser, 'handwerkertag');
    const timeSlot = await newTimeSlot(organiser, fair.id, capacity);
    const event = await t.dataSource.manager.findOneByOrFail(Event, { id: fair.id });
    return { event, slotId: timeSlot.id };
  }

  const visit = (event: Event, slotId: string, persons: number) =>
    inTx((m) =>
      engine.place(
        m,
        event,
        { kind: 'class_visit', bookableId: slotId, quantity: persons, schoolId, schoolClassId: classes[used++], details: { pupils: persons, teachers: 0 } },
        { actorId: organiserId },
      ),
    );
  const move = (bookingId: string, to: Booking['status']) => inTx((m) => engine.transition(m, bookingId, to, { actorId: organiserId }));
  const counter = async (id: string) => (await t.dataSource.query(`SELECT capacity, booked FROM bookables WHERE id = $1`, [id]))[0];
  const statusOf = async (id: string) => (await t.dataSource.manager.findOneByOrFail(Booking, { id })).status;

  it('confirms what fits and waitlists what does not, holding the counter to the confirmed places', async () => {
    const { event, slotId } = await slot(10);
    const a = await visit(event, slotId, 6);
    const b = await visit(event, slotId, 5);
    const c = await visit(event, slotId, 4);
    expect([a.status, b.status, c.status]).toEqual(['confirmed', 'waitlisted', 'confirmed']);
    expect(await counter(slotId)).toEqual({ capacity: 10, booked: 10 });
    expect(await brokenBookingRules(t.dataSource, [event.id])).toEqual([]);
  });

  it('promotes first come first served, letting a smaller booking go ahead of one that does not fit', async () => {
    const { event, slotId } = await slot(6);
    const holder = await visit(event, slotId, 6);
    const big = await visit(event, slotId, 5);
    const small = await visit(event, slotId, 2);
    const later = await visit(event, slotId, 3);
    await inTx((m) => engine.setCapacity(m, slotId, 10)); // 4 free: the 5 waits, the 2 goes, then the 3 does not fit
    expect([await statusOf(big.id), await statusOf(small.id), await statusOf(later.id)]).toEqual(['waitlisted', 'confirmed', 'waitlisted']);
    await move(holder.id, 'cancelled'); // 8 free: the 5 first, then the 3
    expect([await statusOf(big.id), await statusOf(later.id)]).toEqual(['confirmed', 'confirmed']);
    expect(await counter(slotId)).toEqual({ capacity: 10, booked: 10 });
    expect(await brokenBookingRules(t.dataSource, [event.id])).toEqual([]);
  });

  it('refuses a capacity below what is booked and a transition the states do not allow', async () => {
    const { event, slotId } = await slot(10);
    const a = await visit(event, slotId, 7);
    await expect(inTx((m) => engine.setCapacity(m, slotId, 6))).rejects.toMatchObject({ code: 'capacity_below_booked', params: { booked: 7 } });
    await move(a.id, 'cancelled');
    await expect(move(a.id, 'confirmed')).rejects.toBeInstanceOf(DomainError);
    await expect(move(a.id, 'confirmed')).rejects.toMatchObject({ code: 'invalid_transition' });
    expect(await counter(slotId)).toEqual({ capacity: 10, booked: 0 });
  });

  it('keeps a booking larger than the whole capacity off the waiting list', async () => {
    const { event, slotId } = await slot(4);
    await expect(visit(event, slotId, 5)).rejects.toMatchObject({ code: 'exceeds_capacity', params: { capacity: 4 } });
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM bookings WHERE bookable_id = $1`, [slotId])).toEqual([{ n: 0 }]);
  });

  it('ends every live booking of a cancelled event, with history, and frees every counter', async () => {
    const { event, slotId } = await slot(5);
    const confirmed = await visit(event, slotId, 5);
    const waiting = await visit(event, slotId, 2);
    await inTx(async (m) => {
      await m.update(Event, { id: event.id }, { status: 'cancelled' });
      await engine.cancelEvent(m, event.id, { actorId: organiserId, reason: 'Sturmwarnung' });
    });
    expect([await statusOf(confirmed.id), await statusOf(waiting.id)]).toEqual(['cancelled', 'cancelled']);
    expect(await counter(slotId)).toEqual({ capacity: 5, booked: 0 });
    const reasons = await t.dataSource.query(`SELECT DISTINCT reason FROM booking_changes WHERE booking_id = ANY($1) AND change = 'cancelled'`, [[confirmed.id, waiting.id]]);
    expect(reasons).toEqual([{ reason: 'Sturmwarnung' }]);
    expect(await brokenBookingRules(t.dataSource, [event.id])).toEqual([]);
  });

  it('writes nothing when the transaction around it rolls back', async () => {
    const { event, slotId } = await slot(5);
    await expect(
      inTx(async (m) => {
        await engine.place(m, event, { kind: 'class_visit', bookableId: slotId, quantity: 3, schoolId, schoolClassId: classes[used++], details: {} }, { actorId: organiserId });
        throw new Error('abgebrochen');
      }),
    ).rejects.toThrow('abgebrochen');
    expect(await counter(slotId)).toEqual({ capacity: 5, booked: 0 });
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM booking_changes c JOIN bookings b ON b.id = c.booking_id WHERE b.bookable_id = $1`, [slotId])).toEqual([{ n: 0 }]);
  });
});
