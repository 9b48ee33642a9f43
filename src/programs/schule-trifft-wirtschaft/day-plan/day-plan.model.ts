import { DayPlanInput, wishRankOf } from './day-plan.input';

/**
 * The integer program of a Schule-trifft-Wirtschaft day.
 *
 * One binary x(company, class, period) per session the solver may choose. Rooms are not a
 * fourth index: rooms of one kind are interchangeable within a period, so the model counts
 * them per kind and period instead (a company that needs a workshop takes one of the free
 * workshops; any other company takes any free room). By Hall's theorem these counts are
 * exactly the condition for naming a distinct room for every session of the period, which
 * day-plan.reading.ts then does; the model stays at companies × classes × periods binaries
 * (4,500 for 25 × 30 × 6 instead of 90,000 with 20 rooms).
 *
 * Impossible sessions get no variable at all: the company is not there in that period, all
 * its teams are taken there, the class has that period or that company already (booked by
 * hand or pinned), the class has no sessions left, or no room it could use is free.
 */

/** A session worth 1 for taking place at all, plus its wish's weight. */
const SESSION = 1;
/** Rank 1 weighs 10, rank 2 8, … rank 5 2; later ranks 1. */
export const wishWeight = (rank: number) => (rank <= 5 ? 2 * (6 - rank) : 1);
/**
 * Fairness: every registered company without any session costs more than a class missing its
 * first wish. A company that gives up a working day to come to the school and presents
 * nowhere is the worse outcome. This was chosen over maximising the smallest number of
 * sessions per company: that term is held at 0 by a single company that can take none (all
 * its periods taken), and then spreads nothing among the others; the penalty gives every
 * company that can be served its own claim to one session.
 */
export const COMPANY_WITHOUT_SESSION = 12;

export interface Candidate {
  column: string;
  companyId: string;
  eventClassId: string;
  periodId: string;
  wishRank: number | null;
}

export interface DayPlanModel {
  lp: string;
  candidates: Candidate[];
  /** The fairness column of each company that has no fixed session but could get one. */
  servedColumns: Map<string, string>;
}

/** A key for maps over pairs. */
const key = (...parts: string[]) => parts.join('|');

