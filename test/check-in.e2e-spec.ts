import { createHash, createHmac, randomUUID } from 'node:crypto';
import { APP_CONFIG } from '../src/config/config.module';
import type { AppConfig } from '../src/config/environment';
import { Role } from '../src/common/identity/role';
import { AccountsService } from '../src/auth/accounts.service';
import { apiDocument, fillPath, operationsOf } from './support/api-document';
import { ApiClient, explain, loginWithSession, newClass, newEvent, newSchool, newStaff, newTimeSlot } from './support/factories';
import { PageVisitor } from './support/page-visitor';
import { readSvgQr } from './support/qr-reader';
import { startTestApp, TestApp } from './support/test-app';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const SHORT_CODE = /^[ACDEFGHJKMNPQRTUVWXY34679]{7}$/;

/**
 * Check-in at the Handwerkertag entrance: a class visit's codes (derived, stored as hashes
 * only), a door login limited to one fair, checking in by QR address and by short code once,
 * the live figures, and the attendance in the lists and the statistics.
 */
describe('check-in at the Handwerkertag entrance', () => {
  let t: TestApp;
  let organiser: ApiClient;
  let partner: ApiClient;
  let school: Awaited<ReturnType<typeof newSchool>>;
  let fairId: string;
  let otherFairId: string;
  let visitId: string;
  let absentId: string;
  let otherVisitId: string;
  let door: { client: ApiClient; email: string; password: string };
  let code: { address: string; shortCode: string };
  const codeIn = (address: string) => address.split('/einlass/')[1];

  beforeAll(async () => {
    t = await startTestApp();
    organiser = (await newStaff(t, Role.Organiser)).client;
    partner = (await newStaff(t, Role.Partner)).client;
    school = await newSchool(t, { approvedBy: organiser, profile: { name: 'Regelschule Einlass' } });
    fairId = (await newEvent(organiser, 'handwerkertag', { title: 'Handwerkertag mit Einlass' })).id;
    otherFairId = (await newEvent(organiser, 'handwerkertag', { title: 'Ein anderer Handwerkertag' })).id;
    const slot = await newTimeSlot(organiser, fairId, 100);
    const otherSlot = await newTimeSlot(organiser, otherFairId, 100);
    const book = async (eventId: string, slotId: string, name: string, pupils: number) => {
      const schoolClass = await newClass(school.client, school.id, { name });
      return (await school.client.post(`/api/v1/events/${eventId}/class-visits`, { timeSlotId: slotId, schoolClassId: schoolClass.id, pupils, teachers: 2 }).expect(explain(201))).body.id as string;
    };
    visitId = await book(fairId, slot.id, '8a', 24);
    absentId = await book(fairId, slot.id, '8b', 20);
    otherVisitId = await book(otherFairId, otherSlot.id, '9c', 18);
    const created = await organiser.post(`/api/v1/events/${fairId}/door-logins`, { name: 'Eingang Nord', email: 'eingang-nord@handwerkertag.example' }).expect(explain(201));
    door = { client: await loginWithSession(t, created.body.email, created.body.password), email: created.body.email, password: created.body.password };
  });
  afterAll(() => t.close());

  it('gives the school a random code, the same each time it is shown, of which the database keeps only its hash and the random part', async () => {
    code = (await school.client.get(`/api/v1/bookings/${visitId}/entrance-pass`).expect(explain(200))).body;
    expect(code.address).toMatch(/^http:\/\/localhost:3000\/einlass\/[A-Za-z0-9_-]{22}$/);
    expect(code.shortCode).toMatch(SHORT_CODE);
    expect((await school.client.get(`/api/v1/bookings/${visitId}/entrance-pass`).expect(200)).body).toEqual(code);
    expect((await organiser.get(`/api/v1/bookings/${visitId}/entrance-pass`).expect(200)).body).toEqual(code);
    const [row] = await t.dataSource.query(`SELECT c::text AS whole, code_hash, nonce FROM check_in_codes c WHERE booking_id = $1`, [visitId]);
    expect(row.code_hash).toBe(sha256(codeIn(code.address)));
    // drawn at random: the booking's id and the server's secret alone do not make it
    expect(row.nonce).toMatch(/^[0-9a-f]{32}$/);
    const secret = t.app.get<AppConfig>(APP_CONFIG).CHECK_IN_SECRET;
    expect(codeIn(code.address)).not.toBe(createHmac('sha256', secret).update(`check-in:${visitId}`).digest('base64url').slice(0, 22));
    expect(row.whole).not.toContain(codeIn(code.address));
    expect(row.whole).not.toContain(code.shortCode);
    const other = (await school.client.get(`/api/v1/bookings/${otherVisitId}/entrance-pass`).expect(200)).body;
    expect(codeIn(other.address)).not.toBe(codeIn(code.address));
  });

  it('shows the QR code and the short code on the booking page, and the QR code reads as the check-in address', async () => {
    const page = await PageVisitor.loggedIn(t, school.email);
    const res = await page.get(`/buchungen/${visitId}`).expect(200);
    expect(res.text).toContain(code.shortCode);
    expect(res.text).toMatch(/role="img" aria-label="QR-Code für den Einlass dieser Klasse; Kurzcode [A-Z0-9]{7}"/);
    const svg = /<svg[\s\S]*?<\/svg>/.exec(res.text)![0];
    expect(readSvgQr(svg)).toBe(code.address);
  });

  it('keeps another school and a company away from the code (404 / 403)', async () => {
    const stranger = await newSchool(t, { approvedBy: organiser });
    await stranger.client.get(`/api/v1/bookings/${visitId}/entrance-pass`).expect(404);
    await door.client.get(`/api/v1/bookings/${visitId}/entrance-pass`).expect(403);
  });

  it('lets the door look a class up by short code (typed loosely) and check it in once; a second scan says who and when', async () => {
    const typed = `${code.shortCode.slice(0, 3).toLowerCase()} ${code.shortCode.slice(3)}`;
    const status = await door.client.post(`/api/v1/events/${fairId}/check-ins/lookup`, { code: typed }).expect(explain(200));
    expect(status.body).toMatchObject({ bookingId: visitId, school: 'Regelschule Einlass', className: '8a', pupils: 24, teachers: 2, status: 'confirmed', checkIn: null });
    const first = await door.client.post(`/api/v1/events/${fairId}/check-ins`, { code: codeIn(code.address), pupils: 23, teachers: 2, entrance: 'Nord' }).expect(explain(201));
    expect(first.body.checkIn).toMatchObject({ pupils: 23, teachers: 2, entrance: 'Nord', checkedInBy: 'Eingang Nord' });
    const again = await organiser.post(`/api/v1/events/${fairId}/check-ins`, { code: code.shortCode, pupils: 30, teachers: 3 }).expect(409);
    expect(again.body.code).toBe('already_checked_in');
    expect(again.body.detail).toContain('Eingang Nord');
    const after = await organiser.post(`/api/v1/events/${fairId}/check-ins/lookup`, { code: code.shortCode }).expect(200);
    expect(after.body.checkIn).toMatchObject({ pupils: 23, teachers: 2, checkedInBy: 'Eingang Nord' });
    expect(new Date(after.body.checkIn.checkedInAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(await t.dataSource.query(`SELECT pupils, teachers FROM check_ins WHERE booking_id = $1`, [visitId])).toEqual([{ pupils: 23, teachers: 2 }]);
    const [stored] = await t.dataSource.query(`SELECT c::text AS whole FROM check_ins c WHERE booking_id = $1`, [visitId]);
    expect(stored.whole).not.toContain(codeIn(code.address));
  });

  it('answers 404 to a wrong code and to a code of another fair; refuses unknown fields', async () => {
    await door.client.post(`/api/v1/events/${fairId}/check-ins/lookup`, { code: 'AAAAAAA' }).expect(404);
    await door.client.post(`/api/v1/events/${fairId}/check-ins`, { code: 'x'.repeat(22), pupils: 1, teachers: 0 }).expect(404);
    const other = (await school.client.get(`/api/v1/bookings/${otherVisitId}/entrance-pass`).expect(200)).body;
    await door.client.post(`/api/v1/events/${fairId}/check-ins/lookup`, { code: codeIn(other.address) }).expect(404);
    await door.client.post(`/api/v1/events/${otherFairId}/check-ins/lookup`, { code: codeIn(other.address) }).expect(404);
    await door.client.post(`/api/v1/events/${otherFairId}/check-ins`, { code: codeIn(other.address), pupils: 1, teachers: 0 }).expect(404);
    const page = await PageVisitor.loggedIn(t, door.email, door.password);
    await page.get(`/einlass/${codeIn(other.address)}`).expect(404);
    await page.get('/einlass/nichtda').expect(404);
    const extra = await organiser.post(`/api/v1/events/${fairId}/check-ins`, { code: code.shortCode, pupils: 1, teachers: 0, vip: true }).expect(400);
    expect(JSON.stringify(extra.body)).toContain('vip');
  });

  it('lets the door login call no route of the API document but its fair\'s check-in, logout and its language', async () => {
    const reachable: string[] = [];
    for (const op of operationsOf(await apiDocument(t)).filter((op) => !op.isPublic && op.path !== '/api/v1/auth/logout')) {
      // the door's own fair in every id: refused for who calls, not for what is named
      // (taking a check-in back is tried on a booking that does not exist: the later tests count this class as arrived)
      const ids = Object.fromEntries(op.params.map((name) => [name, name === 'eventId' ? fairId : op.method === 'delete' ? randomUUID() : visitId]));
      const res = await door.client[op.method](fillPath(op.path, ids));
      if (res.status !== 403) reachable.push(`${op.method.toUpperCase()} ${op.path}`);
    }
    expect(reachable.sort()).toEqual([
      'DELETE /api/v1/events/{eventId}/check-ins/{bookingId}',
      'PATCH /api/v1/auth/me',
      'PATCH /api/v1/events/{eventId}/check-ins/{bookingId}',
      'POST /api/v1/events/{eventId}/check-ins',
      'POST /api/v1/events/{eventId}/check-ins/lookup',
    ]);
  });

  it('keeps the door role out of everything else: 403 on other pages and routes', async () => {
    for (const path of ['/api/v1/bookings', '/api/v1/statistics', `/api/v1/events/${fairId}/check-ins`, `/api/v1/events/${fairId}/check-ins/live`, `/api/v1/events/${fairId}/door-logins`, `/api/v1/schools/${school.id}`, '/api/v1/calendar/feed', '/api/v1/auth/me']) {
      expect(`${path} ${(await door.client.get(path)).status}`).toBe(`${path} 403`);
    }
    await door.client.post(`/api/v1/events/${fairId}/class-visits`, {}).expect(403);
    await door.client.post(`/api/v1/events/${fairId}/door-logins`, { name: 'Ich', email: 'ich@example.org' }).expect(403);
    const page = await PageVisitor.loggedIn(t, door.email, door.password);
    for (const path of ['/start', '/buchungen', `/buchungen/${visitId}`, '/kalender', '/profil', '/verwaltung', `/verwaltung/veranstaltungen/${fairId}`, `/verwaltung/veranstaltungen/${fairId}/einlass`, '/verwaltung/statistik']) {
      expect(`${path} ${(await page.get(path)).status}`).toBe(`${path} 403`);
    }
    await page.get(`/veranstaltungen/${otherFairId}/einlass`).expect(404);
    const entrance = await page.get(`/veranstaltungen/${fairId}/einlass`).expect(200);
    expect(entrance.text).toContain(`href="/veranstaltungen/${fairId}/einlass"`);
    expect(entrance.text).not.toContain('href="/buchungen"');
  });

  it('sends entrance staff who are not logged in to the login and back to the class; the entrance page finds a short code', async () => {
    const [, path] = /^http:\/\/localhost:3000(\/einlass\/.+)$/.exec(code.address)!;
    const anonymous = await PageVisitor.anonymous(t);
    const sent = await anonymous.get(path).expect(303);
    expect(sent.headers.location).toBe(`/anmelden?weiter=${encodeURIComponent(path)}`);
    const back = await anonymous.post('/anmelden', { email: door.email, password: door.password, next: path }).expect(303);
    expect(back.headers.location).toBe(path);
    const shown = await anonymous.get(path).expect(200);
    expect(shown.text).toContain('Eingelassen am');
    expect(shown.text).toContain('Eingang Nord');
    expect(shown.text).not.toContain('Einlass bestätigen');
    const found = await anonymous.get(`/veranstaltungen/${fairId}/einlass?code=${code.shortCode.toLowerCase()}`).expect(303);
    expect(found.headers.location).toBe(path);
    const wrong = await anonymous.get(`/veranstaltungen/${fairId}/einlass?code=AAAAAAA`).expect(404);
    expect(wrong.text).toContain('Diesen Code gibt es für diese Veranstaltung nicht');
    const login = await (await PageVisitor.anonymous(t)).post('/anmelden', { email: door.email, password: door.password }).expect(303);
    expect(login.headers.location).toBe(`/veranstaltungen/${fairId}/einlass`);
  });

  it('checks a class in through the page form with the numbers typed at the door', async () => {
    const absent = (await organiser.get(`/api/v1/bookings/${absentId}/entrance-pass`).expect(200)).body;
    const page = await PageVisitor.loggedIn(t, door.email, door.password);
    const path = `/einlass/${codeIn(absent.address)}`;
    const form = await page.get(path).expect(200);
    expect(form.text).toContain('inputmode="numeric"');
    expect((await page.post(path, { pupils: 'viele', teachers: '1' })).status).toBe(400);
    expect((await page.post(path, { pupils: '19', teachers: '1' })).headers.location).toBe(`${path}?ok=checkedIn`);
    expect((await page.post(path, { pupils: '19', teachers: '1' })).status).toBe(409);
    // back to no check-in: the later tests count this class as not arrived
    await t.dataSource.query(`DELETE FROM check_ins WHERE booking_id = $1`, [absentId]);
  });

  it('counts the people in the hall per slot for the organiser and partners, with the classes not arrived', async () => {
    const live = (await partner.get(`/api/v1/events/${fairId}/check-ins/live`).expect(explain(200))).body;
    expect(live.slots).toHaveLength(1);
    expect(live.slots[0]).toMatchObject({ classesBooked: 2, classesArrived: 1, pupilsBooked: 44, pupilsArrived: 23, teachersArrived: 2, inHall: 25 });
    expect(live.notArrived).toEqual([expect.objectContaining({ bookingId: absentId, className: '8b' })]);
    expect(live.bySchool).toEqual([expect.objectContaining({ school: 'Regelschule Einlass', classesBooked: 2, classesArrived: 1, noShows: 1, pupilsArrived: 23 })]);
    await school.client.get(`/api/v1/events/${fairId}/check-ins/live`).expect(403);
    const visits = (await partner.get(`/api/v1/events/${fairId}/check-ins`).expect(200)).body;
    expect(visits.map((v: { className: string; checkIn: { pupils: number } | null }) => [v.className, v.checkIn?.pupils ?? null]).sort()).toEqual([['8a', 23], ['8b', null]]);
    const page = await PageVisitor.loggedIn(t, (await newStaffEmail(t)));
    const view = await page.get(`/verwaltung/veranstaltungen/${fairId}/einlass`).expect(200);
    expect(view.text).toMatch(/<td class="number">25<\/td>/);
    expect(view.text).toContain('Regelschule Einlass, 8b');
  });

  it('gives the attendance in the class-visit list and, after the day, the no-shows in the statistics', async () => {
    const csv = (await organiser.get(`/api/v1/events/${fairId}/lists/class-visits?format=csv`).expect(200)).text;
    const header = csv.replace(/^\uFEFF/, '').split('\r\n')[0].split(';');
    const row8a = csv.split('\r\n').find((line) => line.includes(';8a;'))!.split(';');
    expect(row8a[header.indexOf('Angekommen: Schüler/innen')]).toBe('23');
    expect(row8a[header.indexOf('Angekommen: Lehrkräfte')]).toBe('2');
    expect((await organiser.get('/api/v1/statistics').expect(200)).body.attendanceBySchool).toEqual([]);
    await t.dataSource.query(`UPDATE events SET starts_on = current_date - 3, ends_on = current_date - 3 WHERE id = $1`, [fairId]);
    const attendance = (await partner.get('/api/v1/statistics').expect(200)).body.attendanceBySchool;
    expect(attendance).toEqual([expect.objectContaining({ name: 'Regelschule Einlass', classesBooked: 2, classesArrived: 1, noShows: 1, pupilsBooked: 44, pupilsArrived: 23 })]);
    const page = await PageVisitor.loggedIn(t, await newStaffEmail(t));
    const statistics = await page.get('/verwaltung/statistik').expect(200);
    expect(statistics.text).toContain('Gebucht und gekommen je Schule');
    expect(statistics.text).toContain('id="svg-attendance-title"');
    const live = (await organiser.get(`/api/v1/events/${fairId}/check-ins/live`).expect(200)).body;
    expect(live.dayOver).toBe(true);
  });

  it('hands out new codes after CHECK_IN_SECRET changed: the door takes them and refuses the old ones', async () => {
    const before = (await school.client.get(`/api/v1/bookings/${absentId}/entrance-pass`).expect(200)).body;
    const renewed = await startTestApp({ CHECK_IN_SECRET: 'ein-neuer-langer-schluessel-fuer-den-einlass' }, t.database);
    try {
      const after = (await new ApiClient(renewed, school.client.token).get(`/api/v1/bookings/${absentId}/entrance-pass`).expect(explain(200))).body;
      expect(codeIn(after.address)).not.toBe(codeIn(before.address));
      const entrance = await loginWithSession(renewed, door.email, door.password);
      const found = await entrance.post(`/api/v1/events/${fairId}/check-ins/lookup`, { code: codeIn(after.address) }).expect(explain(200));
      expect(found.body.bookingId).toBe(absentId);
      await entrance.post(`/api/v1/events/${fairId}/check-ins/lookup`, { code: after.shortCode }).expect(explain(200));
      await entrance.post(`/api/v1/events/${fairId}/check-ins/lookup`, { code: codeIn(before.address) }).expect(404);
      // and shown again, the new code stays the same
      expect((await new ApiClient(renewed, school.client.token).get(`/api/v1/bookings/${absentId}/entrance-pass`).expect(200)).body).toEqual(after);
    } finally {
      await renewed.close();
    }
  });

  it('deletes a door login: its sessions end, its check-ins keep its name', async () => {
    const [user] = await t.dataSource.query(`SELECT id FROM users WHERE email = $1`, [door.email]);
    await organiser.delete(`/api/v1/events/${otherFairId}/door-logins/${user.id}`).expect(404);
    await organiser.delete(`/api/v1/events/${fairId}/door-logins/${user.id}`).expect(204);
    await door.client.post(`/api/v1/events/${fairId}/check-ins/lookup`, { code: code.shortCode }).expect(401);
    const after = await organiser.post(`/api/v1/events/${fairId}/check-ins/lookup`, { code: code.shortCode }).expect(200);
    expect(after.body.checkIn.checkedInBy).toBe('Eingang Nord');
  });

  it('corrects a check-in typed wrong and takes back one of the wrong class, keeping who did what', async () => {
    const at = `/api/v1/events/${fairId}/check-ins/${visitId}`;
    // the same numbers again correct nothing
    expect((await organiser.patch(at, { pupils: 23, teachers: 2 }).expect(explain(200))).body.checkIn).toMatchObject({ pupils: 23, correctedAt: null });
    const fixed = await organiser.patch(at, { pupils: 22, teachers: 2 }).expect(explain(200));
    expect(fixed.body.checkIn).toMatchObject({ pupils: 22, teachers: 2, checkedInBy: 'Eingang Nord', correctedBy: expect.any(String), correctedAt: expect.any(String) });
    expect((await partner.get(`/api/v1/events/${fairId}/check-ins/live`).expect(200)).body.slots[0]).toMatchObject({ pupilsArrived: 22 });
    const audit = (await organiser.get(`/api/v1/audit?entityType=check_in&entityId=${visitId}`).expect(200)).body;
    expect(audit.items).toEqual([expect.objectContaining({ entityType: 'check_in', action: 'updated', changes: { pupils: { from: 23, to: 22 } } })]);
    // refused: a number out of range (named), an unknown field, another fair, a class not let in, partners and schools
    const zero = await organiser.patch(at, { pupils: 0, teachers: 2 }).expect(400);
    expect(zero.body.errors[0].field).toBe('pupils');
    expect((await organiser.patch(at, { pupils: 20, teachers: 2, colour: 'rot' }).expect(400)).body.errors[0].field).toBe('colour');
    await organiser.patch(`/api/v1/events/${otherFairId}/check-ins/${visitId}`, { pupils: 20, teachers: 2 }).expect(404);
    await organiser.patch(`/api/v1/events/${fairId}/check-ins/${absentId}`, { pupils: 20, teachers: 2 }).expect(404);
    await partner.patch(at, { pupils: 20, teachers: 2 }).expect(403);
    await school.client.delete(at).expect(403);
    // the wrong class: taken back, it counts as not arrived and can be let in anew
    await organiser.delete(at).expect(204);
    await organiser.delete(at).expect(404);
    const live = (await partner.get(`/api/v1/events/${fairId}/check-ins/live`).expect(200)).body;
    expect(live.slots[0]).toMatchObject({ classesArrived: 0, pupilsArrived: 0 });
    expect(JSON.stringify((await organiser.get(`/api/v1/audit?entityType=check_in&entityId=${visitId}`).expect(200)).body)).toContain('"action":"deleted"');
    await organiser.post(`/api/v1/events/${fairId}/check-ins`, { code: code.shortCode, pupils: 23, teachers: 2 }).expect(explain(201));
    // in the pages: entrance staff correct from the class's page
    const created = await organiser.post(`/api/v1/events/${fairId}/door-logins`, { name: 'Eingang Süd', email: 'eingang-sued@handwerkertag.example' }).expect(201);
    const page = await PageVisitor.loggedIn(t, created.body.email, created.body.password);
    const path = `/einlass/${codeIn(code.address)}`;
    expect((await page.get(path).expect(200)).text).toContain(`action="${path}/korrigieren"`);
    const refused = await page.post(`${path}/korrigieren`, { pupils: '0', teachers: '2' });
    expect(refused.status).toBe(400);
    // the form stays open with its field named
    expect(refused.text).toMatch(/<details class="card" open>/);
    expect(refused.text).toContain('id="fix-pupils-error"');
    expect((await page.post(`${path}/korrigieren`, { pupils: '21', teachers: '2' })).headers.location).toBe(`${path}?ok=checkInCorrected`);
    expect((await page.get(`${path}?ok=checkInCorrected`).expect(200)).text).toMatch(/Zahlen korrigiert am .* von Eingang Süd/);
    expect((await page.post(`${path}/zuruecknehmen`)).headers.location).toBe(`${path}?ok=checkInUndone`);
    expect((await page.get(path).expect(200)).text).toContain(`action="${path}"`);
  });

  it('keeps codes handed out before they had a random part: shown as they were, and the door finds the class', async () => {
    // a registration as the first release wrote it: the code from the booking id alone
    const secret = t.app.get<AppConfig>(APP_CONFIG).CHECK_IN_SECRET;
    const derive = (purpose: string) => createHmac('sha256', secret).update(purpose).digest();
    const legacy = derive(`check-in:${otherVisitId}`).toString('base64url').slice(0, 22);
    const alphabet = 'ACDEFGHJKMNPQRTUVWXY34679';
    const short = Array.from(derive(`short-code:${otherVisitId}:0`).subarray(0, 7), (byte) => alphabet[byte % alphabet.length]).join('');
    await t.dataSource.query(`UPDATE check_in_codes SET nonce = NULL, code_hash = $2, short_code_hash = $3, short_code_round = 0 WHERE booking_id = $1`, [
      otherVisitId,
      sha256(legacy),
      sha256(`${otherFairId}:${short}`),
    ]);
    const pass = (await school.client.get(`/api/v1/bookings/${otherVisitId}/entrance-pass`).expect(200)).body;
    expect({ code: codeIn(pass.address), shortCode: pass.shortCode }).toEqual({ code: legacy, shortCode: short });
    expect((await organiser.post(`/api/v1/events/${otherFairId}/check-ins/lookup`, { code: legacy }).expect(explain(200))).body.bookingId).toBe(otherVisitId);
    expect((await organiser.post(`/api/v1/events/${otherFairId}/check-ins/lookup`, { code: short }).expect(200)).body.bookingId).toBe(otherVisitId);
  });
});

async function newStaffEmail(t: TestApp) {
  const email = `leitung-${Math.random().toString(36).slice(2)}@regionalmanagement.example`;
  await t.app.get(AccountsService).create({ email, name: 'Leitung', password: 'richtig-geheim-123', role: Role.Organiser });
  return email;
}
