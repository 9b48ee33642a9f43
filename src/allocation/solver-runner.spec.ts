import { LpModel } from './lp-model';
import { SolverRunner } from './solver-runner';

describe('SolverRunner: HiGHS in a worker thread', () => {
  const runner = new SolverRunner();

  it('proves the best answer of a small knapsack and names the chosen columns', async () => {
    const model = new LpModel('maximize');
    const [a, b, c] = ['a', 'b', 'c'].map((n) => model.binary(n));
    model.maximizeOrMinimize([[3, a], [2, b], [4, c]]);
    model.constraint('room_for_two', [[1, a], [1, b], [1, c]], '<=', 2);
    model.constraint('a_or_c', [[1, a], [1, c]], '<=', 1);
    const outcome = await runner.solve({ lp: model.toText(), timeLimitSeconds: 5 });
    expect(outcome).toMatchObject({ status: 'Optimal', optimal: true, objective: 6, gap: 0, values: { b: 1, c: 1 } });
    expect(outcome.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('reports an infeasible model without a solution', async () => {
    const model = new LpModel('maximize');
    const x = model.binary('x');
    model.maximizeOrMinimize([[1, x]]);
    model.constraint('at_least_two', [[1, x]], '>=', 2);
    const outcome = await runner.solve({ lp: model.toText(), timeLimitSeconds: 5 });
    expect(outcome).toMatchObject({ status: 'Infeasible', optimal: false, objective: null, gap: null, values: {} });
  });

  /**
   * A knapsack with 15 budgets over 150 items (coefficients from a fixed seed): easy to find
   * good answers for, far from proven best within a second.
   */
  const hardKnapsack = () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const model = new LpModel('maximize');
    const items = Array.from({ length: 150 }, (_, i) => model.binary(`x${i}`));
    const weights = items.map(() => Array.from({ length: 15 }, () => 1 + Math.floor(random() * 1000)));
    model.maximizeOrMinimize(items.map((item, i) => [Math.round(weights[i].reduce((a, b) => a + b, 0) / 15) + Math.floor(random() * 50), item] as const));
    for (let budget = 0; budget < 15; budget++) model.constraint(`budget${budget}`, items.map((item, i) => [weights[i][budget], item] as const), '<=', 37_500);
    return model.toText();
  };

  it('stops at the time limit with the best answer found so far and says how far from proven it is', async () => {
    const outcome = await runner.solve({ lp: hardKnapsack(), timeLimitSeconds: 1 });
    expect(outcome).toMatchObject({ status: 'Time limit reached', optimal: false });
    expect(outcome.objective).toBeGreaterThan(0);
    expect(outcome.gap).toBeGreaterThan(0);
    expect(outcome.gap).toBeLessThan(1);
    expect(Object.keys(outcome.values).length).toBeGreaterThan(0);
    expect(outcome.durationMs).toBeLessThan(5_000);
  });

  it('keeps this thread free while it solves: timers keep running through a second of solving', async () => {
    let last = Date.now();
    let longestPause = 0;
    const timer = setInterval(() => {
      longestPause = Math.max(longestPause, Date.now() - last);
      last = Date.now();
    }, 5);
    const outcome = await runner.solve({ lp: hardKnapsack(), timeLimitSeconds: 1 });
    clearInterval(timer);
    expect(outcome.durationMs).toBeGreaterThanOrEqual(900);
    // solved on this thread, the longest pause would be the whole solve
    expect(longestPause).toBeLessThan(outcome.durationMs / 2);
  });

  it('solves one at a time, each to the same answer', async () => {
    const model = new LpModel('maximize');
    const names = Array.from({ length: 60 }, (_, i) => model.binary(`x${i}`));
    model.maximizeOrMinimize(names.map((n, i) => [7 + (i % 5), n] as const));
    model.constraint('budget', names.map((n, i) => [3 + (i % 7), n] as const), '<=', 40);
    const [first, second] = await Promise.all([runner.solve({ lp: model.toText(), timeLimitSeconds: 5 }), runner.solve({ lp: model.toText(), timeLimitSeconds: 5 })]);
    expect(first).toMatchObject({ optimal: true, objective: second.objective });
  });

  it('writes long sums over several lines and refuses names LP cannot read', () => {
    const model = new LpModel('minimize');
    const names = Array.from({ length: 20 }, (_, i) => model.binary(`y${i}`));
    model.constraint('all', names.map((n) => [1, n] as const), '=', 3);
    expect(model.toText().split('\n').every((line) => line.length < 255)).toBe(true);
    expect(() => model.binary('1bad')).toThrow();
    expect(() => model.constraint('all', [[1, 'y0']], '<=', 1)).toThrow();
  });
});