export function buildDayPlanModel(input: DayPlanInput): DayPlanModel {
  const { periods, classes, companies, rooms, fixed } = input;
  const index = numbering();
  const takenCell = new Set(fixed.map((s) => key(s.eventClassId, s.periodId)));
  const metAlready = new Set(fixed.map((s) => key(s.eventClassId, s.companyId)));
  const teamsBusy = count(fixed.map((s) => key(s.companyId, s.periodId)));
  const classFixed = count(fixed.map((s) => s.eventClassId));
  const roomTaken = new Set(fixed.filter((s) => s.roomId).map((s) => key(s.roomId!, s.periodId)));
  // free rooms per period and kind; a day without rooms holds its sessions in the classes' own rooms
  const freeRooms = new Map(periods.map((p) => [p.id, count(rooms.filter((r) => !roomTaken.has(key(r.id, p.id))).map((r) => r.kind))]));
  const freeTotal = (periodId: string) => [...freeRooms.get(periodId)!.values()].reduce((a, b) => a + b, 0);

  const candidates: Candidate[] = [];
  for (const company of companies) {
    const present = new Set(company.periodIds ?? periods.map((p) => p.id));
    for (const period of periods) {
      if (!present.has(period.id) || (teamsBusy.get(key(company.id, period.id)) ?? 0) >= company.teams) continue;
      if (rooms.length > 0 && (company.roomKind ? (freeRooms.get(period.id)!.get(company.roomKind) ?? 0) : freeTotal(period.id)) === 0) continue;
      for (const schoolClass of classes) {
        const left = (schoolClass.sessions ?? periods.length) - (classFixed.get(schoolClass.id) ?? 0);
        if (left <= 0 || takenCell.has(key(schoolClass.id, period.id)) || metAlready.has(key(schoolClass.id, company.id))) continue;
        candidates.push({ column: `x${candidates.length}`, companyId: company.id, eventClassId: schoolClass.id, periodId: period.id, wishRank: wishRankOf(schoolClass, company) });
      }
    }
  }

  const rows: string[] = [];
  const sumAtMost = (name: string, group: Candidate[], limit: number) => {
    if (group.length > 0 && group.length > limit) rows.push(`${name}: ${terms(group.map((c) => `+ ${c.column}`))} <= ${limit}`);
  };
  // a class has at most one company per period …
  for (const [cell, group] of groupBy(candidates, (c) => key(c.eventClassId, c.periodId))) sumAtMost(`class_period_${index(cell)}`, group, 1);
  // … and at most its number of sessions on the day
  for (const schoolClass of classes) {
    const left = (schoolClass.sessions ?? periods.length) - (classFixed.get(schoolClass.id) ?? 0);
    sumAtMost(`class_sessions_${index(schoolClass.id)}`, candidates.filter((c) => c.eventClassId === schoolClass.id), left);
  }
  // a company is in at most as many classes per period as it has teams free there
  const teamsOf = new Map(companies.map((c) => [c.id, c.teams]));
  for (const [pair, group] of groupBy(candidates, (c) => key(c.companyId, c.periodId))) {
    sumAtMost(`company_teams_${index(pair)}`, group, teamsOf.get(group[0].companyId)! - (teamsBusy.get(pair) ?? 0));
  }
  // each class meets a company at most once
  for (const [pair, group] of groupBy(candidates, (c) => key(c.eventClassId, c.companyId))) sumAtMost(`meets_once_${index(pair)}`, group, 1);
  // a room hosts at most one session per period: per period, the sessions needing a kind fit
  // into the free rooms of that kind, and all sessions into all free rooms
  if (rooms.length > 0) {
    const needOf = new Map(companies.map((c) => [c.id, c.roomKind]));
    for (const period of periods) {
      const inPeriod = candidates.filter((c) => c.periodId === period.id);
      sumAtMost(`rooms_${period.number}`, inPeriod, freeTotal(period.id));
      for (const [kind, group] of groupBy(inPeriod.filter((c) => needOf.get(c.companyId)), (c) => needOf.get(c.companyId)!)) {
        sumAtMost(`rooms_${kind}_${period.number}`, group, freeRooms.get(period.id)!.get(kind as never) ?? 0);
      }
    }
  }
  // served(k) may be 1 only if company k has a session
  const servedColumns = new Map<string, string>();
  const withFixed = new Set(fixed.map((s) => s.companyId));
  for (const [companyId, group] of groupBy(candidates, (c) => c.companyId)) {
    if (withFixed.has(companyId)) continue;
    const served = `s${servedColumns.size}`;
    servedColumns.set(companyId, served);
    rows.push(`served_${index(companyId)}: ${served} ${terms(group.map((c) => `- ${c.column}`))} <= 0`);
  }

  const objective = [
    ...candidates.map((c) => `+ ${SESSION + (c.wishRank ? wishWeight(c.wishRank) : 0)} ${c.column}`),
    ...[...servedColumns.values()].map((s) => `+ ${COMPANY_WITHOUT_SESSION} ${s}`),
  ];
  const binaries = [...candidates.map((c) => c.column), ...servedColumns.values()];
  const lp = ['Maximize', ` obj: ${terms(objective)}`, 'Subject To', ...rows.map((r) => ` ${r}`), 'Binary', ` ${terms(binaries)}`, 'End', ''].join('\n');
  return { lp, candidates, servedColumns };
}

/** LP text keeps lines short: a term list wrapped every few terms. */
function terms(list: string[]): string {
  const lines: string[] = [];
  for (let i = 0; i < list.length; i += 12) lines.push(list.slice(i, i + 12).join(' '));
  return lines.join('\n  ');
}

function count(values: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = keyOf(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Row names stay short and free of the characters LP text reserves: a number per key. */
function numbering(): (value: string) => number {
  const numbers = new Map<string, number>();
  return (value) => {
    if (!numbers.has(value)) numbers.set(value, numbers.size);
    return numbers.get(value)!;
  };
}
