import { DayPlanInput, PlanCompany } from './day-plan.input';
import { solveDayPlan } from './day-plan.reading';
import { inProcessLpSolver } from './in-process-lp-solver';

/** Small days whose best plan is worked out by hand in each test's comment. */
const periods = [{ id: 'p1', number: 1 }, { id: 'p2', number: 2 }];
const company = (id: string, branch: string, more: Partial<PlanCompany> = {}): PlanCompany => ({
  id, name: id, branch, apprenticeships: [], teams: 1, periodIds: null, roomKind: null, ...more,
});
const solve = (input: Partial<DayPlanInput>) => solveDayPlan({ periods, classes: [], companies: [], rooms: [], fixed: [], ...input }, inProcessLpSolver);
const cells = (plan: Awaited<ReturnType<typeof solve>>) =>
  plan.sessions.map((s) => `${s.eventClassId}/${s.periodId}: ${s.companyId}${s.roomId ? ` in ${s.roomId}` : ''} (${s.source}${s.wishRank ? `, wish ${s.wishRank}` : ''})`).sort();

describe('the day plan model', () => {
  it('meets every wish when the day has room for it (2 classes × 2 periods × 2 companies)', async () => {
    // 8a wants Elektro first; 8b wants Pflege first, then the Elektro company by name. Each class
    // has two sessions and each company one team: both classes meet both companies, one in
    // each period. Objective: 8a–E 1+10, 8a–P 1, 8b–P 1+10, 8b–E 1+8, and 12 for each company served = 56.
    const plan = await solve({
      classes: [
        { id: '8a', name: '8a', sessions: 2, wishes: [{ rank: 1, occupationalField: 'elektro' }] },
        { id: '8b', name: '8b', sessions: 2, wishes: [{ rank: 1, occupationalField: 'Pflege' }, { rank: 2, companyId: 'E' }] },
      ],
      companies: [company('E', 'Elektrohandwerk'), company('P', 'Pflege')],
    });
    expect(plan.solver).toMatchObject({ status: 'Optimal', optimal: true, objective: 56, gap: 0 });
    expect(plan.sessions).toHaveLength(4);
    const byCell = new Map(plan.sessions.map((s) => [`${s.eventClassId}/${s.periodId}`, s.companyId]));
    expect(byCell.get('8a/p1')).not.toBe(byCell.get('8a/p2'));
    expect(byCell.get('8a/p1')).not.toBe(byCell.get('8b/p1')); // one team each: never two classes at once
    expect(plan.shortfalls).toEqual([]);
  });

  it('puts a company that needs a workshop into the workshop and the others into classrooms', async () => {
    const plan = await solve({
      periods: [{ id: 'p1', number: 1 }],
      classes: [{ id: '8a', name: '8a', sessions: 1, wishes: [{ rank: 1, companyId: 'W' }] }, { id: '8b', name: '8b', sessions: 1, wishes: [] }],
      companies: [company('W', 'Tischlerei', { roomKind: 'workshop' }), company('K', 'Bank')],
      rooms: [{ id: 'werkraum', name: 'Werkraum', kind: 'workshop' }, { id: 'r101', name: 'Raum 101', kind: 'classroom' }],
    });
    expect(cells(plan)).toEqual(['8a/p1: W in werkraum (proposed, wish 1)', '8b/p1: K in r101 (proposed)']);
  });

  it('gives a company without any session a session rather than a second wish elsewhere', async () => {
    // Both classes want A (two teams) first. A in both classes: 11 + 11 + 12 = 34;
    // A in one and B in the other: 11 + 1 + 12 + 12 = 36. 8b's wish then stays unmet, and says why.
    const plan = await solve({
      periods: [{ id: 'p1', number: 1 }],
      classes: [
        { id: '8a', name: '8a', sessions: 1, wishes: [{ rank: 1, companyId: 'A' }] },
        { id: '8b', name: '8b', sessions: 1, wishes: [{ rank: 1, companyId: 'A' }] },
      ],
      companies: [company('A', 'Bäckerei', { teams: 2 }), company('B', 'Bank')],
    });
    expect(plan.solver.objective).toBe(36);
    expect(plan.sessions.map((s) => s.companyId).sort()).toEqual(['A', 'B']);
    expect(plan.shortfalls).toEqual([{ kind: 'wish_unmet', eventClassId: expect.any(String), rank: 1, reason: 'class_full' }]);
  });

  it('keeps sessions booked by hand and pinned cells, and plans around them', async () => {
    // 8a has E in period 1 by hand, 8b has P pinned in period 2. 8a may not meet E again, and P's
    // one team is in 8b in period 2: 8a's period 2 stays empty. 8b meets E's second team in period 1.
    const plan = await solve({
      classes: [{ id: '8a', name: '8a', sessions: 2, wishes: [] }, { id: '8b', name: '8b', sessions: 2, wishes: [] }],
      companies: [company('E', 'Elektro', { teams: 2 }), company('P', 'Pflege')],
      fixed: [
        { eventClassId: '8a', periodId: 'p1', companyId: 'E', roomId: null, source: 'booked' },
        { eventClassId: '8b', periodId: 'p2', companyId: 'P', roomId: null, source: 'pinned' },
      ],
    });
    expect(cells(plan)).toEqual(['8a/p1: E (booked)', '8b/p1: E (proposed)', '8b/p2: P (pinned)']);
    expect(plan.sessions.filter((s) => s.source === 'proposed')).toEqual([
      { eventClassId: '8b', periodId: 'p1', companyId: 'E', roomId: null, wishRank: null, source: 'proposed' },
    ]);
    expect(plan.shortfalls).toEqual([{ kind: 'class_short', eventClassId: '8a', wanted: 2, planned: 1 }]);
  });

  it('reports what it could not do, with the reason, instead of leaving it out', async () => {
    const plan = await solve({
      periods: [{ id: 'p1', number: 1 }],
      classes: [{ id: '9a', name: '9a', sessions: 1, wishes: [{ rank: 1, occupationalField: 'Gastronomie' }, { rank: 2, companyId: 'late' }] }],
      companies: [
        company('late', 'Elektro', { periodIds: ['p1'] }),
        company('absent', 'Bank', { periodIds: [] }),
        company('cook', 'Kantine', { roomKind: 'kitchen' }),
      ],
      rooms: [{ id: 'r1', name: 'Raum 1', kind: 'classroom' }],
      // the only period of the day is taken in the only class: nobody can present
      fixed: [{ eventClassId: '9a', periodId: 'p1', companyId: 'other', roomId: 'r1', source: 'booked' }],
    });
    expect(plan.sessions.filter((s) => s.source === 'proposed')).toEqual([]);
    expect(plan.shortfalls).toEqual(
      expect.arrayContaining([
        { kind: 'wish_unmet', eventClassId: '9a', rank: 1, reason: 'no_company' },
        { kind: 'wish_unmet', eventClassId: '9a', rank: 2, reason: 'no_free_time' },
        { kind: 'company_without_session', companyId: 'late', reason: 'nothing_free' },
        { kind: 'company_without_session', companyId: 'absent', reason: 'no_period' },
        { kind: 'company_without_session', companyId: 'cook', reason: 'no_suitable_room' },
      ]),
    );
    expect(plan.shortfalls).toHaveLength(5);
  });
});
