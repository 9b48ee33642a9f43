import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Measurement } from './measure';
import { PraxistageResult } from './praxistage/praxistage';
import { praxistageReport } from './praxistage/praxistage-report';
import { RushResult } from './rush';
import { ScaleOutRun, scaleOutReport } from './scale-out';
import type { DayPlanBenchResult } from './day-plan/day-plan-bench';
import { agreementsReport, AgreementsBenchResult } from './documents/agreements-bench';

export type Report = {
  requests: number;
  rounds: number;
  concurrency: number;
  rush?: RushResult;
  /** BENCH_WORKERS: the rush once per worker count, instead of `rush`. */
  scaleOut?: ScaleOutRun[];
  reads?: Measurement[];
  praxistage?: PraxistageResult;
  dayPlan?: DayPlanBenchResult;
  documents?: AgreementsBenchResult;
  peakMemoryMb: Record<string, number | null>;
};

const row = (r: Measurement) => ({
  run: r.name,
  'req/s': r.throughput.toFixed(0),
  'p50 ms': r.p50.toFixed(1),
  'p99 ms': r.p99.toFixed(1),
  confirmed: r.outcomes.confirmed ?? 0,
  waitlisted: r.outcomes.waitlisted ?? 0,
  errors: r.errors,
});

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Prints the tables and writes the same as bench/results/latest.json. */
export function report({ requests, rounds, concurrency, rush, scaleOut, reads, praxistage, dayPlan, documents, peakMemoryMb }: Report) {
  const booking = rush ? rushReport(rush) : undefined;
  const scaled = scaleOut ? scaleOut.map((run) => rushReport(run.rush, `, ${run.workers} worker${run.workers > 1 ? 's' : ''}`)) : undefined;
  const scaling = scaleOut ? scaleOutReport(scaleOut) : undefined;
  const readRatios = reads ? readsReport(reads) : undefined;
  const praxistageTables = praxistage ? praxistageReport(praxistage) : undefined;
  if (documents) agreementsReport(documents);
  const peak = Math.max(...Object.values(peakMemoryMb).map((mb) => mb ?? 0));
  console.table([
    ...Object.entries(peakMemoryMb).map(([phase, mb]) => ({ measure: `peak memory of the app, ${phase}, MB`, value: String(mb ?? 'n/a') })),
    { measure: 'peak memory of the app, whole run, MB (target < 300)', value: String(peak || 'n/a') },
  ]);
  const out = join(process.cwd(), 'bench', 'results');
  mkdirSync(out, { recursive: true });
  const ratios = booking || readRatios ? { ...booking?.ratios, reads: readRatios } : undefined;
  writeFileSync(
    join(out, 'latest.json'),
    JSON.stringify(
      { at: new Date().toISOString(), requests, rounds, concurrency, rush, reads, ratios, p99: booking?.p99, scaleOut, scaled, scaling, praxistage, praxistageTables, dayPlan, documents, peakMemoryMb },
      null,
      2,
    ),
  );
}

/** The rush: its runs, the ratios to the baseline (median of the rounds), p99 and the slot checks. */
export function rushReport(rush: RushResult, label = '') {
  const ratios = {
    oneSlot: median(rush.rounds.map((r) => r.appOne.throughput / r.floorOne.throughput)),
    spread: median(rush.rounds.map((r) => r.appSpread.throughput / r.floorSpread.throughput)),
    perRound: rush.rounds.map((r) => ({ oneSlot: r.appOne.throughput / r.floorOne.throughput, spread: r.appSpread.throughput / r.floorSpread.throughput })),
  };
  const p99 = { oneSlot: median(rush.rounds.map((r) => r.appOne.p99)), spread: median(rush.rounds.map((r) => r.appSpread.p99)) };
  const runs = rush.rounds.flatMap((r) => [r.floorOne, r.appOne, r.floorSpread, r.appSpread]);
  const checks = rushChecks(rush);
  const perRound = (key: 'oneSlot' | 'spread') => (ratios.perRound.length > 1 ? ` (rounds: ${ratios.perRound.map((r) => r[key].toFixed(2)).join(', ')})` : '');
  console.log(`\nRush (booking requests${label})`);
  console.table(runs.map(row));
  console.table([
    { measure: 'app / baseline, one slot (target ≥ 0.65)', value: `${ratios.oneSlot.toFixed(2)}${perRound('oneSlot')}` },
    { measure: 'app / baseline, 200 slots (target ≥ 0.4)', value: `${ratios.spread.toFixed(2)}${perRound('spread')}` },
    { measure: 'app p99, one slot / 200 slots, ms (targets < 400 / < 250)', value: `${p99.oneSlot.toFixed(0)} / ${p99.spread.toFixed(0)}` },
    { measure: 'errors (target 0)', value: String(checks.errors) },
    { measure: 'slots overbooked (target 0)', value: String(checks.overbooked) },
    { measure: 'counters not equal to confirmed places (target 0)', value: String(checks.drifted) },
    { measure: 'every single slot filled to exactly its capacity', value: checks.singleSlotsFull ? 'yes' : 'no' },
  ]);
  return { ratios, p99, checks };
}

/** What must hold after a rush, summed over its fairs. */
export function rushChecks(rush: RushResult) {
  const sum = (key: string) => rush.checks.reduce((n, c) => n + Number(c[key]), 0);
  return {
    errors: rush.rounds.flatMap((r) => [r.floorOne, r.appOne, r.floorSpread, r.appSpread]).reduce((n, r) => n + r.errors, 0),
    overbooked: sum('overbooked'),
    drifted: sum('drifted'),
    singleSlotsFull: rush.checks.filter((c) => c.slotCount === 1).every((c) => Number(c.full) === 1),
  };
}

/** The reads beside their floor (the first, GET /health); their share of the floor's throughput. */
function readsReport(reads: Measurement[]) {
  const [floorRead, ...measuredReads] = reads;
  console.log('Reads');
  console.table(reads.map((r) => ({ ...row(r), 'of floor': r === floorRead ? '1.00' : (r.throughput / floorRead.throughput).toFixed(2) })).map(({ confirmed: _c, waitlisted: _w, ...r }) => r));
  console.table([{ measure: 'read errors (target 0)', value: String(reads.reduce((n, r) => n + r.errors, 0)) }]);
  return Object.fromEntries(measuredReads.map((r) => [r.name, r.throughput / floorRead.throughput]));
}
