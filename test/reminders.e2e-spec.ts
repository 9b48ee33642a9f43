import { Role } from '../src/common/identity/role';
import { Reminders } from '../src/notifications/reminders';
import { explain, inDays, newClass, newCompany, newEvent, newPupil, newSchool, newStaff, newTimeSlot } from './support/factories';
import { offerBody } from './support/sample-bodies';
import { startTestApp, TestApp } from './support/test-app';

const isoIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
/** The first Monday at least `days` days ahead. */
function mondayFrom(days: number) {
  const date = new Date(Date.now() + days * 86_400_000);
  while (date.getUTCDay() !== 1) date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/**
 * Each booking is reminded by its own first day, whatever its program: a class visit by its
 * slot's day, a placement by its first practice day (the term itself may have begun long
 * ago) — and only once, by one instance.
 */
describe('reminders find each booking by its own first day', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ REMINDER_DAYS_BEFORE: '16' }) // next week's Monday, even if a public holiday moves it by a week;
  });
  afterAll(() => t.close());

  const remindedIds = async () =>
    ((await t.dataSource.query(`SELECT booking_id FROM reminders_sent`)) as Array<{ booking_id: string }>).map((r) => r.booking_id).sort();

  it('reminds a visit and a placement that start within the days before, and neither what starts later nor twice', async () => {
    const organiser = (await newStaff(t, Role.Organiser)).client;
    const school = await newSchool(t, { approvedBy: organiser });
    const schoolClass = await newClass(school.client, school.id);
    const company = await newCompany(t, { approvedBy: organiser });
    const window = { registrationClosesAt: inDays(1), cancellationDeadline: inDays(1) };

    const soonFair = await newEvent(organiser, 'handwerkertag', { startsOn: isoIn(4), endsOn: isoIn(4), ...window });
    const soonSlot = await newTimeSlot(organiser, soonFair.id, 50, `${isoIn(4)}T08:30`);
    const soonVisit = await school.client.post(`/api/v1/events/${soonFair.id}/class-visits`, { timeSlotId: soonSlot.id, schoolClassId: schoolClass.id, pupils: 20, teachers: 1 }).expect(explain(201));
    const laterFair = await newEvent(organiser, 'handwerkertag', { startsOn: isoIn(30), endsOn: isoIn(30), ...window });
    const laterSlot = await newTimeSlot(organiser, laterFair.id, 50, `${isoIn(30)}T08:30`);
    await school.client.post(`/api/v1/events/${laterFair.id}/class-visits`, { timeSlotId: laterSlot.id, schoolClassId: schoolClass.id, pupils: 20, teachers: 1 }).expect(explain(201));

    // a term that began a week ago: one offer's practice days start next week, the other's in a month
    const term = await newEvent(organiser, 'praxistage', { startsOn: isoIn(-7), endsOn: isoIn(120), ...window });
    const nextWeek = mondayFrom(1);
    const inAMonth = mondayFrom(35);
    const soonOffer = await company.client.post(`/api/v1/events/${term.id}/offers`, offerBody({ weekdays: [1], firstDate: nextWeek, lastDate: isoIn(110) })).expect(explain(201));
    const laterOffer = await company.client.post(`/api/v1/events/${term.id}/offers`, offerBody({ weekdays: [1], firstDate: inAMonth, lastDate: isoIn(110) })).expect(explain(201));
    const [lena, tom] = [await newPupil(school.client, school.id, schoolClass.id), await newPupil(school.client, school.id, schoolClass.id, { firstName: 'Tom' })];
    const soonPlacement = await school.client.post(`/api/v1/events/${term.id}/placements`, { offerId: soonOffer.body.id, weekday: 1, pupilId: lena.id }).expect(explain(201));
    await school.client.post(`/api/v1/events/${term.id}/placements`, { offerId: laterOffer.body.id, weekday: 1, pupilId: tom.id }).expect(explain(201));

    const reminders = t.app.get(Reminders);
    expect(await reminders.runOnce()).toBe(2);
    expect(await remindedIds()).toEqual([soonVisit.body.id, soonPlacement.body.id].sort());
    expect(await reminders.runOnce()).toBe(0);
    const mails = await t.dataSource.query(`SELECT booking_id FROM outbox_mails WHERE kind = 'booking-reminder'`);
    expect(new Set(mails.map((m: { booking_id: string }) => m.booking_id))).toEqual(new Set([soonVisit.body.id, soonPlacement.body.id]));
  });
});
