import { Role } from '../src/common/identity/role';
import { explain, newClass, newEvent, newSchool, newStaff, newTimeSlot } from './support/factories';
import { PageVisitor } from './support/page-visitor';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Closing, reopening, completing and cancelling an event in the pages, each behind a page
 * that says what will happen; a cancellation names how many bookings and people it reaches
 * and needs its reason.
 */
describe('an event\'s status in the organiser\'s pages', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('says what a cancellation reaches, wants its reason, and then cancels every booking', async () => {
    const staff = await newStaff(t, Role.Organiser);
    const fair = await newEvent(staff.client, 'handwerkertag', { title: 'Abzusagende Messe' });
    const slot = await newTimeSlot(staff.client, fair.id, 60);
    const school = await newSchool(t, { approvedBy: staff.client });
    const bookings: string[] = [];
    for (const name of ['8a', '8b']) {
      const schoolClass = await newClass(school.client, school.id, { name });
      bookings.push((await school.client.post(`/api/v1/events/${fair.id}/class-visits`, { timeSlotId: slot.id, schoolClassId: schoolClass.id, pupils: 20, teachers: 1 }).expect(explain(201))).body.id);
    }
    const page = await PageVisitor.loggedIn(t, staff.email);
    const admin = await page.get(`/verwaltung/veranstaltungen/${fair.id}`).expect(200);
    expect(admin.text).toContain(`/verwaltung/veranstaltungen/${fair.id}/status/absagen`);
    expect(admin.text).not.toContain('/status/oeffnen'); // published: it is open already

    const confirm = await page.get(`/verwaltung/veranstaltungen/${fair.id}/status/absagen`).expect(200);
    expect(confirm.text).toContain('Buchungen, die storniert werden: 2. Personen, die eine Mail bekommen: 1.');
    const withoutReason = await page.post(`/verwaltung/veranstaltungen/${fair.id}/status/absagen`, {});
    expect(withoutReason.status).toBe(400);
    expect(withoutReason.text).toContain('reason-error');
    expect((await staff.client.get(`/api/v1/events/${fair.id}`).expect(200)).body.status).toBe('published');

    const done = await page.post(`/verwaltung/veranstaltungen/${fair.id}/status/absagen`, { reason: 'Sturmwarnung' });
    expect(done.status).toBe(303);
    expect((await staff.client.get(`/api/v1/events/${fair.id}`).expect(200)).body.status).toBe('cancelled');
    for (const id of bookings) {
      const history = (await school.client.get(`/api/v1/bookings/${id}/history`).expect(200)).body;
      expect(history.at(-1)).toMatchObject({ change: 'cancelled', reason: 'Sturmwarnung' });
    }
    // a cancelled event takes no other step: those pages are not there
    await page.get(`/verwaltung/veranstaltungen/${fair.id}/status/schliessen`).expect(404);
  });

  it('closes and reopens registration, each confirmed first; other roles are refused', async () => {
    const staff = await newStaff(t, Role.Organiser);
    const fair = await newEvent(staff.client, 'handwerkertag', { title: 'Zu schließende Messe' });
    const page = await PageVisitor.loggedIn(t, staff.email);
    expect((await page.get(`/verwaltung/veranstaltungen/${fair.id}/status/schliessen`).expect(200)).text).toContain('Ja, Anmeldung schließen');
    expect((await page.post(`/verwaltung/veranstaltungen/${fair.id}/status/schliessen`, {})).status).toBe(303);
    expect((await staff.client.get(`/api/v1/events/${fair.id}`)).body.status).toBe('closed');
    expect((await page.post(`/verwaltung/veranstaltungen/${fair.id}/status/oeffnen`, {})).status).toBe(303);
    expect((await staff.client.get(`/api/v1/events/${fair.id}`)).body.status).toBe('published');
    await page.get(`/verwaltung/veranstaltungen/${fair.id}/status/loeschen`).expect(404);
    const partner = await PageVisitor.loggedIn(t, (await newStaff(t, Role.Partner)).email);
    await partner.get(`/verwaltung/veranstaltungen/${fair.id}/status/schliessen`).expect(403);
  });

  it('publishes a draft behind its page; a draft is not "reopened"', async () => {
    const staff = await newStaff(t, Role.Organiser);
    const draft = await newEvent(staff.client, 'handwerkertag', { title: 'Entwurf zum Veröffentlichen' }, { publish: false });
    const page = await PageVisitor.loggedIn(t, staff.email);
    const admin = await page.get(`/verwaltung/veranstaltungen/${draft.id}`).expect(200);
    expect(admin.text).toContain(`/verwaltung/veranstaltungen/${draft.id}/status/veroeffentlichen`);
    expect(admin.text).not.toContain('/status/oeffnen');
    await page.get(`/verwaltung/veranstaltungen/${draft.id}/status/oeffnen`).expect(404);
    expect((await page.get(`/verwaltung/veranstaltungen/${draft.id}/status/veroeffentlichen`).expect(200)).text).toContain('erscheint dann auf der Startseite');
    expect((await page.post(`/verwaltung/veranstaltungen/${draft.id}/status/veroeffentlichen`, {})).status).toBe(303);
    expect((await staff.client.get(`/api/v1/events/${draft.id}`)).body.status).toBe('published');
    await page.get(`/verwaltung/veranstaltungen/${draft.id}/status/veroeffentlichen`).expect(404);
  });
});
