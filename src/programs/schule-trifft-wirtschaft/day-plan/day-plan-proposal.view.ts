import type { LoadedDay } from './day-plan-input.loader';
import type { DayPlan, FixedSession } from './day-plan.input';

/** A stored proposal: the plan as solved (and edited by pins since), with its pins and stamp. */
export interface ProposalRow {
  id: string;
  event_id: string;
  status: 'open' | 'replaced' | 'committed';
  input_stamp: string;
  pins: FixedSession[];
  result: DayPlan & { editedSinceSolve?: boolean };
  created_at: Date;
  committed_at: Date | null;
}

/**
 * A proposal as the host school reads it: every cell with the names of its class, company
 * and room, and every shortfall with the names it is about; `stale` when the day has changed
 * since it was solved (then it can no longer be committed).
 */
export function proposalView(row: ProposalRow, day: LoadedDay) {
  const { names } = day;
  return {
    id: row.id,
    eventId: row.event_id,
    status: row.status,
    createdAt: row.created_at,
    committedAt: row.committed_at,
    stale: row.status === 'open' && row.input_stamp !== day.stamp,
    /** True when cells were pinned or moved since the last solve: the shortfalls are those of that solve. */
    editedSinceSolve: !!row.result.editedSinceSolve,
    solver: row.result.solver,
    periods: day.input.periods,
    classes: day.input.classes.map((c) => ({ id: c.id, name: c.name, sessions: c.sessions })),
    cells: row.result.sessions.map((s) => ({
      eventClassId: s.eventClassId,
      className: names.classes.get(s.eventClassId) ?? null,
      periodId: s.periodId,
      period: names.periods.get(s.periodId) ?? null,
      companyId: s.companyId,
      companyName: names.companies.get(s.companyId) ?? null,
      roomId: s.roomId,
      roomName: s.roomId ? (names.rooms.get(s.roomId) ?? null) : null,
      source: s.source,
      wishRank: s.wishRank,
    })),
    shortfalls: row.result.shortfalls.map((s) => ({
      ...s,
      className: 'eventClassId' in s ? (names.classes.get(s.eventClassId) ?? null) : undefined,
      companyName: 'companyId' in s ? (names.companies.get(s.companyId) ?? null) : undefined,
    })),
  };
}

export type ProposalView = ReturnType<typeof proposalView>;
