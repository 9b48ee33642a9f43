import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Role } from '../src/common/identity/role';
import { OutboxWorker } from '../src/notifications/outbox-worker';
import { freePort, startAppProcess, stopAppProcess, waitForHealth } from './support/app-process';
import { ApiClient, newClass, newClasses, newEvent, newSchool, newStaff, newTimeSlot } from './support/factories';
import { TestMailServer } from './support/mail-server';
import { fireAll, fireAllAllowingCrash } from './support/parallel';
import { TcpProxy } from './support/tcp-proxy';
import { startTestApp, TestApp } from './support/test-app';
import { freshDatabase, withClient } from './support/test-database';

/**
 * What happens when things break: a connection dies mid-booking, the database is not
 * there at start, two instances share a rush, a process is killed during one. All of it
 * needs a PostgreSQL server (terminating a backend, a second process on the same
 * database); on the embedded database these tests are skipped.
 */
const onServer = process.env.DATABASE_URL ? describe : describe.skip;
const NEEDS_SERVER = '(needs a PostgreSQL server: DATABASE_URL)';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `check` holds; fails with `what` after the deadline. */
async function eventually(what: string, check: () => Promise<boolean> | boolean, seconds = 30) {
  const until = Date.now() + seconds * 1000;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`not in time: ${what}`);
    await sleep(100);
  }
}

/** Queries through the app's pool or a client of the test's own alike. */
type Rows = (sql: string, params?: unknown[]) => Promise<Array<Record<string, any>>>;
const through = (db: DataSource | Client): Rows =>
  db instanceof DataSource ? (sql, params) => db.query(sql, params) : async (sql, params) => (await db.query(sql, params)).rows;

const count = async (rows: Rows, sql: string, params: unknown[] = []) => Number((await rows(sql, params))[0].n);

/**
 * Mail is done when every booking change has been turned into mail and none is waiting to
 * be sent. Holds whether mails are written with the booking or composed after it commits.
 */
const mailSettled = async (rows: Rows) =>
  (await count(rows, `SELECT count(*) AS n FROM booking_changes WHERE notified_at IS NULL`)) === 0 &&
  (await count(rows, `SELECT count(*) AS n FROM outbox_mails WHERE status = 'pending'`)) === 0;

/** Capacity held per bookable by its bookings, next to its counter. */
const counters = (rows: Rows, eventId: string) =>
  rows(
    `SELECT b.id, b.capacity, b.booked,
            coalesce(sum(k.quantity) FILTER (WHERE k.status IN ('pending', 'confirmed')), 0)::int AS held
       FROM bookables b LEFT JOIN bookings k ON k.bookable_id = b.id
      WHERE b.event_id = $1 GROUP BY b.id`,
    [eventId],
  );

