import { Conflict, DomainError } from '../../../common/errors/domain-error';
import type { LoadedDay } from './day-plan-input.loader';
import type { FixedSession } from './day-plan.input';

type Cell = Pick<FixedSession, 'eventClassId' | 'periodId' | 'companyId' | 'roomId'>;

/** The rules a cell can break; day-plan.errors.ts says each in words. */
export type DayPlanRule =
  | 'class_period_taken'
  | 'company_busy'
  | 'company_absent'
  | 'meets_twice'
  | 'class_full'
  | 'room_busy'
  | 'room_unsuited'
  | 'company_not_registered'
  // a cell of a stored proposal whose class, period or room has been removed from the day since
  | 'class_gone'
  | 'period_gone'
  | 'room_gone'
  // the booking engine found the cell taken by a booking made while the proposal was being booked
  | 'booked_meanwhile';

/** A rule a cell breaks, with what the words about it name (the class, company, room it collides with). */
export interface RuleBreak {
  rule: DayPlanRule;
  params: Record<string, string | number>;
}

/**
 * The rules of the day for one cell placed beside others (sessions booked, cells pinned): the
 * first rule it breaks, naming the conflict in the host school's words, or null. Pins are
 * checked with it before they are taken, the proposed cells around a new pin are kept only
 * where it finds nothing, and a stale proposal's cells are checked with it to name each one
 * that can no longer be booked.
 */
export function conflictOf(day: LoadedDay, beside: Cell[], cell: Cell): RuleBreak | null {
  const { input, names } = day;
  const className = names.classes.get(cell.eventClassId);
  const period = names.periods.get(cell.periodId);
  if (className === undefined) return { rule: 'class_gone', params: {} };
  if (period === undefined) return { rule: 'period_gone', params: {} };
  const room = cell.roomId ? input.rooms.find((r) => r.id === cell.roomId) : undefined;
  if (cell.roomId && !room) return { rule: 'room_gone', params: {} };
  const company = input.companies.find((c) => c.id === cell.companyId);
  if (!company) return { rule: 'company_not_registered', params: { company: names.companies.get(cell.companyId) ?? '' } };
  const companyName = company.name;
  const inPeriod = beside.filter((s) => s.periodId === cell.periodId);

  const sameCell = inPeriod.find((s) => s.eventClassId === cell.eventClassId);
  if (sameCell) return { rule: 'class_period_taken', params: { class: className, period, company: names.companies.get(sameCell.companyId) ?? '?' } };
  if (company.periodIds && !company.periodIds.includes(cell.periodId)) return { rule: 'company_absent', params: { company: companyName, period } };
  const busy = inPeriod.filter((s) => s.companyId === cell.companyId);
  if (busy.length >= company.teams) {
    return { rule: 'company_busy', params: { company: companyName, period, teams: company.teams, classes: busy.map((s) => names.classes.get(s.eventClassId)).join(', ') } };
  }
  const metBefore = beside.find((s) => s.eventClassId === cell.eventClassId && s.companyId === cell.companyId);
  if (metBefore) return { rule: 'meets_twice', params: { class: className, company: companyName, period: names.periods.get(metBefore.periodId)! } };
  const schoolClass = input.classes.find((c) => c.id === cell.eventClassId)!;
  const sessions = schoolClass.sessions ?? input.periods.length;
  if (beside.filter((s) => s.eventClassId === cell.eventClassId).length >= sessions) return { rule: 'class_full', params: { class: className, sessions } };
  if (room) {
    const roomUser = inPeriod.find((s) => s.roomId === cell.roomId);
    if (roomUser) return { rule: 'room_busy', params: { room: room.name, period, class: names.classes.get(roomUser.eventClassId) ?? '?', company: names.companies.get(roomUser.companyId) ?? '?' } };
    if (company.roomKind && room.kind !== company.roomKind) return { rule: 'room_unsuited', params: { company: companyName, room: room.name, kind: company.roomKind } };
  }
  return null;
}

/** A pin that breaks a rule is refused naming it (`pin_<rule>`, 409). */
export const pinRefused = (broken: RuleBreak) => new DomainError(`pin_${broken.rule}`, broken.params);

/**
 * The cells of a proposal that can no longer be booked as the day is now, each with the rule
 * it breaks: every cell is checked beside the sessions booked now and the cells before it that
 * still fit, in the proposal's order (pinned before proposed).
 */
export function clashesOf(day: LoadedDay, cells: Cell[]): Array<{ cell: Cell; broken: RuleBreak }> {
  const beside: Cell[] = [...day.input.fixed];
  const clashes: Array<{ cell: Cell; broken: RuleBreak }> = [];
  for (const cell of cells) {
    const broken = conflictOf(day, beside, cell);
    if (broken) clashes.push({ cell, broken });
    else beside.push(cell);
  }
  return clashes;
}

/**
 * The refusal of a stale proposal: nothing is booked, and each cell that can no longer be
 * booked is named with its class, period, company and room (ids for clients, names for
 * people) and the rule it breaks. Without such a cell the day changed all the same (wishes,
 * a registration, a room), and the proposal was solved for the day as it was.
 */
export function staleRefusal(day: LoadedDay, clashes: Array<{ cell: Cell; broken: RuleBreak }>): DomainError {
  const { names } = day;
  const conflicts: Conflict[] = clashes.map(({ cell, broken }) => {
    const className = names.classes.get(cell.eventClassId) ?? null;
    const period = names.periods.get(cell.periodId) ?? null;
    const companyName = names.companies.get(cell.companyId) ?? null;
    return {
      code: 'day_plan_cell_conflict',
      params: { ...broken.params, rule: broken.rule, cellClass: className ?? '', cellPeriod: period ?? '', cellCompany: companyName ?? '' },
      about: {
        rule: broken.rule,
        eventClassId: cell.eventClassId,
        className,
        periodId: cell.periodId,
        period,
        companyId: cell.companyId,
        companyName,
        roomId: cell.roomId,
        roomName: cell.roomId ? (names.rooms.get(cell.roomId) ?? null) : null,
      },
    };
  });
  return new DomainError('day_plan_proposal_stale', { cells: conflicts.length }, [], conflicts);
}
