import { Pool } from 'pg';
import type { AppConfig } from '../../src/config/environment';
import { PasswordService } from '../../src/auth/password.service';
import { planSampleYear } from '../../src/programs/praxistage/sample-year/sample-year';
import { login, Session } from '../api';
import { ORGANISER, ProcessMemory } from '../app-process';
import { newYear } from '../praxistage/praxistage';
import { applicationRules } from '../praxistage/rows';
import { writeSampleYear } from '../praxistage/year-writer';
import { placeEveryone } from './placed-class';

/**
 * A class's Praxistage agreements for a phase as its school's coordinator downloads them
 * from the running app: `GET …/phases/1/classes/{id}/agreements.pdf`, one tagged PDF with
 * an agreement per placed pupil, so the figure holds the app's whole path (session, the
 * year, the pupils, their placements and practice days read from PostgreSQL, rendering,
 * HTTP). The app's memory is read before the first download and after each one (its heap
 * after a full collection, forced between downloads through the app's inspector), so that
 * whatever a download leaves behind shows as growth from round to round.
 */
export interface AgreementsBenchResult {
  agreements: number;
  setUpSeconds: number;
  /** Each serving process's memory before the first download. */
  before: ProcessMemory[];
  rounds: Array<{ ms: number; pages: number; bytes: number; memory: ProcessMemory[] }>;
}

const AGREEMENTS = Number(process.env.BENCH_AGREEMENTS ?? 150);
const ROUNDS = Number(process.env.BENCH_DOCUMENT_ROUNDS ?? 5);
const PHASE = 1;
// a class declares at most 60 pupils (school_classes.pupil_count), so the year is planned in classes of 50 and joined
const PLANNED_CLASS = 50;

