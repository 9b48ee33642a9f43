import { LpModel, Term } from '../../../allocation/lp-model';
import type { WorkerModel } from '../../../allocation/worker-model';
import { brokenRule, companyAndFieldRule, PupilOfPhase } from '../placement-rules';

/**
 * The integer program behind a Praxistage phase's proposal: which pupil still without a
 * place takes which free place. Pure: the input comes in, the model goes out as LP text, and
 * the solver's values come back as lines of the proposal.
 *
 * It runs in the solver's worker thread (`phaseAllocation`), so it imports plain code only.
 *
 * Rules, as the program states them:
 *  - a pupil takes a place only on the practice weekday of the pupil's school (or class);
 *  - a different company and a different occupational field than in the earlier phases,
 *    unless the pupil may stay;
 *  - each pupil at most one place in the phase;
 *  - a Steckbrief's places on a weekday hold no more pupils than are free.
 * Objective: as many pupils placed as possible; among the ways to place that many, the most
 * wishes met, weighted by rank.
 */
export interface PupilToPlace extends PupilOfPhase {
  id: string;
  /** Steckbriefe the pupil applied to in this phase, first application first, then those marked on the Merkliste. */
  companyWishes: string[];
  /** Occupational fields the pupil wishes, rank 1 first (up to 3). */
  fieldWishes: string[];
  /** Steckbriefe where one side already said no in this phase (a company's refusal, an offer declined, an application withdrawn): never proposed again. */
  refusedBy?: string[];
}

/** A Steckbrief's free places on one weekday of the phase. */
export interface FreePlace {
  placeId: string;
  offerId: string;
  companyId: string;
  occupationalField: string;
  weekday: number;
  free: number;
}

export interface WishWeights {
  /** Weight of a wish met by rank: [rank 1, rank 2, …]; a rank past the end weighs as the last. */
  ranks: number[];
  /** Weight of a place that meets no wish (a pupil without wishes is placed anywhere allowed). */
  anywhere: number;
}

export const DEFAULT_WEIGHTS: WishWeights = { ranks: [10, 6, 3], anywhere: 1 };

export type RankMet = { wish: 'company' | 'field'; rank: number } | { wish: 'anywhere' };

export type LeftOverReason = 'no_place_on_weekday' | 'no_place_in_allowed_field' | 'all_taken_by_others' | 'dropped';

export interface ProposalLine {
  pupilId: string;
  placeId: string | null;
  offerId: string | null;
  rankMet: RankMet | null;
  /** Why a pupil is left over; null for a placed pupil. */
  reason: LeftOverReason | null;
}

/** The best wish a place meets for a pupil: the Steckbrief applied to or marked, else the field wished for. */
export function wishMet(pupil: PupilToPlace, place: Pick<FreePlace, 'offerId' | 'occupationalField'>): RankMet {
  const company = pupil.companyWishes.indexOf(place.offerId) + 1;
  const field = pupil.fieldWishes.indexOf(place.occupationalField) + 1;
  if (company > 0 && (field === 0 || company <= field)) return { wish: 'company', rank: company };
  if (field > 0) return { wish: 'field', rank: field };
  return { wish: 'anywhere' };
}

export function weightOf(met: RankMet, weights: WishWeights): number {
  if (met.wish === 'anywhere') return weights.anywhere;
  return weights.ranks[Math.min(met.rank, weights.ranks.length) - 1] ?? weights.anywhere;
}

/** A pupil may take a place that is free, on the pupil's weekday, keeps the company and field rule, and was not refused in this phase. */
const mayTake = (pupil: PupilToPlace, place: FreePlace) => place.free > 0 && brokenRule(pupil, place) === null && !refused(pupil, place);
const refused = (pupil: PupilToPlace, place: Pick<FreePlace, 'offerId'>) => pupil.refusedBy?.includes(place.offerId) ?? false;

/**
 * The free places of one occupational field on one weekday. A pupil for whom every one of
 * them is allowed and equally good (the pupil wishes the field, or none of them in particular)
 * is sent to the pool rather than to each place: the same proposal from a model that stays
 * small with 900 companies (pupils × fields instead of pupils × places).
 */
interface FieldPool {
  weekday: number;
  occupationalField: string;
  places: number[];
}

type Choice = { pupil: number; place: number } | { pupil: number; pool: number };

export interface PhaseModel {
  lp: string;
  /** What a column being 1 means: a pupil takes a place, or a place of a pool. */
  columns: Map<string, Choice>;
  /** How many of a pool's pupils each of its places takes, by column. */
  flows: Map<string, { pool: number; place: number }>;
  pools: FieldPool[];
}