onServer(`a database connection that dies in the middle of a booking ${NEEDS_SERVER}`, () => {
  let t: TestApp;
  let school: Awaited<ReturnType<typeof newSchool>>;
  let eventId: string;
  let slotId: string;
  beforeAll(async () => {
    t = await startTestApp();
    const organiser = (await newStaff(t, Role.Organiser)).client;
    school = await newSchool(t, { approvedBy: organiser });
    eventId = (await newEvent(organiser, 'handwerkertag')).id;
    slotId = (await newTimeSlot(organiser, eventId, 100)).id;
  });
  afterAll(() => t.close());

  /** A client of its own beside the app's pool, to hold locks and terminate backends. */
  async function sideConnection() {
    const client = new Client({ connectionString: t.databaseUrl });
    await client.connect();
    return client;
  }

  /** The app's backend that waits for a lock `side` holds (`what` names it for the failure message). */
  async function waitingBackend(side: Client, what: string): Promise<number> {
    let pid: number | undefined;
    await eventually(`a backend waiting in ${what}`, async () => {
      await side.query('SELECT pg_stat_clear_snapshot()'); // inside a transaction the view would stand still
      const { rows } = await side.query(
        `SELECT pid FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid() AND pg_backend_pid() = ANY(pg_blocking_pids(pid))`,
      );
      pid = rows[0]?.pid;
      return pid !== undefined;
    }, 10);
    return pid!;
  }

  it('answers 503, leaves nothing half-written, and the retry with the same key books exactly once', async () => {
    const schoolClass = await newClass(school.client, school.id);
    const visit = () =>
      school.client
        .post(`/api/v1/events/${eventId}/class-visits`, { timeSlotId: slotId, schoolClassId: schoolClass.id, pupils: 20, teachers: 2 })
        .set('Idempotency-Key', 'connection-dies');
    const db = through(t.dataSource);
    const written = async () => ({
      bookings: await count(db, `SELECT count(*) AS n FROM bookings WHERE school_class_id = $1`, [schoolClass.id]),
      changes: await count(db, `SELECT count(*) AS n FROM booking_changes`),
      mails: await count(db, `SELECT count(*) AS n FROM outbox_mails`),
      booked: await count(db, `SELECT booked AS n FROM bookables WHERE id = $1`, [slotId]),
    });
    const before = await written();

    // Stop the booking at the counter, then let it run on until only storing its answer is
    // left: the booking, its history and its counter are written in the open transaction.
    const counterLock = await sideConnection();
    const answerLock = await sideConnection();
    try {
      await counterLock.query('BEGIN');
      await counterLock.query(`SELECT 1 FROM bookables WHERE id = $1 FOR UPDATE`, [slotId]);
      const answer = visit().then((res) => res); // sent now, answered once its backend is gone
      await waitingBackend(counterLock, 'UPDATE bookables');
      await answerLock.query('BEGIN');
      await answerLock.query(`SELECT 1 FROM idempotency_keys WHERE key = 'connection-dies' FOR UPDATE`);
      await counterLock.query('ROLLBACK');
      const backend = await waitingBackend(answerLock, 'UPDATE idempotency_keys');
      await answerLock.query('SELECT pg_terminate_backend($1)', [backend]);
      await answerLock.query('ROLLBACK');

      const res = await answer;
      expect(res.status).toBe(503);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 503, code: 'database_unavailable' });
    } finally {
      await counterLock.end();
      await answerLock.end();
    }
    expect(await written()).toEqual(before);

    const retry = await visit();
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
    expect(retry.body.status).toBe('confirmed');
    expect(await written()).toMatchObject({ bookings: 1, booked: before.booked + 22 });
    expect((await visit().expect(201)).headers['idempotent-replayed']).toBe('true');
    await request(t.http).get('/health').expect(200);
  });
});

onServer(`the database unreachable at start ${NEEDS_SERVER}`, () => {
  it('says so in the log, answers /health with 503 while it retries, and starts once the database is there', async () => {
    const database = await freshDatabase();
    const server = new URL(database.url);
    const proxy = new TcpProxy(await freePort(), { host: server.hostname, port: Number(server.port || 5432) });
    const throughProxy = new URL(database.url);
    throughProxy.hostname = '127.0.0.1';
    throughProxy.port = String(proxy.port);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const app = startAppProcess({ DATABASE_URL: throughProxy.toString(), PORT: String(port), HOST: '127.0.0.1', OUTBOX_POLL_MS: '0' });
    try {
      const address = `127.0.0.1:${proxy.port}${server.pathname}`;
      const attempts = () => app.output().split('\n').filter((line) => line.includes(`${address} unreachable`)).length;
      await eventually('two attempts in the log', () => {
        if (app.child.exitCode !== null) throw new Error(`the app gave up:\n${app.output()}`);
        return attempts() >= 2;
      }, 20);
      expect(app.output()).toContain(`Datenbank ${address} nicht erreichbar`);
      expect(app.output()).toMatch(/ECONNREFUSED/);

      const health = await fetch(`${base}/health`);
      expect(health.status).toBe(503);
      expect(await health.json()).toEqual({ status: 'unavailable', database: 'unreachable' });
      const api = await fetch(`${base}/api/v1/events`);
      expect(api.status).toBe(503);
      expect((await api.json()).code).toBe('database_unavailable');
      expect(app.child.exitCode).toBeNull();

      await proxy.open();
      expect(await waitForHealth(base, app.child, 60)).toMatchObject({ status: 'ok' });
      expect(app.output()).toContain(`database ${address} is reachable`);
      const migrated = await withClient(database.url, (c) => count(through(c), `SELECT count(*) AS n FROM schema_migrations`));
      expect(migrated).toBeGreaterThan(0);
      expect(await stopAppProcess(app)).toBe(0);
    } finally {
      app.child.kill('SIGKILL');
      await proxy.close();
      await database.drop();
    }
  }, 90_000);
});

