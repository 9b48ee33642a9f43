import { Client } from 'pg';
import { Role } from '../src/common/identity/role';
import { freePort, startAppProcess, stopAppProcess, waitForHealth } from './support/app-process';
import { newClasses, newEvent, newSchool, newStaff, newTimeSlot } from './support/factories';
import { TestMailServer } from './support/mail-server';
import { fireAll } from './support/parallel';
import { startTestApp } from './support/test-app';

const onServer = process.env.DATABASE_URL ? describe : describe.skip;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One `npm start` with two workers (WEB_CONCURRENCY=2) on one port: both answer, a rush of
 * bookings is shared between them without a 5xx, the slots' counters stay exact, and every
 * booking's mail goes out once although both workers' mail loops run.
 */
onServer('two workers of one npm start (needs a PostgreSQL server: DATABASE_URL)', () => {
  jest.setTimeout(120_000);

  it('shares a rush between both workers, keeps the capacity and mails every booking once', async () => {
    const inbox = await new TestMailServer().start();
    const setup = await startTestApp();
    const organiser = (await newStaff(setup, Role.Organiser)).client;
    const fair = await newEvent(organiser, 'handwerkertag');
    const slot = await newTimeSlot(organiser, fair.id, 100);
    const school = await newSchool(setup, { approvedBy: organiser });
    const classIds = await newClasses(setup, school.id, 60);
    await setup.app.close();

    const db = new Client({ connectionString: setup.databaseUrl });
    await db.connect();
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const app = startAppProcess({
      DATABASE_URL: setup.databaseUrl,
      WEB_CONCURRENCY: '2',
      DATABASE_POOL_SIZE: '8',
      PORT: String(port),
      HOST: '127.0.0.1',
      SMTP_URL: inbox.url,
      OUTBOX_POLL_MS: '100',
      BOOKING_LIMIT_PER_MINUTE: '1000000',
    });
    try {
      await waitForHealth(base, app.child);
      // each worker starts on its own and listens once ready: keep asking until both have answered.
      // Every question on a new connection: the primary hands out connections, not requests, so a
      // kept-alive connection would ask the same worker forever.
      const workers = new Set<number>();
      for (const until = Date.now() + 60_000; workers.size < 2 && Date.now() < until; await sleep(20)) {
        const health = await fetch(`${base}/health`, { headers: { connection: 'close' } });
        workers.add(((await health.json()) as { worker: number }).worker);
      }
      expect([...workers].sort()).toEqual([1, 2]);

      // 60 classes of 2 persons for 100 places: 50 confirmed, 10 waiting
      const answers = await fireAll(
        base,
        school.client.token!,
        classIds.map((schoolClassId) => ({ path: `/api/v1/events/${fair.id}/class-visits`, body: { timeSlotId: slot.id, schoolClassId, pupils: 2, teachers: 0 } })),
      );
      expect(answers.filter((a) => a.status !== 201).map((a) => a.status)).toEqual([]);
      expect(answers.filter((a) => a.body.status === 'confirmed')).toHaveLength(50);
      expect(answers.filter((a) => a.body.status === 'waitlisted')).toHaveLength(10);
      const [counter] = (await db.query(`SELECT capacity, booked FROM bookables WHERE id = $1`, [slot.id])).rows;
      expect(counter).toEqual({ capacity: 100, booked: 100 });

      // every booking's mail once, with both workers' mail loops running
      for (let i = 0; i < 300 && inbox.received.length < 60; i++) await sleep(100);
      await sleep(1000); // a second copy would arrive now
      const perBooking = new Map<string, number>();
      const mails = (await db.query(`SELECT id, booking_id FROM outbox_mails WHERE booking_id IS NOT NULL`)).rows as Array<{ id: string; booking_id: string }>;
      const bookingOf = new Map(mails.map((m) => [m.id, m.booking_id]));
      for (const mail of inbox.received) {
        const booking = bookingOf.get(String(mail.headers.get('x-praxisnah-mail')));
        if (booking) perBooking.set(booking, (perBooking.get(booking) ?? 0) + 1);
      }
      expect(perBooking.size).toBe(60);
      expect([...perBooking.values()].filter((n) => n !== 1)).toEqual([]);
    } finally {
      await stopAppProcess(app);
      await db.end();
      await inbox.stop();
    }
    // the primary stops its workers and exits cleanly
    expect(app.child.exitCode).toBe(0);
  });
});