export function buildPhaseModel(pupils: PupilToPlace[], places: FreePlace[], weights: WishWeights): PhaseModel {
  const model = new LpModel('maximize');
  const columns = new Map<string, Choice>();
  const flows = new Map<string, { pool: number; place: number }>();
  const pools = fieldPools(places);
  const heaviest = Math.max(weights.anywhere, ...weights.ranks, 0);
  // one more pupil placed outweighs every wish of every pupil: placing as many as possible comes first
  const placedPupil = heaviest * pupils.length + 1;
  const objective: Term[] = [];
  const ofPupil: Term[][] = pupils.map(() => []);
  const onPlace: Term[][] = places.map(() => []);
  const intoPool: Term[][] = pools.map(() => []);
  const take = (p: number, column: string, weight: number, choice: Choice) => {
    columns.set(model.binary(column), choice);
    objective.push([placedPupil + weight, column]);
    ofPupil[p].push([1, column]);
  };
  pupils.forEach((pupil, p) => {
    // a Steckbrief the pupil applied to: a column of its own, weighted by the application's rank
    const applied = new Set<number>();
    places.forEach((place, s) => {
      if (!pupil.companyWishes.includes(place.offerId) || !mayTake(pupil, place)) return;
      applied.add(s);
      take(p, `x_p${p}_s${s}`, weightOf(wishMet(pupil, place), weights), { pupil: p, place: s });
      onPlace[s].push([1, `x_p${p}_s${s}`]);
    });
    // any other place: through its field's pool, or one by one where the company rule leaves out some of the pool
    pools.forEach((pool, k) => {
      if (pool.weekday !== pupil.weekday) return;
      const allowed = pool.places.filter((s) => mayTake(pupil, places[s]));
      const poolWeight = weightOf(wishMet(pupil, { offerId: '', occupationalField: pool.occupationalField }), weights);
      // a pool holding a Steckbrief the pupil applied to, which weighs less than the pool's wish
      // (a weight the request set), is not equally good throughout: through the pool that place
      // would count at the pool's weight. Only then is the pool split for the pupil, which keeps
      // the model at pupils × fields with the usual falling weights.
      const overstated = pool.places.some((s) => applied.has(s) && weightOf(wishMet(pupil, places[s]), weights) < poolWeight);
      if (allowed.length === pool.places.length && !overstated) {
        take(p, `y_p${p}_k${k}`, poolWeight, { pupil: p, pool: k });
        intoPool[k].push([1, `y_p${p}_k${k}`]);
        return;
      }
      for (const s of allowed.filter((s) => !applied.has(s))) {
        take(p, `x_p${p}_s${s}`, weightOf(wishMet(pupil, places[s]), weights), { pupil: p, place: s });
        onPlace[s].push([1, `x_p${p}_s${s}`]);
      }
    });
  });
  pools.forEach((pool, k) => {
    if (intoPool[k].length === 0) return;
    for (const s of pool.places) {
      const flow = model.integer(`z_k${k}_s${s}`, places[s].free);
      flows.set(flow, { pool: k, place: s });
      intoPool[k].push([-1, flow]);
      onPlace[s].push([1, flow]);
    }
  });
  model.maximizeOrMinimize(objective);
  ofPupil.forEach((terms, p) => model.constraint(`pupil_p${p}_takes_at_most_one_place`, terms, '<=', 1));
  intoPool.forEach((terms, k) => model.constraint(`pool_k${k}_places_each_of_its_pupils`, terms, '=', 0));
  onPlace.forEach((terms, s) => model.constraint(`place_s${s}_holds_no_more_than_free`, terms, '<=', places[s].free));
  return { lp: model.toText(), columns, flows, pools };
}

export interface PhaseAllocationInput {
  pupils: PupilToPlace[];
  places: FreePlace[];
  weights: WishWeights;
}

/** The phase's model as the solver's worker runs it: built, solved and read back off the request thread. */
export const phaseAllocation: WorkerModel<PhaseAllocationInput, ProposalLine[]> = {
  build: ({ pupils, places, weights }) => {
    const model = buildPhaseModel(pupils, places, weights);
    return { lp: model.columns.size > 0 ? model.lp : null, read: (values) => readProposal(pupils, places, model, values) };
  },
};

function fieldPools(places: FreePlace[]): FieldPool[] {
  const byKey = new Map<string, FieldPool>();
  places.forEach((place, s) => {
    if (place.free <= 0) return;
    const key = `${place.weekday}|${place.occupationalField}`;
    if (!byKey.has(key)) byKey.set(key, { weekday: place.weekday, occupationalField: place.occupationalField, places: [] });
    byKey.get(key)!.places.push(s);
  });
  return [...byKey.values()];
}

/** The solver's values as the proposal's lines: every pupil, placed or left over with the reason. */
export function readProposal(pupils: PupilToPlace[], places: FreePlace[], model: PhaseModel, values: Record<string, number>): ProposalLine[] {
  const placeOf = new Map<number, number>();
  const poolPupils = model.pools.map((): number[] => []);
  for (const [column, value] of Object.entries(values)) {
    const choice = model.columns.get(column);
    if (!choice || value < 0.5) continue;
    if ('place' in choice) placeOf.set(choice.pupil, choice.place);
    else poolPupils[choice.pool].push(choice.pupil);
  }
  // a pool's pupils take its places as many as the solve sent to each (every one of them is allowed to each)
  for (const [column, value] of Object.entries(values)) {
    const flow = model.flows.get(column);
    for (let n = 0; flow && n < Math.round(value); n++) {
      const pupil = poolPupils[flow.pool].shift();
      if (pupil !== undefined) placeOf.set(pupil, flow.place);
    }
  }
  return pupils.map((pupil, p) => {
    const s = placeOf.get(p);
    if (s === undefined) return { pupilId: pupil.id, placeId: null, offerId: null, rankMet: null, reason: leftOverReason(pupil, places) };
    return { pupilId: pupil.id, placeId: places[s].placeId, offerId: places[s].offerId, rankMet: wishMet(pupil, places[s]), reason: null };
  });
}

/**
 * Why no place was found, from the first rule that leaves none: no free place on the weekday,
 * none the company and field rule allows (nor one refused in this phase), else the places allowed went to others (placing
 * this pupil would have left someone else without one).
 */
export function leftOverReason(pupil: PupilToPlace, places: FreePlace[]): LeftOverReason {
  const onDay = places.filter((place) => place.weekday === pupil.weekday && place.free > 0);
  if (onDay.length === 0) return 'no_place_on_weekday';
  const allowed = onDay.filter((place) => companyAndFieldRule(pupil, place) === null && !refused(pupil, place));
  if (allowed.length === 0) return 'no_place_in_allowed_field';
  return 'all_taken_by_others';
}
