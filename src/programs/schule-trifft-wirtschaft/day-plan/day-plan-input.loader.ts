import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { BookingReads } from '../../../bookings/booking-reads';
import { LIVE } from '../../../bookings/booking-status';
import type { RoomKind } from '../event-room.entity';
import { DayPlanInput, FixedSession, PlanClass, PlanCompany } from './day-plan.input';

/** A day's input with the names the pages and messages show, and the sessions' teams. */
export interface LoadedDay {
  input: DayPlanInput;
  /** A hash of everything the plan depends on but the pins: a proposal with another stamp is stale. */
  stamp: string;
  names: { classes: Map<string, string>; companies: Map<string, string>; rooms: Map<string, string>; periods: Map<string, number> };
  /** Team numbers in use per company and period by live sessions, for booking further teams. */
  teamsInUse: Map<string, number[]>;
}

/**
 * Reads a day as the model wants it: the periods, the classes with their sessions and ranked
 * wishes, the companies registered (confirmed) for the day with their teams, periods and room
 * need, the rooms, and the live sessions as fixed cells. Everything in a fixed order, so that
 * the same day always gives the same stamp.
 */
const GERMAN = new Intl.Collator('de');

@Injectable()
export class DayPlanInputLoader {
  constructor(private readonly reads: BookingReads) {}

  async load(manager: EntityManager, eventId: string): Promise<LoadedDay> {
    // one after the other: inside a transaction they share one connection
    const [periods, classRows, wishRows, rooms, everRegistered, availability, sessions] = await inSequence([
      () => manager.query(`SELECT id, number FROM event_periods WHERE event_id = $1 ORDER BY number`, [eventId]) as Promise<Array<{ id: string; number: number }>>,
      () => manager.query(
        `SELECT ec.id, sc.name, ec.sessions FROM event_classes ec JOIN school_classes sc ON sc.id = ec.school_class_id
          WHERE ec.event_id = $1 ORDER BY sc.grade, sc.name, ec.id`,
        [eventId],
      ) as Promise<Array<{ id: string; name: string; sessions: number | null }>>,
      () => manager.query(
        `SELECT w.event_class_id, w.rank, w.occupational_field, w.company_id FROM event_class_wishes w
           JOIN event_classes ec ON ec.id = w.event_class_id WHERE ec.event_id = $1 ORDER BY w.event_class_id, w.rank`,
        [eventId],
      ) as Promise<Array<{ event_class_id: string; rank: number; occupational_field: string | null; company_id: string | null }>>,
      () => manager.query(`SELECT id, name, kind FROM event_rooms WHERE event_id = $1 ORDER BY name, id`, [eventId]) as Promise<Array<{ id: string; name: string; kind: RoomKind }>>,
      // every registration, in any state: a company whose registration is gone keeps its name in messages
      () => this.reads.ofKind(eventId, 'day_registration', {}, manager),
      () => manager.query(`SELECT company_id, teams, period_ids, room_kind FROM day_company_availability WHERE event_id = $1`, [eventId]) as Promise<
        Array<{ company_id: string; teams: number; period_ids: string[] | null; room_kind: RoomKind | null }>
      >,
      () => this.reads.ofKind(eventId, 'session', { statuses: LIVE }, manager),
    ] as const);
    const classes: PlanClass[] = classRows.map((c) => ({
      id: c.id,
      name: c.name,
      sessions: c.sessions,
      wishes: wishRows
        .filter((w) => w.event_class_id === c.id)
        .map((w) => (w.company_id ? { rank: w.rank, companyId: w.company_id } : { rank: w.rank, occupationalField: w.occupational_field! })),
    }));
    const terms = new Map(availability.map((a) => [a.company_id, a]));
    const companies: PlanCompany[] = everRegistered
      .filter((r) => r.status === 'confirmed')
      .map((r) => {
        const own = terms.get(r.companyId!);
        return {
          id: r.companyId!,
          name: r.companyName!,
          branch: r.companyBranch ?? '',
          apprenticeships: r.companyApprenticeships ?? [],
          teams: own?.teams ?? 1,
          periodIds: own?.period_ids ?? null,
          roomKind: own?.room_kind ?? null,
        };
      })
      // by name, not by the random id: the same day makes the same model in any database, so the
      // solver takes the same path (with the order of the ids, one day took 3 s or 7 s by chance)
      .sort((a, b) => GERMAN.compare(a.name, b.name) || a.id.localeCompare(b.id));
    const fixed: FixedSession[] = sessions
      .map((s) => ({ eventClassId: s.eventClassId!, periodId: s.periodId!, companyId: s.companyId!, roomId: s.roomId, source: 'booked' as const }))
      .sort((a, b) => `${a.eventClassId}${a.periodId}`.localeCompare(`${b.eventClassId}${b.periodId}`));
    const input: DayPlanInput = { periods, classes, companies, rooms, fixed };
    const teamsInUse = new Map<string, number[]>();
    for (const s of sessions) teamsInUse.set(`${s.companyId}|${s.periodId}`, [...(teamsInUse.get(`${s.companyId}|${s.periodId}`) ?? []), s.team!]);
    return {
      input,
      stamp: createHash('sha256').update(JSON.stringify(input)).digest('hex'),
      names: {
        classes: new Map(classes.map((c) => [c.id, c.name])),
        // companies of sessions and of registrations in any state too: one that withdrew keeps its name in the grid
        companies: new Map([...everRegistered, ...sessions].map((b): [string, string] => [b.companyId!, b.companyName!])),
        rooms: new Map(rooms.map((r) => [r.id, r.name])),
        periods: new Map(periods.map((p) => [p.id, p.number])),
      },
      teamsInUse,
    };
  }
}

/** Runs the reads one after the other and gives their results in order. */
async function inSequence<T extends readonly (() => Promise<unknown>)[]>(reads: T): Promise<{ -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as never;
}