onServer(`two app instances on one database during a rush ${NEEDS_SERVER}`, () => {
  const inbox = new TestMailServer();
  let first: TestApp;
  let second: TestApp;
  let organiser: ApiClient;
  beforeAll(async () => {
    await inbox.start();
    first = await startTestApp({ SMTP_URL: inbox.url });
    second = await startTestApp({ SMTP_URL: inbox.url }, first.database);
    organiser = (await newStaff(first, Role.Organiser)).client;
  });
  afterAll(async () => {
    await second.app.close();
    await first.close();
    await inbox.stop();
  });

  it('confirms exactly the capacity, keeps the counter right, and sends every mail exactly once', async () => {
    const fair = await newEvent(organiser, 'handwerkertag');
    const slot = await newTimeSlot(organiser, fair.id, 30);
    const school = await newSchool(first, { approvedBy: organiser });
    const classIds = await newClasses(first, school.id, 100);
    const visits = classIds.map((schoolClassId) => ({
      path: `/api/v1/events/${fair.id}/class-visits`,
      body: { timeSlotId: slot.id, schoolClassId, pupils: 1, teachers: 0 },
    }));
    const answers = (
      await Promise.all([
        fireAll(await first.url(), school.client.token!, visits.filter((_, i) => i % 2 === 0)),
        fireAll(await second.url(), school.client.token!, visits.filter((_, i) => i % 2 === 1)),
      ])
    ).flat();
    expect(answers.filter((a) => a.status !== 201)).toEqual([]);

    const bookings: Array<{ id: string; status: string; quantity: number }> = await first.dataSource.query(
      `SELECT id, status, quantity FROM bookings WHERE bookable_id = $1`,
      [slot.id],
    );
    const confirmed = bookings.filter((b) => b.status === 'confirmed');
    expect(confirmed.reduce((n, b) => n + b.quantity, 0)).toBe(30);
    expect(bookings.filter((b) => b.status === 'waitlisted')).toHaveLength(70);
    const counter = (await counters(through(first.dataSource), fair.id)).find((c) => c.id === slot.id);
    expect(counter).toMatchObject({ capacity: 30, booked: 30, held: 30 });

    // Both instances' workers at once, pass after pass, until every change is mailed.
    const workers = [first, second].map((t) => t.app.get(OutboxWorker));
    await eventually('all mail sent', async () => {
      await Promise.all(workers.map((w) => w.runOnce()));
      return mailSettled(through(first.dataSource));
    }, 60);

    const mails: Array<{ id: string; recipient: string; booking_id: string; kind: string }> = await first.dataSource.query(
      `SELECT m.id, m.recipient, m.booking_id, m.kind FROM outbox_mails m JOIN bookings b ON b.id = m.booking_id WHERE b.bookable_id = $1`,
      [slot.id],
    );
    const byId = new Map(mails.map((m) => [m.id, m]));
    const arrived = inbox.received.map((m) => byId.get(String(m.headers.get('x-praxisnah-mail')))).filter((m) => m !== undefined);
    expect(arrived).toHaveLength(new Set(arrived.map((m) => m.id)).size); // no outbox mail sent twice
    const sentOnce = new Set(arrived.map((m) => `${m.recipient} ${m.booking_id} ${m.kind}`));
    expect(sentOnce.size).toBe(arrived.length); // nor one message composed twice
    expect([...sentOnce].sort()).toEqual(
      bookings.map((b) => `${school.email} ${b.id} ${b.status === 'confirmed' ? 'booking-confirmed' : 'booking-waitlisted'}`).sort(),
    );
  }, 120_000);
});

