import { call, newEvent, newOrganisation, Session } from '../api';
import { DayPlanBenchResult, largeDay } from './day-plan-bench';

const DAY = '2027-03-10';
const PERIOD_TIMES = [['08:00', '08:45'], ['08:50', '09:35'], ['09:55', '10:40'], ['10:45', '11:30'], ['11:50', '12:35'], ['12:40', '13:25']];

type Run = { id: string; status: string; proposalId: string | null; optimal: boolean | null; gap: number | null; durationMs: number | null; error?: string };

/**
 * The large day of `largeDay()` made through the API as the host school and the companies
 * would make it (periods, classes with their wishes, rooms, 25 companies registered with
 * teams, periods and rooms they need, two sessions booked by hand), returning what the
 * proposal's requests need.
 */
async function setUpDay(base: string, organiser: Session) {
  const day = largeDay();
  const host = await newOrganisation(base, organiser, 'school', 9000, '10.9.0.1', { name: 'Gemeinschaftsschule Bench' });
  const eventId = await newEvent(base, organiser, { program: 'schule-trifft-wirtschaft', title: 'Schule trifft Wirtschaft (Bench)', venue: 'Gemeinschaftsschule Bench', startsOn: DAY, endsOn: DAY, hostSchoolId: host.id });
  const at = `/api/v1/events/${eventId}`;
  const ids = new Map<string, string>();
  for (const [i, period] of day.periods.entries()) {
    const [start, end] = PERIOD_TIMES[i];
    ids.set(period.id, (await call(base, host, `${at}/periods`, { number: period.number, startsAt: `${DAY}T${start}`, endsAt: `${DAY}T${end}` })).id);
  }
  for (const room of day.rooms) ids.set(room.id, (await call(base, host, `${at}/rooms`, { name: room.name, kind: room.kind })).id);
  for (const company of day.companies) {
    const n = Number(company.id.slice(1));
    const member = await newOrganisation(base, organiser, 'company', 9000 + n, `10.9.1.${n}`, { name: company.name, branch: company.branch, apprenticeships: company.apprenticeships });
    ids.set(company.id, member.id);
    await call(base, member, `${at}/registrations`, {});
    const periodIds = company.periodIds?.map((p) => ids.get(p)!) ?? null;
    await call(base, member, `${at}/day-plan/availability`, { teams: company.teams, periodIds, roomKind: company.roomKind }, 'PUT');
  }
  for (const schoolClass of day.classes) {
    const grade = Number.parseInt(schoolClass.name, 10);
    const own = await call(base, host, `/api/v1/schools/${host.id}/classes`, { name: schoolClass.name, grade, pupilCount: 22, classTeacher: 'Frau Klasse' });
    const eventClassId = (await call(base, host, `${at}/classes`, { schoolClassId: own.id })).id;
    ids.set(schoolClass.id, eventClassId);
    const wishes = schoolClass.wishes.map((wish) => ('companyId' in wish && wish.companyId ? { companyId: ids.get(wish.companyId)! } : { occupationalField: wish.occupationalField }));
    await call(base, host, `${at}/classes/${eventClassId}/wishes`, { sessions: schoolClass.sessions, wishes }, 'PUT');
  }
  for (const fixed of day.fixed) {
    await call(base, host, `${at}/sessions`, { eventClassId: ids.get(fixed.eventClassId), periodId: ids.get(fixed.periodId), roomId: ids.get(fixed.roomId!), companyId: ids.get(fixed.companyId) });
  }
  return { host, eventId, wishes: day.classes.reduce((sum, c) => sum + c.wishes.length, 0) };
}

/**
 * The host school asks for the day plan of the large day `runs` times and waits for each,
 * while `GET /health` is called one after the other the whole time: the solve runs in the
 * app's solver worker and must leave the request thread free. Reports the slowest run.
 */
export async function dayPlanInApp(base: string, organiser: Session, runs = 3): Promise<DayPlanBenchResult> {
  const { host, eventId, wishes } = await setUpDay(base, organiser);
  const at = `/api/v1/events/${eventId}/day-plan`;
  const results: DayPlanBenchResult[] = [];
  for (let n = 0; n < runs; n++) {
    const latencies: number[] = [];
    let errors = 0;
    let solving = true;
    const health = (async () => {
      while (solving) {
        const t0 = performance.now();
        const res = await fetch(`${base}/health`).catch(() => null);
        if (!res?.ok) errors++;
        await res?.arrayBuffer();
        latencies.push(performance.now() - t0);
      }
    })();
    const started = performance.now();
    let run: Run = await call(base, host, `${at}/proposals`, {});
    while (['queued', 'running'].includes(run.status)) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      run = await call(base, host, `${at}/runs/latest`);
    }
    const ms = Math.round(performance.now() - started);
    solving = false;
    await health;
    if (run.status !== 'done') throw new Error(`day plan ${run.status}: ${run.error ?? ''}`);
    const proposal = await call(base, host, `${at}/proposals/current`);
    const shortfalls: Array<{ kind: string }> = proposal.shortfalls;
    latencies.sort((a, b) => a - b);
    const quantile = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]);
    results.push({
      size: '30 classes × 6 periods × 25 companies × 20 rooms',
      variables: proposal.solver.variables,
      sessions: proposal.cells.length,
      wishesMet: wishes - shortfalls.filter((s) => s.kind === 'wish_unmet').length,
      wishes,
      companiesWithout: shortfalls.filter((s) => s.kind === 'company_without_session').length,
      status: proposal.solver.status,
      gap: proposal.solver.gap,
      ms,
      solverMs: proposal.solver.ms,
      health: { requests: latencies.length, p50: quantile(0.5), p99: quantile(0.99), errors },
    });
  }
  return results.reduce((slowest, r) => (r.ms > slowest.ms ? r : slowest));
}