export async function agreementsBench(base: string, db: Pool, organiser: Session, memory: () => Promise<ProcessMemory[]>): Promise<AgreementsBenchResult> {
  const started = performance.now();
  const { eventId, classId, coordinatorEmail, placed } = await placedClass(base, db, organiser);
  const coordinator = await login(base, coordinatorEmail, ORGANISER.password, '10.3.0.1');
  const setUpSeconds = (performance.now() - started) / 1000;
  const path = `/api/v1/praxistage/years/${eventId}/phases/${PHASE}/classes/${classId}/agreements.pdf`;
  const result: AgreementsBenchResult = { agreements: placed, setUpSeconds, before: await memory(), rounds: [] };
  for (let round = 0; round < ROUNDS; round++) {
    const asked = performance.now();
    const res = await fetch(`${base}${path}`, { headers: { cookie: coordinator.cookie } });
    if (!res.ok || res.headers.get('content-type') !== 'application/pdf') throw new Error(`${path}: ${res.status} ${await res.text()}`);
    const pdf = Buffer.from(await res.arrayBuffer());
    const ms = Math.round(performance.now() - asked);
    const pages = (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
    if (pages < placed) throw new Error(`${path}: ${pages} pages for ${placed} agreements.`);
    result.rounds.push({ ms, pages, bytes: pdf.length, memory: await memory() });
  }
  return result;
}

/**
 * Set-up, not measured: a year whose first phase is decided, planned from a seed and written
 * in bulk as the Praxistage part writes its year, with one school whose pupils (AGREEMENTS of
 * them, all in one class) are every one placed in phase 1. The phase's other applications
 * (declined, withdrawn) and the open second phase's applications and offers stay as planned,
 * so the download reads among rows it must leave out.
 */
async function placedClass(base: string, db: Pool, organiser: Session) {
  const classes = Math.ceil(AGREEMENTS / PLANNED_CLASS);
  const plan = placeEveryone(
    planSampleYear({ schools: 1, classesPerSchool: classes, pupilsPerClass: Math.ceil(AGREEMENTS / classes), companies: Math.max(40, Math.round(AGREEMENTS * 1.4)), openPhase: 2, seed: 2028 }),
    PHASE,
  );
  const eventId = await newYear(base, db, organiser, 2, 'Tag in der Praxis (Bench, Vereinbarungen)');
  const passwordHash = await new PasswordService({ PASSWORD_MIN_LENGTH: 10 } as AppConfig).hashNew(ORGANISER.password, 'password');
  const year = await writeSampleYear(db, eventId, plan, passwordHash, 'documents');
  const school = year.schools[0];
  // the planned classes as one: the pupils move to the first (its declared size for class visits stays)
  const [{ id: classId }] = (await db.query(`SELECT id FROM school_classes WHERE school_id = $1 ORDER BY name LIMIT 1`, [school.id])).rows;
  await db.query(`UPDATE pupils SET class_id = $2 WHERE school_id = $1`, [school.id, classId]);
  const [check] = (
    await db.query(
      `SELECT count(*)::int AS pupils, count(*) FILTER (WHERE EXISTS (
                SELECT 1 FROM bookings b JOIN praxistage_phases ph ON ph.id = b.phase_id
                 WHERE b.pupil_id = p.id AND ph.event_id = $1 AND ph.number = $3 AND b.status = 'confirmed'))::int AS placed
         FROM pupils p WHERE p.class_id = $2`,
      [eventId, classId, PHASE],
    )
  ).rows;
  const rules = await applicationRules(db, eventId);
  if (check.placed !== check.pupils || Object.values(rules).some((n) => n !== 0)) {
    throw new Error(`Set-up: ${check.placed} of ${check.pupils} pupils placed in phase ${PHASE}; ${JSON.stringify(rules)}`);
  }
  return { eventId, classId: classId as string, coordinatorEmail: school.email, placed: check.placed as number };
}

type Figure = Exclude<keyof ProcessMemory, 'pid'>;
const perProcess = (memory: ProcessMemory[], key: Figure) => memory.map((m) => m[key]).join(' / ');

const memoryColumns = (memory: ProcessMemory[], workers: string) => ({
  [`app RSS MB${workers}`]: perProcess(memory, 'rssMb'),
  [`app RSS MB after GC${workers}`]: perProcess(memory, 'rssAfterGcMb'),
  [`app heap MB after GC${workers}`]: perProcess(memory, 'heapMb'),
  // Buffers (the PDF's among them) live outside the heap
  [`app external MB${workers}`]: perProcess(memory, 'externalMb'),
});

/** The rounds as a table, and the result against the target (< 10 s, the app's memory flat). */
export function agreementsReport(r: AgreementsBenchResult) {
  const workers = r.before.length > 1 ? ` (worker ${r.before.map((_, i) => i + 1).join(' / ')})` : '';
  console.log(`\nDocuments: a class's ${r.agreements} Praxistage agreements in one PDF, downloaded by its school (set-up ${r.setUpSeconds.toFixed(1)} s)`);
  console.table([
    { round: 'before', ms: '', pages: '', 'PDF MB': '', ...memoryColumns(r.before, workers) },
    ...r.rounds.map((round, i) => ({
      round: String(i + 1),
      ms: String(round.ms),
      pages: String(round.pages),
      'PDF MB': (round.bytes / 1024 / 1024).toFixed(1),
      ...memoryColumns(round.memory, workers),
    })),
  ]);
  const slowest = Math.max(...r.rounds.map((round) => round.ms));
  const [first, last] = [r.rounds[0].memory, r.rounds[r.rounds.length - 1].memory];
  // from after the first download: it also loads the font and compiles the renderer, once per process
  const growth = (key: Figure) => `${perProcess(first, key)} → ${perProcess(last, key)}`;
  console.table([
    { measure: `slowest of ${r.rounds.length} downloads, ms (target < 10,000)`, value: `${slowest} (${slowest < 10_000 ? 'met' : 'missed'})` },
    { measure: `app RSS after the first download → after the last, MB${workers}`, value: growth('rssMb') },
    { measure: `app RSS after GC, after the first download → after the last, MB${workers}`, value: growth('rssAfterGcMb') },
    { measure: `app heap after GC, after the first download → after the last, MB${workers}`, value: growth('heapMb') },
  ]);
}
