import { DayPlan, DayPlanInput, offersField, PlannedSession, PlanCompany, Shortfall, Wish, wishRankOf } from './day-plan.input';
import { buildDayPlanModel, Candidate, DayPlanModel } from './day-plan.model';
import { LpSolution, LpSolver } from './lp-solver';

/** Solves the day: builds the model, has it solved and reads the plan back. */
export async function solveDayPlan(input: DayPlanInput, solver: LpSolver, timeLimitSeconds = 10): Promise<DayPlan> {
  const model = buildDayPlanModel(input);
  const solution: LpSolution =
    model.candidates.length === 0
      ? { status: 'Optimal', objective: 0, columns: {}, gap: 0, ms: 0 } // nothing to choose: the fixed sessions are the plan
      : await solver(model.lp, { timeLimitSeconds });
  if (solution.status !== 'Optimal' && solution.status !== 'Time limit reached') {
    throw new Error(`day plan solver ended with ${solution.status}`); // the model always has a solution (no session at all): a bug
  }
  return readDayPlan(input, model, solution);
}

export function readDayPlan(input: DayPlanInput, model: DayPlanModel, solution: LpSolution): DayPlan {
  const chosen = model.candidates.filter((c) => (solution.columns[c.column] ?? 0) > 0.5);
  const companyOf = new Map(input.companies.map((c) => [c.id, c]));
  const classOf = new Map(input.classes.map((c) => [c.id, c]));
  const rankOf = (eventClassId: string, companyId: string) => {
    const company = companyOf.get(companyId);
    const wishes = classOf.get(eventClassId)?.wishes ?? [];
    return company ? wishRankOf({ wishes }, company) : (wishes.find((w) => w.companyId === companyId)?.rank ?? null);
  };
  const sessions: PlannedSession[] = [
    ...input.fixed.map((s) => ({ ...s, wishRank: rankOf(s.eventClassId, s.companyId) })),
    ...nameRooms(input, chosen).map((s) => ({ ...s, source: 'proposed' as const })),
  ];
  return {
    sessions,
    shortfalls: shortfalls(input, model.candidates, sessions),
    solver: {
      status: solution.status,
      objective: solution.objective,
      optimal: solution.status === 'Optimal',
      gap: solution.gap,
      ms: solution.ms,
      variables: model.candidates.length + model.servedColumns.size,
    },
  };
}

/**
 * Names a room for each chosen session, period by period: first the sessions that need a
 * kind of room take free rooms of that kind, then the others take classrooms before the
 * special rooms. The model's room counts guarantee that this always succeeds.
 */
function nameRooms(input: DayPlanInput, chosen: Candidate[]): Array<Omit<PlannedSession, 'source'>> {
  const needOf = new Map(input.companies.map((c) => [c.id, c.roomKind]));
  const named: Array<Omit<PlannedSession, 'source'>> = [];
  for (const period of input.periods) {
    const taken = new Set(input.fixed.filter((s) => s.periodId === period.id && s.roomId).map((s) => s.roomId));
    const free = input.rooms.filter((r) => !taken.has(r.id)).sort((a, b) => Number(a.kind !== 'classroom') - Number(b.kind !== 'classroom'));
    const inPeriod = chosen.filter((c) => c.periodId === period.id).sort((a, b) => Number(!needOf.get(a.companyId)) - Number(!needOf.get(b.companyId)));
    for (const session of inPeriod) {
      const need = needOf.get(session.companyId);
      const at = free.findIndex((r) => !need || r.kind === need);
      if (input.rooms.length > 0 && at < 0) throw new Error('day plan: a chosen session found no room; the room counts of the model are wrong');
      const room = input.rooms.length === 0 ? null : free.splice(at, 1)[0];
      named.push({ eventClassId: session.eventClassId, periodId: session.periodId, companyId: session.companyId, roomId: room?.id ?? null, wishRank: session.wishRank });
    }
  }
  return named;
}

/** Every wish not met, every company left without a session and every class short of sessions, each with its reason. */
function shortfalls(input: DayPlanInput, candidates: Candidate[], sessions: PlannedSession[]): Shortfall[] {
  const found: Shortfall[] = [];
  const companyOf = new Map(input.companies.map((c) => [c.id, c]));
  const meets = (wish: Wish, companyId: string) => {
    const company = companyOf.get(companyId);
    return wish.companyId ? wish.companyId === companyId : !!company && offersField(company, wish.occupationalField!);
  };
  for (const schoolClass of input.classes) {
    const own = sessions.filter((s) => s.eventClassId === schoolClass.id);
    const wanted = schoolClass.sessions ?? input.periods.length;
    for (const wish of [...schoolClass.wishes].sort((a, b) => a.rank - b.rank)) {
      if (own.some((s) => meets(wish, s.companyId))) continue;
      const reason = !input.companies.some((c: PlanCompany) => meets(wish, c.id))
        ? 'no_company'
        : !candidates.some((c) => c.eventClassId === schoolClass.id && meets(wish, c.companyId))
          ? 'no_free_time'
          : own.length >= wanted
            ? 'class_full'
            : 'outweighed';
      found.push({ kind: 'wish_unmet', eventClassId: schoolClass.id, rank: wish.rank, reason });
    }
    if (own.length < wanted) found.push({ kind: 'class_short', eventClassId: schoolClass.id, wanted, planned: own.length });
  }
  const periodIds = new Set(input.periods.map((p) => p.id));
  for (const company of input.companies) {
    if (sessions.some((s) => s.companyId === company.id)) continue;
    const reason =
      company.periodIds && !company.periodIds.some((p) => periodIds.has(p))
        ? 'no_period'
        : company.roomKind && input.rooms.length > 0 && !input.rooms.some((r) => r.kind === company.roomKind)
          ? 'no_suitable_room'
          : !candidates.some((c) => c.companyId === company.id)
            ? 'nothing_free'
            : 'outweighed';
    found.push({ kind: 'company_without_session', companyId: company.id, reason });
  }
  return found;
}
