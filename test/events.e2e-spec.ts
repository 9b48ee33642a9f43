import request from 'supertest';
import { Role } from '../src/common/identity/role';
import { ApiClient, inDays, newCompany, newEvent, newSchool, newStaff, newTimeSlot } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

describe('events: creation, life cycle, visibility, free places', () => {
  let t: TestApp;
  let organiser: ApiClient;
  beforeAll(async () => {
    t = await startTestApp();
    organiser = (await newStaff(t, Role.Organiser)).client;
  });
  afterAll(() => t.close());

  const base = {
    title: 'Test',
    venue: 'Nordhausen',
    startsOn: '2027-05-08',
    endsOn: '2027-05-08',
    registrationOpensAt: inDays(-1),
    registrationClosesAt: inDays(10),
    cancellationDeadline: inDays(5),
  };

  it('checks what each program needs, naming the field', async () => {
    const noStands = await organiser.post('/api/v1/events', { ...base, program: 'handwerkertag' }).expect(400);
    expect(noStands.body.errors).toEqual([{ field: 'standCount', code: 'combination', message: 'fehlt (für dieses Programm nötig)' }]);
    const noHost = await organiser.post('/api/v1/events', { ...base, program: 'schule-trifft-wirtschaft' }).expect(400);
    expect(noHost.body.errors[0].field).toBe('hostSchoolId');
    const wrongOrder = await organiser
      .post('/api/v1/events', { ...base, program: 'praxistage', endsOn: '2027-05-01', registrationClosesAt: inDays(-2) })
      .expect(400);
    expect(wrongOrder.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['endsOn', 'registrationClosesAt']);
    const badTime = await organiser.post('/api/v1/events', { ...base, program: 'praxistage', registrationOpensAt: 'morgen früh' }).expect(400);
    expect(badTime.body.errors[0]).toMatchObject({ field: 'registrationOpensAt', message: expect.stringMatching(/^muss ein Zeitpunkt/) });
    const unknownHost = await organiser
      .post('/api/v1/events', { ...base, program: 'schule-trifft-wirtschaft', hostSchoolId: '6a1c0c4e-0000-4000-8000-000000000000' })
      .expect(400);
    expect(unknownHost.body.errors[0]).toMatchObject({ field: 'hostSchoolId', message: 'ist keine bekannte Schule' });
  });

  it('reads times without an offset as German local time', async () => {
    const event = await newEvent(organiser, 'praxistage', { registrationOpensAt: '2027-01-11T08:00', registrationClosesAt: '2027-07-01T18:00' }, { publish: false });
    const [row] = await t.dataSource.query(`SELECT registration_opens_at, registration_closes_at FROM events WHERE id = $1`, [event.id]);
    expect(row.registration_opens_at.toISOString()).toBe('2027-01-11T07:00:00.000Z'); // CET
    expect(row.registration_closes_at.toISOString()).toBe('2027-07-01T16:00:00.000Z'); // CEST
  });

  it('shows drafts only to organisers and partners; published events to everyone, with what is free', async () => {
    const draft = await newEvent(organiser, 'handwerkertag', { title: 'Entwurf' }, { publish: false });
    const open = await newEvent(organiser, 'handwerkertag', { title: 'Offen', standCount: 12 });
    await newTimeSlot(organiser, open.id, 80);
    await newTimeSlot(organiser, open.id, 40, '2027-05-08T10:30');

    const anonymous = await request(t.http).get('/api/v1/events?program=handwerkertag').expect(200);
    const titles = anonymous.body.items.map((e: { title: string }) => e.title);
    expect(titles).toContain('Offen');
    expect(titles).not.toContain('Entwurf');
    const shown = anonymous.body.items.find((e: { id: string }) => e.id === open.id);
    expect(shown.availability).toEqual({
      stands: { capacity: 12, booked: 0, free: 12 },
      visitorPlaces: { capacity: 120, booked: 0, free: 120 },
    });
    await request(t.http).get(`/api/v1/events/${draft.id}`).expect(404);
    const company = await newCompany(t);
    await company.client.get(`/api/v1/events/${draft.id}`).expect(404);
    const partner = (await newStaff(t, Role.Partner)).client;
    await partner.get(`/api/v1/events/${draft.id}`).expect(200);
    await partner.post(`/api/v1/events/${draft.id}/status`, { status: 'published' }).expect(403);
  });

  it('lets the host school see its own draft day', async () => {
    const host = await newSchool(t, { approvedBy: organiser });
    const day = await newEvent(organiser, 'schule-trifft-wirtschaft', { hostSchoolId: host.id }, { publish: false });
    await host.client.get(`/api/v1/events/${day.id}`).expect(200);
    const other = await newSchool(t, { approvedBy: organiser });
    await other.client.get(`/api/v1/events/${day.id}`).expect(404);
  });

  it('follows the life cycle draft → published → closed → completed', async () => {
    const event = await newEvent(organiser, 'praxistage', {}, { publish: false });
    await organiser.post(`/api/v1/events/${event.id}/status`, { status: 'completed' }).expect(409);
    for (const status of ['published', 'closed', 'published', 'closed', 'completed']) {
      await organiser.post(`/api/v1/events/${event.id}/status`, { status }).expect(200);
    }
    const done = await organiser.post(`/api/v1/events/${event.id}/status`, { status: 'cancelled' }).expect(409);
    expect(done.body.detail).toBe('Eine Veranstaltung im Status „abgeschlossen“ kann nicht auf „abgesagt“ gesetzt werden.');
  });

  it('changes the number of stands like any capacity', async () => {
    const fair = await newEvent(organiser, 'handwerkertag', { standCount: 5 });
    const updated = await organiser.patch(`/api/v1/events/${fair.id}`, { standCount: 8, title: 'Deine Region dein Handwerk 2027' }).expect(200);
    expect(updated.body.title).toBe('Deine Region dein Handwerk 2027');
    const shown = await organiser.get(`/api/v1/events/${fair.id}`).expect(200);
    expect(shown.body.availability.stands).toEqual({ capacity: 8, booked: 0, free: 8 });
    const wrong = await organiser.patch(`/api/v1/events/${fair.id}`, { program: 'praxistage' }).expect(400);
    expect(wrong.body.errors[0]).toMatchObject({ field: 'program', code: 'unknownField' });
  });
});
