import Handlebars from 'handlebars';
import request from 'supertest';
import { Role } from '../src/common/identity/role';
import { ApiClient, explain, inDays, newClass, newCompany, newEvent, newSchool, newStaff, newTimeSlot, standApplication } from './support/factories';
import { PageVisitor } from './support/page-visitor';
import { newYear, steckbrief } from './support/praxistage-year';
import { startTestApp, TestApp } from './support/test-app';

interface Entry {
  kind: string;
  count: number;
  href: string;
  text: { de: string; en: string };
}

/**
 * The organiser's desk: what waits for someone (organisations to approve, stand applications
 * to decide, waiting lists, Steckbriefe to review, pupils without a place, mails that failed),
 * what opens or closes this week, and the day's figures; each entry leads to where it is done.
 */
describe('the organiser\'s desk', () => {
  let t: TestApp;
  let organiser: { client: ApiClient; email: string };
  let partner: { client: ApiClient; email: string };
  let fairId: string;
  let closingId: string;
  let openingId: string;
  let yearId: string;

  beforeAll(async () => {
    t = await startTestApp();
    organiser = await newStaff(t, Role.Organiser);
    partner = await newStaff(t, Role.Partner);
    await newCompany(t, { profile: { name: 'Wartet Auf Freischaltung GmbH' } });
    const company = await newCompany(t, { approvedBy: organiser.client, profile: { name: 'Bäckerei Stand' } });
    fairId = (await newEvent(organiser.client, 'handwerkertag', { title: 'Handwerkertag am Schreibtisch' })).id;
    await company.client.post(`/api/v1/events/${fairId}/stand-applications`, standApplication()).expect(explain(201));
    // one slot, one class in it, the second waits
    const slot = await newTimeSlot(organiser.client, fairId, 20);
    for (const name of ['8a', '8b']) {
      const school = await newSchool(t, { approvedBy: organiser.client });
      const schoolClass = await newClass(school.client, school.id, { name });
      await school.client.post(`/api/v1/events/${fairId}/class-visits`, { timeSlotId: slot.id, schoolClassId: schoolClass.id, pupils: 18, teachers: 1 }).expect(explain(201));
    }
    closingId = (await newEvent(organiser.client, 'handwerkertag', { title: 'Schließt bald', registrationClosesAt: inDays(3), cancellationDeadline: inDays(2) })).id;
    openingId = (await newEvent(organiser.client, 'handwerkertag', { title: 'Öffnet bald', registrationOpensAt: inDays(2) }, { publish: false })).id;
    yearId = (await newYear(organiser.client, [1])).eventId;
    const created = await company.client.post(`/api/v1/praxistage/years/${yearId}/steckbriefe`, steckbrief({ places: [{ phase: 1, weekday: 2, places: 2 }] })).expect(explain(201));
    await company.client.post(`/api/v1/praxistage/steckbriefe/${created.body.id}/submit`).expect(explain(200));
    await t.dataSource.query(`UPDATE outbox_mails SET status = 'failed', last_error = 'mailbox unavailable' WHERE id = (SELECT id FROM outbox_mails ORDER BY created_at LIMIT 1)`);
  }, 60_000);
  afterAll(() => t.close());

  it('lists what waits, with its count and where it is done, what closes this week, and the day\'s figures', async () => {
    const desk = (await organiser.client.get('/api/v1/desk').expect(200)).body;
    const todo = (kind: string) => desk.todo.filter((e: Entry) => e.kind === kind);
    expect(todo('companies_pending')).toEqual([expect.objectContaining({ count: 1, href: '/verwaltung/organisationen?art=unternehmen&status=pending' })]);
    expect(todo('stands_to_decide')).toEqual([expect.objectContaining({ count: 1, href: `/verwaltung/veranstaltungen/${fairId}#standanmeldungen` })]);
    expect(todo('stands_to_decide')[0].text.de).toBe('1 Standanmeldung zu entscheiden: Handwerkertag am Schreibtisch');
    expect(todo('waiting_list')).toEqual([expect.objectContaining({ count: 1, href: `/verwaltung/veranstaltungen/${fairId}#warteliste` })]);
    expect(todo('steckbriefe_to_review')).toEqual([expect.objectContaining({ count: 1, href: `/praxistage/${yearId}#pruefen` })]);
    expect(todo('mails_failed')).toEqual([expect.objectContaining({ count: 1, href: '/verwaltung/postausgang' })]);
    // nothing with a count of 0 is shown: no school waits for approval
    expect(todo('schools_pending')).toEqual([]);
    expect(desk.week).toEqual([
      expect.objectContaining({ kind: 'registration_opens', href: `/verwaltung/veranstaltungen/${openingId}`, text: expect.objectContaining({ de: expect.stringMatching(/^Anmeldung öffnet .* Uhr: Öffnet bald$/) }) }),
      expect.objectContaining({ kind: 'registration_closes', href: `/verwaltung/veranstaltungen/${closingId}` }),
    ]);
    const figure = (kind: string) => desk.figures.find((f: { kind: string }) => f.kind === kind).value;
    expect(figure('booked_today')).toBe(3); // the stand and two class visits
    expect(figure('registrations_today')).toBeGreaterThanOrEqual(4);
  });

  it('is the same, read only, for partners, and nobody else\'s', async () => {
    const forPartner = (await partner.client.get('/api/v1/desk').expect(200)).body;
    expect(forPartner.todo.map((e: Entry) => e.kind).sort()).toEqual((await organiser.client.get('/api/v1/desk')).body.todo.map((e: Entry) => e.kind).sort());
    const company = await newCompany(t, { approvedBy: organiser.client });
    await company.client.get('/api/v1/desk').expect(403);
    await request(t.http).get('/api/v1/desk').expect(401);
  });

  it('shows the desk on /verwaltung, and every entry leads to a page where it is done', async () => {
    for (const who of [organiser, partner]) {
      const visitor = await PageVisitor.loggedIn(t, who.email);
      const page = await visitor.get('/verwaltung').expect(200);
      const desk = (await who.client.get('/api/v1/desk')).body;
      for (const entry of [...desk.todo, ...desk.week] as Entry[]) {
        expect(page.text).toContain(`href="${Handlebars.escapeExpression(entry.href)}"`);
        const target = await visitor.get(entry.href.split('#')[0]);
        expect({ href: entry.href, status: target.status }).toEqual({ href: entry.href, status: 200 });
        const anchor = entry.href.split('#')[1];
        if (anchor) expect(target.text).toContain(`id="${anchor}"`);
      }
      expect(page.text).toContain('Zu tun');
      expect(page.text).toContain('Heute gebucht');
    }
  });
});
