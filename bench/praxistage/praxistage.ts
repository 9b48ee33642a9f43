import { Pool } from 'pg';
import type { AppConfig } from '../../src/config/environment';
import { PasswordService } from '../../src/auth/password.service';
import { planSampleYear, SampleYear, SampleYearSize } from '../../src/programs/praxistage/sample-year/sample-year';
import { samplePhases } from '../../src/programs/praxistage/sample-year/sample-phases';
import { call, Session } from '../api';
import { ORGANISER } from '../app-process';
import { Measurement } from '../measure';
import { acceptRush, AcceptResult } from './accept-rush';
import { offerRace, RaceResult } from './offer-race';
import { praxistageReads } from './praxistage-reads';
import { PeakMemory, phaseProposal, ProposalResult } from './phase-proposal';
import { applicationRules, placeCounters } from './rows';
import { writeSampleYear } from './year-writer';

// BENCH_PRAXISTAGE_SCALE=0.2 makes a fifth of the region for a quick try; 1 is Tag in der Praxis as it is.
const SCALE = Number(process.env.BENCH_PRAXISTAGE_SCALE ?? 1);

export type PraxistageResult = {
  size: SampleYearSize;
  rows: Record<string, number>;
  setUpSeconds: number;
  afterSetUp: Record<string, number>;
  reads: Measurement[];
  race: RaceResult;
  accept: AcceptResult;
  proposal: ProposalResult;
  /** The app's peak memory during the set-up, before the proposal's own is measured. */
  setUpPeakMemoryMb: number | null;
};

/**
 * The Praxistage year at the region's size: 28 schools, 1,400 pupils, 900 companies with a
 * Steckbrief each and applications in all four phases (the fourth open now). The year is
 * made through the API, its contents are written in bulk (set-up); then the reads people
 * make during a phase's applications, 500 offers at once on 100 contested places, and the
 * pupils who won them accepting at once.
 */
export async function praxistage(base: string, db: Pool, organiser: Session, memory: PeakMemory): Promise<PraxistageResult> {
  const size: SampleYearSize = {
    schools: Math.max(5, Math.round(28 * SCALE)),
    classesPerSchool: 2,
    pupilsPerClass: 25,
    companies: Math.max(20, Math.round(900 * SCALE)),
    openPhase: 4,
    seed: 2027,
  };
  const started = performance.now();
  const plan = planSampleYear(size);
  const eventId = await newYear(base, db, organiser, size.openPhase);
  // the members' password hashed as the app hashes it, once for all of them
  const passwordHash = await new PasswordService({ PASSWORD_MIN_LENGTH: 10 } as AppConfig).hashNew(ORGANISER.password, 'password');
  const year = await writeSampleYear(db, eventId, plan, passwordHash);
  const setUpSeconds = (performance.now() - started) / 1000;
  const afterSetUp = { ...(await placeCounters(db, eventId)), ...(await applicationRules(db, eventId)) };
  // the proposal for the open phase's pupils still without a place, before the reads and the race change the year
  const setUpPeakMemoryMb = memory.read();
  const proposal = await phaseProposal(base, organiser, eventId, size.openPhase, memory);
  const reads = await praxistageReads(base, organiser, plan, year);
  const race = await offerRace(base, db, year, passwordHash);
  // the pupils holding the won offers accept them at once
  const accept = await acceptRush(base, db, year, race.placeIds, race.applicationIds);
  return { size, rows: counts(plan), setUpSeconds, afterSetUp, reads, race, accept, proposal, setUpPeakMemoryMb };
}

/**
 * A published year whose fourth phase takes applications now, made through the API. Its
 * registration window (for offers) is set back to the first phase's applications: the
 * year was made before them, and the placements written for its past phases were offered then.
 */
export async function newYear(base: string, db: Pool, organiser: Session, openPhase: number, title = 'Tag in der Praxis (Bench)'): Promise<string> {
  const phases = samplePhases(new Date().toISOString().slice(0, 10), openPhase);
  const year = await call(base, organiser, '/api/v1/praxistage/years', { title, firstPhaseYear: Number(phases[0].firstDay.slice(0, 4)), phases });
  await call(base, organiser, `/api/v1/events/${year.eventId}/status`, { status: 'published' });
  await db.query(
    `UPDATE events SET registration_opens_at = (SELECT min(applications_open_at) FROM praxistage_phases WHERE event_id = $1) WHERE id = $1`,
    [year.eventId],
  );
  return year.eventId;
}

function counts(plan: SampleYear) {
  const by = (status: string) => plan.applications.filter((a) => a.status === status).length;
  return {
    schools: plan.schools.length,
    pupils: plan.pupils.length,
    companies: plan.companies.length,
    places: plan.companies.reduce((n, c) => n + c.places.reduce((m, p) => m + p.places, 0), 0),
    applications: plan.applications.length,
    accepted: by('accepted'),
    offered: by('offered'),
    waiting: by('submitted') + by('interview'),
  };
}
