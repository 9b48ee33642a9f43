import { median, rushChecks } from './report';
import { RushResult } from './rush';

/** One worker count's rush (BENCH_WORKERS), with each worker's peak memory during it. */
export type ScaleOutRun = { workers: number; poolPerWorker: number; rush: RushResult; peakMbPerWorker: Array<number | null> };

/**
 * Per worker count: both ratios to the baseline, p99, the checks, each worker's peak memory,
 * and the scaling factor against the first count (normally 1): the app's throughput (median
 * of the rounds), and the same taken from the ratios, which takes out a baseline that moved
 * between the runs (another load on the machine meanwhile).
 */
export function scaleOutReport(runs: ScaleOutRun[]) {
  const figures = runs.map((run) => {
    const rounds = run.rush.rounds;
    return {
      run,
      one: median(rounds.map((r) => r.appOne.throughput)),
      spread: median(rounds.map((r) => r.appSpread.throughput)),
      ratioOne: median(rounds.map((r) => r.appOne.throughput / r.floorOne.throughput)),
      ratioSpread: median(rounds.map((r) => r.appSpread.throughput / r.floorSpread.throughput)),
      p99One: median(rounds.map((r) => r.appOne.p99)),
      p99Spread: median(rounds.map((r) => r.appSpread.p99)),
      checks: rushChecks(run.rush),
    };
  });
  const [first] = figures;
  const rows = figures.map((f) => ({
    workers: f.run.workers,
    'pool per worker': f.run.poolPerWorker,
    'app/baseline one slot': Number(f.ratioOne.toFixed(2)),
    'app/baseline 200 slots': Number(f.ratioSpread.toFixed(2)),
    'app req/s one / 200': `${f.one.toFixed(0)} / ${f.spread.toFixed(0)}`,
    'p99 ms one / 200': `${f.p99One.toFixed(0)} / ${f.p99Spread.toFixed(0)}`,
    [`scaling one slot (÷ ${first.run.workers}; by ratio)`]: `${(f.one / first.one).toFixed(2)}; ${(f.ratioOne / first.ratioOne).toFixed(2)}`,
    [`scaling 200 slots (÷ ${first.run.workers}; by ratio)`]: `${(f.spread / first.spread).toFixed(2)}; ${(f.ratioSpread / first.ratioSpread).toFixed(2)}`,
    'errors / overbooked / counters off': `${f.checks.errors} / ${f.checks.overbooked} / ${f.checks.drifted}`,
    'single slots full': f.checks.singleSlotsFull ? 'yes' : 'no',
    'peak MB per worker': f.run.peakMbPerWorker.map((mb) => mb ?? 'n/a').join(' / '),
  }));
  console.log('\nScale-out: the rush per worker count, same PostgreSQL');
  console.table(rows);
  return rows;
}
