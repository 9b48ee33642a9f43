import { Role } from '../src/common/identity/role';
import type { Actor } from '../src/common/identity/actor';
import { fingerprintOf } from '../src/bookings/idempotency/idempotency';
import { IdempotencyService } from '../src/bookings/idempotency/idempotency.service';
import { ApiClient, newClass, newEvent, newSchool, newStaff, newTimeSlot } from './support/factories';
import { fireAll } from './support/parallel';
import { startTestApp, TestApp } from './support/test-app';

describe('Idempotency-Key: a retried booking never books twice', () => {
  let t: TestApp;
  let organiser: ApiClient;
  let school: Awaited<ReturnType<typeof newSchool>>;
  let eventId: string;
  let slotId: string;
  beforeAll(async () => {
    t = await startTestApp();
    organiser = (await newStaff(t, Role.Organiser)).client;
    school = await newSchool(t, { approvedBy: organiser });
    eventId = (await newEvent(organiser, 'handwerkertag')).id;
    slotId = (await newTimeSlot(organiser, eventId, 500)).id;
  });
  afterAll(() => t.close());

  const visit = (key: string | null, pupils: number, schoolClassId: string) => {
    const req = school.client.post(`/api/v1/events/${eventId}/class-visits`, { timeSlotId: slotId, schoolClassId, pupils, teachers: 1 });
    return key ? req.set('Idempotency-Key', key) : req;
  };
  const bookingsOfKey = async (classId: string) =>
    (await t.dataSource.query(`SELECT count(*)::int AS n FROM bookings WHERE school_class_id = $1`, [classId]))[0].n as number;

  it('answers a retry with the first answer and books nothing new', async () => {
    const schoolClass = await newClass(school.client, school.id);
    const first = await visit('retry-1', 20, schoolClass.id).expect(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const retry = await visit('retry-1', 20, schoolClass.id).expect(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(await bookingsOfKey(schoolClass.id)).toBe(1);
    // without the key the same request is a new attempt — and here refused, the class already visits
    expect((await visit(null, 20, schoolClass.id).expect(409)).body.code).toBe('class_already_visits');
  });

  it('refuses the same key with another body (422)', async () => {
    const schoolClass = await newClass(school.client, school.id);
    await visit('reused', 20, schoolClass.id).expect(201);
    const other = await visit('reused', 25, schoolClass.id).expect(422);
    expect(other.body.code).toBe('idempotency_key_reused');
  });

  it('answers 409 while the first request with that key is still running; a key abandoned by a crash can be used again', async () => {
    const schoolClass = await newClass(school.client, school.id);
    const me = (await school.client.get('/api/v1/auth/me')).body.id as string;
    const path = `/api/v1/events/${eventId}/class-visits`;
    const body = { timeSlotId: slotId, schoolClassId: schoolClass.id, pupils: 20, teachers: 1 };
    // what a parallel first request leaves while it runs: the claimed key, no answer yet
    await t.dataSource.query(`INSERT INTO idempotency_keys (user_id, key, fingerprint, state) VALUES ($1, 'in-flight', $2, 'running')`, [
      me,
      fingerprintOf('POST', path, body),
    ]);

    const running = await school.client.post(`/api/v1/events/${eventId}/class-visits`, body).set('Idempotency-Key', 'in-flight').expect(409);
    expect(running.body.code).toBe('idempotency_request_running');

    // the process died: nothing was committed with the key, and after a while it is free again
    await t.dataSource.query(`UPDATE idempotency_keys SET updated_at = now() - interval '5 minutes' WHERE key = 'in-flight'`);
    await school.client.post(`/api/v1/events/${eventId}/class-visits`, body).set('Idempotency-Key', 'in-flight').expect(201);
    expect(await bookingsOfKey(schoolClass.id)).toBe(1);
  });

  it('books once when the same request is sent ten times at once', async () => {
    const schoolClass = await newClass(school.client, school.id);
    const body = { timeSlotId: slotId, schoolClassId: schoolClass.id, pupils: 20, teachers: 1 };
    const answers = await fireAll(
      await t.url(),
      school.client.token!,
      Array.from({ length: 10 }, () => ({ path: `/api/v1/events/${eventId}/class-visits`, body, headers: { 'Idempotency-Key': 'burst-1' } })),
    );
    expect(answers.every((a) => a.status === 201 || (a.status === 409 && a.body.code === 'idempotency_request_running'))).toBe(true);
    const created = answers.filter((a) => a.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((a) => a.body.id)).size).toBe(1);
    expect(await bookingsOfKey(schoolClass.id)).toBe(1);
  });

  it('frees the key when the request was refused, so the same retry can go through later', async () => {
    const schoolClass = await newClass(school.client, school.id);
    const earlier = await visit(null, 10, schoolClass.id).expect(201);
    const refused = await visit('after-refusal', 20, schoolClass.id).expect(409);
    expect(refused.body.code).toBe('class_already_visits');
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM idempotency_keys WHERE key = 'after-refusal'`);
    expect(n).toBe(0); // nothing was booked, so nothing is remembered
    await school.client.post(`/api/v1/bookings/${earlier.body.id}/cancel`).expect(200);
    const retried = await visit('after-refusal', 20, schoolClass.id).expect(201);
    expect(retried.headers['idempotent-replayed']).toBeUndefined();
  });

  it('rolls the work back when another request took over its claim meanwhile', async () => {
    const service = t.app.get(IdempotencyService);
    const me = (await school.client.get('/api/v1/auth/me')).body.id as string;
    const actor = { userId: me } as Actor;
    const attempt = service.run(actor, { key: 'taken-over', fingerprint: 'f' }, 201, async (manager) => {
      await manager.query(`INSERT INTO school_holidays (school_year, name, first_day, last_day) VALUES ('2030/31', 'Marker', '2031-01-01', '2031-01-02')`);
      // what a retry does that thinks the first request died: it renews the claim
      await manager.query(`UPDATE idempotency_keys SET updated_at = now() + interval '1 second' WHERE user_id = $1 AND key = 'taken-over'`, [me]);
      return { booked: true };
    });
    await expect(attempt).rejects.toMatchObject({ code: 'idempotency_request_running' });
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM school_holidays WHERE name = 'Marker'`);
    expect(n).toBe(0); // nothing of the first attempt was committed
  });

  it('names a malformed key', async () => {
    const res = await visit('x'.repeat(300), 20, (await newClass(school.client, school.id)).id).expect(400);
    expect(res.body.errors).toEqual([{ field: 'Idempotency-Key', code: 'header', message: 'muss aus 1 bis 200 druckbaren ASCII-Zeichen bestehen' }]);
  });
});
