import { PraxistageResult } from './praxistage';

/** The Praxistage part's tables: the year's size, its reads beside the floor, the offer race and the checks. */
export function praxistageReport(result: PraxistageResult) {
  const [floor, ...reads] = result.reads;
  const readRows = result.reads.map((r) => ({
    run: r.name,
    'req/s': Math.round(r.throughput),
    'p50 ms': Number(r.p50.toFixed(1)),
    'p99 ms': Number(r.p99.toFixed(1)),
    'of floor': Number((r.throughput / floor.throughput).toFixed(2)),
    'p99 < 100 ms': r === floor ? '' : r.p99 < 100 ? 'yes' : 'no',
    errors: r.errors,
  }));
  const race = result.race;
  const checks = [
    { check: 'set-up: places over capacity / counters off', value: `${result.afterSetUp.overbooked} / ${result.afterSetUp.drifted}` },
    { check: 'set-up: applications and placements disagree / pupils over the rules', value: `${result.afterSetUp.applicationBookingMismatch + result.afterSetUp.placementsWithoutApplication} / ${result.afterSetUp.pupilsOverLimit}` },
    { check: 'race: offers, places', value: `${race.offers}, ${race.places}` },
    { check: 'race: outcomes', value: Object.entries(race.outcomes).map(([k, n]) => `${k} ${n}`).join(', ') },
    { check: 'race: 5xx / other errors', value: `${race.serverErrors} / ${race.measurement.errors}` },
    { check: 'race: req/s, p50, p99 ms', value: `${race.measurement.throughput.toFixed(0)}, ${race.measurement.p50.toFixed(0)}, ${race.measurement.p99.toFixed(0)}` },
    { check: 'race: places booked / over capacity / counters off', value: `${race.racePlaces.booked} of ${race.racePlaces.capacity} / ${race.racePlaces.overbooked} / ${race.racePlaces.drifted}` },
    { check: 'race: applications offered (= places won)', value: String(race.offeredApplications) },
    { check: 'after race, whole year: over capacity / counters off / rules broken', value: `${race.wholeYear.overbooked} / ${race.wholeYear.drifted} / ${race.wholeYear.applicationBookingMismatch + race.wholeYear.placementsWithoutApplication + race.wholeYear.pupilsOverLimit}` },
  ];
  const a = result.accept;
  checks.push(
    { check: 'accept: won offers, pupils holding them', value: `${a.offers}, ${a.pupils}` },
    { check: 'accept: outcomes', value: Object.entries(a.outcomes).map(([k, n]) => `${k} ${n}`).join(', ') || '—' },
    { check: 'accept: 5xx / other errors', value: `${a.serverErrors} / ${a.measurement.errors}` },
    { check: 'accept: req/s, p50, p99 ms', value: `${a.measurement.throughput.toFixed(0)}, ${a.measurement.p50.toFixed(0)}, ${a.measurement.p99.toFixed(0)}` },
    { check: 'accept: applications accepted (= pupils)', value: String(a.accepted) },
    { check: 'accept: race places booked / over capacity / counters off', value: `${a.racePlaces.booked} of ${a.racePlaces.capacity} / ${a.racePlaces.overbooked} / ${a.racePlaces.drifted}` },
    { check: 'after accept, whole year: over capacity / counters off / rules broken', value: `${a.wholeYear.overbooked} / ${a.wholeYear.drifted} / ${a.wholeYear.applicationBookingMismatch + a.wholeYear.placementsWithoutApplication + a.wholeYear.pupilsOverLimit}` },
    { check: "Steckbriefe with 'assign pupils to me' in the year", value: String(a.assignDirectly) },
  );
  const p = result.proposal;
  checks.push(
    { check: 'proposal: pupils without a place / placed', value: `${p.pupils} / ${p.placed}` },
    { check: 'proposal: solver, optimal, gap', value: `${p.solverStatus}, ${p.optimal ? 'yes' : 'no'}, ${p.gap ?? '—'}` },
    { check: 'proposal: solve ms / asked to done ms', value: `${p.solveMs} / ${Math.round(p.askedToDoneMs)}` },
    { check: 'proposal: GET /health meanwhile (n, p50, p99 ms, errors)', value: `${p.health.requests}, ${p.health.p50.toFixed(1)}, ${p.health.p99.toFixed(1)}, ${p.health.errors}` },
    { check: 'proposal: peak memory of the app, asked to done, MB', value: String(p.peakMemoryMb ?? 'n/a') },
  );
  console.log('\nPraxistage year');
  console.table([{ ...result.rows, 'set-up s': Number(result.setUpSeconds.toFixed(1)) }]);
  console.table(readRows);
  console.table(checks);
  return { reads: readRows, checks, ofFloor: Object.fromEntries(reads.map((r) => [r.name, r.throughput / floor.throughput])) };
}
