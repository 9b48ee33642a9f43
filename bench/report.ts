import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Measurement } from './measure';
import { RushResult } from './rush';

export type Report = {
  requests: number;
  concurrency: number;
  rush: RushResult;
  reads: Measurement[];
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

/** Prints the tables and writes the same as bench/results/latest.json. */
export function report({ requests, concurrency, rush, reads, peakMemoryMb }: Report) {
  const [floorOne, appOne, floorSpread, appSpread] = rush.runs;
  const [floorRead, ...measuredReads] = reads;
  const ratios = {
    oneSlot: appOne.throughput / floorOne.throughput,
    spread: appSpread.throughput / floorSpread.throughput,
    reads: Object.fromEntries(measuredReads.map((r) => [r.name, r.throughput / floorRead.throughput])),
  };
  const sum = (key: string) => String(rush.checks.reduce((n, c) => n + Number(c[key]), 0));
  const peak = Math.max(...Object.values(peakMemoryMb).map((mb) => mb ?? 0));
  console.log('\nRush (booking requests)');
  console.table(rush.runs.map(row));
  console.log('Reads');
  console.table(reads.map((r) => ({ ...row(r), 'of floor': r === floorRead ? '1.00' : (r.throughput / floorRead.throughput).toFixed(2) })).map(({ confirmed: _c, waitlisted: _w, ...r }) => r));
  console.table([
    { measure: 'app / baseline, one slot (target ≥ 0.5)', value: ratios.oneSlot.toFixed(2) },
    { measure: 'app / baseline, 200 slots (target ≥ 0.3)', value: ratios.spread.toFixed(2) },
    { measure: 'app p99, one slot / 200 slots, ms (target < 250)', value: `${appOne.p99.toFixed(0)} / ${appSpread.p99.toFixed(0)}` },
    { measure: 'errors (target 0)', value: String([...rush.runs, ...reads].reduce((n, r) => n + r.errors, 0)) },
    { measure: 'slots overbooked (target 0)', value: sum('overbooked') },
    { measure: 'counters not equal to confirmed places (target 0)', value: sum('drifted') },
    { measure: 'one slot filled to exactly its capacity', value: Number(rush.checks[0].full) === 1 ? 'yes' : 'no' },
    ...Object.entries(peakMemoryMb).map(([phase, mb]) => ({ measure: `peak memory of the app, ${phase}, MB`, value: String(mb ?? 'n/a') })),
    { measure: 'peak memory of the app, whole run, MB (target < 300)', value: String(peak || 'n/a') },
  ]);
  const out = join(process.cwd(), 'bench', 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(
    join(out, 'latest.json'),
    JSON.stringify({ at: new Date().toISOString(), requests, concurrency, rush, reads, ratios, peakMemoryMb }, null, 2),
  );
}
