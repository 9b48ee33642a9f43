import { Role } from '../src/common/identity/role';
import { ApiClient, explain, newClass, newCompany, newEvent, newSchool, newStaff } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

describe('Schule trifft Wirtschaft: a school day with its session grid', () => {
  let t: TestApp;
  let organiser: ApiClient;
  let host: Awaited<ReturnType<typeof newSchool>>;
  let eventId: string;
  let periods: string[];
  let classes: string[];
  let rooms: string[];
  beforeAll(async () => {
    t = await startTestApp();
    organiser = (await newStaff(t, Role.Organiser)).client;
    host = await newSchool(t, { approvedBy: organiser, profile: { name: 'Lessingschule Nordhausen' } });
    const event = await newEvent(organiser, 'schule-trifft-wirtschaft', { hostSchoolId: host.id, requestedOccupationalFields: ['Elektro', 'Pflege'] }, { publish: false });
    eventId = event.id;

    // the host school lays out its day, even before it is published
    periods = [];
    for (const [number, start, end] of [[1, '08:00', '08:45'], [2, '08:50', '09:35'], [3, '09:55', '10:40']] as const) {
      const res = await host.client.post(`/api/v1/events/${eventId}/periods`, { number, startsAt: `2027-03-10T${start}`, endsAt: `2027-03-10T${end}` }).expect(explain(201));
      periods.push(res.body.id);
    }
    classes = [];
    for (const name of ['8a', '8b', '9a']) {
      const schoolClass = await newClass(host.client, host.id, { name, grade: Number(name[0]) });
      classes.push((await host.client.post(`/api/v1/events/${eventId}/classes`, { schoolClassId: schoolClass.id }).expect(explain(201))).body.id);
    }
    rooms = [];
    for (const name of ['Raum 101', 'Aula']) rooms.push((await host.client.post(`/api/v1/events/${eventId}/rooms`, { name }).expect(201)).body.id);
    await organiser.post(`/api/v1/events/${eventId}/status`, { status: 'published' }).expect(200);
  });
  afterAll(() => t.close());

  const registered = async (profile: Record<string, unknown> = {}) => {
    const company = await newCompany(t, { approvedBy: organiser, profile });
    await company.client.post(`/api/v1/events/${eventId}/registrations`).expect(explain(201));
    return company;
  };

  it('keeps the day’s layout unique and lets only the host school (or organisers) change it', async () => {
    const duplicate = await host.client.post(`/api/v1/events/${eventId}/periods`, { number: 1, startsAt: '2027-03-10T11:00', endsAt: '2027-03-10T11:45' }).expect(409);
    expect(duplicate.body.code).toBe('period_number_taken');
    await host.client.post(`/api/v1/events/${eventId}/rooms`, { name: 'aula' }).expect(409);
    const otherSchool = await newSchool(t, { approvedBy: organiser });
    const refused = await otherSchool.client.post(`/api/v1/events/${eventId}/rooms`, { name: 'Keller' }).expect(403);
    expect(refused.body.code).toBe('not_host_school');
    const foreignClass = await newClass(otherSchool.client, otherSchool.id);
    const notHosts = await host.client.post(`/api/v1/events/${eventId}/classes`, { schoolClassId: foreignClass.id }).expect(400);
    expect(notHosts.body.errors[0]).toMatchObject({ field: 'schoolClassId', message: 'ist keine Klasse Ihrer Schule' });
    const layout = await otherSchool.client.get(`/api/v1/events/${eventId}/layout`).expect(200);
    expect(layout.body.periods.map((p: { number: number }) => p.number)).toEqual([1, 2, 3]);
    expect(layout.body.classes.map((c: { name: string }) => c.name)).toEqual(['8a', '8b', '9a']);
  });

  it('companies register for the day and book free class-periods; the database refuses a second company in a class-period', async () => {
    const elektro = await registered({ name: 'Elektro Kyffhäuser', branch: 'Elektrohandwerk' });
    const pflege = await registered({ name: 'Pflegedienst Sonnenschein', branch: 'Pflege' });

    const again = await elektro.client.post(`/api/v1/events/${eventId}/registrations`).expect(409);
    expect(again.body.code).toBe('already_registered_for_day');

    const session = await elektro.client.post(`/api/v1/events/${eventId}/sessions`, { eventClassId: classes[0], periodId: periods[0], roomId: rooms[0] }).expect(explain(201));
    expect(session.body).toMatchObject({ kind: 'session', status: 'confirmed', companyId: elektro.id, schoolId: host.id, team: 1 });

    const taken = await pflege.client.post(`/api/v1/events/${eventId}/sessions`, { eventClassId: classes[0], periodId: periods[0] }).expect(409);
    expect(taken.body).toMatchObject({ code: 'class_period_taken' });
    const roomBusy = await pflege.client.post(`/api/v1/events/${eventId}/sessions`, { eventClassId: classes[1], periodId: periods[0], roomId: rooms[0] }).expect(409);
    expect(roomBusy.body.code).toBe('room_busy');
    const teamBusy = await elektro.client.post(`/api/v1/events/${eventId}/sessions`, { eventClassId: classes[1], periodId: periods[0] }).expect(409);
    expect(teamBusy.body.code).toBe('team_busy');
    // a second team of the same company may be in another class at the same time
    await elektro.client.post(`/api/v1/events/${eventId}/sessions`, { eventClassId: classes[1], periodId: periods[0], team: 2 }).expect(explain(201));

    // the host school books a registered company into its grid, filtered by occupational field
    const wanted = await host.client.get(`/api/v1/events/${eventId}/registrations?branch=pflege`).expect(200);
    expect(wanted.body.map((r: { name: string }) => r.name)).toEqual(['Pflegedienst Sonnenschein']);
    await host.client.post(`/api/v1/events/${eventId}/sessions`, { eventClassId: classes[2], periodId: periods[0], roomId: rooms[1], companyId: pflege.id }).expect(explain(201));
    const noCompany = await host.client.post(`/api/v1/events/${eventId}/sessions`, { eventClassId: classes[2], periodId: periods[1] }).expect(400);
    expect(noCompany.body.errors[0].field).toBe('companyId');

    const grid = await pflege.client.get(`/api/v1/events/${eventId}/grid`).expect(200);
    expect(grid.body.periods).toHaveLength(3);
    expect(grid.body.classes).toHaveLength(3);
    const cell = (c: number, p: number) =>
      grid.body.cells.filter((x: { eventClassId: string; periodId: string }) => x.eventClassId === classes[c] && x.periodId === periods[p]).map((x: { companyName: string; roomName: string | null; team: number }) => `${x.companyName}/${x.roomName ?? '-'}/${x.team}`);
    expect(cell(0, 0)).toEqual(['Elektro Kyffhäuser/Raum 101/1']);
    expect(cell(1, 0)).toEqual(['Elektro Kyffhäuser/-/2']);
    expect(cell(2, 0)).toEqual(['Pflegedienst Sonnenschein/Aula/1']);
    expect(cell(0, 1)).toEqual([]);

    // both sides see the session among their bookings
    const hostBookings = await host.client.get(`/api/v1/bookings?eventId=${eventId}&kind=session`).expect(200);
    expect(hostBookings.body.total).toBe(3);
    const companyBookings = await pflege.client.get(`/api/v1/bookings?eventId=${eventId}&kind=session`).expect(200);
    expect(companyBookings.body.total).toBe(1);
  });

  it('frees a class-period when its session is cancelled', async () => {
    const a = await registered();
    const b = await registered();
    const first = await a.client.post(`/api/v1/events/${eventId}/sessions`, { eventClassId: classes[0], periodId: periods[2] }).expect(201);
    await b.client.post(`/api/v1/events/${eventId}/sessions`, { eventClassId: classes[0], periodId: periods[2] }).expect(409);
    await host.client.post(`/api/v1/bookings/${first.body.id}/cancel`, { reason: 'Stundenplanänderung' }).expect(200);
    await b.client.post(`/api/v1/events/${eventId}/sessions`, { eventClassId: classes[0], periodId: periods[2] }).expect(201);
  });

  it('withdrawing from the day cancels the company’s sessions', async () => {
    const company = await registered();
    const [registration] = (await company.client.get(`/api/v1/bookings?eventId=${eventId}&kind=day_registration`)).body.items;
    const session = await company.client.post(`/api/v1/events/${eventId}/sessions`, { eventClassId: classes[2], periodId: periods[2] }).expect(201);
    await company.client.post(`/api/v1/bookings/${registration.id}/cancel`, { reason: 'Krankheit im Team' }).expect(200);
    const after = await company.client.get(`/api/v1/bookings/${session.body.id}`).expect(200);
    expect(after.body.status).toBe('cancelled');
    const history = await host.client.get(`/api/v1/bookings/${session.body.id}/history`).expect(200);
    expect(history.body.at(-1).reason).toMatch(/^Anmeldung zum Tag storniert/);
  });

  it('refuses sessions of companies not registered for the day, and grid cells of another day', async () => {
    const stranger = await newCompany(t, { approvedBy: organiser });
    const notRegistered = await stranger.client.post(`/api/v1/events/${eventId}/sessions`, { eventClassId: classes[1], periodId: periods[1] }).expect(409);
    expect(notRegistered.body.code).toBe('not_registered_for_day');
    const company = await registered();
    const wrong = await company.client.post(`/api/v1/events/${eventId}/sessions`, { eventClassId: periods[1], periodId: classes[1] }).expect(400);
    expect(wrong.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['eventClassId', 'periodId']);
  });

  it('keeps the grid rules in the database itself, whatever the code does', async () => {
    const [x, y] = [await registered(), await registered()];
    const insert = (companyId: string, eventClassId: string, periodId: string, team = 1, roomId: string | null = null) =>
      t.dataSource.query(
        `INSERT INTO bookings (event_id, kind, quantity, status, company_id, school_id, event_class_id, period_id, team, room_id)
         VALUES ($1, 'session', 1, 'confirmed', $2, $3, $4, $5, $6, $7)`,
        [eventId, companyId, host.id, eventClassId, periodId, team, roomId],
      );
    await insert(x.id, classes[1], periods[2]);
    await expect(insert(y.id, classes[1], periods[2])).rejects.toThrow(/bookings_session_class_period/);
    await expect(insert(x.id, classes[2], periods[2])).rejects.toThrow(/bookings_session_team_period/);
    await insert(y.id, classes[2], periods[2], 1, rooms[1]);
    await expect(insert(x.id, classes[0], periods[1], 3, rooms[1]).then(() => insert(y.id, classes[1], periods[1], 1, rooms[1]))).rejects.toThrow(
      /bookings_session_room_period/,
    );
  });
});
