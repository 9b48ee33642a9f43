import type { RoomKind } from '../event-room.entity';

/**
 * Everything a day plan is solved from, as plain data: the model neither reads the database
 * nor knows who asks. The loader (day-plan-input.loader.ts) fills it in; the tests write it
 * by hand.
 */
export interface DayPlanInput {
  periods: Array<{ id: string; number: number }>;
  classes: PlanClass[];
  /** Companies registered (confirmed) for the day, with what they said of their day. */
  companies: PlanCompany[];
  rooms: Array<{ id: string; name: string; kind: RoomKind }>;
  /** Sessions that are not the solver's to choose: booked by hand before, or pinned. */
  fixed: FixedSession[];
}

export interface PlanClass {
  id: string;
  name: string;
  /** How many sessions the class has; null: one in every period. */
  sessions: number | null;
  wishes: Wish[];
}

/** Whom a class wants to meet, rank 1 first: an occupational field or one company. */
export type Wish = { rank: number; occupationalField: string; companyId?: undefined } | { rank: number; companyId: string; occupationalField?: undefined };

export interface PlanCompany {
  id: string;
  name: string;
  /** The company's branch, against which a wanted occupational field is matched. */
  branch: string;
  apprenticeships: string[];
  /** How many teams it brings: sessions it can hold in one period. */
  teams: number;
  /** The periods it is there; null: all of them. */
  periodIds: string[] | null;
  /** The kind of room it needs (e.g. a workshop); null: any room. */
  roomKind: RoomKind | null;
}

export interface FixedSession {
  eventClassId: string;
  periodId: string;
  companyId: string;
  roomId: string | null;
  source: 'booked' | 'pinned';
}

/** A cell of the plan: a company in a class during a period, in a room when the day has rooms. */
export interface PlannedSession {
  eventClassId: string;
  periodId: string;
  companyId: string;
  roomId: string | null;
  source: 'booked' | 'pinned' | 'proposed';
  /** The rank of the class's wish it meets, if any. */
  wishRank: number | null;
}

/** What the plan could not do, and why: shown to the host school, never left out. */
export type Shortfall =
  | { kind: 'wish_unmet'; eventClassId: string; rank: number; reason: 'no_company' | 'no_free_time' | 'class_full' | 'outweighed' }
  | { kind: 'company_without_session'; companyId: string; reason: 'no_period' | 'no_suitable_room' | 'nothing_free' | 'outweighed' }
  | { kind: 'class_short'; eventClassId: string; wanted: number; planned: number };

export interface DayPlan {
  sessions: PlannedSession[];
  shortfalls: Shortfall[];
  solver: { status: string; objective: number | null; optimal: boolean; gap: number | null; ms: number; variables: number };
}

const normal = (text: string) => text.trim().toLocaleLowerCase('de');

/**
 * Whether a company meets a wanted occupational field: its branch or one of its
 * apprenticeships contains the words, as the host school's branch filter finds companies.
 */
export function offersField(company: Pick<PlanCompany, 'branch' | 'apprenticeships'>, field: string): boolean {
  const wanted = normal(field);
  return [company.branch, ...company.apprenticeships].some((offered) => normal(offered).includes(wanted));
}

/** The best (lowest) rank of the class's wishes that the company meets, or null. */
export function wishRankOf(schoolClass: Pick<PlanClass, 'wishes'>, company: PlanCompany): number | null {
  const met = schoolClass.wishes.filter((w) => (w.companyId ? w.companyId === company.id : offersField(company, w.occupationalField!)));
  return met.length ? Math.min(...met.map((w) => w.rank)) : null;
}
