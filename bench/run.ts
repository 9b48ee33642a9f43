/**
 * The registration rush: thousands of class-visit bookings from many schools at once, through
 * the running app, against a baseline of the same booking transactions sent straight through
 * `pg` in the same run. Usage: see bench/README.md (`npm run bench`).
 */
import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client, Pool } from 'pg';
import { baselineBooking } from './baseline';
import { ClassVisit, Measurement, measure } from './measure';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 5000);
const CONCURRENCY = 100;
const SLOT_CAPACITY = 500;
const SPREAD_SLOTS = 200;
const PORT = Number(process.env.BENCH_PORT ?? 3999);
const POOL_SIZE = 10; // the app's default DATABASE_POOL_SIZE; the baseline gets the same
const ORGANISER = { email: 'bench@praxisnah.example', password: 'bench-passwort-lang-genug' };

async function main() {
  const server = process.env.DATABASE_URL;
  if (!server) throw new Error('DATABASE_URL must point at a PostgreSQL server (the benchmark creates its own database there).');
  const url = await freshDatabase(server);
  const app = startApp(url);
  try {
    const base = `http://127.0.0.1:${PORT}`;
    await waitForHealth(base);
    const organiser = await login(base, ORGANISER.email, ORGANISER.password);
    const schools = await registerSchools(base, organiser, CONCURRENCY);
    const db = new Pool({ connectionString: url, max: POOL_SIZE });
    const classes = await createClasses(db, schools, Math.ceil(REQUESTS / CONCURRENCY));
    const visits = plan(classes);

    const oneSlot = await newFair(base, organiser, 'Rush auf ein Zeitfenster', 1);
    const spread = await newFair(base, organiser, 'Rush verteilt', SPREAD_SLOTS);
    const floorOne = await newFair(base, organiser, 'Baseline ein Zeitfenster', 1);
    const floorSpread = await newFair(base, organiser, 'Baseline verteilt', SPREAD_SLOTS);

    const results: Measurement[] = [];
    results.push(await measure('baseline (pg), one slot', visits, CONCURRENCY, (v, i) => baselineBooking(db, floorOne.eventId, floorOne.slots[i % 1], v)));
    results.push(await measure('app, one slot', visits, CONCURRENCY, (v, i) => book(base, schools, oneSlot.eventId, oneSlot.slots[i % 1], v)));
    results.push(await measure('baseline (pg), 200 slots', visits, CONCURRENCY, (v, i) => baselineBooking(db, floorSpread.eventId, floorSpread.slots[i % SPREAD_SLOTS], v)));
    results.push(await measure('app, 200 slots', visits, CONCURRENCY, (v, i) => book(base, schools, spread.eventId, spread.slots[i % SPREAD_SLOTS], v)));

    const checks = await capacityChecks(db, [oneSlot, spread, floorOne, floorSpread]);
    const peakMemoryMb = peakMemory(app);
    await db.end();
    report(results, checks, peakMemoryMb);
  } finally {
    app.kill('SIGTERM');
    await new Promise((resolve) => app.once('exit', resolve));
  }
}

