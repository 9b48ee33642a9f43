import { SolverRunner } from '../../../allocation/solver-runner';
import { buildPhaseModel, DEFAULT_WEIGHTS, FreePlace, PhaseAllocationInput, ProposalLine, PupilToPlace, readProposal, WishWeights } from './phase-allocation.model';

const runner = new SolverRunner();

const pupil = (id: string, fields: Partial<PupilToPlace> = {}): PupilToPlace => ({ id, weekday: 3, mayStay: false, earlier: [], companyWishes: [], fieldWishes: [], ...fields });
const place = (offerId: string, fields: Partial<FreePlace> = {}): FreePlace => ({
  placeId: `${offerId}-wed`,
  offerId,
  companyId: `company-${offerId}`,
  occupationalField: `field-${offerId}`,
  weekday: 3,
  free: 1,
  ...fields,
});

async function propose(pupils: PupilToPlace[], places: FreePlace[], weights: WishWeights = DEFAULT_WEIGHTS) {
  const model = buildPhaseModel(pupils, places, weights);
  const outcome = await runner.solve({ lp: model.lp, timeLimitSeconds: 10, options: { mip_rel_gap: 0 } });
  expect(outcome.status).toBe('Optimal');
  const lines = readProposal(pupils, places, model, outcome.values);
  return { lines, objective: outcome.objective, byPupil: Object.fromEntries(lines.map((l) => [l.pupilId, l.offerId ?? l.reason])) };
}