onServer(`an app process killed during a rush ${NEEDS_SERVER}`, () => {
  it('loses no acknowledged booking, keeps every counter right, and mails every confirmation after the restart', async () => {
    const inbox = await new TestMailServer().start();
    // Set up through the app in this process; the rush goes to the built app in its own.
    const setup = await startTestApp();
    const organiser = (await newStaff(setup, Role.Organiser)).client;
    const fair = await newEvent(organiser, 'handwerkertag');
    const slots = await Promise.all(['08:30', '10:30', '12:30'].map((time) => newTimeSlot(organiser, fair.id, 40, `2027-05-08T${time}`)));
    const school = await newSchool(setup, { approvedBy: organiser });
    const classIds = await newClasses(setup, school.id, 240);
    await setup.app.close();

    const client = new Client({ connectionString: setup.databaseUrl });
    await client.connect();
    const db = through(client);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const env = {
      DATABASE_URL: setup.databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      SMTP_URL: inbox.url,
      OUTBOX_POLL_MS: '100',
      BOOKING_LIMIT_PER_MINUTE: '1000000',
    };
    const killed = startAppProcess(env);
    let restarted: ReturnType<typeof startAppProcess> | undefined;
    try {
      await waitForHealth(base, killed.child);
      const rush = fireAllAllowingCrash(
        base,
        school.client.token!,
        classIds.map((schoolClassId, i) => ({
          path: `/api/v1/events/${fair.id}/class-visits`,
          body: { timeSlotId: slots[i % slots.length].id, schoolClassId, pupils: 1 + (i % 3), teachers: i % 2 },
        })),
      );
      const bookingsOfFair = () => count(db, `SELECT count(*) AS n FROM bookings WHERE event_id = $1`, [fair.id]);
      await eventually('the rush under way', async () => (await bookingsOfFair()) >= 20, 30);
      killed.child.kill('SIGKILL');
      await killed.exited;
      const answers = await rush;
      expect(answers.filter((a) => a.status === 0).length).toBeGreaterThan(0); // killed in the middle …
      expect(answers.filter((a) => a.status === 201).length).toBeGreaterThan(0); // … not before
      expect(answers.filter((a) => a.status !== 0 && a.status !== 201)).toEqual([]);

      // A killed worker's claims run out after their lease (minutes); let them run out now.
      await db(`UPDATE outbox_mails SET leased_until = now() WHERE leased_until > now()`);
      restarted = startAppProcess(env);
      await waitForHealth(base, restarted.child);
      await eventually('all mail sent after the restart', () => mailSettled(db), 60);

      // Every answered booking is there as it was answered.
      const bookings = await db(`SELECT id, status FROM bookings WHERE event_id = $1`, [fair.id]);
      const stored = new Map(bookings.map((b) => [b.id, b.status]));
      for (const answer of answers.filter((a) => a.status === 201)) expect(stored.get(answer.body.id as string)).toBe(answer.body.status);

      for (const slot of await counters(db, fair.id)) {
        expect(slot.booked).toBe(slot.held);
        expect(slot.booked).toBeLessThanOrEqual(slot.capacity);
      }

      const confirmations = await db(
        `SELECT m.id, m.booking_id FROM outbox_mails m JOIN bookings b ON b.id = m.booking_id
          WHERE b.event_id = $1 AND m.kind = 'booking-confirmed' AND m.status = 'sent'`,
        [fair.id],
      );
      const delivered = new Set(inbox.received.map((m) => String(m.headers.get('x-praxisnah-mail'))));
      const confirmedAndMailed = new Set(confirmations.filter((m) => delivered.has(m.id)).map((m) => m.booking_id));
      const confirmed = bookings.filter((b) => b.status === 'confirmed').map((b) => b.id);
      expect(confirmed.length).toBeGreaterThan(0);
      expect(confirmed.filter((id) => !confirmedAndMailed.has(id))).toEqual([]);
    } finally {
      killed.child.kill('SIGKILL');
      if (restarted) await stopAppProcess(restarted);
      await client.end();
      await setup.database.drop();
      await inbox.stop();
    }
  }, 180_000);
});
