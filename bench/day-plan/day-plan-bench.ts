import { DayPlanInput, PlanClass, PlanCompany } from '../../src/programs/schule-trifft-wirtschaft/day-plan/day-plan.input';
import { solveDayPlan } from '../../src/programs/schule-trifft-wirtschaft/day-plan/day-plan.reading';
import { inProcessLpSolver } from '../../src/programs/schule-trifft-wirtschaft/day-plan/in-process-lp-solver';

export interface DayPlanBenchResult {
  size: string;
  variables: number;
  sessions: number;
  wishesMet: number;
  wishes: number;
  companiesWithout: number;
  status: string;
  gap: number | null;
  /** The whole proposal: model built, solved, read back. */
  ms: number;
  solverMs: number;
  /** `GET /health` called one after the other while the app solved (in the app only). */
  health?: { requests: number; p50: number; p99: number; errors: number };
}

const FIELDS = ['Elektro', 'Metall', 'Pflege', 'Handel', 'Bau', 'Gastronomie', 'Kfz', 'Verwaltung', 'Holz', 'IT'];

/** A pseudo-random sequence from a seed: the same day on every run. */
function random(seed: number) {
  let state = seed;
  return () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

/**
 * A large Schule-trifft-Wirtschaft day: 30 classes of which each has 4 of the 6 periods for
 * sessions and three ranked wishes (two fields and a company), 25 companies with one or two
 * teams, a quarter of them there only for the first or the last periods, three needing a
 * workshop; 20 rooms of which 2 are workshops; a few sessions booked by hand before.
 */
export function largeDay(seed = 15): DayPlanInput {
  const next = random(seed);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)];
  const periods = Array.from({ length: 6 }, (_, i) => ({ id: `p${i + 1}`, number: i + 1 }));
  const companies: PlanCompany[] = Array.from({ length: 25 }, (_, i) => ({
    id: `c${i + 1}`,
    name: `Betrieb ${i + 1}`,
    branch: FIELDS[i % FIELDS.length],
    apprenticeships: [],
    teams: next() < 0.3 ? 2 : 1,
    periodIds: i % 4 === 0 ? periods.slice(i % 8 === 0 ? 0 : 3, i % 8 === 0 ? 3 : 6).map((p) => p.id) : null,
    roomKind: i < 3 ? 'workshop' : null,
  }));
  const classes: PlanClass[] = Array.from({ length: 30 }, (_, i) => ({
    id: `k${i + 1}`,
    name: `${8 + (i % 3)}${String.fromCharCode(97 + Math.floor(i / 3))}`,
    sessions: 4,
    wishes: [{ rank: 1, occupationalField: pick(FIELDS) }, { rank: 2, occupationalField: pick(FIELDS) }, { rank: 3, companyId: pick(companies).id }],
  }));
  const rooms = Array.from({ length: 20 }, (_, i) => ({ id: `r${i + 1}`, name: `Raum ${i + 1}`, kind: i < 2 ? ('workshop' as const) : ('classroom' as const) }));
  const fixed = [
    { eventClassId: 'k1', periodId: 'p1', companyId: 'c5', roomId: 'r5', source: 'booked' as const },
    { eventClassId: 'k2', periodId: 'p2', companyId: 'c6', roomId: 'r6', source: 'booked' as const },
  ];
  return { periods, classes, companies, rooms, fixed };
}

/**
 * Solves the large day `runs` times in this process (the solver loaded beforehand) and reports
 * the slowest run: the model and the solver alone, for trying changes to them without an app
 * (`npx ts-node bench/day-plan/day-plan-bench.ts`). `npm run bench` asks the running app instead
 * (day-plan-in-app.ts).
 */
export async function dayPlanBench(runs = 3): Promise<DayPlanBenchResult> {
  const input = largeDay();
  await solveDayPlan({ ...input, classes: input.classes.slice(0, 2) }, inProcessLpSolver); // loads the solver, not measured
  const results: DayPlanBenchResult[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const plan = await solveDayPlan(input, inProcessLpSolver, 10);
    const ms = Math.round(performance.now() - started);
    const wishes = input.classes.reduce((sum, c) => sum + c.wishes.length, 0);
    results.push({
      size: '30 classes × 6 periods × 25 companies × 20 rooms',
      variables: plan.solver.variables,
      sessions: plan.sessions.length,
      wishesMet: wishes - plan.shortfalls.filter((s) => s.kind === 'wish_unmet').length,
      wishes,
      companiesWithout: plan.shortfalls.filter((s) => s.kind === 'company_without_session').length,
      status: plan.solver.status,
      gap: plan.solver.gap,
      ms,
      solverMs: plan.solver.ms,
    });
  }
  return results.reduce((slowest, r) => (r.ms > slowest.ms ? r : slowest));
}

/** The bench row as the tables print it. */
export const dayPlanRow = (r: DayPlanBenchResult) => ({
  run: `Schule trifft Wirtschaft day plan, ${r.size}`,
  'asked → done ms (slowest of 3)': r.ms,
  'solver ms': r.solverMs,
  ...(r.health ? { '/health p99 ms while solving': r.health.p99, '/health requests, errors': `${r.health.requests}, ${r.health.errors}` } : {}),
  status: r.status,
  gap: r.gap === null ? 'n/a' : `${(r.gap * 100).toFixed(2)} %`,
  binaries: r.variables,
  sessions: r.sessions,
  'wishes met': `${r.wishesMet} / ${r.wishes}`,
  'companies without session': r.companiesWithout,
  'target < 5,000 ms': r.ms < 5000 ? 'met' : 'missed',
});

if (require.main === module) {
  dayPlanBench().then((result) => console.table([dayPlanRow(result)]));
}