describe('Praxistage phase proposal: the model', () => {
  it('gives each pupil the first wish where no one else wants it', async () => {
    const { byPupil, lines } = await propose([pupil('mia', { companyWishes: ['metall'] }), pupil('ben', { fieldWishes: ['field-elektro'] })], [place('metall'), place('elektro')]);
    expect(byPupil).toEqual({ mia: 'metall', ben: 'elektro' });
    expect(lines.map((l) => l.rankMet)).toEqual([
      { wish: 'company', rank: 1 },
      { wish: 'field', rank: 1 },
    ]);
  });

  it('places as many pupils as possible before it meets wishes: the one with an alternative gives way', async () => {
    // both wish metall first; only ben can take it (elektro is not on his list and he has done field-elektro), mia takes her second wish
    const mia = pupil('mia', { companyWishes: ['metall', 'elektro'] });
    const ben = pupil('ben', { companyWishes: ['metall'], earlier: [{ companyId: 'x', occupationalField: 'field-elektro' }] });
    const { byPupil, objective } = await propose([mia, ben], [place('metall'), place('elektro')]);
    expect(byPupil).toEqual({ mia: 'elektro', ben: 'metall' });
    // two pupils placed (each 10·2+1 = 21), ranks 2 and 1 met: 21·2 + 6 + 10
    expect(objective).toBe(58);
  });

  it('takes the weights of the request: when a second rank weighs nothing, the place goes to a pupil without wishes', async () => {
    const pupils = [pupil('mia', { companyWishes: ['holz', 'metall'] }), pupil('ben')];
    const places = [place('metall')];
    expect((await propose(pupils, places)).byPupil).toEqual({ mia: 'metall', ben: 'all_taken_by_others' });
    expect((await propose(pupils, places, { ranks: [10, 0], anywhere: 1 })).byPupil).toEqual({ mia: 'all_taken_by_others', ben: 'metall' });
  });

  it('counts a Steckbrief applied to at the weight of the application, never as a place that meets no wish', async () => {
    // with applications worth nothing and any place worth 5, the field's pool must not offer the applied place at 5
    const { byPupil, lines, objective } = await propose([pupil('mia', { companyWishes: ['metall'] })], [place('metall')], { ranks: [0], anywhere: 5 });
    expect(byPupil).toEqual({ mia: 'metall' });
    expect(lines[0].rankMet).toEqual({ wish: 'company', rank: 1 });
    // one pupil placed (5·1+1 = 6) and a wish worth 0
    expect(objective).toBe(6);
  });

  it('splits a field\'s pool for a pupil only where the pool would overstate an application: the model stays pupils × fields', () => {
    // three places of one field; mia applied to one of them
    const places = ['a', 'b', 'c'].map((id) => place(id, { occupationalField: 'Metall' }));
    const mia = [pupil('mia', { companyWishes: ['a'] })];
    // usual falling weights: the application's column and the pool's
    expect(buildPhaseModel(mia, places, DEFAULT_WEIGHTS).columns.size).toBe(2);
    // a place anywhere worth more than the application: one column per place
    expect(buildPhaseModel(mia, places, { ranks: [0], anywhere: 5 }).columns.size).toBe(3);
  });

  it('never proposes a Steckbrief where one side already said no in this phase, even one marked, and says why a pupil is left over', async () => {
    const refused = { companyWishes: ['metall'], refusedBy: ['metall'] };
    expect((await propose([pupil('mia', refused)], [place('metall'), place('elektro')])).byPupil).toEqual({ mia: 'elektro' });
    expect((await propose([pupil('mia', refused)], [place('metall', { free: 3 })])).byPupil).toEqual({ mia: 'no_place_in_allowed_field' });
  });

  it('keeps the rules: the practice weekday, a different company and field unless the pupil may stay, the free places', async () => {
    const earlier = [{ companyId: 'company-metall', occupationalField: 'field-metall' }];
    const pupils = [
      pupil('mia', { earlier, companyWishes: ['metall'] }),
      pupil('ben', { earlier, mayStay: true, companyWishes: ['metall'] }),
      pupil('cem', { weekday: 1 }),
      pupil('dana', { earlier: [{ companyId: 'other', occupationalField: 'field-elektro' }] }),
    ];
    const places = [place('metall', { free: 2 }), place('elektro', { free: 3 }), place('holz', { weekday: 1, free: 0 })];
    const { byPupil, lines } = await propose(pupils, places);
    expect(byPupil).toEqual({ mia: 'elektro', ben: 'metall', cem: 'no_place_on_weekday', dana: 'metall' });
    expect(lines.find((l) => l.pupilId === 'mia')!.rankMet).toEqual({ wish: 'anywhere' });
  });

  it('reports the pupils it cannot place, with the reason, instead of hiding them', async () => {
    const done = [
      { companyId: 'company-metall', occupationalField: 'field-metall' },
      { companyId: 'company-elektro', occupationalField: 'field-elektro' },
    ];
    const pupils = [pupil('mia', { weekday: 5 }), pupil('ben', { earlier: done }), pupil('cem', { companyWishes: ['metall'] }), pupil('dana', { companyWishes: ['metall'] })];
    const { byPupil } = await propose(pupils, [place('metall'), place('elektro', { free: 0 })]);
    expect(byPupil.mia).toBe('no_place_on_weekday');
    expect(byPupil.ben).toBe('no_place_in_allowed_field');
    expect([byPupil.cem, byPupil.dana].sort()).toEqual(['all_taken_by_others', 'metall']);
  });

  it('keeps a pupil from a company of an earlier phase that now offers another field, within a pool of that field', async () => {
    const earlier = [{ companyId: 'company-holz', occupationalField: 'Holz' }];
    const places = [place('holz', { occupationalField: 'Metall', free: 2 }), place('metall', { occupationalField: 'Metall' })];
    const { byPupil } = await propose([pupil('mia', { earlier }), pupil('ben'), pupil('cem')], places);
    expect(byPupil.mia).toBe('metall');
    expect([byPupil.ben, byPupil.cem]).toEqual(['holz', 'holz']);
  });

  it('answers an empty phase with an empty proposal', async () => {
    const model = buildPhaseModel([], [place('metall')], DEFAULT_WEIGHTS);
    expect(model.columns.size).toBe(0);
  });

  describe('in the worker thread, from plain input', () => {
    const inWorker = (input: PhaseAllocationInput) =>
      runner.solveModel<PhaseAllocationInput, ProposalLine[]>({
        model: { file: require.resolve('./phase-allocation.model'), name: 'phaseAllocation' },
        input,
        timeLimitSeconds: 10,
        options: { mip_rel_gap: 0 },
      });

    it('builds, solves and reads back the same proposal as here', async () => {
      const pupils = [pupil('mia', { companyWishes: ['metall', 'elektro'] }), pupil('ben', { companyWishes: ['metall'], earlier: [{ companyId: 'x', occupationalField: 'field-elektro' }] }), pupil('cem', { weekday: 1 })];
      const places = [place('metall'), place('elektro')];
      const here = await propose(pupils, places);
      const there = await inWorker({ pupils, places, weights: DEFAULT_WEIGHTS });
      expect(there).toMatchObject({ status: 'Optimal', optimal: true, objective: here.objective, gap: 0 });
      expect(there.result).toEqual(here.lines);
      expect(Object.keys(there.timings).sort()).toEqual(['buildMs', 'readMs', 'solveMs']);
    }, 60_000);

    it('answers a phase without a column without solving: every pupil left over with the reason', async () => {
      const outcome = await inWorker({ pupils: [pupil('mia', { weekday: 5 })], places: [place('metall')], weights: DEFAULT_WEIGHTS });
      expect(outcome).toMatchObject({ status: 'Optimal', optimal: true, objective: 0, gap: 0 });
      expect(outcome.result).toEqual([{ pupilId: 'mia', placeId: null, offerId: null, rankMet: null, reason: 'no_place_on_weekday' }]);
    }, 60_000);

    it('fails as the solver does when the model is not where it is said to be', async () => {
      await expect(runner.solveModel({ model: { file: require.resolve('./phase-allocation.model'), name: 'noSuchModel' }, input: {}, timeLimitSeconds: 5 })).rejects.toMatchObject({ code: 'solver_failed' });
    }, 60_000);
  });
});