/** A database of its own beside the given one, so a run never touches real data. */
async function freshDatabase(server: string): Promise<string> {
  const name = 'praxisnah_bench';
  const admin = new Client({ connectionString: server });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The built app as its own process, so its memory is measured apart from the load generator. */
function startApp(url: string): ChildProcess {
  // BENCH_PROFILE=<folder>: the app writes a V8 CPU profile there when it stops (open in Chrome DevTools)
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  return spawn(process.execPath, [...profile, 'dist/src/main.js'], {
    env: { ...process.env, DATABASE_URL: url, PORT: String(PORT), LOG_LEVEL: 'warn', NODE_ENV: 'production', TRUST_PROXY: 'true', BOOKING_LIMIT_PER_MINUTE: '1000000', ORGANISER_EMAIL: ORGANISER.email, ORGANISER_PASSWORD: ORGANISER.password, SMTP_URL: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function waitForHealth(base: string) {
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      if ((await fetch(`${base}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('The app did not become healthy within a minute.');
}

/** Each school logs in from its own address (behind the proxy the app trusts), as in real life. */
async function login(base: string, email: string, password: string, address = '10.0.0.1'): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': address }, body: JSON.stringify({ email, password }) });
  if (!res.ok) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
  return res.headers.getSetCookie().map((cookie) => cookie.split(';')[0]).join('; ');
}

async function call(base: string, cookie: string, path: string, body?: unknown) {
  const res = await fetch(`${base}${path}`, { method: body === undefined ? 'GET' : 'POST', headers: { cookie, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

type School = { id: string; cookie: string };

async function registerSchools(base: string, organiser: string, count: number): Promise<School[]> {
  const schools: School[] = [];
  for (let n = 0; n < count; n++) {
    const member = { name: `Lehrkraft ${n}`, email: `lehrkraft-${n}@bench.example`, password: ORGANISER.password };
    const school = { name: `Regelschule Bench ${n}`, schoolType: 'regelschule', street: 'Schulweg 1', postalCode: '99734', town: 'Nordhausen', district: 'nordhausen', coordinator: 'Frau Plan', phone: '03631 1000', email: `schule-${n}@bench.example` };
    const address = `10.1.${Math.floor(n / 250)}.${(n % 250) + 1}`;
    const res = await fetch(`${base}/api/v1/registrations/school`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': address }, body: JSON.stringify({ school, member }) });
    if (!res.ok) throw new Error(`registration: ${res.status} ${await res.text()}`);
    const id = (await res.json()).school.id as string;
    await call(base, organiser, `/api/v1/schools/${id}/approve`, {});
    schools.push({ id, cookie: await login(base, member.email, member.password, address) });
  }
  return schools;
}

/** Classes are set-up, not under test: written straight into the table. */
async function createClasses(db: Pool, schools: School[], perSchool: number) {
  const rows = await db.query(
    `INSERT INTO school_classes (school_id, name, grade, pupil_count, class_teacher)
     SELECT s.id, 'Klasse ' || n, 8, 25, 'Herr Bench' FROM unnest($1::uuid[]) AS s(id), generate_series(1, $2) AS n
     RETURNING id, school_id AS "schoolId"`,
    [schools.map((s) => s.id), perSchool],
  );
  return rows.rows as Array<{ id: string; schoolId: string }>;
}

/** The same mixed requests for every run: 1–28 pupils and 0–2 teachers, from a fixed seed. */
function plan(classes: Array<{ id: string; schoolId: string }>): ClassVisit[] {
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return classes.slice(0, REQUESTS).map((c) => ({ schoolId: c.schoolId, classId: c.id, pupils: 1 + Math.floor(next() * 28), teachers: Math.floor(next() * 3) }));
}

async function newFair(base: string, organiser: string, title: string, slots: number) {
  const day = '2027-05-08';
  const event = await call(base, organiser, '/api/v1/events', {
    program: 'handwerkertag', title, venue: 'HABI-Gelände Nordhausen', startsOn: day, endsOn: day, standCount: 10,
    registrationOpensAt: new Date(Date.now() - 86400_000).toISOString(), registrationClosesAt: new Date(Date.now() + 30 * 86400_000).toISOString(), cancellationDeadline: new Date(Date.now() + 20 * 86400_000).toISOString(),
  });
  await call(base, organiser, `/api/v1/events/${event.id}/status`, { status: 'published' });
  const ids: string[] = [];
  for (let n = 0; n < slots; n++) {
    const minute = 8 * 60 + n;
    const at = (m: number) => `${day}T${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    ids.push((await call(base, organiser, `/api/v1/events/${event.id}/time-slots`, { startsAt: at(minute), endsAt: at(minute + 60), capacity: SLOT_CAPACITY })).id);
  }
  return { eventId: event.id as string, slots: ids };
}

async function book(base: string, schools: School[], eventId: string, timeSlotId: string, visit: ClassVisit): Promise<'confirmed' | 'waitlisted'> {
  const school = schools.find((s) => s.id === visit.schoolId)!;
  const res = await fetch(`${base}/api/v1/events/${eventId}/class-visits`, {
    method: 'POST',
    headers: { cookie: school.cookie, 'content-type': 'application/json' },
    body: JSON.stringify({ timeSlotId, schoolClassId: visit.classId, pupils: visit.pupils, teachers: visit.teachers }),
  });
  const body = await res.json();
  if (res.status !== 201) throw new Error(`${res.status} ${body.code ?? ''}`);
  return body.status;
}

/** Per slot: the counter equals the confirmed places, never more than the capacity. */
async function capacityChecks(db: Pool, fairs: Array<{ eventId: string; slots: string[] }>) {
  const { rows } = await db.query(
    `SELECT bk.event_id AS "eventId", count(*) AS slots,
            count(*) FILTER (WHERE bk.booked > bk.capacity) AS overbooked,
            count(*) FILTER (WHERE bk.booked <> COALESCE(c.confirmed, 0)) AS drifted,
            count(*) FILTER (WHERE bk.booked = bk.capacity) AS full
       FROM bookables bk
       LEFT JOIN (SELECT bookable_id, sum(quantity) AS confirmed FROM bookings WHERE status = 'confirmed' GROUP BY 1) c ON c.bookable_id = bk.id
      WHERE bk.event_id = ANY($1) GROUP BY 1`,
    [fairs.map((f) => f.eventId)],
  );
  return fairs.map((f) => rows.find((r) => r.eventId === f.eventId) ?? { slots: 0, overbooked: 0, drifted: 0, full: 0 });
}

/** The app process's peak resident memory (Linux: VmHWM), in MB. */
function peakMemory(app: ChildProcess): number | null {
  try {
    const status = readFileSync(`/proc/${app.pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
    return Math.round(kb / 1024);
  } catch {
    return null;
  }
}

function report(results: Measurement[], checks: Array<Record<string, unknown>>, peakMemoryMb: number | null) {
  const [floorOne, appOne, floorSpread, appSpread] = results;
  const ratios = { oneSlot: appOne.throughput / floorOne.throughput, spread: appSpread.throughput / floorSpread.throughput };
  console.table(results.map((r) => ({ run: r.name, 'req/s': r.throughput.toFixed(0), 'p50 ms': r.p50.toFixed(1), 'p99 ms': r.p99.toFixed(1), confirmed: r.outcomes.confirmed ?? 0, waitlisted: r.outcomes.waitlisted ?? 0, errors: r.errors })));
  console.table([
    { measure: 'app / baseline, one slot (target ≥ 0.5)', value: ratios.oneSlot.toFixed(2) },
    { measure: 'app / baseline, 200 slots (target ≥ 0.3)', value: ratios.spread.toFixed(2) },
    { measure: 'slots overbooked (target 0)', value: String(checks.reduce((n, c) => n + Number(c.overbooked), 0)) },
    { measure: 'counters not equal to confirmed places (target 0)', value: String(checks.reduce((n, c) => n + Number(c.drifted), 0)) },
    { measure: 'one slot filled to exactly its capacity', value: Number(checks[0].full) === 1 ? 'yes' : 'no' },
    { measure: 'peak memory of the app process, MB (target < 300)', value: String(peakMemoryMb ?? 'n/a') },
  ]);
  const out = join(process.cwd(), 'bench', 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'latest.json'), JSON.stringify({ at: new Date().toISOString(), requests: REQUESTS, concurrency: CONCURRENCY, results, ratios, checks, peakMemoryMb }, null, 2));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
