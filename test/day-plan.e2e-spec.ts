import { parse } from 'csv-parse/sync';
import { Role } from '../src/common/identity/role';
import { ApiClient, explain, newClass, newCompany, newEvent, newSchool, newStaff } from './support/factories';
import { SolverRunner } from '../src/allocation/solver-runner';
import { PageVisitor } from './support/page-visitor';
import { startTestApp, TestApp } from './support/test-app';

const csvRows = (body: string) => parse(body, { delimiter: ';', bom: true, columns: true, skip_empty_lines: true }) as Record<string, string>[];
type Cell = { eventClassId: string; periodId: string; companyName: string; roomName: string | null; source: string; companyId: string; roomId: string | null };
type Run = { id: string; status: string; proposalId: string | null; objective: number | null; optimal: boolean | null; gap: number | null; durationMs: number | null; finishedAt: string | null };

/** Reads the day's newest run until it is no longer queued or running. */
async function finished(client: ApiClient, eventId: string): Promise<Run> {
  for (let i = 0; i < 300; i++) {
    const res = await client.get(`/api/v1/events/${eventId}/day-plan/runs/latest`).expect(explain(200));
    if (!['queued', 'running'].includes(res.body.status)) return res.body;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the day plan run did not finish');
}

/**
 * Schule trifft Wirtschaft's day plan through HTTP: wishes and availability in, a proposal
 * out, pins, and the commit that books the grid in one transaction — or nothing.
 */
describe('Schule trifft Wirtschaft: the day plan from wishes', () => {
  let t: TestApp;
  let organiser: ApiClient;
  let partner: ApiClient;
  let host: Awaited<ReturnType<typeof newSchool>>;
  let eventId: string;
  const periods: string[] = [];
  const classes: string[] = [];
  const rooms: Record<string, string> = {};
  const companies: Record<string, Awaited<ReturnType<typeof newCompany>>> = {};
  let handBooked: string;

  beforeAll(async () => {
    t = await startTestApp();
    organiser = (await newStaff(t, Role.Organiser)).client;
    partner = (await newStaff(t, Role.Partner)).client;
    host = await newSchool(t, { approvedBy: organiser, profile: { name: 'Franzbergschule Sondershausen' } });
    eventId = (await newEvent(organiser, 'schule-trifft-wirtschaft', { hostSchoolId: host.id })).id;
    for (const [number, start, end] of [[1, '08:00', '08:45'], [2, '08:50', '09:35']] as const) {
      periods.push((await host.client.post(`/api/v1/events/${eventId}/periods`, { number, startsAt: `2027-03-10T${start}`, endsAt: `2027-03-10T${end}` }).expect(201)).body.id);
    }
    for (const name of ['8a', '8b']) {
      const schoolClass = await newClass(host.client, host.id, { name, grade: 8 });
      classes.push((await host.client.post(`/api/v1/events/${eventId}/classes`, { schoolClassId: schoolClass.id }).expect(201)).body.id);
    }
    for (const [name, kind] of [['Raum 101', 'classroom'], ['Raum 102', 'classroom'], ['Werkraum', 'workshop']]) {
      rooms[name] = (await host.client.post(`/api/v1/events/${eventId}/rooms`, { name, kind }).expect(explain(201))).body.id;
    }
    for (const [key, name, branch] of [['elektro', 'Elektro Kyffhäuser', 'Elektrohandwerk'], ['pflege', 'Pflegedienst Sonnenschein', 'Pflege'], ['tischler', 'Tischlerei Span', 'Tischlerhandwerk']]) {
      companies[key] = await newCompany(t, { approvedBy: organiser, profile: { name, branch } });
      await companies[key].client.post(`/api/v1/events/${eventId}/registrations`).expect(201);
    }
    // the joiner needs the workshop and is there only in the 2nd period
    await companies.tischler.client.put(`/api/v1/events/${eventId}/day-plan/availability`, { teams: 1, periodIds: [periods[1]], roomKind: 'workshop' }).expect(explain(200));
    await host.client.put(`/api/v1/events/${eventId}/classes/${classes[0]}/wishes`, { sessions: 2, wishes: [{ occupationalField: 'Tischler' }, { occupationalField: 'Gastronomie' }] }).expect(explain(200));
    await host.client.put(`/api/v1/events/${eventId}/classes/${classes[1]}/wishes`, { sessions: 2, wishes: [{ companyId: companies.elektro.id }] }).expect(explain(200));
    // booked by hand before any proposal: the care service in 8b, 1st period, Raum 101
    handBooked = (await host.client.post(`/api/v1/events/${eventId}/sessions`, { eventClassId: classes[1], periodId: periods[0], roomId: rooms['Raum 101'], companyId: companies.pflege.id }).expect(201)).body.id;
  });
  afterAll(() => t.close());

  const cellOf = (cells: Cell[], c: number, p: number) => cells.find((x) => x.eventClassId === classes[c] && x.periodId === periods[p]);
  /** Asks for a proposal as the host school, waits for its run and reads the proposal it made. */
  const proposed = async () => {
    const asked = await host.client.post(`/api/v1/events/${eventId}/day-plan/proposals`).expect(explain(202));
    const run = await finished(host.client, eventId);
    expect(run).toMatchObject({ id: asked.body.id, status: 'done' });
    const proposal = await host.client.get(`/api/v1/events/${eventId}/day-plan/proposals/current`).expect(200);
    expect(proposal.body.id).toBe(run.proposalId);
    return proposal.body;
  };
  const sessionCount = async () => Number((await t.dataSource.query(`SELECT count(*) FROM bookings WHERE event_id = $1 AND kind = 'session' AND status = 'confirmed'`, [eventId]))[0].count);

  it('takes the wishes and availability, and refuses unknown fields and foreign companies', async () => {
    const wishes = await partner.get(`/api/v1/events/${eventId}/day-plan/wishes`).expect(200);
    expect(wishes.body.classes.map((c: { name: string; sessions: number }) => [c.name, c.sessions])).toEqual([['8a', 2], ['8b', 2]]);
    expect(wishes.body.classes[1].wishes).toEqual([{ rank: 1, occupationalField: null, companyId: companies.elektro.id, companyName: 'Elektro Kyffhäuser' }]);
    expect(wishes.body.companies.find((c: { name: string }) => c.name === 'Tischlerei Span')).toMatchObject({ teams: 1, periodIds: [periods[1]], roomKind: 'workshop' });
    const unknown = await host.client.put(`/api/v1/events/${eventId}/classes/${classes[0]}/wishes`, { wishes: [], colour: 'rot' }).expect(400);
    expect(unknown.body.errors[0]).toMatchObject({ field: 'colour' });
    const stranger = await newCompany(t, { approvedBy: organiser });
    const foreign = await host.client.put(`/api/v1/events/${eventId}/classes/${classes[0]}/wishes`, { wishes: [{ companyId: stranger.id }] }).expect(400);
    expect(foreign.body.errors[0]).toMatchObject({ field: 'wishes.0.companyId', message: 'ist kein für diesen Tag angemeldetes Unternehmen' });
    const both = await host.client.put(`/api/v1/events/${eventId}/classes/${classes[0]}/wishes`, { wishes: [{ companyId: stranger.id, occupationalField: 'Bau' }] }).expect(400);
    expect(both.body.errors[0].field).toBe('wishes.0');
    await stranger.client.put(`/api/v1/events/${eventId}/day-plan/availability`, { teams: 2 }).expect(409);
  });

  it('answers 202 at once, solves in the background to a grid that keeps the session booked by hand, and reports what it could not do', async () => {
    await host.client.get(`/api/v1/events/${eventId}/day-plan/runs/latest`).expect(404);
    const asked = await host.client.post(`/api/v1/events/${eventId}/day-plan/proposals`).expect(explain(202));
    expect(asked.body).toMatchObject({ status: expect.stringMatching(/^(queued|running)$/), keepPins: true, proposalId: null, objective: null });
    // the person may leave and come back: the newest run is found again, and when done it has the solver's figures
    const run = await finished(partner, eventId);
    expect(run).toMatchObject({ id: asked.body.id, status: 'done', optimal: true, gap: 0, objective: expect.any(Number), durationMs: expect.any(Number), finishedAt: expect.any(String) });
    const proposal = await partner.get(`/api/v1/events/${eventId}/day-plan/proposals/current`).expect(200);
    expect(proposal.body.id).toBe(run.proposalId);
    expect(proposal.body.solver).toMatchObject({ status: 'Optimal', optimal: true, gap: 0, objective: run.objective });
    const cells: Cell[] = proposal.body.cells;
    expect(cellOf(cells, 1, 0)).toMatchObject({ companyName: 'Pflegedienst Sonnenschein', roomName: 'Raum 101', source: 'booked' });
    expect(cellOf(cells, 0, 1)).toMatchObject({ companyName: 'Tischlerei Span', roomName: 'Werkraum', source: 'proposed' });
    expect(cells.filter((c) => c.source === 'proposed')).toHaveLength(3);
    expect(proposal.body.shortfalls).toEqual([{ kind: 'wish_unmet', eventClassId: classes[0], className: '8a', rank: 2, reason: 'no_company' }]);
  });

  it('refuses a pin that breaks a rule, naming the conflict, and keeps a good one through the next solve', async () => {
    const { body: open } = await host.client.get(`/api/v1/events/${eventId}/day-plan/proposals/current`).expect(200);
    const pin = (body: Record<string, unknown>) => host.client.put(`/api/v1/events/${eventId}/day-plan/proposals/current/pins`, { proposalId: open.id, ...body });
    const taken = await pin({ eventClassId: classes[1], periodId: periods[0], companyId: companies.elektro.id, roomId: rooms['Raum 102'] }).expect(409);
    expect(taken.body).toMatchObject({ code: 'pin_class_period_taken', detail: 'Klasse 8b hat in der 1. Stunde schon Pflegedienst Sonnenschein.' });
    const absent = await pin({ eventClassId: classes[0], periodId: periods[0], companyId: companies.tischler.id, roomId: rooms.Werkraum }).expect(409);
    expect(absent.body.detail).toBe('Tischlerei Span ist in der 1. Stunde nicht da.');
    const unsuited = await pin({ eventClassId: classes[0], periodId: periods[1], companyId: companies.tischler.id, roomId: rooms['Raum 102'] }).expect(409);
    expect(unsuited.body.detail).toBe('Tischlerei Span braucht eine Werkstatt; Raum 102 ist keine.');
    const roomBusy = await pin({ eventClassId: classes[0], periodId: periods[0], companyId: companies.elektro.id, roomId: rooms['Raum 101'] }).expect(409);
    expect(roomBusy.body.detail).toBe('Raum 101 ist in der 1. Stunde schon belegt: Pflegedienst Sonnenschein in Klasse 8b.');
    await pin({ eventClassId: classes[0], periodId: periods[0], companyId: companies.elektro.id }).expect(400);

    // Elektro into 8a in the 1st period, in Raum 102: pinned, and kept by a new solve
    const pinned = await pin({ eventClassId: classes[0], periodId: periods[0], companyId: companies.elektro.id, roomId: rooms['Raum 102'] }).expect(explain(200));
    expect(cellOf(pinned.body.cells, 0, 0)).toMatchObject({ companyName: 'Elektro Kyffhäuser', source: 'pinned' });
    expect(pinned.body.editedSinceSolve).toBe(true);
    const again = await proposed();
    expect(cellOf(again.cells, 0, 0)).toMatchObject({ companyName: 'Elektro Kyffhäuser', roomName: 'Raum 102', source: 'pinned' });
    const outdated = await host.client.put(`/api/v1/events/${eventId}/day-plan/proposals/current/pins`, { proposalId: open.id, eventClassId: classes[0], periodId: periods[0], companyId: companies.pflege.id, roomId: rooms['Raum 102'] }).expect(409);
    expect(outdated.body.code).toBe('day_plan_proposal_replaced');
  });

  it('solves once when two people ask for the day at the same moment, both get that run, and the proposal waits for it', async () => {
    const before = (await t.dataSource.query(`SELECT count(*)::int AS n FROM day_plan_proposals WHERE event_id = $1`, [eventId]))[0].n;
    const { body: open } = await host.client.get(`/api/v1/events/${eventId}/day-plan/proposals/current`).expect(200);
    // the solve waits until the test lets it go on: whoever comes second finds the run going
    const runner = t.app.get(SolverRunner);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const solve = runner.solve.bind(runner);
    const solveSpy = jest.spyOn(runner, 'solve').mockImplementation(async (request) => (await gate, solve(request)));
    try {
      const [first, second] = await Promise.all([
        host.client.post(`/api/v1/events/${eventId}/day-plan/proposals`).then((r) => r),
        host.client.post(`/api/v1/events/${eventId}/day-plan/proposals`).then((r) => r),
      ]);
      expect([first.status, second.status]).toEqual([202, 202]);
      expect(second.body.id).toBe(first.body.id);
      // while it solves, the page says so and the proposal about to be replaced is neither pinned nor booked
      const latest = await partner.get(`/api/v1/events/${eventId}/day-plan/runs/latest`).expect(200);
      expect(latest.body).toMatchObject({ id: first.body.id, status: expect.stringMatching(/^(queued|running)$/) });
      const page = await (await PageVisitor.loggedIn(t, host.email)).get(`/veranstaltungen/${eventId}/tagesplan`).expect(200);
      expect(page.text).toContain('Der Vorschlag wird berechnet …');
      expect(page.text).toContain('>Stand neu laden</a>');
      expect(page.text).not.toContain('/tagesplan/buchen');
      const pin = await host.client.put(`/api/v1/events/${eventId}/day-plan/proposals/current/pins`, { proposalId: open.id, eventClassId: classes[1], periodId: periods[1], companyId: companies.elektro.id, roomId: rooms['Raum 102'] });
      expect([pin.status, pin.body.code]).toEqual([409, 'proposal_not_ready']);
      const commit = await host.client.post(`/api/v1/events/${eventId}/day-plan/proposals/current/commit`, { proposalId: open.id });
      expect([commit.status, commit.body.code]).toEqual([409, 'proposal_not_ready']);
      release();
      expect(await finished(host.client, eventId)).toMatchObject({ id: first.body.id, status: 'done' });
      expect(solveSpy).toHaveBeenCalledTimes(1);
    } finally {
      release();
      solveSpy.mockRestore();
    }
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM day_plan_proposals WHERE event_id = $1`, [eventId]))[0].n).toBe(before + 1);
    // the pin made before the run is kept: it was solved around it
    const { body: now } = await host.client.get(`/api/v1/events/${eventId}/day-plan/proposals/current`).expect(200);
    expect(cellOf(now.cells, 0, 0)).toMatchObject({ companyName: 'Elektro Kyffhäuser', source: 'pinned' });
  });

  it('lets partners read but not change, and other schools and companies neither', async () => {
    await partner.post(`/api/v1/events/${eventId}/day-plan/proposals`).expect(403);
    const other = await newSchool(t, { approvedBy: organiser });
    expect((await other.client.get(`/api/v1/events/${eventId}/day-plan/proposals/current`).expect(403)).body.code).toBe('not_host_school');
    expect((await other.client.post(`/api/v1/events/${eventId}/day-plan/proposals`).expect(403)).body.code).toBe('not_host_school');
    expect((await other.client.get(`/api/v1/events/${eventId}/day-plan/runs/latest`).expect(403)).body.code).toBe('not_host_school');
    await companies.elektro.client.get(`/api/v1/events/${eventId}/day-plan/runs/latest`).expect(403);
    await companies.elektro.client.get(`/api/v1/events/${eventId}/day-plan/proposals/current`).expect(403);
    const draft = await newEvent(organiser, 'schule-trifft-wirtschaft', { hostSchoolId: host.id }, { publish: false });
    await other.client.get(`/api/v1/events/${draft.id}/day-plan/proposals/current`).expect(404);
  });

  it('refuses a proposal made stale by a booking since, naming each cell that clashes, and books nothing', async () => {
    const { body: open } = await host.client.get(`/api/v1/events/${eventId}/day-plan/proposals/current`).expect(200);
    const before = await sessionCount();
    // the care service takes 8a in the 2nd period, in Raum 101: where the joinery is proposed
    expect(cellOf(open.cells, 0, 1)).toMatchObject({ companyName: 'Tischlerei Span', source: 'proposed' });
    const late = await companies.pflege.client.post(`/api/v1/events/${eventId}/sessions`, { eventClassId: classes[0], periodId: periods[1], roomId: rooms['Raum 101'] }).expect(201);
    const stale = await host.client.post(`/api/v1/events/${eventId}/day-plan/proposals/current/commit`, { proposalId: open.id }).expect(409);
    expect(stale.body.code).toBe('day_plan_proposal_stale');
    expect(stale.body.detail).toContain('Klasse 8a, 2. Stunde, Tischlerei Span: Klasse 8a hat in der 2. Stunde schon Pflegedienst Sonnenschein.');
    expect(stale.body.detail).toContain('Es wurde nichts gebucht.');
    const expected = [
      {
        rule: 'class_period_taken', eventClassId: classes[0], className: '8a', periodId: periods[1], period: 2,
        companyId: companies.tischler.id, companyName: 'Tischlerei Span', roomId: rooms.Werkraum, roomName: 'Werkraum',
        detail: 'Klasse 8a, 2. Stunde, Tischlerei Span: Klasse 8a hat in der 2. Stunde schon Pflegedienst Sonnenschein.',
      },
    ];
    // the electricians proposed into 8b in the same period clash too when they got Raum 101
    const elektro = cellOf(open.cells, 1, 1)!;
    if (elektro.roomName === 'Raum 101') {
      expected.push({
        rule: 'room_busy', eventClassId: classes[1], className: '8b', periodId: periods[1], period: 2,
        companyId: companies.elektro.id, companyName: 'Elektro Kyffhäuser', roomId: rooms['Raum 101'], roomName: 'Raum 101',
        detail: 'Klasse 8b, 2. Stunde, Elektro Kyffhäuser: Raum 101 ist in der 2. Stunde schon belegt: Pflegedienst Sonnenschein in Klasse 8a.',
      });
    }
    expect(stale.body.conflicts).toEqual(expected);
    // in English for a member who reads English
    await host.client.patch('/api/v1/auth/me', { locale: 'en' }).expect(200);
    const english = await host.client.post(`/api/v1/events/${eventId}/day-plan/proposals/current/commit`, { proposalId: open.id }).expect(409);
    await host.client.patch('/api/v1/auth/me', { locale: 'de' }).expect(200);
    expect(english.body.detail).toContain('Class 8a, period 2, Tischlerei Span: Class 8a already has Pflegedienst Sonnenschein in period 2.');
    expect(english.body.detail).toContain('Nothing was booked.');
    // the page says the same where the host school pressed the button
    const desk = await PageVisitor.loggedIn(t, host.email);
    const page = await desk.post(`/veranstaltungen/${eventId}/tagesplan/buchen`, { proposalId: open.id }).expect(409);
    expect(page.text).toContain('role="alert"');
    expect(page.text).toContain('Klasse 8a, 2. Stunde, Tischlerei Span: Klasse 8a hat in der 2. Stunde schon Pflegedienst Sonnenschein.');
    expect(await sessionCount()).toBe(before + 1);
    expect((await host.client.get(`/api/v1/events/${eventId}/day-plan/proposals/current`).expect(200)).body.stale).toBe(true);

    // once the booking is gone again no cell clashes, but the proposal was solved for another day: still nothing is booked
    await host.client.post(`/api/v1/bookings/${late.body.id}/cancel`, { reason: 'doch nicht' }).expect(200);
    await host.client.put(`/api/v1/events/${eventId}/classes/${classes[1]}/wishes`, { sessions: 2, wishes: [{ companyId: companies.elektro.id }, { occupationalField: 'Pflege' }] }).expect(explain(200));
    const changed = await host.client.post(`/api/v1/events/${eventId}/day-plan/proposals/current/commit`, { proposalId: open.id }).expect(409);
    expect(changed.body).toMatchObject({ code: 'day_plan_proposal_stale', detail: expect.stringContaining('Keine seiner Zellen ist dadurch besetzt') });
    expect(changed.body.conflicts).toBeUndefined();
    expect(await sessionCount()).toBe(before);
    await host.client.put(`/api/v1/events/${eventId}/classes/${classes[1]}/wishes`, { sessions: 2, wishes: [{ companyId: companies.elektro.id }] }).expect(explain(200));
  });

  it('commits the grid in one go: the list shows it, the session booked by hand stays', async () => {
    const open = await proposed();
    const toBook = open.cells.filter((c: Cell) => c.source !== 'booked').length;
    const committed = await host.client.post(`/api/v1/events/${eventId}/day-plan/proposals/current/commit`, { proposalId: open.id }).expect(explain(201));
    expect(committed.body).toMatchObject({ proposalId: open.id, booked: toBook });
    const kept = await host.client.get(`/api/v1/bookings/${handBooked}`).expect(200);
    expect(kept.body.status).toBe('confirmed');
    const grid = csvRows((await host.client.get(`/api/v1/events/${eventId}/lists/grid`).expect(200)).text);
    expect(grid).toEqual([
      { Stunde: '1', Beginn: '08:00', Ende: '08:45', 'Klasse 8a': 'Elektro Kyffhäuser (Raum 102)', 'Klasse 8b': 'Pflegedienst Sonnenschein (Raum 101)' },
      { Stunde: '2', Beginn: '08:50', Ende: '09:35', 'Klasse 8a': 'Tischlerei Span (Werkraum)', 'Klasse 8b': expect.stringMatching(/^Elektro Kyffhäuser \(Raum 10[12]\)$/) },
    ]);
    const again = await host.client.post(`/api/v1/events/${eventId}/day-plan/proposals/current/commit`, { proposalId: open.id }).expect(409);
    expect(again.body.code).toBe('day_plan_proposal_replaced');
    // the companies got their sessions as if booked one by one: mails are on their way
    const changes = await t.dataSource.query(`SELECT count(*) FROM booking_changes c JOIN bookings b ON b.id = c.booking_id WHERE b.id = ANY($1) AND c.change = 'created'`, [committed.body.bookingIds]);
    expect(Number(changes[0].count)).toBe(toBook);
  });
});
