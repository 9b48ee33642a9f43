import { Client } from 'pg';
import { Role } from '../src/common/identity/role';
import { ApiClient, explain, loginWithSession, newClass, newEvent, newSchool, newStaff, newTimeSlot } from './support/factories';
import { queueForming } from './support/interleavings';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Two entrances scan the same class at the same moment. The test forces the dangerous order:
 * it holds an uncommitted check-in of the class on its own connection, so both requests read
 * "not checked in yet" and then queue at the insert; when the test rolls its row back, one
 * request wins and the other must be told the class is in — never a second check-in.
 */
describe('check-in at two entrances at once', () => {
  let t: TestApp;
  let north: ApiClient;
  let south: ApiClient;
  let fairId: string;
  let school: Awaited<ReturnType<typeof newSchool>>;
  let slotId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const organiser = (await newStaff(t, Role.Organiser)).client;
    school = await newSchool(t, { approvedBy: organiser });
    fairId = (await newEvent(organiser, 'handwerkertag')).id;
    slotId = (await newTimeSlot(organiser, fairId, 200)).id;
    const login = async (name: string) => {
      const created = await organiser.post(`/api/v1/events/${fairId}/door-logins`, { name, email: `${name.toLowerCase().replace(' ', '-')}@handwerkertag.example` }).expect(explain(201));
      return loginWithSession(t, created.body.email, created.body.password);
    };
    [north, south] = [await login('Eingang Nord'), await login('Eingang Sued')];
  });
  afterAll(() => t.close());

  async function newVisit() {
    const schoolClass = await newClass(school.client, school.id);
    const id = (await school.client.post(`/api/v1/events/${fairId}/class-visits`, { timeSlotId: slotId, schoolClassId: schoolClass.id, pupils: 20, teachers: 2 }).expect(explain(201))).body.id;
    const { address } = (await school.client.get(`/api/v1/bookings/${id}/entrance-pass`).expect(200)).body;
    return { id: id as string, code: address.split('/einlass/')[1] as string };
  }
  const scan = (client: ApiClient, code: string, pupils: number) => client.post(`/api/v1/events/${fairId}/check-ins`, { code, pupils, teachers: 2 });

  const onServer = process.env.DATABASE_URL ? it : it.skip;
  onServer('checks the class in once when both scans have read "not in" before either writes (needs a PostgreSQL server: DATABASE_URL)', async () => {
    const visit = await newVisit();
    const gate = new Client({ connectionString: t.databaseUrl });
    await gate.connect();
    await gate.query('BEGIN');
    const [door] = (await gate.query(`SELECT id, name FROM users WHERE email = 'eingang-nord@handwerkertag.example'`)).rows;
    await gate.query(`INSERT INTO check_ins (booking_id, event_id, pupils, teachers, checked_in_by, checked_in_by_name) VALUES ($1, $2, 1, 1, $3, $4)`, [visit.id, fairId, door.id, door.name]);
    const answers = Promise.all([scan(north, visit.code, 19), scan(south, visit.code, 21)]);
    // both requests wait at the insert, behind the test's row
    await queueForming(t.databaseUrl!, 2, 10_000);
    const [{ waiting }] = (await gate.query(`SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`)).rows;
    expect(waiting).toBe(2);
    await gate.query('ROLLBACK');
    await gate.end();
    const statuses = (await answers).map((res) => res.status).sort();
    expect(statuses).toEqual([201, 409]);
    const rows = await t.dataSource.query(`SELECT pupils FROM check_ins WHERE booking_id = $1`, [visit.id]);
    expect(rows).toHaveLength(1);
    const loser = (await answers).find((res) => res.status === 409)!;
    expect(loser.body.code).toBe('already_checked_in');
    expect([19, 21]).toContain(rows[0].pupils);
  });

  it('checks each class in once under a burst of parallel scans from both entrances', async () => {
    const visits = await Promise.all([newVisit(), newVisit(), newVisit()]);
    const answers = await Promise.all(visits.flatMap((visit) => [scan(north, visit.code, 20), scan(south, visit.code, 20), scan(north, visit.code, 20)]));
    expect(answers.filter((res) => res.status === 201)).toHaveLength(3);
    expect(answers.filter((res) => res.status === 409)).toHaveLength(6);
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM check_ins WHERE booking_id = ANY($1)`, [visits.map((v) => v.id)]);
    expect(count).toBe(3);
  });
});
